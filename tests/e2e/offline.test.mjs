// Offline static hosting, in real headless Chromium: dist/ served under a subpath; after one
// visit the service worker has precached the build, and with the network gone (browser offline,
// server stopped) the app, its worker and MNIST training still work. Then a changed build is
// deployed: the next load uses the new build entirely, and offline loads serve the new one. A
// table a link opened once (data=lesson.csv, not part of the build) opens offline too.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, launch, numberOf, screenshot, serve, watchErrors } from "./helpers.mjs";

const SUBPATH = "/school/ml/playground/";
const RUN = "#task=mnist&preset=seed003&subset=5000&epochs=1&speed=0";
const LESSON = "hours,score\n1,52\n2,55\n3,61\n4,64\n5,70\n6,73\n";
// A table link needs no task=: data= opens "Your data".
const TABLE = "#data=lesson.csv&y=score&x=hours";

/** Opens `hash` as a fresh load (the page reads its hash once). */
async function open(page, url) {
  await page.goto("about:blank");
  await page.goto(url);
}

/** The precache list and version written into sw.js by scripts/precache.sh. */
async function precacheOf(dir) {
  const sw = await readFile(join(dir, "sw.js"), "utf8");
  const version = sw.match(/const VERSION = "([0-9a-f]+)"/)[1];
  const files = JSON.parse(sw.match(/const FILES = (\[.*\]);/)[1]);
  return { version, files, sw };
}

/** Waits until the service worker controls the page and its cache holds `count` files. */
async function precached(page, version, count) {
  // Checked in the page (the cache API is asynchronous; `waitForFunction` takes a plain value).
  await page.evaluate(([name, count]) => {
    window.__precached = false;
    const check = async () => {
      const ok = navigator.serviceWorker.controller && (await caches.has(name))
        && (await (await caches.open(name)).keys()).length >= count;
      if (ok) window.__precached = true;
      else setTimeout(check, 250);
    };
    check();
  }, [`mlpg-${version}`, count]);
  await page
    .waitForFunction(() => window.__precached === true, null, { timeout: 300_000 })
    .catch((e) => {
      throw new Error(`build ${version} was not precached: ${e.message}`);
    });
}

/** A "new deploy": the same files under new content-hash names, a marker, and a new sw.js. */
async function deployChanged(from, to) {
  await cp(from, to, { recursive: true });
  const { version, sw } = await precacheOf(to);
  let index = await readFile(join(to, "index.html"), "utf8");
  const app = index.match(/app-[0-9a-f]{1,16}\.js/)[0];
  const worker = index.match(/worker-([0-9a-f]{1,16})\.js/)[1];
  const [newApp, newWorker, newVersion] = ["a1a1a1a1a1a1a1a1", "b2b2b2b2b2b2b2b2", "c3c3c3c3c3c3c3c3"];
  await rename(join(to, app), join(to, `app-${newApp}.js`));
  await rename(join(to, `worker-${worker}.js`), join(to, `worker-${newWorker}.js`));
  await rename(join(to, `worker-${worker}_bg.wasm`), join(to, `worker-${newWorker}_bg.wasm`));
  index = index.replaceAll(app, `app-${newApp}.js`).replaceAll(worker, newWorker)
    .replace("</head>", '<meta name="build-marker" content="second deploy" />\n</head>');
  await writeFile(join(to, "index.html"), index);
  await writeFile(join(to, "sw.js"), sw.replaceAll(app, `app-${newApp}.js`).replaceAll(worker, newWorker).replace(version, newVersion));
  return { oldApp: app, newApp: `app-${newApp}.js`, oldWorker: worker, newWorker, newVersion };
}

