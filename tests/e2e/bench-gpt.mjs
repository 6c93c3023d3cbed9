// A rerunnable tiny-GPT benchmark in the real browser: per recipe and backend, the tokens/s
// the worker measures, and the wall time (evaluations included) until the issue's learning
// target — sort: every held-out prompt exact; names: validation loss ≤ 2.1; Shakespeare:
// ≤ 2.0 — or until the recipe's steps run out. Each evaluation's step, time and numbers are
// printed, so a run can be set beside PyTorch's at the same step count; the final sample too.
//
//   node bench-gpt.mjs [--backend cpu|webgpu] [--recipes sort,names,shakespeare] [--max-seconds S]
//
// Needs dist/ (trunk build --release).
import { NO_SW, launch, serve } from "./helpers.mjs";

const args = Object.fromEntries(
  process.argv.slice(2).join(" ").split("--").filter(Boolean).map((a) => a.trim().split(/\s+/)),
);
const backend = args.backend ?? "cpu";
const recipes = (args.recipes ?? "sort,names,shakespeare").split(",");
const maxSeconds = Number(args["max-seconds"] ?? 900);
const TARGET = { names: 2.1, shakespeare: 2.0 };

const server = await serve();
const browser = await launch(backend === "webgpu" ? "webgpu" : "no-webgpu");
const rows = [];
for (const recipe of recipes) {
  const page = await browser.newPage(NO_SW);
  await page.goto(`${server.url}#task=gpt&text=${recipe}&backend=${backend}&speed=0`);
  await page.getByTestId("gpt-val-loss").filter({ hasText: /^\d/ }).waitFor({ timeout: 180_000 });
  const device = (await page.getByTestId("backend").textContent()).trim();
  await page.getByTestId("play").click();
  const started = Date.now();
  const read = async (id) => (await page.getByTestId(id).first().textContent()).trim();
  let reached = null;
  let last = await read("gpt-val-loss");
  let lastStep = "0";
  for (;;) {
    // The next evaluation: its "step N" note changes (or the run ends).
    await page.waitForFunction(
      (prev) => {
        const note = document.querySelector('[data-testid="gpt-val-loss"]')?.nextElementSibling?.textContent ?? "";
        const eta = document.querySelector('[data-testid="eta"]')?.textContent ?? "";
        return note !== prev || eta === "done";
      },
      await page.getByTestId("gpt-val-loss").locator("xpath=following-sibling::*[1]").textContent(),
      { timeout: maxSeconds * 1000, polling: 500 },
    );
    const seconds = (Date.now() - started) / 1000;
    last = await read("gpt-val-loss");
    lastStep = await read("step-count");
    const exact = (await page.getByTestId("gpt-exact").count()) ? await read("gpt-exact") : "";
    const rate = await read("tokens-per-sec");
    console.log(`${recipe}: step ${lastStep}, ${seconds.toFixed(1)} s, validation ${last}${exact ? `, exact ${exact}` : ""}, ${rate}`);
    const hit = recipe in TARGET ? Number(last) <= TARGET[recipe] : exact === "100.0 %";
    if (hit && !reached) reached = { step: lastStep, seconds };
    if (reached || (await read("eta")) === "done" || seconds > maxSeconds) break;
  }
  const rate = await read("tokens-per-sec");
  const sample = (await page.getByTestId("gpt-sample").count()) ? await read("gpt-sample") : "";
  if (sample) console.log(`${recipe}: last sample:\n${sample}`);
  rows.push({ recipe, device, rate, reached, last, lastStep });
  await page.close();
}
console.log("\n| recipe | device | tokens/s | target reached | last validation loss |\n|---|---|---|---|---|");
for (const r of rows) {
  const reached = r.reached ? `step ${r.reached.step}, ${r.reached.seconds.toFixed(0)} s` : `no (step ${r.lastStep})`;
  console.log(`| ${r.recipe} | ${r.device} | ${r.rate} | ${reached} | ${r.last} |`);
}
await browser.close();
await server.close();
