// Shared helpers for the end-to-end tests: a static server for dist/ on 127.0.0.1, and
// headless Chromium (Debian's /usr/bin/chromium through playwright-core) in three modes.
import { createServer } from "node:http";
import { readFile, stat, mkdir } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
// E2E_DIST: test another build (e.g. one made with `trunk build --release --dist /tmp/x`).
export const DIST = process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : join(ROOT, "dist");
export const OUT = join(ROOT, "tests/e2e/out");

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
  ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json",
  ".png": "image/png", ".svg": "image/svg+xml", ".gz": "application/gzip",
  ".webmanifest": "application/manifest+json",
};

/** Serves `dir` under `prefix` (e.g. "/" or "/some/sub/path/") on 127.0.0.1, on `port` (0: a free one). */
export async function serve(dir = DIST, prefix = "/", port = 0) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    if (!url.pathname.startsWith(prefix)) { res.writeHead(404).end("not here"); return; }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || "index.html";
    if (rel.endsWith("/")) rel += "index.html";
    const file = normalize(join(dir, rel));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-cache" });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(port, "127.0.0.1", ok));
  const bound = server.address().port;
  return { port: bound, url: `http://127.0.0.1:${bound}${prefix}`, close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }) };
}

/** The worker script, content-hashed by scripts/precache.sh (`worker-<16 hex>.js`). */
export const WORKER_SCRIPT = /\/worker(-[0-9a-f]{1,16})?\.js(\?.*)?$/;

/**
 * Page options for tests that intercept requests: `page.route` does not see requests a service
 * worker answers, and precaching the whole build per test only costs time. The offline test
 * (offline.test.mjs) keeps the service worker.
 */
export const NO_SW = { serviceWorkers: "block" };

/** Browser modes: real WebGPU (software adapter), no WebGPU, and a WebGPU request that hangs. */
/**
 * The hash suffix that trains on WebGPU in `mode` "webgpu": `backend=auto` measures both
 * devices and picks the CPU on this machine's software adapter (auto_backend.test.mjs).
 */
export const forced = (mode) => (mode === "webgpu" ? "&backend=webgpu" : "");

export const MODES = {
  webgpu: ["--enable-unsafe-webgpu"],
  "no-webgpu": [],
  "hanging-webgpu": ["--enable-unsafe-webgpu", "--disable-gpu"],
};

/**
 * Makes `requestAdapter()` never resolve in the page's workers. (`--disable-gpu` was reported to
 * do this, but Chromium 156 here still returns its swiftshader adapter with it, so the hang is
 * forced by prepending this to the worker script.)
 */
export async function forceHangingAdapter(page) {
  await page.route(WORKER_SCRIPT, async (route) => {
    const response = await route.fetch();
    const body = "if (self.navigator && navigator.gpu) { navigator.gpu.requestAdapter = () => new Promise(() => {}); }\n" + (await response.text());
    await route.fulfill({ response, body });
  });
}

const COMMON = ["--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export async function launch(mode) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    // Exactly the flags of the brief: Playwright's own --enable-unsafe-swiftshader would make
    // the "hanging" mode find a CPU adapter instead of hanging.
    ignoreDefaultArgs: ["--enable-unsafe-swiftshader"],
    args: [...COMMON, ...MODES[mode]],
  });
}

/** Collects console errors and uncaught exceptions of a page. */
export function watchErrors(page) {
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => errors.push(`page: ${e.message}`));
  return errors;
}

export async function screenshot(page, name) {
  await mkdir(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
}

/** The number shown in an element (its text parsed as a float). */
export async function numberOf(page, testid) {
  const text = await page.getByTestId(testid).first().textContent();
  return Number.parseFloat(text.replace("−", "-"));
}
