// The tiny GPT in TF.js ops, for the tokens/s side of the GPT benchmark (bench/README.md, "The
// tiny GPT"): the playground's model (src/engine/gpt/) written with tf ops, since TF.js has no
// attention layer — token + learned position embeddings; per block LayerNorm → causal
// multi-head self-attention (masked scores −10⁴) → residual → LayerNorm → 4·d GELU-tanh FFN →
// residual; a final LayerNorm and a linear head; weights N(0, 0.02), the residual projections
// 0.02/√(2·layers); Adam (β₂ 0.99) with decoupled weight decay 0.1 on the matrices (AdamW);
// the synthetic task's loss on the answer only. The recipes' shapes are
// src/settings/gpt_recipe.rs's (as bench/pytorch/gpt.py's RECIPES).
//
// This side measures speed only (tokens/s at the recipe's peak learning rate, no schedule, no
// evaluations): the learning targets are set beside PyTorch's, step for step.
import { rng } from "./data.js";

const tf = window.tf;
const TEXT_DIR = "/text/";
// (layers, heads, d_model, context, batch, peak lr)
export const GPT_RECIPES = {
  sort: { layers: 3, heads: 3, d: 48, context: 16, batch: 64, lr: 2e-3 },
  names: { layers: 4, heads: 4, d: 64, context: 16, batch: 32, lr: 3e-3 },
  shakespeare: { layers: 4, heads: 4, d: 128, context: 64, batch: 12, lr: 1e-3 },
};
const DECAY = 0.1;

/** The batches: `next()` → { ids, targets, weights } as typed arrays of B × T, and `counted`. */
async function source(recipe, { batch, context }, random) {
  if (recipe === "sort") {
    // minGPT's demo: "012012=001122" → 12 inputs, the 6 answer targets count.
    const T = 12;
    const weights = new Float32Array(batch * T).map((_, i) => (i % T >= 6 ? 1 : 0));
    return {
      T, V: 4, counted: 6 * batch,
      next() {
        const ids = new Int32Array(batch * T), targets = new Int32Array(batch * T);
        for (let b = 0; b < batch; b++) {
          const p = Array.from({ length: 6 }, () => Math.floor(random() * 3));
          const seq = [...p, 3, ...[...p].sort()];
          for (let t = 0; t < T; t++) [ids[b * T + t], targets[b * T + t]] = [seq[t], seq[t + 1]];
        }
        return { ids, targets, weights };
      },
    };
  }
  const file = recipe === "names" ? "names.txt" : "tinyshakespeare.txt";
  const response = await fetch(TEXT_DIR + file);
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  let text = await response.text();
  if (recipe === "names") text = `.${text.split("\n").filter((l) => l.trim()).join(".")}.`;
  const vocab = [...new Set(text)].sort();
  const index = new Map(vocab.map((c, i) => [c, i]));
  const stream = Int32Array.from(text, (c) => index.get(c));
  const T = context;
  const weights = new Float32Array(batch * T).fill(1);
  return {
    T, V: vocab.length, counted: batch * T,
    next() {
      const ids = new Int32Array(batch * T), targets = new Int32Array(batch * T);
      for (let b = 0; b < batch; b++) {
        const s = Math.floor(random() * (stream.length - T - 1));
        ids.set(stream.subarray(s, s + T), b * T);
        targets.set(stream.subarray(s + 1, s + T + 1), b * T);
      }
      return { ids, targets, weights };
    },
  };
}

/** The parameters; `matrices` are the ones weight decay applies to. */
function parameters({ layers, d }, T, V, seed) {
  let s = seed * 1000;
  const normal = (shape, std = 0.02) => tf.variable(tf.randomNormal(shape, 0, std, "float32", s++));
  const constant = (value) => tf.variable(tf.fill([d], value));
  const resid = 0.02 / Math.sqrt(2 * layers);
  const blocks = Array.from({ length: layers }, () => ({
    g1: constant(1), b1: constant(0), wq: normal([d, d]), bq: normal([d]), wk: normal([d, d]), bk: normal([d]),
    wv: normal([d, d]), bv: normal([d]), wo: normal([d, d], resid), bo: normal([d], resid),
    g2: constant(1), b2: constant(0), w1: normal([d, 4 * d]), c1: normal([4 * d]), w2: normal([4 * d, d], resid), c2: normal([d], resid),
  }));
  const p = { tok: normal([V, d]), pos: normal([T, d]), blocks, gf: constant(1), bf: constant(0), wh: normal([d, V]), bh: normal([V]) };
  const matrices = [p.tok, p.pos, p.wh, ...blocks.flatMap((k) => [k.wq, k.wk, k.wv, k.wo, k.w1, k.w2])];
  return { p, matrices };
}

function layerNorm(x, g, b) {
  const { mean, variance } = tf.moments(x, -1, true);
  return x.sub(mean).mul(tf.rsqrt(variance.add(1e-5))).mul(g).add(b);
}

function gelu(x) {
  const inner = x.add(x.mul(x).mul(x).mul(0.044715)).mul(Math.sqrt(2 / Math.PI));
  return x.mul(0.5).mul(tf.tanh(inner).add(1));
}

