// A rerunnable MNIST benchmark in the real browser: per preset and backend, the training
// speed (samples/s as the worker measures it), the wall time per epoch (evaluation on the
// 10,000 test images included) and the test accuracy after each epoch.
//
//   node bench-mnist.mjs [--backend cpu|webgpu] [--presets seed001-10,seed002,seed003,cnn]
//                        [--subset 60000] [--epochs N] [--max-seconds S]
//
// Without --epochs each preset runs its own schedule. With --max-seconds a run stops after
// that long and reports its speed only (the epoch time is then extrapolated, marked "≈").
// Needs dist/ (trunk build --release). Prints a Markdown table.
import { NO_SW, launch, serve } from "./helpers.mjs";

const args = Object.fromEntries(
  process.argv.slice(2).join(" ").split("--").filter(Boolean).map((a) => a.trim().split(/\s+/)),
);
const backend = args.backend ?? "cpu";
// Seed 001 as written (1000 epochs, ≈ 40 min) only when asked for: --presets seed001.
const presets = (args.presets ?? "seed001-10,seed002,seed003,cnn").split(",");
const subset = Number(args.subset ?? 60000);
const maxSeconds = Number(args["max-seconds"] ?? Infinity);

const server = await serve();
const browser = await launch(backend === "webgpu" ? "webgpu" : "no-webgpu");
const rows = [];
for (const preset of presets) {
  const page = await browser.newPage(NO_SW);
  const epochs = args.epochs ? `&epochs=${args.epochs}` : "";
  await page.goto(`${server.url}#task=mnist&preset=${preset}&subset=${subset}${epochs}&backend=${backend}&speed=0`);
  await page.getByTestId("data-progress").waitFor({ state: "detached", timeout: 120_000 });
  const badge = page.getByTestId("backend").filter({ hasText: /^(WebGPU|CPU) \(/ });
  await badge.waitFor({ timeout: 90_000 });
  const device = (await badge.textContent()).trim();
  const total = Number(await page.getByTestId("progress").getAttribute("aria-valuemax"));
  const batch = Number(await page.getByTestId("batch").inputValue());
  const perEpoch = Math.ceil(subset / batch);
  await page.getByTestId("play").click();
  const started = Date.now();
  const rates = [];
  const accuracies = [];
  let lastAccuracy = "—";
  let step = 0;
  for (;;) {
    await page.waitForTimeout(1000);
    step = Number(await page.getByTestId("step-count").textContent());
    const rate = Number.parseFloat((await page.getByTestId("samples-per-sec").textContent()).replace(/,/g, ""));
    if (rate > 0 && step < total) rates.push(rate);
    const accuracy = (await page.getByTestId("test-accuracy").textContent()).trim();
    if (accuracy !== lastAccuracy && /%/.test(accuracy)) {
      accuracies.push({ accuracy, seconds: (Date.now() - started) / 1000 });
      lastAccuracy = accuracy;
    }
    if ((step >= total && accuracies.length >= Math.ceil(total / perEpoch)) || (Date.now() - started) / 1000 > maxSeconds) break;
  }
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)] ?? 0;
  const seconds = (Date.now() - started) / 1000;
  const finished = step >= total;
  const epochSeconds = finished && accuracies.length ? (accuracies.at(-1).seconds / accuracies.length).toFixed(1) : `≈ ${(subset / median).toFixed(0)}`;
  rows.push(`| ${preset} | ${device} | ${subset} × ${total / perEpoch} | ${median.toFixed(0)} | ${epochSeconds} | ${accuracies[0]?.accuracy ?? "—"} | ${finished ? accuracies.at(-1).accuracy : `stopped at step ${step} of ${total} after ${seconds.toFixed(0)} s`} |`);
  console.error(rows.at(-1));
  await page.close();
}
console.log("| preset | device | images × epochs | samples/s (median) | s per epoch (with evaluation) | test acc. after epoch 1 | test acc. at the end |");
console.log("|---|---|---|---|---|---|---|");
rows.forEach((r) => console.log(r));
await browser.close();
await server.close();
