// The race end to end on both backends: SGD, momentum and Adam on linear regression, started
// together from one link; three paths on one contour map ending near least squares, three
// curves in one chart, the followed run's step panel, the URL round trip, bad parts named.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { Playground } from "./fixture.mjs";

const MODES = ["no-webgpu", "webgpu"].filter((m) => !process.env.E2E_MODES || process.env.E2E_MODES.split(",").includes(m));
const RACE = "race=optimizer:sgd,momentum,adam";
const num = (s) => Number.parseFloat(s.replace("−", "-"));

for (const mode of MODES) {
  describe(`race with ${mode}`, () => {
    let app;
    before(async () => {
      app = await Playground.open({ mode, hash: `#task=linreg&${RACE}&speed=0${mode === "webgpu" ? "&backend=webgpu" : ""}` });
      await app.ready(mode === "webgpu" ? /^WebGPU \(/ : undefined, 120_000);
    });
    after(() => app?.close());

    test("three runs, one row each, race to least squares", async () => {
      for (const i of [0, 1, 2]) await app.byTestId(`race-row-${i}`).waitFor();
      assert.equal(await app.text("race-link"), RACE);
      await app.byTestId("play").click();
      await app.waitForText("step-count", "400", 300_000);
      for (const i of [0, 1, 2]) await app.waitForText(`race-step-${i}`, "400", 30_000);
      const paths = app.byTestId("surface-path");
      await app.page.locator("[data-testid=surface-path][data-points='401']").nth(2).waitFor({ timeout: 30_000 });
      assert.equal(await paths.count(), 3);
      assert.equal(await app.byTestId("race-curve").count(), 3, "three loss curves in one chart");
      const [lsW, lsB] = [await app.number("param-w-ls"), await app.number("param-b-ls")];
      const ends = app.page.locator(".surface-end");
      for (const i of [0, 1, 2]) {
        await ends.nth(i).scrollIntoViewIfNeeded();
        const box = await ends.nth(i).boundingBox();
        await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        const said = await app.text("surface-hover");
        const m = said.match(/^optimizer=(\w+): after step 400, w = (-?[\d.]+), b = (-?[\d.]+)$/);
        assert.ok(m, said);
        const [w, b] = [num(m[2]), num(m[3])];
        console.log(`[${mode}] ${m[1]} ends at (${w}, ${b}); least squares (${lsW}, ${lsB}); train MSE ${await app.text(`race-mse-${i}`)}`);
        assert.ok(Math.hypot(w - lsW, b - lsB) < 0.15, `${m[1]}: (${w}, ${b}) vs (${lsW}, ${lsB})`);
      }
      await app.byTestId("surface-panel").scrollIntoViewIfNeeded();
      await app.screenshot(`race-${mode}-finished`);
    });

    test("the step panel follows the chosen run", async () => {
      await app.byTestId("race-follow-2").check();
      await app.page.getByText(/Batch of 10 points, optimizer Adam/).waitFor({ timeout: 10_000 });
      await app.byTestId("race-follow-0").check();
      await app.page.getByText(/Batch of 10 points, optimizer SGD/).waitFor({ timeout: 10_000 });
      assert.deepEqual(app.unexpectedErrors(), []);
    });
  });
}

describe("race links", () => {
  let app;
  before(async () => {
    // Paced (50 steps/s): a diverged run is seen, and stopped, at the next snapshot (every
    // 50 ms), so at full speed a short run could end before the first snapshot after it.
    app = await Playground.open({ hash: "#task=linreg&race=lr:0.1,10,nope,0.5,0.2&epochs=20&speed=50" });
    await app.ready();
  });
  after(() => app?.close());

  test("the valid part races, the rest is named; a diverging run stops alone; the link round-trips", async () => {
    const notice = app.page.getByText(/The race uses 3 runs \(lr:0.1,10,0.5\); left out: “lr=nope” is not valid .*at most 3 runs race: lr=0.2/);
    await notice.waitFor({ timeout: 10_000 });
    await app.byTestId("play").click();
    await app.byTestId("race-diverged-1").waitFor({ timeout: 120_000 });
    await app.waitForText("race-step-0", "160", 120_000);
    await app.waitForText("race-step-2", "160", 120_000);
    const stopped = Number(await app.text("race-step-1"));
    assert.ok(stopped < 60, `the diverged run stopped at step ${stopped} (NaN/∞ by step ≈ 13, seen at the next snapshot)`);
    assert.match(await app.text("race-diverged-1"), /^lr=10: diverged by step \d+ \(w, b or the loss became NaN\/∞\) — stopped; the others go on\.$/);
    await app.page.locator(".surface-end.diverged").waitFor();
    await app.screenshot("race-diverged");
    // The page's own link carries the race as it runs.
    await app.byTestId("share-open").click();
    const link = await app.byTestId("share-link").inputValue();
    assert.match(link, /[#&]race=lr:0\.1,10,0\.5(&|$)/, link);
    console.log(`[race] α = 10 diverged and stopped at step ${stopped} of 160`);
  });
});
