// The text a learner reads in the single neuron's math panel, against its JSON export (the
// "Export this step as JSON" download): every typeset line with numbers — the products wᵢxᵢ,
// z, ŷ, the loss, ∂L/∂b, ∂L/∂w and the optimizer's lines (vectors for w) — and the chips, to
// the precision of the digits shown. Both backends, every optimizer, at step 2; and a sample
// where the sigmoid saturates (ŷ ≈ 2·10⁻⁹), whose tiny numbers must still be right.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { NO_SW, forced, screenshot, watchErrors } from "./helpers.mjs";
import { servedBrowser } from "./fixture.mjs";
import { mathLines, optimizerLine, plainNumber, sequenceShows, shownAs } from "./math-text.mjs";

const modes = ["webgpu", "no-webgpu"].filter((m) => !process.env.E2E_MODES || process.env.E2E_MODES.split(",").includes(m));

/** Burn's optimizer state as the export writes it ("None", {"Momentum": {v}}, {"Adam": {t, m, v}}). */
const state = (s) => (s?.Momentum ? { velocity: s.Momentum.v } : s?.Adam ?? null);

function expectedFor(caption, j) {
  const w = j.w.map((u) => u.old);
  const products = w.map((wi, i) => wi * j.x[i]);
  const o = { ...j.optimizer, kind: j.optimizer.kind.toLowerCase() };
  const param = (u) => ({ old: u.old, grad: u.grad, new: u.new, before: state(u.state_before), after: state(u.state_after) });
  let m;
  if (caption === "products wᵢxᵢ") return [...w, ...j.x, ...products];
  if (caption === "weighted sum") return [...products, j.b.old, j.z];
  // σ(z) = 1/(1 + e^(−z)): a negative z is written in brackets, "e^{−(−20)}", so the number read
  // inside is z itself.
  if (caption === "prediction") return [j.z, 1, 1, j.z < 0 ? j.z : -j.z, j.y_hat];
  if (caption === "loss") return [j.y, j.y_hat, 1 - j.y, 1, j.y_hat, j.loss];
  if (caption === "error (∂L/∂b)") return [j.y_hat, j.y, j.b.grad];
  if (caption === "gradient of w") return [j.b.grad, ...j.x, ...j.w.map((u) => u.grad)];
  if ((m = caption.match(/^(update|velocity|first moment|second moment|bias correction) of (w|b)/))) {
    return optimizerLine(m[1], m[2] === "w" ? j.w.map(param) : [param(j.b)], o);
  }
  return null;
}

async function exported(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("neuron-export").click()]);
  assert.match(download.suggestedFilename(), /^neuron-step-\d+\.json$/);
  const file = join(await mkdtemp(join(tmpdir(), "mlpg-neuron-")), download.suggestedFilename());
  await download.saveAs(file);
  return JSON.parse(await readFile(file, "utf8"));
}

for (const mode of modes) {
  describe(`the numbers of the neuron's math, as read, with ${mode}`, () => {
    const app = servedBrowser(mode);
    const cases = [
      ["sgd", ""], ["momentum", ""], ["adam", ""],
      // z = −20, y = 0: ŷ − y = 2.1·10⁻⁹ (Burn's log-sigmoid made it 0 on WebGPU).
      ["sgd", "&x=4,-2&w=-4,2&b=0&y=0"],
    ];
    for (const [optimizer, sample] of cases) {
      test(`${optimizer}${sample ? " (saturated)" : ""}: every typeset number and chip of step 2 matches the export`, async () => {
        const page = await app.browser.newPage({ viewport: { width: 1500, height: 1000 }, acceptDownloads: true, ...NO_SW });
        const errors = watchErrors(page);
        await page.goto(`${app.server.url}#task=neuron&optimizer=${optimizer}${sample}&speed=0${forced(mode)}`);
        await page.getByTestId("backend").filter({ hasText: mode === "webgpu" ? /^WebGPU \(/ : /^CPU \(/ }).waitFor({ timeout: 90_000 });
        for (const step of [1, 2]) {
          await page.getByTestId("neuron-step").click();
          await page.getByTestId("neuron-math-step").filter({ hasText: new RegExp(`^${step}$`) }).waitFor({ timeout: 60_000 });
        }
        const j = await exported(page);
        assert.equal(j.step, 2);
        assert.equal(j.format, "ml-playground neuron step 1");
        const lines = (await mathLines(page, ".math")).filter((l) => l.numeric);
        let numbers = 0;
        for (const line of lines) {
          const expected = expectedFor(line.caption, j);
          assert.ok(expected, `a line with numbers nobody checks: "${line.caption}" ${line.numbers.map((n) => n.text)}`);
          numbers += sequenceShows(line.numbers, expected, `${optimizer}, "${line.caption}"`);
        }
        for (const c of ["weighted sum", "prediction", "loss", "error (∂L/∂b)", "update of b"]) {
          assert.ok(lines.some((l) => l.caption === c), `"${c}" in ${lines.map((l) => l.caption)}`);
        }
        const chips = { "neuron-math-z": j.z, "neuron-math-y-hat": j.y_hat, "neuron-math-loss": j.loss, "neuron-math-grad-b": j.b.grad, "neuron-math-b-new": j.b.new };
        for (const [id, value] of Object.entries(chips)) shownAs(plainNumber(await page.getByTestId(id).first().textContent()), value, id);
        if (sample) {
          // Saturated: the gradient is the tiny ŷ − y, not a rounded 0, and the loss is not 0.
          assert.ok(j.y_hat > 1e-9 && j.y_hat < 1e-8, `ŷ ${j.y_hat}`);
          assert.ok(Math.abs(j.b.grad - j.y_hat) <= 1e-5 * j.y_hat, `∂L/∂b ${j.b.grad} vs ŷ − y = ${j.y_hat}`);
          assert.ok(j.loss > 0 && j.loss < 1e-8, `loss ${j.loss}`);
        }
        console.log(`[${mode} ${optimizer}${sample ? " saturated" : ""}] ${lines.length} lines, ${numbers} typeset numbers and ${Object.keys(chips).length} chips match the export`);
        await screenshot(page, `math-text-neuron-${mode}-${optimizer}${sample ? "-saturated" : ""}`);
        assert.deepEqual(errors, []);
        await page.close();
      });
    }
  });
}
