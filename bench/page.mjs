// What a visitor waits for, beyond training: the wasm sizes, and the time from navigation to
// "ready to train" with an empty cache, with a warm HTTP cache, and from the service worker.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { launch } from "../tests/e2e/helpers.mjs";
import { SAMPLER } from "./sampler.mjs";

/** Raw, gzip -9 and brotli -11 sizes (MB) of the worker's and the page's wasm in `dist`. */
export async function wasmSizes(dist) {
  const files = (await readdir(dist)).filter((f) => f.endsWith(".wasm"));
  const sizes = {};
  for (const file of files) {
    const bytes = await readFile(join(dist, file));
    const key = file.startsWith("worker") ? "worker" : "app";
    sizes[`${key}_wasm_mb`] = mb(bytes.length);
    sizes[`${key}_wasm_gzip_mb`] = mb(gzipSync(bytes, { level: 9 }).length);
    const brotli = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length };
    sizes[`${key}_wasm_brotli_mb`] = mb(brotliCompressSync(bytes, { params: brotli }).length);
  }
  return sizes;
}

const mb = (bytes) => Number((bytes / 1e6).toFixed(2));

/** Navigation start → the page is ready to train (backend chosen, Play enabled), in s. */
async function readyAfter(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.readyAt !== null, null, { timeout: 120_000, polling: 50 });
  return Number((await page.evaluate(() => window.__bench.readyAt / 1000)).toFixed(3));
}

/**
 * Time to ready on the default page (linear regression, backend "auto"), with WebGPU available:
 * a first visit (empty cache), a second visit in the same profile with the service worker
 * blocked (warm HTTP cache: the server answers 304 to revalidations), and a second visit
 * served by the service worker (what an offline visitor gets).
 */
export async function readyTimes(origin) {
  const browser = await launch("webgpu");
  const times = {};
  try {
    const http = await browser.newContext({ serviceWorkers: "block" });
    await http.addInitScript(SAMPLER);
    const page = await http.newPage();
    times.ready_uncached_s = await readyAfter(page, `${origin}/`);
    times.ready_http_cache_s = await readyAfter(page, `${origin}/`);
    await http.close();
    const sw = await browser.newContext();
    await sw.addInitScript(SAMPLER);
    const first = await sw.newPage();
    await first.goto(`${origin}/`);
    // Installed = the whole build precached; a navigation after that is served by it.
    await first.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === "activated", null, { timeout: 300_000, polling: 500 });
    await first.close();
    times.ready_service_worker_s = await readyAfter(await sw.newPage(), `${origin}/`);
  } catch (e) {
    times.error = String(e.message ?? e).split("\n")[0];
  } finally {
    await browser.close();
  }
  return times;
}
