// The benchmark: the playground (release dist/) against TensorFlow.js 4.22, in the same
// headless Chromium, on the same data and experiments. `scripts/bench.sh` builds dist/ and
// calls this; run it directly to rerun on an existing build:
//
//   node bench/run.mjs [--runs 3] [--max-seconds 90] [--experiments E1,E2,E3,E4]
//                      [--ours cpu,webgpu] [--tfjs webgpu,webgl,wasm,cpu] [--no-page]
//   node bench/run.mjs --merge bench/out/results-A.jsonl,bench/out/results-B.jsonl
//
// Prints one JSON line per (system, backend, experiment, run) as it goes, then a Markdown
// table of medians; both are also written to bench/out/. A run that reaches --max-seconds
// stops there and reports its speed only; such a combination is not repeated in later runs
// (its speed is already steady within the cap).
import { appendFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { join } from "node:path";
import { DIST } from "../tests/e2e/helpers.mjs";
import { serveDist } from "./serve.mjs";
import { runOurs } from "./ours.mjs";
import { runTfjs, closeTfjs } from "./tfjs.mjs";
import { readyTimes, wasmSizes } from "./page.mjs";
import { markdown, summarize } from "./report.mjs";

const args = { runs: "3", "max-seconds": "90", experiments: "E1,E2,E3,E4", ours: "cpu,webgpu", tfjs: "webgpu,webgl,wasm,cpu" };
for (let i = 2; i < process.argv.length; i++) {
  const key = process.argv[i].replace(/^--/, "");
  args[key] = key.startsWith("no-") ? true : process.argv[++i];
}
const list = (s) => (s ? String(s).split(",").filter(Boolean) : []);
const OUT = join(DIST, "../bench/out");
await mkdir(OUT, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
const jsonl = join(OUT, `results-${stamp}.jsonl`);

const emit = async (object) => {
  const line = JSON.stringify(object);
  console.log(line);
  await appendFile(jsonl, `${line}\n`);
};

// --merge a.jsonl,b.jsonl: no new runs; summarize earlier ones. A (system, backend, experiment)
// present in a later file replaces all its results from the earlier files (e.g. rerun after a
// harness fix); the page figures are the last file's.
if (args.merge) {
  const lines = [];
  for (const [i, file] of list(args.merge).entries()) {
    for (const line of (await readFile(file, "utf8")).split("\n").filter(Boolean)) lines.push({ file: i, ...JSON.parse(line) });
  }
  const key = (r) => `${r.system}|${r.backend}|${r.experiment}`;
  const latest = new Map();
  for (const r of lines.filter((l) => l.kind === "result")) latest.set(key(r), Math.max(latest.get(key(r)) ?? 0, r.file));
  const results = lines.filter((l) => l.kind === "result" && l.file === latest.get(key(l)));
  const { kind: _m, file: _f, ...machine } = lines.filter((l) => l.kind === "machine").at(-1);
  const { kind: _p, file: _g, ...page } = lines.filter((l) => l.kind === "page").at(-1) ?? {};
  await publish(results, page, machine, `files ${list(args.merge).map((f) => f.split("/").at(-1)).join(" + ")}`);
  process.exit(0);
}

const server = await serveDist(DIST);
const machine = { date: new Date().toISOString().slice(0, 10), cpus: cpus().length, cpu: cpus()[0]?.model, chromium: "/usr/bin/chromium" };
await emit({ kind: "machine", ...machine });
const page = args["no-page"] ? {} : { ...(await wasmSizes(DIST)), ...(await readyTimes(server.origin)) };
if (!args["no-page"]) await emit({ kind: "page", ...page });

const results = [];
const capped = new Set();
const maxSeconds = Number(args["max-seconds"]);
for (let run = 1; run <= Number(args.runs); run++) {
  for (const experiment of list(args.experiments)) {
    const jobs = [
      ...list(args.ours).map((backend) => ["ml-playground", backend, () => runOurs({ origin: server.origin, backend, experiment, maxSeconds })]),
      ...list(args.tfjs).map((backend) => ["tfjs", backend, () => runTfjs({ backend, experiment, maxSeconds })]),
    ];
    for (const [system, backend, job] of jobs) {
      const key = `${system}|${backend}|${experiment}`;
      if (capped.has(key)) continue;
      const result = { ...(await job()), run };
      if (!result.finished || result.error) capped.add(key);
      results.push(result);
      await emit({ kind: "result", ...result });
    }
  }
}
await closeTfjs();
await server.close();

await publish(results, page, machine, `up to ${args.runs} runs, capped at ${maxSeconds} s`);

/** Writes bench/out/latest.{md,json} and prints the table. */
async function publish(results, page, machine, how) {
  const table = markdown(summarize(results));
  const header = `Measured ${machine.date} on ${machine.cpus} × ${machine.cpu}, headless Chromium, no GPU (WebGPU = SwiftShader); medians (${how}).`;
  const pageLines = Object.entries(page).map(([k, v]) => `- ${k}: ${v}`).join("\n");
  await writeFile(join(OUT, "latest.md"), `${header}\n\n${table}\n\n${pageLines}\n`);
  await writeFile(join(OUT, "latest.json"), JSON.stringify({ machine, page, rows: summarize(results) }, null, 2));
  console.log(`\n${header}\n\n${table}\n\n${pageLines}`);
}
