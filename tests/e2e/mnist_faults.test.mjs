// MNIST's download, failing the ways a network fails: HTTP 404 and 500, a connection cut in
// the middle of a file, and a server that stops sending. Each time the learner reads a message
// that names the file, what went wrong and what to do, and "Try again" then loads the data.
// Faults come from request interception (or a server that cuts the body), never from a timer;
// only the stall is a timeout by nature, shortened through the worker's test knob.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { DIST, NO_SW, WORKER_SCRIPT, screenshot, watchErrors } from "./helpers.mjs";
import { servedBrowser } from "./fixture.mjs";

/** A server that sends the headers and the first half of a data file, then drops the connection. */
function cuttingServer() {
  const server = createServer((req, res) => {
    const name = new URL(req.url, "http://x").pathname.split("/").pop();
    const body = readFileSync(join(DIST, "data/mnist", name));
    res.writeHead(200, { "Content-Type": "application/gzip", "Content-Length": body.length });
    res.write(body.subarray(0, body.length >> 1), () => res.socket.destroy());
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

describe("MNIST when the download fails", () => {
  const app = servedBrowser();
  let cutter;
  before(async () => { cutter = await cuttingServer(); });
  after(() => new Promise((ok) => { cutter.closeAllConnections(); cutter.close(ok); }));

  /**
   * Opens the MNIST page with `fault` routed onto `file`, waits for the notice naming it,
   * checks it against `what`, then serves the file again and presses "Try again".
   */
  async function failsThenRecovers(file, fault, what, { prelude = "", name }) {
    const page = await app.browser.newPage({ viewport: { width: 1500, height: 1000 }, ...NO_SW });
    const errors = watchErrors(page);
    if (prelude) {
      await page.route(WORKER_SCRIPT, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: prelude + (await response.text()) });
      });
    }
    const pattern = new RegExp(`${file.replace(/\./g, "\\.")}$`);
    await page.route(pattern, fault);
    await page.goto(`${app.server.url}#task=mnist&backend=cpu`);
    const notice = page.getByTestId("notices").filter({ hasText: file });
    await notice.waitFor({ timeout: 120_000 });
    const text = await notice.textContent();
    assert.match(text, what);
    assert.match(text, /check your connection and reload/);
    await page.getByTestId("data-retry").waitFor();
    const play = page.getByTestId("play");
    if (await play.count()) assert.ok(!(await play.isEnabled()), "no Play without data");
    await screenshot(page, `mnist-download-${name}`);
    await page.unroute(pattern);
    await page.getByTestId("data-retry").click();
    await page.getByTestId("data-progress").waitFor({ state: "detached", timeout: 120_000 });
    assert.ok(await page.getByTestId("play").isEnabled(), "the data loaded on the second try");
    assert.deepEqual(errors.filter((e) => !/Failed to load resource|ERR_/.test(e)), []);
    await page.close();
  }

  test("HTTP 404 for the test images", async () => {
    await failsThenRecovers("t10k-images-idx3-ubyte.gz", (route) => route.fulfill({ status: 404, body: "not found" }),
      /t10k-images-idx3-ubyte\.gz: the server answered HTTP 404/, { name: "404" });
  });

  test("HTTP 500 for the training images", async () => {
    await failsThenRecovers("train-images-idx3-ubyte.gz", (route) => route.fulfill({ status: 500, body: "oops" }),
      /train-images-idx3-ubyte\.gz: the server answered HTTP 500/, { name: "500" });
  });

  test("a connection cut in the middle of a file", async () => {
    const redirect = (route) => {
      const url = new URL(route.request().url());
      route.continue({ url: `http://127.0.0.1:${cutter.address().port}${url.pathname}` });
    };
    await failsThenRecovers("train-images-idx3-ubyte.gz", redirect,
      /train-images-idx3-ubyte\.gz: the download broke off/, { name: "cut" });
  });

  test("a server that stops sending times out", async () => {
    // Never answered: the request hangs until the worker's stall timeout (1.5 s here).
    await failsThenRecovers("t10k-labels-idx1-ubyte.gz", () => {},
      /t10k-labels-idx1-ubyte\.gz: nothing arrived for 1\.5 s/,
      { name: "stalled", prelude: "self.__mlpgDownloadStallMs = 1500;\n" });
  });
});
