// The tiny GPT end to end, against the built dist/ on 127.0.0.1 in headless Chromium: the sort
// task's recipe learns to answer held-out prompts exactly on the CPU; on WebGPU (the software
// adapter here) a small model steps and reads back its numbers; the names corpus loads (a
// damaged copy is named, with "Try again"), trains, writes a sample, and a prompt with
// characters outside its vocabulary is refused with a message naming them.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { Playground } from "./fixture.mjs";
import { OUT, forced } from "./helpers.mjs";

const MODES = ["webgpu", "no-webgpu"].filter((m) => !process.env.E2E_MODES || process.env.E2E_MODES.split(",").includes(m));

describe("Tiny GPT, sort on the CPU", () => {
  test("the sort recipe answers held-out prompts exactly", async () => {
    const app = await Playground.open({ mode: "no-webgpu", hash: "#task=gpt&text=sort&steps=200&speed=0" });
    try {
      assert.match(await app.ready(), /^CPU/);
      await app.byTestId("gpt-vocab").waitFor();
      assert.equal(await app.byTestId("gpt-vocab").locator(".vocab-cell").count(), 4);
      assert.match(await app.text("gpt-uniform"), /^1\.386$/); // ln 4
      const started = Date.now();
      await app.byTestId("play").click();
      await app.byTestId("eta").filter({ hasText: /^done$/ }).waitFor({ timeout: 600_000 });
      const seconds = (Date.now() - started) / 1000;
      const exact = await app.number("gpt-exact");
      const steps = await app.text("step-count");
      console.log(`[cpu] sort, 200 steps: ${seconds.toFixed(1)} s, exact match ${exact} %, ${await app.text("tokens-per-sec")}`);
      assert.equal(steps, "200");
      assert.ok(exact >= 90, `exact match ${exact} %`);
      const answers = app.byTestId("gpt-answers");
      assert.ok((await answers.locator("tr.right").count()) >= 5, "most shown answers are right");
      await app.byTestId("gpt-exact-chart").waitFor();
      await app.byTestId("gpt-attention-map").first().waitFor({ timeout: 60_000 });
      assert.equal(await app.byTestId("gpt-attention-map").count(), 9, "3 layers × 3 heads");
      // Pointing at a cell (bottom left: the last query, the first key) names its tokens.
      const first = app.byTestId("gpt-attention-map").first();
      await first.scrollIntoViewIfNeeded();
      const box = await first.boundingBox();
      await first.hover({ position: { x: box.width * 0.02, y: box.height * 0.98 } });
      const hovered = /^layer 1, head 1: query (\d+) “.” → key 0 “.”: a = (0|1)\.\d{3}$/;
      await app.byTestId("gpt-attention-hovered").filter({ hasText: hovered }).waitFor({ timeout: 5_000 });
      assert.match(await app.text("gpt-attention-hovered"), hovered);
      await app.screenshot("gpt-sort-cpu-trained");
      await app.page.getByTestId("step-count").scrollIntoViewIfNeeded();
      await app.page.screenshot({ path: join(OUT, "gpt-sort-cpu-top.png") }); // the README's

      // Saved and loaded into a fresh page, the model answers the same.
      const [download] = await Promise.all([app.page.waitForEvent("download"), app.byTestId("save-model").click()]);
      assert.match(download.suggestedFilename(), /^gpt-sort-3x3h-d48-step\d+\.mlpg$/);
      const file = join(await mkdtemp(join(tmpdir(), "mlpg-")), download.suggestedFilename());
      await download.saveAs(file);
      await app.page.goto("about:blank");
      await app.page.goto(`${app.server.url}#task=gpt&text=sort&seed=7`);
      await app.ready();
      await app.page.waitForFunction(() => document.querySelector('[data-testid="load-model"]')?.disabled === false);
      await app.byTestId("load-model").setInputFiles(file);
      await app.byTestId("model-status").filter({ hasText: /loaded/i }).waitFor({ timeout: 60_000 });
      await app.waitForText("step-count", steps);
      await app.byTestId("gpt-exact").waitFor({ timeout: 60_000 });
      assert.equal(await app.number("gpt-exact"), exact);
      assert.match(app.page.url(), /seed=42/, "the file's settings apply");
      await app.byTestId("load-model").setInputFiles({ name: "notes.mlpg", mimeType: "application/octet-stream", buffer: Buffer.from("notes") });
      await app.byTestId("notices").filter({ hasText: /not a tiny-GPT model file/ }).waitFor({ timeout: 60_000 });
      assert.deepEqual(app.unexpectedErrors(), []);
    } finally {
      await app.close();
    }
  });
});

