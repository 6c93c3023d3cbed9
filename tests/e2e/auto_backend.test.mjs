// backend=auto: training starts on the CPU at once, WebGPU is warmed up and the task's real
// training step timed on both devices, and the faster one trains — the badge says by how much,
// its data attributes carry the two measured rates, and the verdict is remembered per adapter,
// task and model shape ("measure again" times both anew). On this machine WebGPU is the
// SwiftShader software adapter, so the CPU must win for the MLPs; a stored verdict that says
// WebGPU is faster moves the run onto WebGPU (the path a real GPU takes).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { Playground } from "./fixture.mjs";

const MODES = ["webgpu"].filter((m) => !process.env.E2E_MODES || process.env.E2E_MODES.split(",").includes(m));
const STORE = "mlpg.backend-verdicts.v1";
const SETTLED = /^(WebGPU|CPU) \((?!measuring)/;

/** The badge once settled on `task`'s verdict (its key names the task), with the rates behind it. */
async function verdict(app, task = "linreg") {
  const badge = app.byTestId("backend");
  await app.page.locator(`[data-testid="backend"][data-key*="|${task}|"]`).waitFor({ timeout: 180_000 });
  const text = await app.ready(SETTLED, 10_000);
  const rate = async (name) => Number(await badge.getAttribute(`data-${name}`));
  return {
    text: text.trim(),
    cpu: await rate("cpu-rate"),
    webgpu: await rate("webgpu-rate"),
    atMost: (await badge.getAttribute("data-webgpu-at-most")) === "true",
    key: await badge.getAttribute("data-key"),
  };
}

/** The device the measured figures call for: the faster rate (a WebGPU bound never wins). */
const faster = (v) => (v.webgpu > v.cpu && !v.atMost ? "WebGPU" : "CPU");

if (MODES.includes("webgpu")) describe("backend=auto (software WebGPU adapter)", () => {
  test("each task trains on the faster of the two rates it measured; the MLPs stay on the CPU", async () => {
    const app = await Playground.open({ mode: "webgpu", hash: "#speed=0" });
    try {
      // The CPU trains while WebGPU is measured: ready to train at once.
      await app.ready(/^CPU \(/, 90_000);
      const tasks = [
        ["#speed=0", "linreg", "linear regression", true],
        ["#task=mnist&hidden=32&subset=1000&epochs=1&speed=0", "mnist", "MNIST MLP", true],
        ["#task=gpt&text=sort&layers=1&heads=2&d=16&steps=100&speed=0", "gpt", "GPT (sort)", false],
      ];
      for (const [hash, task, name, mlp] of tasks) {
        if (hash !== "#speed=0") {
          await app.page.goto("about:blank");
          await app.page.goto(`${app.server.url}${hash}`);
        }
        const v = await verdict(app, task);
        console.log(`[auto] ${name}: CPU ${v.cpu} steps/s, WebGPU ${v.atMost ? "≤ " : ""}${v.webgpu} steps/s → ${v.text}`);
        assert.ok(v.cpu > 0 && Number.isFinite(v.webgpu), `${name}: both rates measured (${JSON.stringify(v)})`);
        assert.ok(v.text.startsWith(faster(v)), `${name}: ${v.text} for ${JSON.stringify(v)}`);
        if (mlp) assert.match(v.text, /^CPU \(reason: (≥ )?\S+× faster than this software WebGPU adapter here\)$/, name);
      }
      await app.screenshot("auto-backend-verdict");
      assert.deepEqual(app.unexpectedErrors(), []);
    } finally {
      await app.close();
    }
  });

  test("the verdict is remembered; \"measure again\" times both anew; a WebGPU verdict moves the run there", async () => {
    const app = await Playground.open({ mode: "webgpu", hash: "#speed=0" });
    try {
      const first = await verdict(app);
      await app.page.reload();
      const again = await verdict(app);
      assert.match(again.text, /, measured earlier\)$/, "read from storage, not measured");
      // The same figures, read back from storage: serde_json's default float parser is within
      // one unit in the last place, not always exact (its `float_roundtrip` feature would
      // rebuild Burn), so "the same" is to 12 significant digits.
      assert.ok(Math.abs(again.cpu - first.cpu) <= 1e-12 * first.cpu, `${again.cpu} vs ${first.cpu}`);

      const before = await app.byTestId("backend").getAttribute("data-cpu-rate");
      await app.byTestId("measure-again").click();
      // New figures on the badge (not the transient "measuring" text, which a test may miss).
      await app.page.waitForFunction((old) => {
        const rate = document.querySelector('[data-testid="backend"]')?.getAttribute("data-cpu-rate");
        return rate && rate !== old;
      }, before, { timeout: 180_000 });
      const fresh = await verdict(app);
      assert.doesNotMatch(fresh.text, /measured earlier/);
      assert.notEqual(fresh.cpu, first.cpu, "new figures");

      // What a machine with a fast GPU would have measured: WebGPU 500× the CPU.
      await app.page.evaluate(({ store, key }) => {
        const all = JSON.parse(localStorage.getItem(store));
        const v = all.find((m) => m.key === key);
        v.webgpu_steps_per_sec = v.cpu_steps_per_sec * 500;
        localStorage.setItem(store, JSON.stringify(all));
      }, { store: STORE, key: fresh.key });
      await app.page.reload();
      const moved = await verdict(app);
      assert.match(moved.text, /^WebGPU \(.+\) \(500× faster than the CPU here, measured earlier\)$/, moved.text);
      await app.waitForText("step-count", 0);
      await app.stepTimes("step", "step-count", 2);
      assert.match(await app.text("notices"), /Training moved to WebGPU \(500× faster than the CPU here, measured earlier\); it continues from step 0\./);
      await app.screenshot("auto-backend-moved");
      assert.deepEqual(app.unexpectedErrors(), []);
    } finally {
      await app.close();
    }
  });
});
