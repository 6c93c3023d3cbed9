// Linear regression end to end, against the built dist/ on 127.0.0.1, in real headless
// Chromium: with WebGPU, without it (CPU fallback), and with a WebGPU request that hangs.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { MODES, NO_SW, forceHangingAdapter, launch, numberOf, screenshot, serve, watchErrors } from "./helpers.mjs";
import { servedBrowser } from "./fixture.mjs";

const BADGE = {
  // backend=auto times both devices: the CPU is far faster than this machine's software
  // adapter (auto_backend.test.mjs checks the verdict against the measured rates).
  webgpu: /^CPU \(reason: (≥ )?\S+× faster than this software WebGPU adapter here\)$/,
  "no-webgpu": /^CPU \(reason: (this browser has no WebGPU|no WebGPU adapter available)\)$/,
  "hanging-webgpu": /^CPU \(reason: WebGPU adapter request timed out/,
};

/** The number at the end of a formula's LaTeX ("… = 1.234" or "… = 1.2 \times 10^{-5}"). */
function trailingNumber(latex) {
  const tail = latex.slice(latex.lastIndexOf("=") + 1).trim();
  const sci = tail.match(/^(-?[\d.]+) \\times 10\^\{(-?\d+)\}$/);
  return sci ? Number(sci[1]) * 10 ** Number(sci[2]) : Number(tail);
}

function near(actual, expected, what, rel = 1e-3) {
  const tol = rel * Math.max(Math.abs(expected), 1e-3);
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: shown ${actual}, exported ${expected}`);
}

for (const mode of Object.keys(MODES).filter((m) => !process.env.E2E_MODES || process.env.E2E_MODES.split(",").includes(m))) {
  describe(`linear regression with ${mode}`, () => {
    let server, browser, page, errors;

    before(async () => {
      // dist/ must work under any subpath: one mode is served from a nested one.
      server = await serve(undefined, mode === "no-webgpu" ? "/courses/ml/playground/" : "/");
      browser = await launch(mode);
      page = await browser.newPage({ viewport: { width: 1500, height: 1000 }, ...NO_SW });
      errors = watchErrors(page);
      if (mode === "hanging-webgpu") await forceHangingAdapter(page);
      await page.goto(`${server.url}#speed=0`);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    test("picks the right device on its own and says why", async () => {
      const badge = page.getByTestId("backend");
      await badge.filter({ hasText: /^(WebGPU|CPU) \((?!measuring)/ }).waitFor({ timeout: 90_000 });
      const text = (await badge.textContent()).trim();
      assert.match(text, BADGE[mode]);
      console.log(`[${mode}] backend badge: ${text}`);
    });

    test("trains to the least-squares line (w ≈ 2, b ≈ 1)", async () => {
      const total = Number(await page.getByTestId("progress").getAttribute("aria-valuemax"));
      assert.equal(total, 400, "default run: 80 points, batch 10, 50 epochs");
      const started = Date.now();
      await page.getByTestId("play").click();
      await page.getByTestId("step-count").filter({ hasText: String(total) }).waitFor({ timeout: 300_000 });
      const seconds = (Date.now() - started) / 1000;
      console.log(`[${mode}] 50 epochs (400 steps) of the default run: ${seconds.toFixed(1)} s`);
      await page.getByTestId("play").waitFor({ timeout: 10_000 }); // back to "Play" (disabled: done)
      const [w, b] = [await numberOf(page, "param-w"), await numberOf(page, "param-b")];
      const [lsW, lsB] = [await numberOf(page, "param-w-ls"), await numberOf(page, "param-b-ls")];
      assert.ok(Math.abs(w - lsW) < 0.05 && Math.abs(b - lsB) < 0.05, `(w, b) = (${w}, ${b}) vs least squares (${lsW}, ${lsB})`);
      // σ = 0.2 and 80 points: least squares is within ~3 standard errors of the true line.
      assert.ok(Math.abs(w - 2) < 0.25 && Math.abs(b - 1) < 0.15, `(w, b) = (${w}, ${b})`);
      const [train, test] = [await numberOf(page, "loss-train"), await numberOf(page, "loss-test")];
      assert.ok(train > 0.01 && train < 0.08 && test < 0.1, `train MSE ${train}, test MSE ${test} (σ² = 0.04)`);
      assert.equal(await page.getByTestId("epoch").textContent(), "50");
      await screenshot(page, `linreg-${mode}-trained`);
    });

    test("walks forward → loss → backward → update; the numbers match the exported JSON", async () => {
      await page.getByTestId("reset").click();
      await page.getByTestId("step-count").filter({ hasText: /^0$/ }).waitFor();
      await page.getByTestId("walk-sub-steps").check();
      const names = ["forward", "loss", "backward", "update"];
      for (const [i, name] of names.entries()) {
        await page.getByTestId("substep-next").click();
        if (i === 0) await page.getByTestId("math-step").filter({ hasText: /^1$/ }).waitFor({ timeout: 60_000 });
        await page.locator(`[data-testid="math-${name}"].current`).waitFor();
        assert.match(await page.getByTestId(`substep-pill-${name}`).getAttribute("class"), /current/);
        await screenshot(page, `linreg-${mode}-substep-${i + 1}-${name}`);
      }
      await page.getByTestId("export-step").click();
      const json = JSON.parse(await page.getByTestId("export-json").textContent());
      assert.equal(json.step, 1);
      near(await numberOf(page, "math-loss-value"), json.loss.total, "loss");
      near(await numberOf(page, "math-grad-w"), json.gradients.d_loss_d_w, "dL/dw");
      near(await numberOf(page, "math-grad-b"), json.gradients.d_loss_d_b, "dL/db");
      near(await numberOf(page, "math-w-new"), json.new_parameters.w, "new w");
      near(await numberOf(page, "math-b-new"), json.new_parameters.b, "new b");
      near(await numberOf(page, "param-w"), json.new_parameters.w, "w readout", 1e-3);
      // The typeset formulas carry the same numbers: ŷ₁, the loss, and the update.
      const latex = async (name) => page.locator(`[data-testid="math-${name}"] .formula`).evaluateAll((els) => els.map((e) => e.dataset.latex));
      await page.getByTestId("export-close").click();
      await page.getByTestId("walk-sub-steps").uncheck();
      const forward = await latex("forward");
      near(trailingNumber(forward[1]), json.forward.y_hat[0], "ŷ₁ in the forward formula");
      near(trailingNumber((await latex("loss")).at(-1)), json.loss.total, "loss formula");
      const update = await latex("update");
      near(trailingNumber(update.at(-1)), json.new_parameters.b, "update of b formula");
      assert.equal(json.batch.x.length, 10);
      assert.equal(json.optimizer.kind, "sgd");
      near(json.new_parameters.w, json.parameters.w - json.optimizer.lr * json.gradients.d_loss_d_w, "SGD rule in the JSON", 1e-5);
      await screenshot(page, `linreg-${mode}-math`);
    });

    test("no console errors", () => {
      assert.deepEqual(errors, []);
    });
  });
}

