// A rerunnable tiny-GPT benchmark in the real browser: per recipe and backend, the tokens/s
// the worker measures, and the wall time (evaluations included) until the issue's learning
// target — sort: every held-out prompt exact; names: validation loss ≤ 2.1; Shakespeare:
// ≤ 2.0 — or until the recipe's steps run out. Each evaluation's step, time and numbers are
// printed, so a run can be set beside PyTorch's at the same step count; the final sample too.
// Also at each evaluation: the worker's WebAssembly memory (it only grows, so a flat line
// means no leak) and the longest main-thread task since Play (PerformanceObserver "longtask").
//
//   node bench-gpt.mjs [--backend cpu|webgpu] [--recipes sort,names,shakespeare] [--max-seconds S]
//                      [--steps N] [--no-stop]   (N steps instead of the recipe's; go on past the target)
//
// Needs dist/ (trunk build --release).
import { NO_SW, launch, serve } from "./helpers.mjs";

const args = Object.fromEntries(
  process.argv.slice(2).join(" ").split("--").filter(Boolean).map((a) => a.trim().split(/\s+/)),
);
const backend = args.backend ?? "cpu";
const recipes = (args.recipes ?? "sort,names,shakespeare").split(",");
const maxSeconds = Number(args["max-seconds"] ?? 900);
const steps = args.steps ? `&steps=${Number(args.steps)}` : "";
const stopAtTarget = !("no-stop" in args);
const TARGET = { names: 2.1, shakespeare: 2.0 };

const server = await serve();
const browser = await launch(backend === "webgpu" ? "webgpu" : "no-webgpu");
const rows = [];
for (const recipe of recipes) {
  const page = await browser.newPage(NO_SW);
  await page.addInitScript(() => {
    const b = (window.__gptBench = { longest: 0, long: 0, since: 0 });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.startTime < b.since) continue;
        b.long += 1;
        b.longest = Math.max(b.longest, Math.round(e.duration));
      }
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto(`${server.url}#task=gpt&text=${recipe}${steps}&backend=${backend}&speed=0`);
  await page.getByTestId("gpt-val-loss").filter({ hasText: /^\d/ }).waitFor({ timeout: 180_000 });
  const device = (await page.getByTestId("backend").textContent()).trim();
  await page.evaluate(() => { window.__gptBench.since = performance.now(); });
  await page.getByTestId("play").click();
  const started = Date.now();
  const memory = [];
  const read = async (id) => (await page.getByTestId(id).first().textContent()).trim();
  let reached = null;
  let last = await read("gpt-val-loss");
  let lastStep = "0";
  const rates = [];
  for (;;) {
    // The next evaluation: its "step N" note changes (or the run ends, or the cap is reached:
    // a slow backend may not evaluate at all within it).
    const left = maxSeconds * 1000 - (Date.now() - started);
    const next = await page.waitForFunction(
      (prev) => {
        const note = document.querySelector('[data-testid="gpt-val-loss"]')?.nextElementSibling?.textContent ?? "";
        const eta = document.querySelector('[data-testid="eta"]')?.textContent ?? "";
        return note !== prev || eta === "done";
      },
      await page.getByTestId("gpt-val-loss").locator("xpath=following-sibling::*[1]").textContent(),
      { timeout: Math.max(1_000, left), polling: 500 },
    ).then(() => true, () => false);
    const seconds = (Date.now() - started) / 1000;
    last = await read("gpt-val-loss");
    lastStep = await read("step-count");
    const exact = (await page.getByTestId("gpt-exact").count()) ? await read("gpt-exact") : "";
    const rate = await read("tokens-per-sec");
    const perSecond = Number(rate.replace(/[^\d.]/g, ""));
    if (perSecond > 0) rates.push(perSecond);
    const bytes = Number((await page.getByTestId("gpt-memory").count()) ? await page.getByTestId("gpt-memory").getAttribute("data-bytes") : 0);
    memory.push(bytes);
    const tasks = await page.evaluate(() => window.__gptBench);
    console.log(`${recipe}: step ${lastStep}, ${seconds.toFixed(1)} s, validation ${last}${exact ? `, exact ${exact}` : ""}, ${rate}, worker memory ${(bytes / 2 ** 20).toFixed(1)} MB, longest main-thread task ${tasks.longest} ms (${tasks.long} over 50 ms)`);
    const hit = recipe in TARGET ? Number(last) <= TARGET[recipe] : exact === "100.0 %";
    if (hit && !reached) reached = { step: lastStep, seconds };
    if (!next || (reached && stopAtTarget) || (await read("eta")) === "done" || seconds > maxSeconds) break;
  }
  // The readout is the recent rate: the median of those read at each evaluation.
  const sorted = [...rates].sort((a, b) => a - b);
  const rate = sorted.length ? `${sorted[Math.floor(sorted.length / 2)]} tokens/s (median of ${sorted.length})` : await read("tokens-per-sec");
  const sample = (await page.getByTestId("gpt-sample").count()) ? await read("gpt-sample") : "";
  if (sample) console.log(`${recipe}: last sample:\n${sample}`);
  const tasks = await page.evaluate(() => window.__gptBench);
  const mb = (b) => (b / 2 ** 20).toFixed(0);
  rows.push({ recipe, device, rate, reached, last, lastStep, memory: memory.length ? `${mb(memory[0])} → ${mb(memory.at(-1))} MB` : "—", longest: tasks.longest });
  await page.close();
}
console.log("\n| recipe | device | tokens/s | target reached | last validation loss | worker memory, first → last evaluation | longest main-thread task |\n|---|---|---|---|---|---|---|");
for (const r of rows) {
  const reached = r.reached ? `step ${r.reached.step}, ${r.reached.seconds.toFixed(0)} s` : `no (step ${r.lastStep})`;
  console.log(`| ${r.recipe} | ${r.device} | ${r.rate} | ${reached} | ${r.last} | ${r.memory} | ${r.longest} ms |`);
}
await browser.close();
await server.close();
