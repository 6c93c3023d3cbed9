// The built wasm modules as shipped: no function names (build.rs has the linker drop the
// `name` section; a profiling build keeps it with MLPG_WASM_NAMES=1), wasm-bindgen's glue intact (the other
// tests load and run them), and their sizes raw and gzip -9 in the log (brotli too: bench/page.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { DIST } from "./helpers.mjs";

/** A LEB128 unsigned integer at `at`: [value, next offset]. */
function leb(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

/** The module's custom sections: { name → size in bytes }. */
function customSections(bytes) {
  assert.deepEqual([...bytes.subarray(0, 4)], [0, 0x61, 0x73, 0x6d], "a wasm module");
  const found = {};
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    if (id === 0) {
      const [length, nameAt] = leb(bytes, start);
      const name = new TextDecoder().decode(bytes.subarray(nameAt, nameAt + length));
      found[name] = (found[name] ?? 0) + size;
    }
    at = start + size;
  }
  return found;
}

test("the shipped wasm carries no function names; sizes raw and gzip", async () => {
  const files = (await readdir(DIST)).filter((f) => f.endsWith(".wasm"));
  assert.equal(files.length, 2, `the page's and the worker's wasm: ${files.join(", ")}`);
  for (const file of files) {
    const bytes = await readFile(join(DIST, file));
    const sections = customSections(bytes);
    // wasm-bindgen names the few shims it writes (≈ 10 kB); every Rust function had one (8.8 MB).
    assert.ok((sections.name ?? 0) < 64_000, `${file} still has a name section of ${sections.name} bytes`);
    const gzip = gzipSync(bytes, { level: 9 }).length;
    const mb = (n) => (n / 1e6).toFixed(2);
    console.log(`${file}: ${mb(bytes.length)} MB raw, ${mb(gzip)} MB gzip -9; custom sections ${JSON.stringify(sections)}`);
  }
});
