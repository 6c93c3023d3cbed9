// Runs one TF.js experiment and prints its result as one JSON line:
//
//   node bench/tfjs-cli.mjs --backend wasm --experiment E2 [--max-seconds 60] [--seed 1]
//                           [--wasm-threads N]   (opt-in; see runTfjs in tfjs.mjs)
//
// Backends: webgpu, webgl, wasm, cpu. Experiments: E1 (linear regression), E2, E3 (MLPs), E4 (CNN),
// gpt-sort, gpt-names, gpt-shakespeare (the tiny GPT's recipes, tokens/s: tfjs/gpt.js).
import { closeTfjs, runTfjs } from "./tfjs.mjs";

const args = {};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  if (!argv[i].startsWith("--") || argv[i + 1] === undefined) {
    console.error("usage: node bench/tfjs-cli.mjs --backend wasm --experiment E2 [--max-seconds 60] [--seed 1] [--wasm-threads N]");
    process.exit(2);
  }
  args[argv[i].slice(2)] = argv[i + 1];
}

try {
  const result = await runTfjs({
    backend: args.backend ?? "wasm",
    experiment: args.experiment ?? "E2",
    maxSeconds: args["max-seconds"] == null ? null : Number(args["max-seconds"]),
    seed: Number(args.seed ?? 1),
    wasmThreads: args["wasm-threads"] == null ? null : Number(args["wasm-threads"]),
  });
  console.log(JSON.stringify(result));
} finally {
  await closeTfjs();
}
