// "Follow one sample" end to end, against the built dist/ in headless Chromium: train seed 003's
// 784-128-10 briefly, follow a gallery image, walk every sub-step (each number shown must be the
// one in the exported JSON), link a term to its pixel and back, follow another neuron, play the
// walk through, follow a confusion-cell image and a drawing, and follow the run live — with WebGPU
// (≈ 2.5 min here on a software adapter) and on the CPU; plus the small CNN on the CPU.
// E2E_MODES=no-webgpu (or webgpu) keeps one mode.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { launch, OUT, serve, watchErrors } from "./helpers.mjs";

/** Seed 003's network on the first 1,000 training images, one epoch (16 steps). */
const RUN = "#task=mnist&preset=seed003&subset=1000&epochs=1&speed=0";
const MODES = ["webgpu", "no-webgpu"].filter((m) => !process.env.E2E_MODES || process.env.E2E_MODES.split(",").includes(m));

/** The number at `key` ("layers[0].z[3]", "output.loss") in the exported document. */
function lookup(doc, key) {
  let v = doc;
  for (const part of key.split(".")) {
    const m = part.match(/^([^[]+)(?:\[(\d+)\])?$/);
    if (!m || v == null) return undefined;
    v = v[m[1]];
    if (m[2] !== undefined) v = v?.[Number(m[2])];
  }
  return v;
}

/** Downloads the panel's JSON export and parses it. */
async function exported(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("steps-export").click()]);
  assert.match(download.suggestedFilename(), /^mnist-sample-(test\d+|drawn)-step\d+\.json$/);
  const file = join(await mkdtemp(join(tmpdir(), "mlpg-steps-")), download.suggestedFilename());
  await download.saveAs(file);
  return JSON.parse(await readFile(file, "utf8"));
}

/** Every number in the panel with a data-key equals the export's (as f32). */
async function numbersMatch(page, doc, where) {
  const shown = await page.getByTestId("steps-panel").locator("[data-key]").evaluateAll((els) =>
    els.map((e) => [e.getAttribute("data-key"), e.getAttribute("data-value")]));
  assert.ok(shown.length > 0, `${where}: some numbers carry their key`);
  for (const [key, value] of shown) {
    const inJson = lookup(doc, key);
    assert.equal(typeof inJson, "number", `${where}: ${key} is exported`);
    assert.equal(Math.fround(Number(value)), Math.fround(inJson), `${where}: ${key} shown ${value}, exported ${inJson}`);
  }
  return shown.length;
}

/** Waits for a new trace to arrive (the pending mark comes and goes). */
async function traceArrives(page) {
  await page.getByTestId("steps-pending").waitFor({ state: "detached", timeout: 120_000 });
  await page.getByTestId("steps-title").waitFor({ timeout: 120_000 });
}

/** Walks every sub-step with "Next": each shown number against the export, a screenshot each. */
async function walk(page, doc, count, prefix) {
  assert.equal(await page.getByTestId("steps-stepper").locator("button").count(), count);
  await page.getByTestId("steps-substep-0").click();
  const titles = [];
  let numbers = 0;
  for (let k = 0; k < count; k++) {
    assert.equal(await page.getByTestId(`steps-substep-${k}`).getAttribute("aria-current"), "step");
    const title = (await page.getByTestId("steps-title").textContent()).trim();
    assert.ok(title.startsWith(`${k + 1} · `), title);
    titles.push(title);
    numbers += await numbersMatch(page, doc, title);
    // Every formula typeset (no LaTeX fallback).
    assert.equal(await page.getByTestId("steps-panel").locator(".latex-fallback").count(), 0, title);
    await shoot(page, `${prefix}-${String(k + 1).padStart(2, "0")}`);
    if (k < count - 1) await page.getByTestId("steps-next").click();
  }
  assert.equal(await page.getByTestId("steps-next").isDisabled(), true);
  console.log(`[${prefix}] ${count} sub-steps, ${numbers} numbers checked against the JSON:\n  ${titles.join("\n  ")}`);
  return titles;
}

async function shoot(page, name) {
  await page.getByTestId("steps-panel").screenshot({ path: join(OUT, `${name}.png`) });
}

