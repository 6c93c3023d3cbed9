// From the benchmark's result objects to medians and one Markdown table, with each of our
// rows' ratio to the best TF.js backend measured in the same run (median over runs).

const median = (xs) => {
  const v = xs.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};

/** Higher is better: samples/s for MNIST, 1 / wall time for the regression. */
const score = (r) => (r.error ? null : r.experiment === "E1" ? (r.finished && r.wall_s ? 1 / r.wall_s : null) : r.samples_per_s ?? null);

/** Per (experiment, system, backend): medians over runs, and our ratios to TF.js's best. */
export function summarize(results) {
  const groups = new Map();
  for (const r of results) {
    const key = `${r.experiment}|${r.system}|${r.backend}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(r);
  }
  const rows = [];
  for (const [key, rs] of groups) {
    const [experiment, system, backend] = key.split("|");
    const field = (f) => median(rs.map((r) => r[f]));
    const ratios = rs.map((r) => {
      const rivals = results.filter((t) => t.system === "tfjs" && t.experiment === experiment && t.run === r.run);
      const best = Math.max(...rivals.map(score).filter((s) => s !== null));
      return score(r) !== null && best > 0 ? score(r) / best : null;
    });
    const bestTfjs = system === "tfjs" ? null : results
      .filter((t) => t.system === "tfjs" && t.experiment === experiment && t.run === rs[0].run && score(t) !== null)
      .sort((a, b) => score(b) - score(a))[0]?.backend ?? null;
    rows.push({
      experiment, system, backend, runs: rs.length,
      finished: rs.some((r) => r.finished),
      error: rs.find((r) => r.error)?.error ?? null,
      samples_per_s: field("samples_per_s"), warmup_s: field("warmup_s"), epoch_s: field("epoch_s"),
      test_accuracy: field("test_accuracy"), wall_s: field("wall_s"), w: field("w"), b: field("b"),
      test_mse: field("test_mse"), longest_task_ms: field("longest_task_ms"),
      ratio_to_best_tfjs: system === "tfjs" ? null : median(ratios), best_tfjs: bestTfjs,
    });
  }
  const order = (r) => `${r.experiment}${r.system === "tfjs" ? 1 : 0}${["webgpu", "cpu", "webgl", "wasm"].indexOf(r.backend)}`;
  return rows.sort((a, b) => order(a).localeCompare(order(b)));
}

const fmt = (x, digits = 0) => (x === null || x === undefined ? "—" : Number(x).toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const who = (r) => (r.system === "tfjs" ? `TF.js 4.22 ${r.backend}` : `**ours ${r.backend === "webgpu" ? "WebGPU" : "CPU"}**`);

/** The Markdown tables: the MNIST experiments, then the regression. */
export function markdown(rows) {
  const lines = [
    "| exp. | system / backend | runs | warm-up s | samples/s (median) | epoch s | test acc. after 1 epoch | × best TF.js (same run) | longest main-thread task |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of rows.filter((r) => r.experiment !== "E1")) {
    const speed = r.error ? `error: ${r.error.slice(0, 60)}` : fmt(r.samples_per_s);
    const epoch = r.finished ? fmt(r.epoch_s, 1) : r.error ? "—" : "capped";
    const accuracy = r.test_accuracy === null ? "—" : `${fmt(r.test_accuracy, 2)} %`;
    const ratio = r.ratio_to_best_tfjs === null ? "" : `${fmt(r.ratio_to_best_tfjs, 2)}× (${r.best_tfjs})`;
    const task = r.longest_task_ms === null ? "" : r.longest_task_ms === 0 ? "none > 50 ms" : `${fmt(r.longest_task_ms)} ms`;
    lines.push(`| ${r.experiment} | ${who(r)} | ${r.runs} | ${fmt(r.warmup_s, 2)} | ${speed} | ${epoch} | ${accuracy} | ${ratio} | ${task} |`);
  }
  lines.push("", "| exp. | system / backend | runs | wall s (400 steps) | w | b | test MSE | × best TF.js (same run) |", "|---|---|---|---|---|---|---|---|");
  for (const r of rows.filter((r) => r.experiment === "E1")) {
    const ratio = r.ratio_to_best_tfjs === null ? "" : `${fmt(r.ratio_to_best_tfjs, 2)}× (${r.best_tfjs})`;
    const wall = r.error ? `error: ${r.error.slice(0, 60)}` : fmt(r.wall_s, 3);
    lines.push(`| E1 | ${who(r)} | ${r.runs} | ${wall} | ${fmt(r.w, 3)} | ${fmt(r.b, 3)} | ${fmt(r.test_mse, 3)} | ${ratio} |`);
  }
  return lines.join("\n");
}