describe("offline after the first visit, and a clean redeploy", () => {
  let server, browser, context, page, errors, first, requests = [];

  before(async () => {
    const dir = await mkdtemp(join(tmpdir(), "mlpg-deploy-a-"));
    await cp(DIST, dir, { recursive: true });
    await writeFile(join(dir, "lesson.csv"), LESSON);
    first = { dir, ...(await precacheOf(dir)) };
    server = await serve(dir, SUBPATH);
    browser = await launch("no-webgpu");
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    context.on("request", (r) => requests.push(r.url()));
    page = await context.newPage();
    errors = watchErrors(page);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("the first visit precaches the whole build", async () => {
    await page.goto(`${server.url}${RUN}`);
    await page.getByTestId("data-progress").waitFor({ state: "detached", timeout: 120_000 });
    await precached(page, first.version, first.files.length);
    assert.ok(first.files.some((f) => /^worker-[0-9a-f]{1,16}_bg\.wasm$/.test(f)), "the worker is content-hashed");
    assert.ok(first.files.includes("data/mnist/train-images-idx3-ubyte.gz"), "MNIST is precached");
    // A tutorial's own table, linked: read once online (it is not part of the build).
    assert.ok(!first.files.includes("lesson.csv"));
    await open(page, `${server.url}${TABLE}`);
    await page.getByTestId("table-columns").filter({ hasText: /^6 rows × 2 columns/ }).waitFor({ timeout: 60_000 });
    await open(page, `${server.url}${RUN}`);
    await page.getByTestId("data-progress").waitFor({ state: "detached", timeout: 120_000 });
  });

  test("with the network gone, the app, the worker and MNIST training still work", async () => {
    await context.setOffline(true);
    await server.close();
    await page.reload();
    await page.getByTestId("backend").filter({ hasText: /^CPU \(/ }).waitFor({ timeout: 90_000 });
    await page.getByTestId("data-progress").waitFor({ state: "detached", timeout: 120_000 });
    await page.getByTestId("play").click();
    await page.getByTestId("test-accuracy").filter({ hasText: /%/ }).waitFor({ timeout: 300_000 });
    const accuracy = await numberOf(page, "test-accuracy");
    assert.ok(accuracy > 85, `offline training reached ${accuracy} %`);
    await screenshot(page, "offline-trained");
    // The linked table opens offline from the copy the service worker kept.
    await open(page, `${server.url}${TABLE}`);
    await page.getByTestId("table-columns").filter({ hasText: /^6 rows × 2 columns/ }).waitFor({ timeout: 60_000 });
    await page.getByTestId("table-design").waitFor();
    assert.deepEqual(errors.filter((e) => !/net::ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e)), []);
  });

  test("a new deploy is used entirely on the next load, and offline afterwards", async () => {
    const dir = await mkdtemp(join(tmpdir(), "mlpg-deploy-b-"));
    const d = await deployChanged(first.dir, dir);
    server = await serve(dir, SUBPATH, server.port);
    await context.setOffline(false);
    requests = [];
    await page.reload();
    await page.getByTestId("backend").filter({ hasText: /^CPU \(/ }).waitFor({ timeout: 90_000 });
    assert.equal(await page.locator('meta[name="build-marker"]').getAttribute("content"), "second deploy");
    const loaded = requests.join("\n");
    assert.ok(loaded.includes(d.newApp) && loaded.includes(`worker-${d.newWorker}.js`), loaded);
    assert.ok(!loaded.includes(d.oldApp) && !loaded.includes(`worker-${d.oldWorker}`), `old build requested:\n${loaded}`);
    const files = (await precacheOf(dir)).files;
    await precached(page, d.newVersion, files.length);
    const names = await page.evaluate(() => caches.keys());
    const builds = names.filter((n) => n.startsWith("mlpg-"));
    assert.ok(builds.includes(`mlpg-${d.newVersion}`) && builds.length <= 2, names.join(", "));
    await context.setOffline(true);
    await server.close();
    await page.reload();
    await page.getByTestId("backend").filter({ hasText: /^CPU \(/ }).waitFor({ timeout: 90_000 });
    assert.equal(await page.locator('meta[name="build-marker"]').getAttribute("content"), "second deploy");
  });
});