describe("settings in the URL", () => {
  const app = servedBrowser();

  test("a link reproduces the settings; bad values fall back visibly; the hash is rewritten", async () => {
    const page = await app.browser.newPage(NO_SW);
    const errors = watchErrors(page);
    await page.goto(`${app.server.url}#optimizer=adam&lr=abc&batch=16&epochs=3&colour=blue&backend=cpu`);
    await page.getByTestId("backend").filter({ hasText: /^CPU \(reason: chosen in the settings\)$/ }).waitFor({ timeout: 60_000 });
    const notices = await page.getByTestId("notices").textContent();
    assert.match(notices, /lr=abc/);
    assert.doesNotMatch(notices, /colour/, "unknown keys are ignored silently");
    assert.equal(await page.getByTestId("optimizer").inputValue(), "adam");
    assert.equal(await page.getByTestId("batch").inputValue(), "16");
    assert.equal(await page.getByTestId("lr").inputValue(), "0.1", "the default learning rate replaced abc");
    const hash = new URL(page.url()).hash;
    assert.match(hash, /optimizer=adam/);
    assert.match(hash, /lr=0\.1&/);
    assert.doesNotMatch(hash, /colour/);
    // Changing a control writes the hash back; reloading the link restores it.
    await page.getByTestId("lr").fill("0.05");
    await page.getByTestId("lr").press("Enter");
    await page.waitForFunction(() => location.hash.includes("lr=0.05"));
    const link = page.url();
    await page.reload();
    await page.getByTestId("backend").filter({ hasText: /^CPU/ }).waitFor({ timeout: 60_000 });
    assert.equal(await page.getByTestId("lr").inputValue(), "0.05");
    assert.equal(page.url(), link);
    // An out-of-range value typed into a control is refused with a message, not applied.
    await page.getByTestId("batch").fill("0");
    await page.getByTestId("batch").press("Enter");
    await page.getByText("Expected a number from 1 to 10000.").waitFor();
    assert.match(new URL(page.url()).hash, /batch=16/);
    await screenshot(page, "linreg-url-notices");
    assert.deepEqual(errors, []);
  });
});
