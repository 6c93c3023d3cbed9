// A host page on an origin the embed does not allow (`origin=` names another) cannot drive
// it and gets nothing back: its commands are not executed, and every reply goes to the allowed
// origin only, which the browser does not deliver to this host (it logs the mismatch instead,
// and that log is the condition the test waits for: no sleeps).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { NO_SW, ROOT, launch, screenshot, serve } from "./helpers.mjs";

const MISMATCH = /target origin provided .* does not match the recipient window's origin/;

describe("embedded by a page on a disallowed origin", () => {
  let app, host, browser;
  before(async () => {
    app = await serve();
    host = await serve(join(ROOT, "examples"), "/");
    browser = await launch("no-webgpu");
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await host?.close();
  });

  test("its commands are refused and it receives no event", async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 800 }, ...NO_SW });
    const mismatches = [];
    page.on("console", (m) => { if (MISMATCH.test(m.text())) mismatches.push(m.text()); });
    // Allowed: a port nobody listens on. The host page is on `host`'s port.
    const src = `${app.url}#task=linreg&epochs=20&embed=1&origin=http://127.0.0.1:9`;
    await page.goto(`${host.url}embed-host.html?src=${encodeURIComponent(src)}`);
    const frame = page.frameLocator("#playground");
    await frame.getByTestId("backend").filter({ hasText: /^(WebGPU|CPU) \(/ }).waitFor({ timeout: 90_000 });
    const playground = page.frames().find((f) => f.url().startsWith(app.url));
    const before = await playground.evaluate(() => location.hash);
    const until = async (done) => { while (!done()) await page.waitForEvent("console", { timeout: 60_000 }); };
    // Its "ready" went to the allowed origin, not here.
    await until(() => mismatches.length >= 1);
    const seen = mismatches.length;
    const steps = (await frame.getByTestId("step-count").textContent()).trim();
    await page.evaluate(() => {
      const f = document.getElementById("playground").contentWindow;
      f.postMessage({ type: "mlpg:command", command: "set", settings: { lr: 0.5 }, id: 1 }, "*");
      f.postMessage({ type: "mlpg:command", command: "play", id: 2 }, "*");
    });
    // Both were answered, to the allowed origin only.
    await until(() => mismatches.length >= seen + 2);
    assert.deepEqual(await page.evaluate(() => window.events), [], "nothing reached this host");
    assert.equal(await playground.evaluate(() => location.hash), before, "settings unchanged");
    assert.doesNotMatch(before, /lr=0\.5/);
    assert.equal((await frame.getByTestId("step-count").textContent()).trim(), steps, "not playing");
    await screenshot(page, "embed-disallowed-origin");
    await page.close();
  });
});
