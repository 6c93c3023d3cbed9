// WebGPU device lost in the middle of training: the run must continue on the CPU from the last
// checkpoint (parameters, optimizer state, step count) and finish — nothing lost.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { NO_SW, WORKER_SCRIPT, launch, numberOf, screenshot, serve, watchErrors } from "./helpers.mjs";

/** Destroys the worker's GPUDevice `ms` after Burn creates it (prepended to worker.js). */
function loseDeviceAfter(ms) {
  return `(() => {
    if (!self.GPUAdapter) return;
    const requestDevice = GPUAdapter.prototype.requestDevice;
    GPUAdapter.prototype.requestDevice = async function (...args) {
      const device = await requestDevice.apply(this, args);
      setTimeout(() => device.destroy(), ${ms});
      return device;
    };
  })();\n`;
}

describe("WebGPU device lost during training", () => {
  let server, browser, page, errors;
  before(async () => {
    server = await serve();
    browser = await launch("webgpu");
    page = await browser.newPage({ viewport: { width: 1500, height: 1000 }, ...NO_SW });
    errors = watchErrors(page);
    await page.route(WORKER_SCRIPT, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: loseDeviceAfter(12_000) + (await response.text()) });
    });
    // Paced at 20 steps/s, so the 400 steps take ≈ 20 s and the device is lost mid-run (at
    // full speed, WebGPU finishes this run in ≈ 1.5 s).
    await page.goto(`${server.url}#speed=20`);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("continues on the CPU from the last checkpoint and finishes", async () => {
    await page.getByTestId("backend").filter({ hasText: /^WebGPU \(/ }).waitFor({ timeout: 90_000 });
    await page.getByTestId("play").click();
    await page.getByTestId("backend").filter({ hasText: /^CPU \(reason: / }).waitFor({ timeout: 120_000 });
    const reason = await page.getByTestId("backend").textContent();
    console.log(`after the loss: ${reason}`);
    assert.match(reason, /WebGPU device (failed|was lost)/);
    // The notice says where the CPU took over: not from scratch.
    const notice = await page.getByTestId("notices").textContent();
    const from = Number(notice.match(/continuing on the CPU from step (\d+)/)?.[1]);
    console.log(`notice: ${notice.trim()}`);
    assert.ok(from > 0, `the CPU continued from step ${from}`);
    await page.getByTestId("step-count").filter({ hasText: /^400$/ }).waitFor({ timeout: 120_000 });
    const [w, b] = [await numberOf(page, "param-w"), await numberOf(page, "param-b")];
    const [lsW, lsB] = [await numberOf(page, "param-w-ls"), await numberOf(page, "param-b-ls")];
    assert.ok(Math.abs(w - lsW) < 0.05 && Math.abs(b - lsB) < 0.05, `(w, b) = (${w}, ${b}) vs (${lsW}, ${lsB})`);
    await screenshot(page, "linreg-device-lost");
    // The loss is reported to the user as a notice, not as a console error.
    assert.deepEqual(errors.filter((e) => !/WebGPU|GPU|device|destroyed/i.test(e)), []);
  });
});
