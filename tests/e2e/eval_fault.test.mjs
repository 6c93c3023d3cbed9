// A failed test computation, injected by step count: after exactly 3 Step clicks on WebGPU the
// next readback from the GPU fails (faults.mjs "fail-next-read"), and the learner asks for the
// test-set evaluation. The page must say what happened, lose no training (still step 3, the
// same checkpoint), and still give the evaluation; training then goes on. (Before the fix the
// run moved to the CPU and the evaluation asked for was lost with the failed device.)
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { Playground } from "./fixture.mjs";
import { FAULT_PRELUDE, inject, waitForCheckpoint } from "./faults.mjs";

const MNIST = "#task=mnist&hidden=16&subset=1000&batch=100&epochs=1&optimizer=adam&lr=0.01";
const READ_FAILED = /read back|OperationError|WebGPU|GPU|device/i;

describe("a test-set evaluation whose result cannot be read back", () => {
  test("after step 3 on WebGPU: a message, no step lost, the evaluation still comes", async () => {
    const pg = await Playground.open({ mode: "webgpu", hash: `${MNIST}&backend=webgpu`, workerPrelude: FAULT_PRELUDE });
    try {
      await pg.ready(/^WebGPU \(/);
      await pg.byTestId("step").and(pg.page.locator(":enabled")).waitFor({ timeout: 120_000 });
      await pg.stepTimes("step", "step-count", 3);
      const saved = await waitForCheckpoint(pg.page, { step: 3 });
      await inject(pg.page, "fail-next-read");
      await pg.byTestId("evaluate").click();
      await pg.byTestId("test-accuracy").filter({ hasText: /%/ }).waitFor({ timeout: 120_000 });
      const notices = await pg.text("notices");
      assert.match(notices, /step 3/, `the message says where the run stands: ${notices}`);
      assert.equal(await pg.number("step-count"), 3, "no step lost");
      assert.deepEqual(await waitForCheckpoint(pg.page), saved, "the checkpoint of step 3");
      await pg.stepTimes("step", "step-count", 1);
      await pg.screenshot("eval-fault-read-failed");
      assert.deepEqual(pg.unexpectedErrors(READ_FAILED), []);
    } finally {
      await pg.close();
    }
  });
});
