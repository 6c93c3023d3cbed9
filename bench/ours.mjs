// Our side of the benchmark: the built release dist/ in headless Chromium, driven through its
// URL-hash settings and read through its own readouts (the numbers a learner sees).
//
//   import { runOurs } from "./ours.mjs";
//   const result = await runOurs({ origin, backend: "cpu", experiment: "E2", maxSeconds: 120 });
//
// Timing happens in the page: a sampler started before the page's own scripts records
// (performance.now(), step count) whenever the step count changes, and a PerformanceObserver
// records long main-thread tasks. A fresh browser per run (no shader cache carried over).
import { launch } from "../tests/e2e/helpers.mjs";
import { SAMPLER } from "./sampler.mjs";

export const OUR_BACKENDS = ["webgpu", "cpu"];

/** The URL-hash settings of each experiment (every setting spelled out, none from a preset). */
const MNIST = "task=mnist&act=relu&optimizer=adam&lr=0.001&batch=64&epochs=1&decay=1&l1=0&l2=0&subset=60000&seed=1&speed=0";
export const HASH = {
  E1: "task=linreg&points=100&noise=1&seed=1&optimizer=sgd&lr=0.1&batch=10&epochs=50&l1=0&l2=0&speed=0",
  E2: `${MNIST}&model=mlp&hidden=128&prep=unit`,
  E3: `${MNIST}&model=mlp&hidden=256-128-64&prep=symmetric`,
  E4: `${MNIST}&model=cnn&filters=8-16&prep=unit`,
};

const number = (text) => Number.parseFloat(String(text).replace(/,/g, "").replace("−", "-"));

/** Runs one experiment; resolves to the result object (a failed run has `error` set). */
export async function runOurs({ origin, backend, experiment, maxSeconds = 120 }) {
  const result = { system: "ml-playground", version: "0.1.0", backend, experiment, finished: false, error: null };
  const browser = await launch(backend === "webgpu" ? "webgpu" : "no-webgpu");
  try {
    const context = await browser.newContext({ serviceWorkers: "block" });
    await context.addInitScript(SAMPLER);
    const page = await context.newPage();
    await page.goto(`${origin}/#${HASH[experiment]}&backend=${backend}`);
    const badge = page.getByTestId("backend").filter({ hasText: /^(WebGPU|CPU) \(/ });
    await badge.waitFor({ timeout: 120_000 });
    result.device = (await badge.textContent()).trim();
    if (experiment !== "E1") {
      await page.getByTestId("data-progress").waitFor({ state: "detached", timeout: 120_000 });
      result.mnist_load_s = await page.evaluate(() => window.__bench.mnistLoadedAt / 1000);
    }
    const total = Number(await page.getByTestId("progress").getAttribute("aria-valuemax"));
    const [batch, samples] = experiment === "E1" ? [10, 80] : [64, 60000];
    const perEpoch = Math.ceil(samples / batch);
    const samplesAt = (step) => Math.floor(step / perEpoch) * samples + Math.min((step % perEpoch) * batch, samples);
    await page.evaluate(() => window.__bench.start());
    await page.getByTestId("play").click();
    const deadline = Date.now() + maxSeconds * 1000;
    await page.waitForFunction((t) => window.__bench.step >= t, total, { timeout: maxSeconds * 1000, polling: 100 })
      .catch(() => page.getByTestId("pause").click());
    const trace = await page.evaluate(() => window.__bench.trace());
    result.steps = trace.lastStep;
    result.finished = trace.lastStep >= total;
    // Warm-up: play → the first step count shown (compilation, first kernels, the first
    // snapshot). Steady state: samples over time from that point to the last count shown
    // before the end (the final count arrives after the test-set evaluation, which is not
    // training). The epoch time adds the few steps after that point at the steady rate.
    const seen = trace.seen;
    const first = seen[0];
    const before = seen.filter((o) => o.step < total).at(-1) ?? first;
    result.warmup_s = first ? round((first.t - trace.startedAt) / 1000, 3) : null;
    const rate = before && before.t > first.t ? (samplesAt(before.step) - samplesAt(first.step)) / ((before.t - first.t) / 1000) : null;
    result.samples_per_s = rate && round(rate, 1);
    result.worker_samples_per_s = experiment === "E1" ? null : number(await page.getByTestId("samples-per-sec").textContent());
    result.longest_task_ms = trace.longestTaskMs;
    result.long_tasks = trace.longTasks;
    if (result.finished) {
      const rest = rate ? (samplesAt(total) - samplesAt(before.step)) / rate : 0;
      result.epoch_s = round((before.t - trace.startedAt) / 1000 + rest, 3);
      if (experiment === "E1") {
        result.wall_s = round((seen.at(-1).t - trace.startedAt) / 1000, 3);
        for (const [key, id] of [["w", "param-w"], ["b", "param-b"], ["test_mse", "loss-test"]]) {
          result[key] = number(await page.getByTestId(id).first().textContent());
        }
      } else {
        const accuracy = page.getByTestId("test-accuracy").filter({ hasText: /%/ });
        await accuracy.waitFor({ timeout: Math.max(60_000, deadline - Date.now()) });
        result.test_accuracy = number(await accuracy.textContent());
      }
    }
    result.images = experiment === "E1" ? null : samplesAt(result.steps);
  } catch (e) {
    result.error = String(e.message ?? e).split("\n")[0];
  } finally {
    await browser.close();
  }
  return result;
}

const round = (x, digits) => Number(x.toFixed(digits));