for (const mode of MODES) {
  describe(`Follow one sample with ${mode}`, () => {
    let server, browser, page, errors, doc;

    before(async () => {
      server = await serve();
      browser = await launch(mode);
      page = await browser.newPage({ viewport: { width: 1500, height: 1100 }, acceptDownloads: true });
      errors = watchErrors(page);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    test("the empty panel says how to start; a short run gives a gallery", async () => {
      await page.goto(`${server.url}${RUN}`);
      await page.getByTestId("steps-empty").filter({ hasText: "Pick a test image in the gallery, a confusion cell or draw a digit" }).waitFor({ timeout: 60_000 });
      assert.equal(await page.getByTestId("steps-export").isDisabled(), true);
      await page.getByTestId("data-progress").waitFor({ state: "detached", timeout: 120_000 });
      await page.getByTestId("backend").filter({ hasText: mode === "webgpu" ? /^WebGPU \(/ : /^CPU \(/ }).waitFor({ timeout: 90_000 });
      await page.getByTestId("play").click();
      await page.getByTestId("test-accuracy").filter({ hasText: /%/ }).waitFor({ timeout: 900_000 });
      await page.getByTestId("gallery-follow").first().waitFor();
    });

    test("a gallery image is followed; every sub-step's numbers are the exported ones", async () => {
      await page.getByTestId("gallery-follow").first().click();
      await traceArrives(page);
      assert.match(await page.getByTestId("steps-moment").textContent(), /^at step 16 \(epoch 1\)/);
      assert.match(await page.getByTestId("steps-sample").textContent(), /^test image #\d+ · true digit \d/);
      doc = await exported(page);
      assert.equal(doc.step, 16);
      assert.equal(doc.model, "784-128-10 (relu)");
      assert.equal(doc.layers[1].delta.length, 10);
      // Input, z¹, ReLU, z², softmax, loss, δ², ∂W², back to layer 1, ∂W¹, update.
      const titles = await walk(page, doc, 11, `steps-${mode}`);
      assert.match(titles[1], /Layer 1: z = W·a \+ b/);
      assert.match(titles[10], /Update \(Adam/);
      // The update's new weight is Burn's: the export's, shown in a chip.
      const newW = page.locator('[data-key="layers[0].weight.new"]');
      assert.equal(Math.fround(Number(await newW.getAttribute("data-value"))), Math.fround(doc.layers[0].weight.new));
    });

    test("pointing at a term lights its pixel, pointing at the pixel lights the term", async () => {
      await page.getByTestId("steps-substep-1").click();
      assert.match(await page.getByTestId("steps-title").textContent(), /^2 · Layer 1/);
      const term = page.getByTestId("steps-term-0");
      await term.hover();
      const lit = page.getByTestId("steps-input-image").locator(".mark.linked");
      await lit.first().waitFor();
      const pixel = Number(await lit.first().getAttribute("data-index"));
      assert.equal(pixel, doc.layers[0].input, "the largest term multiplies the followed input");
      assert.match(await term.getAttribute("class"), /\blinked\b/);
      await shoot(page, `steps-${mode}-hover-term`);
      await page.mouse.move(5, 5);
      await lit.first().waitFor({ state: "detached" });
      assert.doesNotMatch(await term.getAttribute("class"), /\blinked\b/);
      // Back: the pixel under the pointer lights the term that uses it.
      const box = await page.getByTestId("steps-input-image").boundingBox();
      const [r, c] = [Math.floor(pixel / 28), pixel % 28];
      await page.mouse.move(box.x + ((c + 0.5) * box.width) / 28, box.y + ((r + 0.5) * box.height) / 28);
      await page.waitForFunction(() => document.querySelector('[data-testid="steps-term-0"]')?.classList.contains("linked"));
      await shoot(page, `steps-${mode}-hover-pixel`);
      await page.mouse.move(5, 5);
    });

    test("clicking a neuron writes out its row", async () => {
      const focused = doc.layers[0].neuron;
      const other = focused === 5 ? 6 : 5;
      await page.getByTestId("steps-strip-0").locator(`[data-index="${other}"]`).click();
      await page.getByTestId("steps-summary").filter({ hasText: `written out for neuron ${other}.` }).waitFor({ timeout: 120_000 });
      const again = await exported(page);
      assert.equal(again.layers[0].neuron, other);
      assert.equal(again.step, doc.step);
      await numbersMatch(page, again, "after refocus");
    });

    test("the play-through walks to the end at the chosen pace", async () => {
      await page.getByTestId("steps-substep-0").click();
      await page.getByTestId("steps-speed").selectOption("400");
      await page.getByTestId("steps-play").click();
      assert.match(await page.getByTestId("steps-play").textContent(), /Pause/);
      await page.getByTestId("steps-position").filter({ hasText: /^11 \/ 11$/ }).waitFor({ timeout: 20_000 });
      await page.getByTestId("steps-play").filter({ hasText: /Play/ }).waitFor({ timeout: 5_000 });
    });

    test("a confusion-cell image and a drawing can be followed too", async () => {
      await page.getByTestId("confusion-cell-1-1").click();
      await page.getByTestId("cell-example-follow").first().waitFor({ timeout: 60_000 });
      await page.getByTestId("cell-example-follow").first().click();
      await page.getByTestId("steps-label").filter({ hasText: /^1$/ }).waitFor({ timeout: 120_000 });
      await page.getByTestId("cell-examples-close").click();
      await page.getByTestId("draw-pad").scrollIntoViewIfNeeded();
      const box = await page.getByTestId("draw-pad").boundingBox();
      const to = (x, y) => [box.x + (x * box.width) / 280, box.y + (y * box.height) / 280];
      await page.mouse.move(...to(142, 50));
      await page.mouse.down();
      for (let y = 70; y <= 230; y += 20) await page.mouse.move(...to(142, y), { steps: 4 });
      await page.mouse.up();
      await page.getByTestId("draw-top").filter({ hasText: /^\d$/ }).waitFor({ timeout: 60_000 });
      await page.getByTestId("draw-label").selectOption("1");
      await page.getByTestId("draw-follow").click();
      await page.getByTestId("steps-sample").filter({ hasText: /^your drawing \(a 1\)/ }).waitFor({ timeout: 120_000 });
      const drawn = await exported(page);
      assert.equal(drawn.sample.source, "drawn");
      assert.equal(drawn.sample.label, 1);
      await shoot(page, `steps-${mode}-drawn`);
    });

    test("following the current step moves the numbers while training runs", async () => {
      // 3 epochs of 16 steps at 5 steps per second: time to watch.
      await page.goto("about:blank");
      await page.goto(`${server.url}#task=mnist&preset=seed003&subset=1000&epochs=3&speed=5`);
      await page.getByTestId("data-progress").waitFor({ state: "detached", timeout: 120_000 });
      await page.getByTestId("evaluate").click();
      await page.getByTestId("gallery-follow").first().waitFor({ timeout: 300_000 });
      await page.getByTestId("gallery-follow").first().click();
      await traceArrives(page);
      assert.match(await page.getByTestId("steps-moment").textContent(), /^at step 0 /);
      const before = await page.locator('[data-key="output.loss"]').getAttribute("data-value");
      await page.getByTestId("steps-follow-live").check();
      await page.getByTestId("play").click();
      const stepShown = () => page.getByTestId("steps-moment").getAttribute("data-step").then(Number);
      const seen = new Set();
      const deadline = Date.now() + 120_000;
      while (seen.size < 3 && Date.now() < deadline) {
        seen.add(await stepShown());
        await page.waitForTimeout(300);
      }
      assert.ok(seen.size >= 3, `the trace followed the run: steps ${[...seen]}`);
      assert.notEqual(await page.locator('[data-key="output.loss"]').getAttribute("data-value"), before);
      await page.getByTestId("pause").click();
      await page.getByTestId("steps-follow-live").uncheck();
      await shoot(page, `steps-${mode}-live`);
      assert.deepEqual(errors, []);
    });
  });
}

/** The small CNN on the CPU: the first convolution's window, pooling and kernel gradient. */
if (MODES.includes("no-webgpu")) describe("Follow one sample through the CNN (CPU)", () => {
  let server, browser, page, errors, doc;

  before(async () => {
    server = await serve();
    browser = await launch("no-webgpu");
    page = await browser.newPage({ viewport: { width: 1500, height: 1100 }, acceptDownloads: true });
    errors = watchErrors(page);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("a CNN trace walks through the convolution, with the exported numbers", async () => {
    await page.goto(`${server.url}#task=mnist&preset=cnn&subset=1000&epochs=1&speed=0&backend=cpu`);
    await page.getByTestId("data-progress").waitFor({ state: "detached", timeout: 120_000 });
    await page.getByTestId("backend").filter({ hasText: /^CPU \(/ }).waitFor({ timeout: 90_000 });
    await page.getByTestId("play").click();
    await page.getByTestId("test-accuracy").filter({ hasText: /%/ }).waitFor({ timeout: 900_000 });
    await page.getByTestId("gallery-follow").nth(1).click();
    await traceArrives(page);
    doc = await exported(page);
    assert.ok(doc.conv, "the export has the convolution");
    assert.equal(doc.layers[0].inputs, 32 * 7 * 7);
    // Input, conv, ReLU, pool, middle, dense, softmax, loss, δ, ∂W, ∂K, update.
    const titles = await walk(page, doc, 12, "steps-cnn");
    assert.match(titles[1], /Convolution 1, channel \d+: z = K ⋆ x \+ b/);
    assert.match(titles[10], /∂L\/∂K of channel/);
  });

  test("a kernel term lights its tap and its pixel; a channel can be chosen", async () => {
    await page.getByTestId("steps-substep-1").click();
    await page.getByTestId("steps-term-0").hover();
    await page.getByTestId("steps-kernel").locator(".mark.linked").first().waitFor();
    await page.getByTestId("steps-input-image").locator(".mark.linked").first().waitFor();
    await shoot(page, "steps-cnn-hover-term");
    await page.mouse.move(5, 5);
    const other = doc.conv.channel === 3 ? 4 : 3;
    await page.getByTestId("steps-strip-conv").locator(`[data-index="${other}"]`).click();
    await page.getByTestId("steps-title").filter({ hasText: `channel ${other}:` }).waitFor({ timeout: 120_000 });
    const again = await exported(page);
    assert.equal(again.conv.channel, other);
    await numbersMatch(page, again, "after choosing a channel");
    assert.deepEqual(errors, []);
  });
});
