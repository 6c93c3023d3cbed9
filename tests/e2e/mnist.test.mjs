// MNIST end to end, against the built dist/ on 127.0.0.1 in real headless Chromium, with
// WebGPU and without it (CPU fallback): load the shipped data with visible progress, train the
// 784-128-10 preset past 90% test accuracy, open a confusion-matrix cell, draw digits, and
// save / reload the model. Plus a truncated data file that must give a clear message.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { NO_SW, launch, numberOf, screenshot, serve, watchErrors } from "./helpers.mjs";
import { servedBrowser } from "./fixture.mjs";

/**
 * Seed 003's network (784-128-10, Adam, x/255), 1 epoch: on the CPU on the first 20,000
 * training images, the README's claim (> 90 %); on WebGPU, whose software adapter here trains
 * ≈ 140 images/s, on the first 6,000 (the CPU reaches 88 % there; the floor is 85 %). That
 * WebGPU computes the same numbers as the CPU is proven by the oracle tests, not here.
 */
const RUNS = {
  webgpu: { hash: "#task=mnist&preset=seed003&subset=6000&epochs=1&speed=0&backend=webgpu", floor: 85, steps: 94 },
  "no-webgpu": { hash: "#task=mnist&preset=seed003&subset=20000&epochs=1&speed=0", floor: 90, steps: 313 },
};
const MODES = ["webgpu", "no-webgpu"].filter((m) => !process.env.E2E_MODES || process.env.E2E_MODES.split(",").includes(m));

/** Draws a polyline on the pad with the mouse (coordinates in pad pixels, 0–280). */
async function stroke(page, points) {
  const box = await page.getByTestId("draw-pad").boundingBox();
  const at = ([x, y]) => [box.x + (x * box.width) / 280, box.y + (y * box.height) / 280];
  await page.mouse.move(...at(points[0]));
  await page.mouse.down();
  for (const p of points.slice(1)) await page.mouse.move(...at(p), { steps: 4 });
  await page.mouse.up();
}

async function drawnDigit(page, points, name) {
  await page.getByTestId("draw-clear").click();
  await stroke(page, points);
  // Answers to the stroke's earlier requests may come first: wait until every request
  // (the last one is the finished drawing's) is answered and a digit is shown.
  await page.locator('[data-testid="draw-pad"][data-pending="0"]').waitFor({ timeout: 60_000 });
  await page.getByTestId("draw-top").filter({ hasText: /^\d$/ }).waitFor({ timeout: 60_000 });
  // The probability bars have finished moving before the picture is taken.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  await screenshot(page.getByTestId("draw-pad").page(), name);
  return Number((await page.getByTestId("draw-top").textContent()).trim());
}

const ONE = Array.from({ length: 9 }, (_, k) => [142, 50 + 22 * k]);
const ZERO = Array.from({ length: 33 }, (_, k) => {
  const a = (2 * Math.PI * k) / 32;
  return [140 + 62 * Math.sin(a), 140 - 90 * Math.cos(a)];
});

