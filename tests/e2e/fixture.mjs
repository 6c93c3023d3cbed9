// The page object every end-to-end test starts from: serves dist/ on 127.0.0.1, launches
// headless Chromium in a mode, opens a task by its URL hash, waits until a device is ready,
// collects console errors and takes screenshots. Fault injection (faults.mjs) plugs in here.
import { after, before } from "node:test";
import { NO_SW, WORKER_SCRIPT, launch, numberOf, screenshot, serve, watchErrors } from "./helpers.mjs";

export class Playground {
  /**
   * @param {object} o
   * @param {"webgpu"|"no-webgpu"|"hanging-webgpu"} [o.mode]
   * @param {string} [o.hash] the settings, e.g. "#task=mnist&subset=1000"
   * @param {string} [o.workerPrelude] JavaScript prepended to the worker script
   * @param {{width:number,height:number}} [o.viewport]
   * @param {(page: import("playwright-core").Page) => Promise<void>} [o.prepare] run before the
   *   page opens (e.g. routes that damage a file)
   */
  static async open({ mode = "no-webgpu", hash = "", workerPrelude, viewport = { width: 1500, height: 1000 }, prepare } = {}) {
    const server = await serve();
    const browser = await launch(mode);
    const page = await browser.newPage({ viewport, acceptDownloads: true, ...NO_SW });
    const errors = watchErrors(page);
    if (workerPrelude) {
      await page.route(WORKER_SCRIPT, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: workerPrelude + (await response.text()) });
      });
    }
    await prepare?.(page);
    await page.goto(`${server.url}${hash}`);
    return new Playground(server, browser, page, errors);
  }

  constructor(server, browser, page, errors) {
    Object.assign(this, { server, browser, page, errors });
  }

  /** Waits until the backend badge names a settled device (`pattern`, e.g. /^WebGPU \(/), returns its text. */
  async ready(pattern = /^(WebGPU|CPU) \((?!measuring)/, timeout = 90_000) {
    const badge = this.page.getByTestId("backend").filter({ hasText: pattern });
    await badge.waitFor({ timeout });
    return badge.textContent();
  }

  byTestId(id) {
    return this.page.getByTestId(id);
  }

  async text(id) {
    return (await this.page.getByTestId(id).first().textContent()).trim();
  }

  number(id) {
    return numberOf(this.page, id);
  }

  /** Waits until element `id` reads exactly `text`. */
  async waitForText(id, text, timeout = 60_000) {
    const exact = new RegExp(`^\\s*${String(text).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`);
    await this.page.getByTestId(id).filter({ hasText: exact }).first().waitFor({ timeout });
  }

  /** Clicks `button` `times` times, each time waiting until `counter` shows one step more. */
  async stepTimes(button, counter, times, timeout = 120_000) {
    let at = Number(await this.text(counter)) || 0;
    for (let i = 0; i < times; i++) {
      // The button is disabled while the worker computes (a first WebGPU step compiles its
      // shaders on a software adapter): wait for it, as long as a step may take.
      await this.page.getByTestId(button).click({ timeout });
      at += 1;
      await this.waitForText(counter, at, timeout);
    }
    return at;
  }

  /** Console errors, less those matching `expected`. */
  unexpectedErrors(expected = /$^/) {
    return this.errors.filter((e) => !expected.test(e));
  }

  screenshot(name) {
    return screenshot(this.page, name);
  }

  async close() {
    await this.browser?.close();
    await this.server?.close();
  }
}

/**
 * For one `describe` block: serves dist/ and launches a browser in `mode` before its tests and
 * closes both after them. Returns `{ server, browser }` (filled in once `before` has run).
 */
export function servedBrowser(mode = "no-webgpu") {
  const app = {};
  before(async () => {
    app.server = await serve();
    app.browser = await launch(mode);
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
