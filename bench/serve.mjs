// A small static server on 127.0.0.1 for the browser benchmarks, with cross-origin isolation
// headers (COOP/COEP) on every response: they make the page `crossOriginIsolated`, which the
// TF.js wasm backend needs for SharedArrayBuffer and so for its multi-threaded (+SIMD) build.
// (tests/e2e/helpers.mjs `serve` has no way to add headers and serves one folder only.)
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
  ".wasm": "application/wasm", ".json": "application/json", ".gz": "application/gzip",
  ".map": "application/json", ".css": "text/css", ".png": "image/png", ".svg": "image/svg+xml",
  ".webmanifest": "application/manifest+json", ".txt": "text/plain; charset=utf-8",
};

const ISOLATION = {
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-embedder-policy": "require-corp",
  "cross-origin-resource-policy": "same-origin",
};

/**
 * Serves several folders, each under its own URL prefix: `mounts` maps a prefix ("/bench/") to
 * a directory. Port 0 picks a free one. Returns { port, origin, close }.
 */
export async function serveMounts(mounts, port = 0) {
  const table = Object.entries(mounts).map(([prefix, dir]) => [prefix, resolve(dir)]);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    const hit = table.find(([prefix]) => path.startsWith(prefix));
    if (!hit) { res.writeHead(404, ISOLATION).end("not here"); return; }
    const [prefix, dir] = hit;
    const rel = path.slice(prefix.length);
    const file = normalize(join(dir, rel === "" || rel.endsWith("/") ? `${rel}index.html` : rel));
    if (!file.startsWith(dir)) { res.writeHead(403, ISOLATION).end(); return; }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error("not a file");
      // Validators as any static host sends them: a revisit with a warm HTTP cache gets 304s.
      const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      const headers = { ...ISOLATION, "content-type": type, "cache-control": "no-cache", etag };
      if (req.headers["if-none-match"] === etag) { res.writeHead(304, headers).end(); return; }
      res.writeHead(200, headers);
      res.end(await readFile(file));
    } catch {
      res.writeHead(404, ISOLATION).end("not found");
    }
  });
  await new Promise((ok) => server.listen(port, "127.0.0.1", ok));
  const bound = server.address().port;
  return {
    port: bound,
    origin: `http://127.0.0.1:${bound}`,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}

/** The playground's dist/ at the root of a server of its own. */
export const serveDist = (dist, port = 0) => serveMounts({ "/": dist }, port);
