// Nothing lost when something fails: a WebGPU device loss or a worker crash after an exact step
// count (Step clicks, never timers) continues on the CPU from the checkpointed step, with the
// same parameters and optimizer state as were read back, and the run finishes.
// - Linear regression: the checkpoint is compared through the exported step JSON.
// - MNIST and the single neuron: through the checkpoint bytes the worker stored in IndexedDB.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { Playground } from "./fixture.mjs";
import { FAULT_PRELUDE, inject, storedCheckpoint, waitForCheckpoint, waitForNoCheckpoint } from "./faults.mjs";

const GPU_LOSS = /WebGPU|GPU|device|destroyed|lost/i;
const CRASH = /training worker crashed|panicked|unreachable|RuntimeError|deserialize/i;
const LINREG = "#optimizer=adam&lr=0.02&l2=0.001";
const MNIST = "#task=mnist&hidden=16&subset=1000&batch=100&epochs=1&optimizer=adam&lr=0.01&l2=0.001";

async function exportedStep(pg) {
  await pg.byTestId("export-step").click();
  const json = JSON.parse(await pg.text("export-json"));
  await pg.byTestId("export-close").click();
  return json;
}

/** Linear regression after the fault: back at step 5 with the state of step 5; finishes. */
async function linregContinues(pg, before) {
  await pg.waitForText("step-count", 5);
  await pg.stepTimes("step", "step-count", 1);
  const next = await exportedStep(pg);
  assert.equal(next.step, 6);
  assert.deepEqual(next.parameters, before.new_parameters, "w, b continue from step 5");
  assert.deepEqual(next.optimizer.state_before, before.optimizer.state_after, "Adam t, m, v continue");
  await pg.byTestId("play").click();
  await pg.waitForText("step-count", 400, 120_000);
  assert.ok((await pg.number("loss-train")) < 0.1, "trained to the noise level");
}

/**
 * MNIST after the fault: back at step 3 with the stored checkpoint of step 3; then it
 * finishes. After a device loss the test deleted the record first, so the one found here was
 * written on the CPU from the restored run: byte for byte the parameters, Adam t, m, v and
 * step that were read back on WebGPU. (After a crash the record found may still be the crashed
 * worker's own; that the new worker took it up shows in the step and, for the neuron, the loss.)
 */
async function mnistContinues(pg, saved) {
  await pg.waitForText("step-count", 3);
  const again = await waitForCheckpoint(pg.page);
  assert.deepEqual(again, saved, "the checkpoint of step 3");
  await pg.byTestId("play").click();
  await pg.waitForText("step-count", 10, 120_000);
  await pg.byTestId("test-accuracy").filter({ hasText: /%/ }).waitFor({ timeout: 60_000 });
  assert.ok(Number.parseFloat(await pg.text("test-accuracy")) > 30, "it learned (chance: 10 %)");
}

