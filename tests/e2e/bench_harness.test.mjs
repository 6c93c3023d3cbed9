// The benchmark's playground side (bench/ours.mjs) against the built dist/: it drives the
// page, reads its own readouts and times from the page's clock. A short run here keeps the
// harness from rotting; the benchmark itself (scripts/bench.sh) is not part of CI.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { serve } from "./helpers.mjs";
import { runOurs } from "../../bench/ours.mjs";

let server, origin;
before(async () => {
  server = await serve();
  origin = server.url.replace(/\/$/, "");
});
after(() => server?.close());

test("E1 on the CPU: finished, timed, and the fit is the page's", async () => {
  const r = await runOurs({ origin, backend: "cpu", experiment: "E1", maxSeconds: 60 });
  assert.equal(r.error, null);
  assert.ok(r.finished && r.steps === 400, JSON.stringify(r));
  assert.ok(r.wall_s > 0 && r.wall_s < 60, `wall ${r.wall_s}`);
  assert.ok(Math.abs(r.w - 2) < 0.8 && Math.abs(r.b - 1) < 0.8, `w ${r.w}, b ${r.b}`);
  assert.ok(r.test_mse > 0.2 && r.test_mse < 3, `test MSE ${r.test_mse} (σ² = 1)`);
});

test("E2 on the CPU, capped: a steady speed, the MNIST load time, no accuracy", async () => {
  const r = await runOurs({ origin, backend: "cpu", experiment: "E2", maxSeconds: 1 });
  assert.equal(r.error, null);
  assert.equal(r.finished, false);
  assert.ok(r.samples_per_s > 500, `samples/s ${r.samples_per_s}`);
  assert.ok(r.warmup_s > 0 && r.mnist_load_s > 0, JSON.stringify(r));
  assert.equal(r.test_accuracy, undefined);
});
