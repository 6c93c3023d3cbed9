// A training worker that cannot start (here: its script is answered with HTTP 404) leaves the
// page in a clear, safe state: one message saying what to do, and every control that needs
// the worker disabled. The page's start timeout is shortened through its test knob.
import { test, describe } from "node:test";
import assert from "node:assert/strict";

import { NO_SW, WORKER_SCRIPT, screenshot } from "./helpers.mjs";
import { servedBrowser } from "./fixture.mjs";

describe("a worker that cannot start", () => {
  const app = servedBrowser();

  for (const task of ["linreg", "mnist"]) {
    test(`is reported on the ${task} page, its controls disabled`, async () => {
      const page = await app.browser.newPage({ viewport: { width: 1500, height: 1000 }, ...NO_SW });
      await page.addInitScript(() => { window.__mlpgWorkerStartMs = 2000; });
      await page.route(WORKER_SCRIPT, (route) => route.fulfill({ status: 404, body: "not found" }));
      await page.goto(`${app.server.url}#task=${task}`);
      const notice = page.getByTestId("notices").filter({ hasText: "did not start" });
      await notice.waitFor({ timeout: 60_000 });
      assert.match(await notice.textContent(), /Reload the page/);
      assert.equal(await page.getByTestId("notices").filter({ hasText: "did not start" }).count(), 1, "one message");
      for (const id of ["play", "step"]) {
        const control = page.getByTestId(id);
        if (await control.count()) assert.ok(!(await control.isEnabled()), `${id} disabled`);
      }
      assert.match(await page.getByTestId("backend").textContent(), /stopped|reload/i);
      await screenshot(page, `worker-did-not-start-${task}`);
      await page.close();
    });
  }
});
