// An init script for our page (it runs before the page's own scripts): it watches the page's
// readouts on a 20 ms timer and records when the page became ready to train, when MNIST
// finished loading, each change of the step count, and the long main-thread tasks
// (PerformanceObserver "longtask": tasks over 50 ms) — all on the page's performance.now()
// clock, whose zero is the navigation start.
// `seen` lists (t, step) each time the shown step count changed after `start()`.
export const SAMPLER = `(() => {
  const b = window.__bench = { step: 0, readyAt: null, mnistLoadedAt: null, startedAt: null,
    seen: [], longTasks: [], sawProgress: false };
  const el = (id) => document.querySelector('[data-testid="' + id + '"]');
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: "longtask", buffered: true });
  setInterval(() => {
    const t = performance.now();
    const badge = el("backend"), play = el("play"), progress = el("data-progress");
    if (progress) b.sawProgress = true;
    else if (b.sawProgress && b.mnistLoadedAt === null) b.mnistLoadedAt = t;
    if (b.readyAt === null && badge && /^(WebGPU|CPU) \\(/.test(badge.textContent.trim()) && play && !play.disabled && !progress) b.readyAt = t;
    const count = el("step-count");
    const step = count ? Number(count.textContent.replace(/,/g, "")) : 0;
    if (b.startedAt !== null && step !== b.step && step > 0) {
      b.step = step;
      b.seen.push({ t, step });
    }
  }, 20);
  b.start = () => { b.startedAt = performance.now(); b.step = 0; b.seen = []; };
  b.trace = () => {
    const during = b.longTasks.filter((x) => b.startedAt !== null && x.start >= b.startedAt);
    return { startedAt: b.startedAt, seen: b.seen, lastStep: b.step,
      longTasks: during.length, longestTaskMs: during.reduce((m, x) => Math.max(m, Math.round(x.ms)), 0) };
  };
})();`;
