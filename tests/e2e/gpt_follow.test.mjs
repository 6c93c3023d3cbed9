// "Follow one token" end to end, against the built dist/ on both backends: after a few steps
// of the sort recipe, the next step is followed through all 18 sub-steps; every number the
// learner reads (the terms, the attention weights under the tokens) is the exported JSON's;
// the attention row sums to 1 with the future masked; pointing at a term lights its token;
// clicking a token follows it instead.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Playground } from "./fixture.mjs";
import { forced } from "./helpers.mjs";
import { numbersMatch, shoot } from "./steps-helpers.mjs";

const MODES = ["webgpu", "no-webgpu"].filter((m) => !process.env.E2E_MODES || process.env.E2E_MODES.split(",").includes(m));

async function exportedTrace(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("steps-export").click()]);
  assert.match(download.suggestedFilename(), /^gpt-follow-step\d+-t\d+-l\d+h\d+\.json$/);
  const file = join(await mkdtemp(join(tmpdir(), "mlpg-follow-")), download.suggestedFilename());
  await download.saveAs(file);
  return JSON.parse(await readFile(file, "utf8"));
}

async function traceArrives(page, step) {
  await page.getByTestId("steps-pending").waitFor({ state: "detached", timeout: 120_000 });
  await page.locator(`[data-testid="steps-moment"][data-step="${step}"]`).waitFor({ timeout: 120_000 });
}

for (const mode of MODES) {
  describe(`Follow one token (${mode})`, () => {
    test("every sub-step's numbers are the exported trace's", async () => {
      const backend = mode === "webgpu" ? /^WebGPU \(/ : /^CPU/;
      const app = await Playground.open({ mode, hash: `#task=gpt&text=sort&layers=2&heads=2&d=16&steps=100&speed=0${forced(mode)}`, viewport: { width: 1400, height: 1000 } });
      const { page } = app;
      try {
        await app.ready(backend);
        await app.byTestId("gpt-follow-empty").waitFor();
        await app.stepTimes("step", "step-count", 2);
        await app.byTestId("gpt-follow").click();
        await traceArrives(page, 3);
        const doc = await exportedTrace(page);
        assert.equal(doc.format, "mlpg-gpt-follow 1");
        assert.equal(doc.step, 3);
        const t = doc.request.position;
        assert.equal(t, doc.tokens.length - 1, "the first request follows the last position");
        // The attention row: sums to 1, the future masked to 0.
        const sum = doc.forward.weights.reduce((a, b) => a + b, 0);
        assert.ok(Math.abs(sum - 1) < 1e-5, `row sums to ${sum}`);
        assert.equal(await app.byTestId("gpt-follow-strip").locator(".follow-token").count(), doc.tokens.length);
        // Every sub-step: its numbers against the JSON; a screenshot of each.
        const count = await app.byTestId("steps-stepper").locator("button").count();
        assert.equal(count, 18);
        let numbers = 0;
        for (let k = 0; k < count; k++) {
          const title = (await app.text("steps-title")).trim();
          assert.ok(title.startsWith(`${k + 1} · `), title);
          numbers += await numbersMatch(page, doc, title);
          assert.equal(await app.byTestId("steps-panel").locator(".latex-fallback").count(), 0, title);
          if (mode === "no-webgpu") await shoot(page, `gpt-follow-${String(k + 1).padStart(2, "0")}`);
          if (k < count - 1) await app.byTestId("steps-next").click();
        }
        console.log(`[${mode}] followed t = ${t} at step 3: ${count} sub-steps, ${numbers} numbers as read checked against the JSON`);
        // Pointing at a score's term lights up its token.
        await app.byTestId("steps-substep-3").click();
        assert.match(await app.text("steps-title"), /Scores/);
        await app.byTestId("steps-term-0").hover();
        await page.locator('[data-testid="gpt-follow-token-0"].linked').waitFor();
        // Clicking another token follows it (same step: the run did not move).
        await app.byTestId("gpt-follow-token-2").click();
        await page.waitForFunction(() => document.querySelector('[data-testid="gpt-follow-token-2"]')?.classList.contains("followed"), null, { timeout: 120_000 });
        await traceArrives(page, 3);
        const again = await exportedTrace(page);
        assert.equal(again.request.position, 2);
        assert.equal(again.forward.loss, doc.forward.loss, "the same batch and model");
        assert.equal(again.forward.weights.slice(3).every((a) => a === 0), true, "keys after t = 2 are masked");
        await numbersMatch(page, again, "after following position 2");
        assert.equal(await app.text("step-count"), "2", "following does not step the run");
        if (mode === "no-webgpu") {
          await app.screenshot("gpt-follow-panel");
          // Phone width: nothing wider than the screen (long formulas scroll in their line).
          await page.setViewportSize({ width: 390, height: 900 });
          const wide = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(wide <= 390, `the page is ${wide} px wide at 390 px`);
          await shoot(page, "gpt-follow-phone");
        }
        assert.deepEqual(app.unexpectedErrors(), []);
      } finally {
        await app.close();
      }
    });
  });
}