/** The logits, [B·T, V]. `future`: [T, T], −10⁴ above the diagonal, 0 elsewhere. */
function forward(p, ids, { heads, d }, B, T, future) {
  const split = (y) => y.reshape([B, T, heads, d / heads]).transpose([0, 2, 1, 3]);
  // The embedding as one-hot × table: gather's gradient (UnsortedSegmentSum) has no wasm kernel.
  let x = tf.oneHot(ids, p.tok.shape[0]).matMul(p.tok).reshape([B, T, d]).add(p.pos);
  for (const k of p.blocks) {
    const h = layerNorm(x, k.g1, k.b1).reshape([B * T, d]);
    const [q, key, v] = [[k.wq, k.bq], [k.wk, k.bk], [k.wv, k.bv]].map(([w, b]) => split(h.matMul(w).add(b)));
    const a = tf.softmax(tf.matMul(q, key, false, true).mul(1 / Math.sqrt(d / heads)).add(future));
    const c = tf.matMul(a, v).transpose([0, 2, 1, 3]).reshape([B * T, d]);
    x = x.add(c.matMul(k.wo).add(k.bo).reshape([B, T, d]));
    const f = gelu(layerNorm(x, k.g2, k.b2).reshape([B * T, d]).matMul(k.w1).add(k.c1)).matMul(k.w2).add(k.c2);
    x = x.add(f.reshape([B, T, d]));
  }
  return layerNorm(x, p.gf, p.bf).reshape([B * T, d]).matMul(p.wh).add(p.bh);
}

/**
 * Trains `recipe` for up to `maxSeconds` (after 3 warm-up steps) or `steps` steps; fills
 * `result` with the steps, warm-up and counted tokens/s. `syncOn(variables)` reads back one
 * scalar that depends on them all; `gpu`: read back every few steps so the queue stays bounded.
 */
export async function gpt(result, { recipe, maxSeconds, seed, gpu, syncOn }) {
  const shape = GPT_RECIPES[recipe];
  if (!shape) throw new Error(`unknown recipe '${recipe}' (${Object.keys(GPT_RECIPES).join(", ")})`);
  const data = await source(recipe, shape, rng(seed));
  const { T, V } = data;
  const { p, matrices } = parameters(shape, T, V, seed);
  const variables = [p.tok, p.pos, p.gf, p.bf, p.wh, p.bh, ...p.blocks.flatMap(Object.values)];
  const future = tf.tensor2d(Array.from({ length: T * T }, (_, i) => (i % T > Math.floor(i / T) ? -1e4 : 0)), [T, T]);
  const optimizer = tf.train.adam(shape.lr, 0.9, 0.99, 1e-8);
  const keep = 1 - shape.lr * DECAY;
  const B = shape.batch;
  Object.assign(result, { recipe, shape: `${shape.layers}×${shape.heads}h d${shape.d} T${T} B${B}`, vocab: V });
  const WARMUP = 3;
  let steps = 0, tWarm = null, pending = null, issued = WARMUP, ahead = 1;
  const t0 = performance.now() / 1000;
  const now = () => performance.now() / 1000;
  for (;;) {
    if (tWarm !== null && steps > WARMUP && now() - tWarm >= maxSeconds) break;
    const { ids, targets, weights } = data.next();
    tf.tidy(() => {
      const [idsT, yT, wT] = [tf.tensor1d(ids, "int32"), tf.oneHot(tf.tensor1d(targets, "int32"), V), tf.tensor1d(weights)];
      for (const m of matrices) m.assign(m.mul(keep)); // AdamW's decoupled decay
      optimizer.minimize(() => tf.losses.softmaxCrossEntropy(yT, forward(p, idsT, shape, B, T, future), wT), false, variables);
    });
    steps++;
    if (steps === WARMUP) {
      await syncOn(variables);
      tWarm = now();
      result.warmup_s = Number((tWarm - t0).toFixed(3));
    } else if (gpu && steps - issued >= ahead) {
      if (pending) await pending;
      const rate = (issued - WARMUP) / (now() - tWarm);
      ahead = Math.max(1, Math.min(16, Math.floor(rate * 0.25)));
      pending = syncOn(variables);
      issued = steps;
    }
  }
  if (pending) await pending;
  await syncOn(variables); // all queued steps are done
  const seconds = now() - tWarm;
  const loss = tf.tidy(() => {
    const { ids, targets, weights } = data.next();
    const z = forward(p, tf.tensor1d(ids, "int32"), shape, B, T, future);
    return tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d(targets, "int32"), V), z, tf.tensor1d(weights));
  });
  result.last_loss = Number((await loss.data())[0].toFixed(4)); // a fresh batch's, as a sanity check
  loss.dispose();
  Object.assign(result, {
    finished: true, steps,
    tokens_per_s: Number((((steps - WARMUP) * data.counted) / seconds).toFixed(1)),
    steps_per_s: Number(((steps - WARMUP) / seconds).toFixed(2)),
  });
}
