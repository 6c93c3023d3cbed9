// What the loss surface and the race cost in the real browser, on Burn's CPU backend:
// - the 100 × 100 loss grid, recomputed for ten values of λ₂ (the worker's own timing, from the
//   request to the values read back, as the panel's caption says);
// - training rate at speed "max": a solo run and a race of three (SGD, momentum, Adam), the
//   same settings otherwise, interleaved solo, race, solo, race…; each race run's steps/s
//   against the solo run's;
// - the main thread's longest task while the race trains (PerformanceObserver "longtask").
//
//   node bench-race.mjs [--seconds 10] [--rounds 2]
//
// Needs dist/ (trunk build --release). Prints a Markdown table. Not a test.
import { Playground } from "./fixture.mjs";

const args = Object.fromEntries(
  process.argv.slice(2).join(" ").split("--").filter(Boolean).map((a) => a.trim().split(/\s+/)),
);
const seconds = Number(args.seconds ?? 10);
const rounds = Number(args.rounds ?? 2);
const BASE = "#task=linreg&epochs=10000&speed=0&backend=cpu";
const LONG_TASKS = `
  window.__longest = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
  }).observe({ type: "longtask", buffered: true });
`;

async function grid() {
  const app = await Playground.open({ hash: BASE });
  try {
    await app.ready();
    await app.byTestId("surface-caption").waitFor({ timeout: 60_000 });
    const ms = [];
    for (let k = 1; k <= 10; k++) {
      const first = app.page.locator("[data-testid=loss-surface] .contours path").first();
      const before = await first.getAttribute("d");
      await app.byTestId("l2").fill(String(k / 100));
      await app.byTestId("l2").press("Enter");
      await app.page.waitForFunction(
        (d) => document.querySelector("[data-testid=loss-surface] .contours path")?.getAttribute("d") !== d,
        before,
        { timeout: 30_000 },
      );
      ms.push(Number((await app.text("surface-caption")).match(/\((\d+) ms\)/)[1]));
    }
    return ms;
  } finally {
    await app.close();
  }
}

async function rate(race) {
  const app = await Playground.open({ hash: BASE + (race ? "&race=optimizer:sgd,momentum,adam" : ""), prepare: (p) => p.addInitScript(LONG_TASKS) });
  try {
    await app.ready();
    await app.byTestId("play").click();
    await app.page.waitForTimeout(2_000); // warm-up
    await app.page.evaluate(() => (window.__longest = 0));
    const [s0, t0] = [await app.number("step-count"), Date.now()];
    await app.page.waitForTimeout(seconds * 1_000);
    const [s1, t1] = [await app.number("step-count"), Date.now()];
    const longest = await app.page.evaluate(() => window.__longest);
    return { stepsPerSecond: ((s1 - s0) * 1000) / (t1 - t0), longest };
  } finally {
    await app.close();
  }
}

const ms = await grid();
const sorted = [...ms].sort((a, b) => a - b);
console.error(`grid: ${ms.join(", ")} ms`);
const solo = [];
const race = [];
for (let r = 0; r < rounds; r++) {
  solo.push(await rate(false));
  race.push(await rate(true));
  console.error(`round ${r + 1}: solo ${solo.at(-1).stepsPerSecond.toFixed(0)} steps/s, race ${race.at(-1).stepsPerSecond.toFixed(0)} steps/s per run`);
}
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const [soloRate, raceRate] = [mean(solo.map((r) => r.stepsPerSecond)), mean(race.map((r) => r.stepsPerSecond))];
console.log(`| measure (CPU backend, ${rounds} rounds of ${seconds} s) | value |`);
console.log(`|---|---|`);
console.log(`| 100 × 100 loss grid, 10 recomputes: median / max | ${sorted[4]} ms / ${sorted[9]} ms |`);
console.log(`| solo run at speed max | ${soloRate.toFixed(0)} steps/s |`);
console.log(`| race of 3 at speed max, each run | ${raceRate.toFixed(0)} steps/s (${(raceRate / soloRate).toFixed(2)}× solo; target ≥ 0.33×) |`);
console.log(`| longest main-thread task during the race | ${Math.max(...race.map((r) => r.longest)).toFixed(0)} ms (solo: ${Math.max(...solo.map((r) => r.longest)).toFixed(0)} ms; target ≤ 50 ms) |`);
