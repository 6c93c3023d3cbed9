// The Node side of the TF.js benchmark: serves bench/, the MNIST files and the corpora on 127.0.0.1 (with
// COOP/COEP, see serve.mjs), runs one experiment in headless Chromium (Debian's
// /usr/bin/chromium through playwright-core) and returns the page's result object.
//
//   import { runTfjs, closeTfjs } from "./tfjs.mjs";
//   const result = await runTfjs({ backend: "wasm", experiment: "E2", maxSeconds: 60, seed: 1 });
//   await closeTfjs();
//
// Each run gets a fresh browser (a new profile, so no shader cache or backend state carries
// over from an earlier run and warm-up times are honest); the server is shared between runs.
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serveMounts } from "./serve.mjs";

const BENCH = resolve(fileURLToPath(new URL(".", import.meta.url)));
const MNIST = join(BENCH, "../www/data/mnist");
export const BACKENDS = ["webgpu", "webgl", "wasm", "cpu"];
const TEXT = join(BENCH, "../www/data/text");
export const EXPERIMENTS = ["E1", "E2", "E3", "E4", "gpt-sort", "gpt-names", "gpt-shakespeare"];

// The flags of the brief (as tests/e2e/helpers.mjs `launch` uses them; playwright's
// `headless: true` passes --headless, which is the new headless mode in this Chromium).
const FLAGS = ["--no-sandbox", "--enable-unsafe-webgpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/**
 * Chromium's flags per backend. Without a GPU, headless Chromium offers WebGL only through
 * SwiftShader (software). Chromium 156 still falls back to it by itself, but logs that this
 * automatic fallback is deprecated and to opt in with --enable-unsafe-swiftshader, so webgl
 * runs pass that flag (Playwright's default, kept for them). The other backends run with
 * exactly the brief's flags.
 */
function launchOptions(backend) {
  const webgl = backend === "webgl";
  return {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    ignoreDefaultArgs: webgl ? [] : ["--enable-unsafe-swiftshader"],
    args: [...FLAGS, ...(webgl ? ["--enable-unsafe-swiftshader"] : [])],
  };
}

let server = null;

/**
 * Runs one experiment; resolves to the result object (never rejects for a failed run).
 * `wasmThreads` (opt-in, wasm only): the XNNPACK thread count. TF.js 4.22 uses
 * hardwareConcurrency / 2 threads and caps any request there (1 on a 2-core machine), so a
 * request above that is made possible by reporting 2 × wasmThreads cores to the page.
 */
export async function runTfjs({ backend, experiment, maxSeconds = null, seed = 1, wasmThreads = null }) {
  if (!BACKENDS.includes(backend)) throw new Error(`backend must be one of ${BACKENDS.join(", ")}`);
  if (!EXPERIMENTS.includes(experiment)) throw new Error(`experiment must be one of ${EXPERIMENTS.join(", ")}`);
  server ??= await serveMounts({ "/bench/": BENCH, "/mnist/": MNIST, "/text/": TEXT });
  const browser = await chromium.launch(launchOptions(backend));
  const errors = [];
  try {
    const page = await browser.newPage();
    page.on("pageerror", (e) => errors.push(`page: ${e.message}`));
    page.on("console", (m) => { if (m.type() === "error") errors.push(`console: ${m.text()}`); });
    if (backend === "wasm" && wasmThreads != null) {
      await page.addInitScript((cores) => Object.defineProperty(Navigator.prototype, "hardwareConcurrency", { get: () => cores }), 2 * wasmThreads);
    }
    await page.goto(`${server.origin}/bench/tfjs/page.html`);
    await page.waitForFunction(() => window.benchReady === true, null, { timeout: 60_000 });
    const result = await page.evaluate((options) => window.runExperiment(options), { backend, experiment, maxSeconds, seed, wasmThreads });
    if (result.error && errors.length) result.error += ` [${errors.join("; ")}]`;
    return result;
  } catch (e) {
    const detail = errors.length ? ` [${errors.join("; ")}]` : "";
    return { system: "tfjs", version: null, backend, experiment, finished: false, error: `${e.message}${detail}` };
  } finally {
    await browser.close();
  }
}

/** Stops the shared server (browsers are closed after each run already). */
export async function closeTfjs() {
  await server?.close();
  server = null;
}
