// The loss surface on linear regression, end to end on both backends: the contour map Burn
// computed in the worker, the minimum, the path one dot per step, the gradient arrow, hover.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { Playground } from "./fixture.mjs";

const MODES = ["no-webgpu", "webgpu"].filter((m) => !process.env.E2E_MODES || process.env.E2E_MODES.split(",").includes(m));
// Full-batch gradient descent (80 points): 60 steps at α = 0.5 reach least squares.
const HASH = "#task=linreg&optimizer=sgd&lr=0.5&batch=80&epochs=60&speed=0";

/** Moves the pointer to the centre of `locator` and returns what the hover line says. */
async function hover(app, locator) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  return app.text("surface-hover");
}

const num = (s) => Number.parseFloat(s.replace("−", "-"));

for (const mode of MODES) {
  describe(`loss surface with ${mode}`, () => {
    let app;
    before(async () => {
      app = await Playground.open({ mode, hash: HASH + (mode === "webgpu" ? "&backend=webgpu" : "") });
      await app.ready(mode === "webgpu" ? /^WebGPU \(/ : undefined, 120_000);
    });
    after(() => app?.close());

    test("the contour map is drawn from Burn's grid, with the minimum and the start", async () => {
      const caption = app.byTestId("surface-caption");
      await caption.waitFor({ timeout: 120_000 });
      const text = await caption.textContent();
      const ms = Number(text.match(/100 × 100 points, computed by Burn in one batched pass \((\d+) ms\)/)[1]);
      console.log(`[${mode}] 100 × 100 loss grid: ${ms} ms in the worker (first WebGPU use includes its shader compile)`);
      const levels = await app.page.locator("[data-testid=loss-surface] .contours path").evaluateAll((ps) => ps.filter((p) => p.getAttribute("d")).length);
      assert.ok(levels >= 10, `${levels} contour levels drawn`);
      assert.equal(await app.byTestId("surface-path").getAttribute("data-points"), "1", "the start only");
      // Hovering the least-squares marker reads the grid there: the lowest loss a line can reach.
      const said = await hover(app, app.page.locator(".surface-min").first());
      const m = said.match(/^w = (-?[\d.]+), b = (-?[\d.]+): L = ([\d.]+)$/);
      assert.ok(m, said);
      const [w, b] = [await app.number("param-w-ls"), await app.number("param-b-ls")];
      assert.ok(Math.abs(num(m[1]) - w) < 0.03 && Math.abs(num(m[2]) - b) < 0.03, `${said} vs (${w}, ${b})`);
      app.lsLoss = num(m[3]);
    });

    test("training draws the path one dot per step, ending at least squares", async () => {
      await app.stepTimes("step", "step-count", 1);
      // The first step's −α∇L: for plain gradient descent it ends where the step took w and b.
      const arrow = app.byTestId("surface-gradient");
      await arrow.waitFor({ timeout: 30_000 });
      const [x2, y2] = [Number(await arrow.getAttribute("x2")), Number(await arrow.getAttribute("y2"))];
      const dot = app.page.locator("[data-testid=surface-path][data-points='2'] .surface-end");
      const [cx, cy] = [Number(await dot.getAttribute("cx")), Number(await dot.getAttribute("cy"))];
      assert.ok(Math.hypot(x2 - cx, y2 - cy) < 0.5, `arrow tip (${x2}, ${y2}) vs the step's end (${cx}, ${cy})`);
      await app.byTestId("play").click();
      await app.waitForText("step-count", "60", 300_000);
      await app.byTestId("play").waitFor();
      await app.page.locator("[data-testid=surface-path][data-points='61']").waitFor({ timeout: 30_000 });
      const end = await hover(app, app.page.locator(".surface-end").first());
      const m = end.match(/^this run: after step 60, w = (-?[\d.]+), b = (-?[\d.]+)$/);
      assert.ok(m, end);
      const [w, b] = [await app.number("param-w"), await app.number("param-b")];
      assert.ok(Math.abs(num(m[1]) - w) < 1e-3 && Math.abs(num(m[2]) - b) < 1e-3, `${end} vs (${w}, ${b})`);
      const [lsW, lsB] = [await app.number("param-w-ls"), await app.number("param-b-ls")];
      assert.ok(Math.abs(w - lsW) < 0.05 && Math.abs(b - lsB) < 0.05, `(${w}, ${b}) vs least squares (${lsW}, ${lsB})`);
      // The grid's loss at the least-squares point is the trained line's train MSE.
      const train = await app.number("loss-train");
      assert.ok(Math.abs(app.lsLoss - train) <= 0.02 * train, `grid L ${app.lsLoss} vs train MSE ${train}`);
      await app.byTestId("surface-panel").scrollIntoViewIfNeeded();
      await app.screenshot(`surface-${mode}-trained`);
    });

    test("L1 and L2 bring the penalized surface and its own minimum", async () => {
      await app.byTestId("reset").click();
      await app.page.getByTestId("l2").fill("0.5");
      await app.page.getByTestId("l2").press("Enter");
      await app.page.locator(".surface-min.regularized").waitFor({ timeout: 60_000 });
      assert.match(await app.text("surface-caption"), /\+ λ₁\|w\| \+ λ₂w²/);
      const said = await hover(app, app.page.locator(".surface-min.regularized"));
      const m = said.match(/^w = (-?[\d.]+), b = (-?[\d.]+): L = ([\d.]+)$/);
      assert.ok(m && num(m[1]) < (await app.number("param-w-ls")), `${said}: L2 pulls w toward 0`);
      // Phone width: the map shrinks with the page and stays square and crisp (SVG).
      await app.page.setViewportSize({ width: 390, height: 844 });
      await app.byTestId("surface-panel").scrollIntoViewIfNeeded();
      const box = await app.byTestId("loss-surface").boundingBox();
      assert.ok(box.width <= 390 && Math.abs(box.width - box.height) < 0.05 * box.width, JSON.stringify(box));
      await app.screenshot(`surface-${mode}-phone`);
      assert.deepEqual(app.unexpectedErrors(), []);
    });
  });
}

describe("loss surface of a one-feature table", () => {
  let app;
  before(async () => {
    app = await Playground.open({ hash: "#task=table&data=stackloss&y=stackloss&x=airflow&optimizer=sgd&lr=0.1&batch=17&epochs=200&speed=0" });
    await app.ready();
  });
  after(() => app?.close());

  test("the standardized feature's (w, b) plane, the path ending at least squares", async () => {
    await app.byTestId("surface-caption").waitFor({ timeout: 60_000 });
    assert.match(await app.text("surface-panel"), /w multiplies the standardized “airflow”; the loss is the MSE on the 17 training rows plus λ₂w²/);
    await app.byTestId("play").click();
    await app.page.locator("[data-testid=surface-path][data-points='201']").waitFor({ timeout: 120_000 });
    const title = await app.page.locator(".surface-min title").first().textContent();
    const [lsW, lsB] = title.match(/ŵ = (-?[\d.]+), b̂ = (-?[\d.]+)/).slice(1).map(num);
    const said = await hover(app, app.page.locator(".surface-end").first());
    const m = said.match(/^this run: after step 200, w = (-?[\d.]+), b = (-?[\d.]+)$/);
    assert.ok(m, said);
    const [w, b] = [num(m[1]), num(m[2])];
    console.log(`[table] stackloss ~ airflow: path ends at (${w}, ${b}); least squares (${lsW}, ${lsB})`);
    assert.ok(Math.hypot(w - lsW, b - lsB) < 0.01 * Math.hypot(lsW, lsB), `(${w}, ${b}) vs (${lsW}, ${lsB})`);
    await app.byTestId("surface-panel").scrollIntoViewIfNeeded();
    await app.screenshot("surface-table");
    assert.deepEqual(app.unexpectedErrors(), []);
  });
});