for (const mode of MODES.filter((m) => m === "webgpu")) {
  describe("Tiny GPT on WebGPU", () => {
    test("a small model steps and its numbers come back", async () => {
      const app = await Playground.open({ mode, hash: `#task=gpt&text=reverse&layers=1&heads=2&d=16&steps=40&speed=0${forced(mode)}` });
      try {
        assert.match(await app.ready(/^WebGPU \(/), /^WebGPU/);
        await app.byTestId("gpt-val-loss").filter({ hasText: /^\d/ }).waitFor({ timeout: 120_000 });
        await app.stepTimes("step", "step-count", 3);
        await app.byTestId("gpt-train-loss").filter({ hasText: /^\d/ }).waitFor({ timeout: 60_000 });
        const loss = await app.number("gpt-train-loss");
        assert.ok(loss > 1.5 && loss < 3.0, `reverse starts near ln 11 = 2.40: ${loss}`);
        await app.byTestId("play").click();
        await app.byTestId("eta").filter({ hasText: /^done$/ }).waitFor({ timeout: 300_000 });
        assert.equal(await app.text("step-count"), "40");
        await app.screenshot("gpt-reverse-webgpu");
        assert.deepEqual(app.unexpectedErrors(), []);
      } finally {
        await app.close();
      }
    });
  });
}

describe("Tiny GPT on names", () => {
  test("a damaged corpus is named with Try again; then it trains and writes", async () => {
    const damage = (page) =>
      page.route(/names\.txt$/, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: (await response.body()).subarray(0, 5_000) });
      });
    const app = await Playground.open({
      mode: "no-webgpu",
      hash: "#task=gpt&text=names&steps=200&warmup=20&speed=0",
      viewport: { width: 1400, height: 1000 },
      prepare: damage,
    });
    const { page } = app;
    try {
      await app.byTestId("gpt-data-retry").waitFor({ timeout: 120_000 });
      assert.match(await app.text("gpt-data-status"), /names\.txt is damaged.*SHA-256.*Try again/);
      await app.screenshot("gpt-names-damaged");
      await page.unroute(/names\.txt$/);
      await app.byTestId("gpt-data-retry").click();
      await app.byTestId("gpt-vocab").waitFor({ timeout: 120_000 });
      assert.equal(await app.byTestId("gpt-vocab").locator(".vocab-cell").count(), 27);
      await app.byTestId("gpt-sample").waitFor({ timeout: 60_000 });
      await app.byTestId("play").click();
      await app.byTestId("eta").filter({ hasText: /^done$/ }).waitFor({ timeout: 300_000 });
      const val = await app.number("gpt-val-loss");
      assert.ok(val < 3.0, `validation loss below the uniform 3.30 after 200 steps: ${val}`);
      // A prompt with characters outside the vocabulary is refused, naming them.
      const prompt = app.byTestId("gpt-prompt");
      await prompt.fill(".Zoë");
      assert.match(await app.text("gpt-prompt-error"), /“Z”, “ë”/);
      assert.ok(await app.byTestId("gpt-write").isDisabled());
      await prompt.fill(".ma");
      await app.byTestId("gpt-write").click();
      await app.byTestId("gpt-written").waitFor({ timeout: 60_000 });
      assert.match(await app.text("gpt-written"), /^\.ma[a-z.]+$/s);
      assert.equal(await app.byTestId("gpt-next-probs").locator(".next-bar").count(), 10);
      await app.screenshot("gpt-names-written");
      // The settings are in the URL, so a link reproduces the run.
      assert.match(page.url(), /#task=gpt&text=names&layers=4&heads=4&d=64&ctx=16/);
      assert.deepEqual(app.unexpectedErrors(/names\.txt/), []);
    } finally {
      await app.close();
    }
  });
});
