// "Follow one sample" end to end, against the built dist/ in headless Chromium: train seed 003's
// 784-128-10 briefly, follow a gallery image, walk every sub-step (each number shown must be the
// one in the exported JSON), link a term to its pixel and back, follow another neuron, play the
// walk through, follow a confusion-cell image and a drawing, and follow the run live — with WebGPU
// (≈ 2.5 min here on a software adapter) and on the CPU. E2E_MODES=no-webgpu (or webgpu) keeps
// one mode. The CNN: nn_steps_cnn.test.mjs.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { forced, launch, serve, watchErrors } from "./helpers.mjs";
import { exported, numbersMatch, shoot, traceArrives, walk } from "./steps-helpers.mjs";

/** Seed 003's network on the first 1,000 training images, one epoch (16 steps). */
const RUN = "#task=mnist&preset=seed003&subset=1000&epochs=1&speed=0";
const MODES = ["webgpu", "no-webgpu"].filter((m) => !process.env.E2E_MODES || process.env.E2E_MODES.split(",").includes(m));

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
      await page.goto(`${server.url}${RUN}${forced(mode)}`);
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
      await page.goto(`${server.url}#task=mnist&preset=seed003&subset=1000&epochs=3&speed=5${forced(mode)}`);
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
        const step = await stepShown();
        seen.add(step);
        // The next trace: the panel shows another step.
        await page
          .waitForFunction(
            (s) => Number(document.querySelector('[data-testid="steps-moment"]')?.dataset.step) !== s,
            step,
            { timeout: Math.max(1, deadline - Date.now()), polling: 100 },
          )
          .catch(() => {});
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
