// Embedding, in real headless Chromium: the playground served under a subpath on one port is
// embedded by examples/embed-host.html served on another port (a different origin). The host
// drives it by postMessage; hidden panels are absent; links round-trip; screenshots at
// 700×500 and at phone width.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { NO_SW, ROOT, launch, screenshot, serve, watchErrors } from "./helpers.mjs";

const SUBPATH = "/tutorials/playground/";

/** Waits until the host page has received an event matching `pred`; returns it. */
async function hostEvent(page, pred, timeout = 120_000) {
  // Until the host page's script has run, `window.events` is not there yet.
  await page.waitForFunction(() => Array.isArray(window.events), null, { timeout });
  const found = await page
    .waitForFunction(`(${pred})`, null, { timeout, polling: 100 })
    .catch((e) => {
      throw new Error(`no host event matching ${pred}: ${e.message}`);
    });
  return found.jsonValue();
}

describe("embedded in a tutorial page on another origin", () => {
  let app, host, browser, page, errors;

  before(async () => {
    app = await serve(undefined, SUBPATH);
    host = await serve(join(ROOT, "examples"), "/");
    browser = await launch("no-webgpu");
    page = await browser.newPage({ viewport: { width: 900, height: 1000 }, ...NO_SW });
    errors = watchErrors(page);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await host?.close();
  });

  test("the host drives it by postMessage and receives its events", async () => {
    const hostOrigin = host.url.replace(/\/$/, "");
    const src = `${app.url}#task=linreg&epochs=20&embed=1&hide=controls,math&origin=${hostOrigin}`;
    await page.goto(`${host.url}embed-host.html?src=${encodeURIComponent(src)}`);
    const ready = await hostEvent(page, `window.events.find((e) => e.event === "ready")`);
    assert.equal(ready.payload.task, "linreg");
    assert.match(ready.payload.backend, /CPU|flex/i);

    // A valid "set" is acknowledged with its id and applied.
    await page.getByRole("button", { name: /Use Adam/ }).click();
    const ack = await hostEvent(page, `window.events.find((e) => e.event === "ack" && e.id === "adam")`);
    assert.equal(ack.payload.command, "set");
    const frame = page.frameLocator("#playground");
    const hash = await page.frames().find((f) => f.url().startsWith(app.url)).evaluate(() => location.hash);
    assert.match(hash, /optimizer=adam/);
    assert.match(hash, /lr=0\.05/);

    // Play: progress and, at the end, finished.
    await page.getByRole("button", { name: "Train" }).click();
    const finished = await hostEvent(page, `window.events.find((e) => e.event === "finished")`, 300_000);
    assert.ok(finished.payload.step > 0 && Number.isFinite(finished.payload.metrics.w), JSON.stringify(finished));
    const kinds = await page.evaluate(() => [...new Set(window.events.map((e) => e.event))]);
    for (const k of ["ready", "ack", "step", "progress", "epoch-end", "finished"]) assert.ok(kinds.includes(k), `${k} in ${kinds}`);

    // Hidden panels and controls are absent, the rest is there.
    assert.equal(await frame.getByTestId("lr").count(), 0);
    assert.equal(await frame.locator(".math").count(), 0);
    assert.equal(await frame.getByTestId("play").count(), 1);
    await screenshot(page, "embed-host-700x500");
    await page.locator("#playground").screenshot({ path: join(ROOT, "tests/e2e/out/embed-700x500.png") });
  });

  test("a bad command gets an error event and is not executed", async () => {
    await page.evaluate((origin) => {
      const f = document.getElementById("playground").contentWindow;
      f.postMessage({ type: "mlpg:command", command: "explode", id: 1 }, origin);
      f.postMessage({ type: "mlpg:command", command: "set", settings: { lr: -5 }, id: 2 }, origin);
      f.postMessage({ type: "mlpg:command", command: "set", settings: { colour: "red" }, id: 3 }, origin);
      f.postMessage({ type: "somebody-else", command: "play" }, origin);
    }, app.url.replace(SUBPATH, ""));
    for (const id of [1, 2, 3]) {
      const e = await hostEvent(page, `window.events.find((e) => e.event === "error" && e.id === ${id})`);
      assert.ok(e.payload.message.length > 5, JSON.stringify(e));
    }
    const frame = page.frames().find((f) => f.url().startsWith(app.url));
    assert.doesNotMatch(await frame.evaluate(() => location.hash), /lr=-5|colour/);
  });

  test("a command that cannot be read as JSON is answered too", async () => {
    await page.evaluate((origin) => {
      const f = document.getElementById("playground").contentWindow;
      // A BigInt cannot be written as JSON; 300 levels are deeper than the parser goes.
      f.postMessage({ type: "mlpg:command", command: "set", settings: { lr: 1n }, id: 4 }, origin);
      let deep = {};
      for (let i = 0; i < 300; i++) deep = { deep };
      f.postMessage({ type: "mlpg:command", command: "set", settings: deep, id: 5 }, origin);
    }, app.url.replace(SUBPATH, ""));
    for (const id of [4, 5]) {
      const e = await hostEvent(page, `window.events.find((e) => e.event === "error" && e.id === ${id})`);
      assert.match(e.payload.message, /cannot be read as JSON/, JSON.stringify(e));
    }
  });

  test("set-data sends a table: the page opens it in Your data and trains on it", async () => {
    const origin = app.url.replace(SUBPATH, "");
    const rows = ["hours,sleep,score"];
    for (let i = 0; i < 12; i++) rows.push(`${i},${7 + (i % 3)},${40 + 5 * i + (i % 3)}`);
    await page.evaluate(([origin, csv]) => {
      const f = document.getElementById("playground").contentWindow;
      f.postMessage({ type: "mlpg:command", command: "set-data", csv, name: "lesson.csv",
        settings: { y: "score", x: "hours", epochs: 50 }, id: "data" }, origin);
      f.postMessage({ type: "mlpg:command", command: "set-data", csv: "a,b\n1,2\n3\n", id: "ragged" }, origin);
    }, [origin, rows.join("\n")]);
    const ack = await hostEvent(page, `window.events.find((e) => e.event === "ack" && e.id === "data")`);
    assert.equal(ack.payload.command, "set-data");
    const ragged = await hostEvent(page, `window.events.find((e) => e.event === "error" && e.id === "ragged")`);
    assert.match(ragged.payload.message, /^the host page's table: line 3 has 1 fields; the header has 2/);
    const frame = page.frameLocator("#playground");
    await frame.getByTestId("table-columns").filter({ hasText: /^12 rows × 3 columns/ }).waitFor();
    assert.match(await frame.getByTestId("table-design").textContent(), /^Training on 10 rows, testing on 2; 1 feature column/);
    const hash = await page.frames().find((f) => f.url().startsWith(app.url)).evaluate(() => location.hash);
    assert.match(hash, /task=table&/);
    assert.match(hash, /y=score&x=hours/);
    assert.doesNotMatch(hash, /data=[^&]/, "the host's table is not a link");
    await frame.locator('[data-testid="play"]:not([disabled])').waitFor({ timeout: 120_000 });
    await page.getByRole("button", { name: "Train" }).click();
    // The linear regression run before it finished too: this is the second "finished".
    const done = await hostEvent(page, `window.events.filter((e) => e.event === "finished")[1]`, 300_000);
    assert.equal(done.payload.step, 50, JSON.stringify(done));
    await page.locator("#playground").screenshot({ path: join(ROOT, "tests/e2e/out/embed-set-data.png") });
  });

  test("a tutorial's table by a data= link, in an embed under a subpath", async () => {
    const lesson = await browser.newPage({ viewport: { width: 900, height: 700 }, ...NO_SW });
    const src = `${app.url}#task=table&data=data/tables/longley.csv&y=TOTEMP&x=GNP,POP&embed=1&hide=controls`;
    await lesson.goto(`${host.url}embed-host.html?src=${encodeURIComponent(src)}`);
    const frame = lesson.frameLocator("#playground");
    await frame.getByTestId("table-columns").filter({ hasText: /^16 rows × 7 columns/ }).waitFor({ timeout: 60_000 });
    assert.match(await frame.getByTestId("table-design").textContent(), /^Training on 13 rows, testing on 3; 2 feature columns/);
    assert.match(await frame.locator("h2").first().textContent(), /data\/tables\/longley\.csv/);
    await lesson.close();
  });

  test("a link round-trips unchanged", async () => {
    const first = await browser.newPage(NO_SW);
    await first.goto(`${app.url}#task=mnist&preset=cnn&embed=1&hide=charts,lr&autoplay=0`);
    await first.locator(".page").waitFor();
    const canonical = await first.evaluate(() => location.hash);
    assert.match(canonical, /model=cnn/);
    assert.match(canonical, /embed=1&hide=charts,lr/);
    const again = await browser.newPage(NO_SW);
    await again.goto(`${app.url}${canonical}`);
    await again.locator(".page").waitFor();
    // The page writes its canonical hash once it has read it, before its worker is ready.
    await again.getByTestId("backend").filter({ hasText: /^(WebGPU|CPU) \(/ }).waitFor({ timeout: 90_000 });
    assert.equal(await again.evaluate(() => location.hash), canonical);
    assert.equal(await again.getByTestId("lr").count(), 0, "hide=lr leaves the control out");
    await first.close();
    await again.close();
  });

  test("autoplay starts training by itself", async () => {
    const auto = await browser.newPage(NO_SW);
    await auto.goto(`${app.url}#task=linreg&epochs=5&speed=0&embed=1&autoplay=1`);
    // Nobody presses Play: the run starts when ready and goes to its end.
    await auto.getByTestId("eta").filter({ hasText: "done" }).waitFor({ timeout: 90_000 });
    assert.equal(await auto.getByTestId("epoch").textContent(), "5");
    await auto.close();
  });

  test("the Share / Embed dialog writes the link and the iframe snippet", async () => {
    const full = await browser.newPage({ viewport: { width: 1400, height: 900 }, ...NO_SW });
    await full.goto(`${app.url}#task=linreg&lr=0.05`);
    await full.getByTestId("share-open").click();
    await full.getByTestId("share-dialog").waitFor();
    assert.match(await full.getByTestId("share-link").inputValue(), /#task=linreg&.*lr=0\.05/);
    await full.getByTestId("share-hide-math").check();
    await full.getByTestId("share-autoplay").check();
    const snippet = await full.getByTestId("share-snippet").inputValue();
    assert.match(snippet, /^<iframe src="[^"]+#task=linreg&amp;[^"]*embed=1&amp;hide=math&amp;autoplay=1" width="700" height="500"/);
    // Single controls come from the settings table: linear regression's, not MNIST's.
    await full.getByTestId("share-controls").locator("summary").click();
    await full.getByTestId("share-hide-lr").check();
    assert.equal(await full.getByTestId("share-hide-hidden").count(), 0, "MNIST's hidden layers are not a linreg control");
    assert.match(await full.getByTestId("share-snippet").inputValue(), /hide=lr,math&amp;/);
    await screenshot(full, "share-dialog");
    await full.getByTestId("share-close").click();
    assert.equal(await full.getByTestId("share-dialog").count(), 0);
    await full.close();
  });

  test("the embed fits a phone", async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, ...NO_SW });
    await phone.goto(`${app.url}#task=linreg&embed=1&hide=controls`);
    await phone.getByTestId("play").waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `horizontal overflow of ${overflow}px at 390px`);
    await screenshot(phone, "embed-390x844");
    await phone.close();
    assert.deepEqual(errors, []);
  });
});
