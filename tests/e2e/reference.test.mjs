// The formula reference and the single-neuron task end to end, against the built dist/ in
// headless Chromium: with WebGPU and without it (CPU fallback). Every value checked here was
// computed by Burn in the page's worker; the expected numbers are recomputed in JavaScript.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { OUT, forced, launch, numberOf, screenshot, serve, watchErrors } from "./helpers.mjs";
import { servedBrowser } from "./fixture.mjs";

const MODES = ["webgpu", "no-webgpu"].filter((m) => !process.env.E2E_MODES || process.env.E2E_MODES.split(",").includes(m));
const sigmoid = (z) => 1 / (1 + Math.exp(-z));

function near(actual, expected, what, rel = 2e-3) {
  const tol = rel * Math.max(Math.abs(expected), 1e-3);
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: shown ${actual}, expected ${expected}`);
}

for (const mode of MODES) {
  describe(`formula reference and single neuron with ${mode}`, () => {
    let server, browser, page, errors;

    before(async () => {
      server = await serve();
      browser = await launch(mode);
      page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
      errors = watchErrors(page);
      await page.goto(`${server.url}#task=formulas${forced(mode)}`);
      await page.getByTestId("backend").filter({ hasText: /^(WebGPU|CPU) \(/ }).waitFor({ timeout: 90_000 });
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    test("every formula card shows Burn's live value; the published single-neuron errors are corrected", async () => {
      await page.getByTestId("formula-value-neuron").waitFor({ timeout: 120_000 });
      const device = await page.getByTestId("formulas-device").textContent();
      assert.match(device, mode === "webgpu" ? /^WebGPU \(/ : /CPU/);
      const names = ["neuron", "bce", "mse", "cross-entropy", "sigmoid", "relu", "tanh", "softmax", "dense", "backprop",
        "attention", "ffn", "gradient-descent", "momentum", "adam", "l1", "l2", "accuracy", "precision", "recall", "f1",
        "gpt-embedding", "gpt-layernorm", "gpt-causal-attention", "gpt-loss", "gpt-adamw"];
      for (const name of names) await page.getByTestId(`formula-card-${name}`).waitFor();
      assert.equal(await page.getByTestId("formula-value-neuron").textContent(), "0.69", "σ(0.8) ≈ 0.690, not 0.878");
      assert.equal(await page.getByTestId("formula-value-bce").textContent(), "0.3711", "−log 0.690 ≈ 0.371, not −0.251");
      assert.match(await page.getByTestId("formula-correction-neuron").textContent(), /0\.878.*σ\(0\.8\) ≈ 0\.690/s);
      assert.match(await page.getByTestId("formula-correction-bce").textContent(), /−0\.251/);
      assert.match(await page.getByTestId("formula-correction-adam").textContent(), /bias-corrected/);
      // Seed 004's Transformer code, corrected: the embedding's vocabulary size, the causal mask.
      assert.match(await page.getByTestId("formula-correction-gpt-embedding").textContent(), /nn\.Embedding\(vocab_size, d_model\)/);
      assert.match(await page.getByTestId("formula-correction-gpt-causal-attention").textContent(), /causal mask/);
      const a = await numberOf(page, "formula-value-gpt-causal-attention");
      assert.ok(a > 0 && a <= 1, `an attention weight: ${a}`);
      near(await numberOf(page, "formula-value-mse"), (0.25 + 0.04 + 1) / 3, "MSE");
      const e = [2, 1, 0.1].map(Math.exp);
      const total = e.reduce((a, b) => a + b);
      near(await numberOf(page, "formula-value-softmax"), e[0] / total, "softmax p₁");
      near(await numberOf(page, "formula-value-cross-entropy"), -Math.log(e[0] / total), "cross-entropy");
      near(await numberOf(page, "formula-value-sigmoid"), sigmoid(2), "σ(2)");
      near(await numberOf(page, "formula-value-tanh"), Math.tanh(0.5), "tanh(0.5)");
      near(await numberOf(page, "formula-value-gradient-descent"), 0.512 ** 2 + 3 * 0.032 ** 2, "J after three SGD steps");
      near(await numberOf(page, "formula-value-f1"), 2 * 0.75 * 0.6 / 1.35, "F1");
      // Attention: softmax(QKᵀ/√2)V, token 2, dimension 1.
      const s = [0, 1].map((j) => [[1, 0], [1, 1]][j][1] / Math.SQRT2);
      const w = s.map((v) => Math.exp(v) / (Math.exp(s[0]) + Math.exp(s[1])));
      near(await numberOf(page, "formula-value-attention"), w[0] * 1 + w[1] * 3, "attention");
      // The typeset formulas are MathML, not raw LaTeX.
      assert.ok(await page.locator('[data-testid="formula-card-backprop"] math').count() >= 4);
      assert.equal(await page.locator(".latex-fallback").count(), 0, "every formula typesets");
      // No formula is wider than its card (it would be clipped behind a scrollbar).
      const clipped = await page.locator(".formula-card .typeset").evaluateAll((els) =>
        els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.closest(".formula").dataset.latex));
      assert.deepEqual(clipped, [], "formulas wider than their card");
      await page.screenshot({ path: join(OUT, `reference-${mode}-top.png`) });
      await screenshot(page, `reference-${mode}`);
    });

    test("editing the neuron's b recomputes the example in the worker and writes the link", async () => {
      await page.getByTestId("neuron-b").fill("1.5");
      await page.getByTestId("neuron-b").press("Enter");
      await page.getByTestId("formula-value-neuron").filter({ hasText: /^0\.8581$/ }).waitFor({ timeout: 60_000 });
      near(await numberOf(page, "formula-value-bce"), -Math.log(sigmoid(1.8)), "BCE at z = 1.8");
      assert.match(new URL(page.url()).hash, /task=formulas&x=0\.1,0\.2,0\.3,0\.4&w=0\.1,0\.2,0\.3,0\.4&b=1\.5&y=1/);
      await page.getByTestId("neuron-b").fill("500");
      await page.getByTestId("neuron-b").press("Enter");
      await page.getByText("Enter a number from -100 to 100.").waitFor();
      assert.match(new URL(page.url()).hash, /b=1\.5/);
    });

    test("the single neuron steps with Burn: forward, loss, backward, update", async () => {
      await page.getByTestId("tab-neuron").click();
      await page.waitForFunction(() => location.hash.startsWith("#task=neuron"));
      assert.match(new URL(page.url()).hash, /b=1\.5/, "x, w, b, y go along to the neuron task");
      await page.getByTestId("neuron-b").fill("0.5");
      await page.getByTestId("neuron-b").press("Enter");
      await page.getByTestId("neuron-y-hat").filter({ hasText: /^0\.69$/ }).waitFor({ timeout: 60_000 });
      assert.equal(await page.getByTestId("neuron-steps").textContent(), "0");
      assert.equal(await page.getByTestId("neuron-loss").textContent(), "0.3711");

      await page.getByTestId("neuron-walk").check();
      const names = ["forward", "loss", "backward", "update"];
      for (const [i, name] of names.entries()) {
        await page.getByTestId("neuron-substep-next").click();
        if (i === 0) await page.getByTestId("neuron-math-step").filter({ hasText: /^1$/ }).waitFor({ timeout: 60_000 });
        await page.locator(`[data-testid="neuron-math-${name}"].current`).waitFor();
        await screenshot(page, `neuron-${mode}-substep-${i + 1}-${name}`);
      }
      // SGD, α = 0.5: b ← 0.5 − 0.5 (σ(0.8) − 1); w ← w − 0.5 (σ(0.8) − 1) x.
      const delta = sigmoid(0.8) - 1;
      near(await numberOf(page, "neuron-math-z"), 0.8, "z");
      near(await numberOf(page, "neuron-math-loss"), -Math.log(sigmoid(0.8)), "L");
      near(await numberOf(page, "neuron-math-grad-b"), delta, "∂L/∂b");
      near(await numberOf(page, "neuron-math-b-new"), 0.5 - 0.5 * delta, "new b");
      await page.getByTestId("neuron-steps").filter({ hasText: /^1$/ }).waitFor();
      const w = [0.1, 0.2, 0.3, 0.4].map((x) => x - 0.5 * delta * x);
      const zNew = w.reduce((a, wi, i) => a + wi * [0.1, 0.2, 0.3, 0.4][i], 0) + 0.5 - 0.5 * delta;
      near(await numberOf(page, "neuron-loss"), -Math.log(sigmoid(zNew)), "loss after the update");
      const update = await page.locator('[data-testid="neuron-math-update"] .formula').evaluateAll((els) => els.map((e) => e.dataset.latex));
      assert.ok(update.some((l) => l.includes(String(Number((0.5 - 0.5 * delta).toFixed(4))))), update.join("\n"));

      const before = await numberOf(page, "neuron-loss");
      await page.getByTestId("neuron-step-10").click();
      await page.getByTestId("neuron-steps").filter({ hasText: /^11$/ }).waitFor({ timeout: 60_000 });
      assert.ok((await numberOf(page, "neuron-loss")) < before, "ten more steps lower the loss");
      await page.getByTestId("neuron-walk").uncheck();
      await screenshot(page, `neuron-${mode}`);

      // Adam, with its bias correction written out, from the start again.
      await page.getByTestId("optimizer").selectOption("adam");
      await page.getByTestId("neuron-steps").filter({ hasText: /^0$/ }).waitFor({ timeout: 60_000 });
      await page.getByTestId("neuron-step").click();
      await page.getByTestId("neuron-math-step").filter({ hasText: /^1$/ }).waitFor({ timeout: 60_000 });
      const adam = await page.locator('[data-testid="neuron-math-update"] .formula').evaluateAll((els) => els.map((e) => e.dataset.latex));
      assert.ok(adam.some((l) => l.includes("\\hat{m}")), adam.join("\n"));
      // First Adam step: every parameter moves by ≈ α = 0.5 against its gradient's sign.
      near(await numberOf(page, "neuron-math-b-new"), 1.0, "Adam's first step on b", 1e-3);
      await screenshot(page, `neuron-${mode}-adam`);
    });

    test("no console errors", () => {
      assert.deepEqual(errors, []);
    });
  });
}

describe("single neuron link with bad values", () => {
  const app = servedBrowser();

  test("bad x and y are replaced by the defaults, visibly", async () => {
    const page = await app.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${app.server.url}#task=neuron&x=0.1,abc&y=7&backend=cpu`);
    await page.getByTestId("neuron-y-hat").filter({ hasText: /^0\.69$/ }).waitFor({ timeout: 90_000 });
    const notices = await page.getByTestId("notices").textContent();
    assert.match(notices, /x=0\.1,abc/);
    assert.match(notices, /y=7/);
    assert.equal(await page.getByTestId("neuron-x-3").inputValue(), "0.4");
    await screenshot(page, "neuron-url-notices");
    assert.deepEqual(errors, []);
  });
});