describe("WebGPU device lost after a given step", () => {
  test("linear regression (Adam, L2) continues on the CPU from step 5 and finishes", async () => {
    const pg = await Playground.open({ mode: "webgpu", hash: `${LINREG}&backend=webgpu`, workerPrelude: FAULT_PRELUDE });
    try {
      await pg.ready(/^WebGPU \(/);
      await pg.stepTimes("step", "step-count", 5);
      const before = await exportedStep(pg);
      assert.equal(before.optimizer.state_after.w.t, 5);
      await inject(pg.page, "lose-device");
      await pg.byTestId("step").click(); // its readback fails: the run moves to the CPU
      assert.match(await pg.ready(/^CPU \(reason: /), /WebGPU device failed/);
      assert.match(await pg.text("notices"), /continuing on the CPU from step 5\./);
      await linregContinues(pg, before);
      await pg.screenshot("resume-linreg-device-lost");
      assert.deepEqual(pg.unexpectedErrors(GPU_LOSS), []);
    } finally {
      await pg.close();
    }
  });

  test("MNIST (Adam, L2) continues on the CPU from step 3 and finishes", async () => {
    const pg = await Playground.open({ mode: "webgpu", hash: `${MNIST}&backend=webgpu`, workerPrelude: FAULT_PRELUDE });
    try {
      await pg.ready(/^WebGPU \(/);
      await pg.byTestId("step").and(pg.page.locator(":enabled")).waitFor({ timeout: 120_000 });
      await pg.stepTimes("step", "step-count", 3);
      const saved = await waitForCheckpoint(pg.page, { step: 3 });
      await storedCheckpoint(pg.page, { remove: true }); // the next one must come from the CPU
      await inject(pg.page, "lose-device");
      await pg.byTestId("step").click();
      assert.match(await pg.ready(/^CPU \(reason: /), /WebGPU device failed/);
      assert.match(await pg.text("notices"), /continuing on the CPU from step 3\./);
      await mnistContinues(pg, saved);
      await pg.screenshot("resume-mnist-device-lost");
      assert.deepEqual(pg.unexpectedErrors(GPU_LOSS), []);
    } finally {
      await pg.close();
    }
  });
});

describe("the training worker crashes after a given step", () => {
  let pg;
  before(async () => {
    pg = await Playground.open({ mode: "no-webgpu", hash: `${LINREG}&backend=cpu`, workerPrelude: FAULT_PRELUDE });
  });
  after(() => pg?.close());

  test("linear regression continues from step 5 in a new worker and finishes", async () => {
    await pg.ready(/^CPU \(/);
    await pg.stepTimes("step", "step-count", 5);
    const before = await exportedStep(pg);
    await inject(pg.page, "crash");
    assert.match(await pg.ready(/crashed; continuing from step 5\)$/), /^CPU \(reason: the training worker crashed/);
    const notices = await pg.text("notices");
    assert.match(notices, /continuing on the CPU from step 5\./);
    assert.doesNotMatch(notices, /panicked|\.rs:\d/, "the panic's text stays in the console");
    await linregContinues(pg, before);
  });

  test("MNIST continues from step 3 in a new worker and finishes", async () => {
    await pg.page.goto(`${pg.server.url}${MNIST}&backend=cpu`);
    await pg.page.reload();
    await pg.ready(/^CPU \(reason: chosen/);
    await pg.byTestId("step").and(pg.page.locator(":enabled")).waitFor({ timeout: 120_000 });
    await pg.stepTimes("step", "step-count", 3);
    // Kept in IndexedDB: the new worker continues from it (and stores its own, the same).
    const saved = await waitForCheckpoint(pg.page, { step: 3 });
    await inject(pg.page, "crash");
    await pg.ready(/crashed; continuing from step 3\)$/);
    assert.match(await pg.text("notices"), /continuing on the CPU from step 3\./);
    await mnistContinues(pg, saved);
    await pg.screenshot("resume-mnist-crash");
  });

  test("the single neuron continues from step 10 in a new worker", async () => {
    await pg.page.goto(`${pg.server.url}#task=neuron&optimizer=adam&lr=0.1&backend=cpu`);
    await pg.page.reload();
    await pg.ready(/^CPU \(reason: chosen/);
    await pg.waitForText("neuron-steps", 0);
    await pg.byTestId("neuron-step-10").click();
    await pg.waitForText("neuron-steps", 10);
    const loss = await pg.text("neuron-loss");
    const saved = await waitForCheckpoint(pg.page, { step: 10 });
    await inject(pg.page, "crash");
    await pg.ready(/crashed; continuing from step 10\)$/);
    await pg.waitForText("neuron-steps", 10);
    assert.equal(await pg.text("neuron-loss"), loss, "w and b as they were at step 10");
    assert.deepEqual(await waitForCheckpoint(pg.page), saved, "the checkpoint of step 10");
    await pg.stepTimes("neuron-step", "neuron-steps", 1);
    await pg.screenshot("resume-neuron-crash");
  });

  test("after a Reset, a crash does not bring the old run back", async () => {
    await pg.byTestId("neuron-reset").click();
    await pg.waitForText("neuron-steps", 0);
    await waitForNoCheckpoint(pg.page); // the Reset deleted the old run's checkpoint
    await inject(pg.page, "crash");
    await pg.ready(/crashed; starting over\)$/);
    assert.match(await pg.text("notices"), /training starts over on the CPU \(no checkpoint was saved yet\)/);
    await pg.waitForText("neuron-steps", 0);
    assert.deepEqual(pg.unexpectedErrors(CRASH), []);
  });
});

describe("a training worker that keeps crashing", () => {
  let pg;
  before(async () => {
    pg = await Playground.open({ mode: "no-webgpu", hash: `${LINREG}&backend=cpu`, workerPrelude: FAULT_PRELUDE });
  });
  after(() => pg?.close());

  test("is stopped after two restarts: the controls are disabled and one message says what to do", async () => {
    await pg.ready(/^CPU \(reason: chosen/);
    // Each crash at another step, so that each new worker's badge can be told apart.
    await inject(pg.page, "crash");
    await pg.ready(/crashed; continuing from step 0\)$/);
    await pg.stepTimes("step", "step-count", 1);
    await inject(pg.page, "crash");
    await pg.ready(/crashed; continuing from step 1\)$/);
    await pg.stepTimes("step", "step-count", 1);
    await inject(pg.page, "crash");
    await pg.byTestId("backend").filter({ hasText: /^Training stopped/ }).waitFor({ timeout: 60_000 });
    for (const id of ["play", "step", "reset"]) assert.ok(await pg.byTestId(id).isDisabled(), `${id} is disabled`);
    const notices = await pg.text("notices");
    assert.match(notices, /keeps crashing, so it was stopped\. Reload the page/);
    assert.equal(notices.match(/keeps crashing/g).length, 1, "one message");
    await pg.screenshot("worker-stopped");
  });
});