for (const mode of MODES) {
  describe(`MNIST with ${mode}`, () => {
    const { hash: RUN, floor, steps } = RUNS[mode];
    let server, browser, page, errors, accuracy;

    before(async () => {
      server = await serve(undefined, mode === "no-webgpu" ? "/courses/ml/playground/" : "/");
      browser = await launch(mode);
      page = await browser.newPage({ viewport: { width: 1500, height: 1100 }, acceptDownloads: true, ...NO_SW });
      errors = watchErrors(page);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    test("loads the shipped MNIST with visible progress", async () => {
      const started = Date.now();
      await page.goto(`${server.url}${RUN}`);
      await page.getByTestId("data-progress").waitFor({ timeout: 60_000 });
      await screenshot(page, `mnist-${mode}-loading`);
      await page.getByTestId("data-progress").waitFor({ state: "detached", timeout: 120_000 });
      console.log(`[${mode}] MNIST loaded in ${((Date.now() - started) / 1000).toFixed(1)} s (page load included)`);
      await page.getByTestId("backend").filter({ hasText: /^(WebGPU|CPU) \(/ }).waitFor({ timeout: 90_000 });
      const badge = (await page.getByTestId("backend").textContent()).trim();
      assert.match(badge, mode === "webgpu" ? /^WebGPU/ : /^CPU/);
      assert.equal(await page.getByTestId("hidden").inputValue(), "128");
    });

    test(`trains the 784-128-10 preset past ${floor}% test accuracy`, async () => {
      const started = Date.now();
      await page.getByTestId("play").click();
      await page.getByTestId("test-accuracy").filter({ hasText: /%/ }).waitFor({ timeout: 900_000 });
      const seconds = (Date.now() - started) / 1000;
      accuracy = await numberOf(page, "test-accuracy");
      const rate = await page.getByTestId("samples-per-sec").textContent();
      console.log(`[${mode}] 1 epoch (${RUN}): ${seconds.toFixed(1)} s, test accuracy ${accuracy} %, ${rate}`);
      assert.ok(accuracy > floor, `test accuracy ${accuracy} %`);
      await page.getByTestId("gallery-item").first().waitFor();
      assert.equal(await page.getByTestId("gallery-item").count(), 24);
      await page.getByTestId("weights-grid").waitFor();
      await screenshot(page, `mnist-${mode}-trained`);
    });

    test("a confusion-matrix cell opens its misclassified test images", async () => {
      const matrix = page.getByTestId("confusion-matrix");
      await matrix.waitFor();
      // The largest mistake: the off-diagonal cell with the highest count.
      let best = null;
      for (let t = 0; t < 10; t++) for (let p = 0; p < 10; p++) {
        if (t === p) continue;
        const n = Number(await page.getByTestId(`confusion-cell-${t}-${p}`).getAttribute("data-count"));
        if (!best || n > best.n) best = { t, p, n };
      }
      assert.ok(best.n > 0, "some test image is misclassified");
      await page.getByTestId(`confusion-cell-${best.t}-${best.p}`).click();
      await page.getByTestId("cell-example").first().waitFor({ timeout: 60_000 });
      assert.equal(await page.getByTestId("cell-example").count(), Math.min(best.n, 24));
      await screenshot(page, `mnist-${mode}-confusion-cell`);
      await page.getByTestId("cell-examples-close").click();
    });

    test("drawn digits are recognized (a 1 and a 0)", async () => {
      await page.getByTestId("draw-pad").scrollIntoViewIfNeeded();
      assert.equal(await drawnDigit(page, ONE, `mnist-${mode}-draw-1`), 1);
      assert.equal(await drawnDigit(page, ZERO, `mnist-${mode}-draw-0`), 0);
    });

    test("a saved model reloads with the same test accuracy", async () => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("save-model").click()]);
      assert.equal(download.suggestedFilename(), `mnist-784-128-10-step${steps}.mlpg`);
      const file = join(await mkdtemp(join(tmpdir(), "mlpg-")), download.suggestedFilename());
      await download.saveAs(file);
      // A fresh page (new worker, new weights) that loads the file.
      await page.goto("about:blank");
      await page.goto(`${server.url}${RUN}`);
      await page.getByTestId("data-progress").waitFor({ state: "detached", timeout: 120_000 });
      // The file input is enabled once the run is prepared (a file chosen before is not read).
      await page.waitForFunction(() => document.querySelector('[data-testid="load-model"]')?.disabled === false);
      await page.getByTestId("load-model").setInputFiles(file);
      await page.getByTestId("model-status").filter({ hasText: /loaded/i }).waitFor({ timeout: 60_000 });
      await page.getByTestId("test-accuracy").filter({ hasText: /%/ }).waitFor({ timeout: 300_000 });
      assert.equal(await numberOf(page, "test-accuracy"), accuracy);
      await screenshot(page, `mnist-${mode}-reloaded`);
      // Bad files through the same input are refused with a message (a notice); the model stays.
      const bytes = await readFile(file);
      const bad = [
        ["notes.mlpg", Buffer.from("some notes, not a model"), /not a model file of this playground.*Save model/],
        ["cut.mlpg", bytes.subarray(0, bytes.length >> 1), /its parameters are damaged|does not match the network it describes/],
      ];
      for (const [name, buffer, message] of bad) {
        await page.getByTestId("load-model").setInputFiles({ name, mimeType: "application/octet-stream", buffer });
        await page.getByTestId("notices").filter({ hasText: message }).waitFor({ timeout: 60_000 });
      }
      await screenshot(page, `mnist-${mode}-bad-model-file`);
      assert.equal(await numberOf(page, "test-accuracy"), accuracy);
      assert.deepEqual(errors, []);
    });
  });
}

describe("MNIST with a damaged data file", () => {
  const app = servedBrowser();

  test("a truncated file is named, with what is wrong and what to do", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1500, height: 1000 }, ...NO_SW });
    await page.route(/train-labels-idx1-ubyte\.gz$/, async (route) => {
      const response = await route.fetch();
      const body = (await response.body()).subarray(0, 10_000);
      await route.fulfill({ response, body });
    });
    await page.goto(`${app.server.url}#task=mnist&backend=cpu`);
    const notice = page.getByTestId("notices").filter({ hasText: "train-labels-idx1-ubyte.gz" });
    await notice.waitFor({ timeout: 120_000 });
    const text = await notice.textContent();
    assert.match(text, /not a complete gzip file/);
    assert.match(text, /SHA256SUMS/);
    await page.getByTestId("data-retry").waitFor();
    await screenshot(page, "mnist-damaged-file");
    // Served correctly again, "Try again" loads it.
    await page.unroute(/train-labels-idx1-ubyte\.gz$/);
    await page.getByTestId("data-retry").click();
    await page.getByTestId("data-progress").waitFor({ state: "detached", timeout: 120_000 });
    await page.getByTestId("play").waitFor();
    assert.ok(await page.getByTestId("play").isEnabled());
  });
});
