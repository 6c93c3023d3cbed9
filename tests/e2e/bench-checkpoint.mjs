// What checkpoints cost in the real browser: MNIST trains on the CPU backend with the
// product's checkpoint interval (every 2 s of training) and with checkpoints only at epoch
// ends, interleaved A, B, A, B…, and the training rate of each arm is compared. The worker
// also logs each checkpoint's own cost (read back, encode, IndexedDB write; console.debug),
// which this collects.
//
//   node bench-checkpoint.mjs [--preset seed003] [--seconds 20] [--rounds 2] [--backend cpu]
//
// Needs dist/ (trunk build --release). Prints a Markdown table. Not a test: it reads the step
// counter over a fixed window.
import { Playground } from "./fixture.mjs";

const args = Object.fromEntries(
  process.argv.slice(2).join(" ").split("--").filter(Boolean).map((a) => a.trim().split(/\s+/)),
);
const preset = args.preset ?? "seed003";
const seconds = Number(args.seconds ?? 20);
const rounds = Number(args.rounds ?? 2);
const backend = args.backend ?? "cpu";
const ARMS = [
  { name: "every 2 s (the product)", prelude: "" },
  { name: "epoch ends only", prelude: "self.__mlpgCheckpointEveryMs = 1e12;\n" },
];

async function measure(arm) {
  const app = await Playground.open({
    mode: backend === "webgpu" ? "webgpu" : "no-webgpu",
    hash: `#task=mnist&preset=${preset}&subset=60000&epochs=50&backend=${backend}&speed=0`,
    workerPrelude: arm.prelude,
  });
  const costs = [];
  app.page.on("worker", (w) =>
    w.on("console", (m) => {
      const c = /checkpoint: step (\d+), (\d+) bytes, read ([\d.]+) ms, encode ([\d.]+) ms, store ([\d.]+) ms/.exec(m.text());
      if (c) costs.push({ bytes: +c[2], read: +c[3], encode: +c[4], store: +c[5] });
    }),
  );
  try {
    await app.page.getByTestId("data-progress").waitFor({ state: "detached", timeout: 120_000 });
    const device = (await app.ready()).trim();
    await app.byTestId("play").click();
    // Warm up (the first steps compile and allocate), then count steps over the window.
    await app.page.waitForTimeout(3_000);
    const [s0, t0] = [await app.number("step-count"), Date.now()];
    await app.page.waitForTimeout(seconds * 1_000);
    const [s1, t1] = [await app.number("step-count"), Date.now()];
    return { device, stepsPerSecond: ((s1 - s0) * 1000) / (t1 - t0), costs };
  } finally {
    await app.close();
  }
}

const results = ARMS.map(() => []);
for (let round = 0; round < rounds; round++) {
  for (const [i, arm] of ARMS.entries()) {
    const r = await measure(arm);
    results[i].push(r);
    console.error(`${arm.name}: ${r.stepsPerSecond.toFixed(1)} steps/s (${r.device}), ${r.costs.length} checkpoints`);
  }
}

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);
const rate = results.map((rs) => mean(rs.map((r) => r.stepsPerSecond)));
console.log(`| arm (${preset}, ${results[0][0].device}) | steps/s (mean of ${rounds}) | checkpoints | bytes | read ms | encode ms | store ms |`);
console.log("|---|---|---|---|---|---|---|");
for (const [i, arm] of ARMS.entries()) {
  const costs = results[i].flatMap((r) => r.costs);
  const m = (k) => mean(costs.map((c) => c[k])).toFixed(2);
  console.log(`| ${arm.name} | ${rate[i].toFixed(1)} | ${costs.length} | ${costs.length ? m("bytes") : "—"} | ${costs.length ? m("read") : "—"} | ${costs.length ? m("encode") : "—"} | ${costs.length ? m("store") : "—"} |`);
}
console.log(`\nTraining rate with checkpoints every 2 s vs epoch ends only: ${(((rate[0] - rate[1]) / rate[1]) * 100).toFixed(2)} %`);
