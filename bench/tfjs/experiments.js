// The TF.js side of the benchmark, run in the page: window.runExperiment({backend, experiment,
// maxSeconds, seed, wasmThreads}) trains E1 (linear regression), E2–E4 (MNIST MLPs / CNN) or
// gpt-<recipe> (the tiny GPT, gpt.js)
// with TF.js used as well as it can be: data uploaded once, tf.tidy per step,
// optimizer.minimize with returnCost=false, no per-step readback (GPU backends read one
// scalar back every few steps, pipelined, only to bound the queue), one readback at the end.
// Result fields: wasm_simd / wasm_threads are TF.js's own feature flags (SIMD build, threaded
// build loaded); wasm_thread_count is the size of XNNPACK's thread pool actually used.
import { loadMnist, normalise, permutation, rng } from "./data.js";
import { playgroundPoints } from "./playground_points.js";
import { buildModel } from "./models.js";
import { gpt } from "./gpt.js";

const tf = window.tf;
const WASM_DIR = "/bench/node_modules/@tensorflow/tfjs-backend-wasm/dist/";
const MNIST_DIR = "/mnist/";
const BATCH = 64;
const WARMUP_STEPS = 3;
// GPU backends queue work without back-pressure (WebGPU especially). Every `ahead` steps we
// await the read-back issued `ahead` steps earlier and issue a new one: at most ~2×`ahead`
// steps are in flight (so the time cap holds) and the queue never runs empty. `ahead` follows
// the measured speed: about LAG_S seconds of work, between 1 and MAX_AHEAD steps.
const LAG_S = 0.25;
const MAX_AHEAD = 16;

const deviceErrors = []; // WebGPU errors not caught by TF.js (see useBackend)
const now = () => performance.now() / 1000;
const round = (x, digits) => (x == null || !Number.isFinite(x) ? null : Number(x.toFixed(digits)));

/**
 * Selects and initialises a backend; the wasm one finds its .wasm binaries in node_modules.
 * `wasmThreads`: XNNPACK's thread count for the threaded wasm build (TF.js's default, when
 * null: half of navigator.hardwareConcurrency, at least 1, which it also uses as the cap).
 */
async function useBackend(name, wasmThreads) {
  if (name === "wasm") tf.wasm.setWasmPaths(WASM_DIR);
  if (name === "wasm" && wasmThreads != null) tf.wasm.setThreadsCount(wasmThreads);
  if (!(await tf.setBackend(name))) throw new Error(`TF.js backend '${name}' failed to initialise`);
  await tf.ready();
  if (name === "webgpu") {
    // Validation errors would otherwise only be logged: a dropped command buffer makes a run
    // look faster than it is, so they are reported in the result's `error`.
    tf.backend().device.addEventListener("uncapturederror", (e) => deviceErrors.push(e.error.message));
  }
  if (name !== "wasm") return { wasm_simd: null, wasm_threads: null, wasm_thread_count: null };
  return {
    wasm_simd: await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT"),
    wasm_threads: await tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT"),
    wasm_thread_count: tf.wasm.getThreadsCount(), // XNNPACK's pool: 1 when single-threaded
  };
}

/**
 * A scalar that depends on every variable: reading it back waits for all queued work. Summed
 * pairwise, not with tf.addN: WebGPU's addN binds one storage buffer per input, and with E3's
 * 8 variables that exceeds SwiftShader's limit, so the pipeline is invalid and the command
 * buffer holding it (and queued training work) is dropped.
 */
async function syncOn(variables) {
  const t = tf.tidy(() => variables.map((v) => tf.sum(v)).reduce((a, b) => tf.add(a, b)));
  const [value] = await t.data();
  t.dispose();
  return value;
}

/** E1: y = w·x + b by SGD (lr 0.1, batch 10, 50 epochs, shuffled each epoch). */
async function linearRegression(result, { maxSeconds, seed }) {
  const random = rng(seed);
  const { x, y } = playgroundPoints(seed); // the very points the playground fits
  const [nTrain, batch, epochs] = [80, 10, 50];
  const xTrain = tf.tensor1d(x.subarray(0, nTrain));
  const yTrain = tf.tensor1d(y.subarray(0, nTrain));
  const w = tf.variable(tf.scalar(0));
  const b = tf.variable(tf.scalar(0));
  const optimizer = tf.train.sgd(0.1);
  let steps = 0;
  const t0 = now();
  training: for (let epoch = 0; epoch < epochs; epoch++) {
    const order = permutation(nTrain, random);
    for (let start = 0; start < nTrain; start += batch) {
      if (now() - t0 >= maxSeconds) break training;
      tf.tidy(() => {
        const idx = tf.tensor1d(order.subarray(start, start + batch), "int32");
        const [xb, yb] = [tf.gather(xTrain, idx), tf.gather(yTrain, idx)];
        optimizer.minimize(() => tf.losses.meanSquaredError(yb, xb.mul(w).add(b)), false);
      });
      steps++;
    }
  }
  const [wv, bv] = [(await w.data())[0], (await b.data())[0]];
  result.wall_s = round(now() - t0, 4);
  let se = 0;
  for (let i = nTrain; i < x.length; i++) se += (wv * x[i] + bv - y[i]) ** 2;
  Object.assign(result, {
    finished: steps === epochs * (nTrain / batch), steps,
    w: round(wv, 5), b: round(bv, 5), test_mse: round(se / (x.length - nTrain), 5),
  });
}

/** Uploads a float32 / int32 array as a tensor and makes sure it really reached the device. */
async function upload(values, shape, dtype) {
  const t = tf.tensor(values, shape, dtype);
  await tf.tidy(() => t.reshape([-1]).slice(0, 1)).data(); // lazy backends upload on first use
  return t;
}

/** The test set as chunks of at most `chunk` images: [{ x: [size, 784], y: [size] int32 }]. */
async function uploadTestChunks(images, labels, n, centred, chunk = 1000) {
  const chunks = [];
  for (let start = 0; start < n; start += chunk) {
    const size = Math.min(chunk, n - start);
    chunks.push({
      x: await upload(normalise(images.subarray(start * 784, (start + size) * 784), centred), [size, 784], "float32"),
      y: await upload(Int32Array.from(labels.subarray(start, start + size)), [size], "int32"),
    });
  }
  return chunks;
}

/** Percent of the test images classified right, chunk by chunk, one readback at the end. */
async function testAccuracy(model, chunks, n) {
  let correct = tf.scalar(0, "int32");
  for (const { x, y } of chunks) {
    const next = tf.tidy(() => correct.add(model.predict(x).argMax(1).equal(y).sum()));
    correct.dispose();
    correct = next;
  }
  const [count] = await correct.data();
  correct.dispose();
  return round((100 * count) / n, 2);
}

/** E2–E4: one epoch of MNIST (Adam 1e-3, batch 64, softmax cross-entropy), then test accuracy. */
async function mnist(result, { backend, experiment, maxSeconds, seed }) {
  const t0Load = now();
  const data = await loadMnist(MNIST_DIR);
  const centred = experiment === "E3";
  const n = data.train.n;
  const trainX = await upload(normalise(data.train.images, centred), [n, 784], "float32");
  const trainY = tf.tidy(() => tf.oneHot(tf.tensor1d(Int32Array.from(data.train.labels), "int32"), 10).toFloat());
  const test = await uploadTestChunks(data.test.images, data.test.labels, data.test.n, centred);
  result.mnist_load_s = round(now() - t0Load, 3);

  const random = rng(seed);
  const model = buildModel(experiment, seed);
  const variables = model.trainableWeights.map((w) => w.read());
  const optimizer = tf.train.adam(1e-3);
  const order = permutation(n, random);
  const totalSteps = Math.ceil(n / BATCH); // 937 full batches + one of 32
  const gpu = backend === "webgl" || backend === "webgpu";

  let steps = 0, samples = 0, warmSamples = 0, tWarm = null, pending = null, ahead = 1, issued = WARMUP_STEPS;
  const t0 = now();
  while (steps < totalSteps) {
    // The cap: stop once it is reached, but only after warm-up and one measured step.
    if (tWarm !== null && steps > WARMUP_STEPS && now() - t0 >= maxSeconds) break;
    const start = steps * BATCH;
    const size = Math.min(BATCH, n - start);
    // The batch is gathered outside the loss function, i.e. outside the gradient tape: on the
    // tape, TF.js clones each op's saved inputs, and the wasm backend's clone copies, so a
    // gather there would copy all 60,000 images (188 MB) every step. Only the 64 (or 32)
    // indices are uploaded per step.
    tf.tidy(() => {
      const idx = tf.tensor1d(order.subarray(start, start + size), "int32");
      const [xb, yb] = [tf.gather(trainX, idx), tf.gather(trainY, idx)];
      optimizer.minimize(() => tf.losses.softmaxCrossEntropy(yb, model.apply(xb)), false);
    });
    steps++;
    samples += size;
    if (steps === WARMUP_STEPS) {
      await syncOn(variables); // compile + first kernels done, results on the host
      tWarm = now();
      warmSamples = samples;
      result.warmup_s = round(tWarm - t0, 3);
    } else if (gpu && steps - issued >= ahead) {
      if (pending) await pending; // the steps up to `issued` are now done on the device
      const rate = (issued - WARMUP_STEPS) / (now() - tWarm); // completed steps per second
      ahead = Math.max(1, Math.min(MAX_AHEAD, Math.floor(rate * LAG_S)));
      pending = syncOn(variables);
      issued = steps;
    }
  }
  if (pending) await pending;
  await syncOn(variables); // the final readback: all queued device work is counted
  const tEnd = now();
  const finished = steps === totalSteps;
  Object.assign(result, {
    finished, images: samples, steps,
    samples_per_s: round((samples - warmSamples) / (tEnd - tWarm), 1),
    epoch_s: finished ? round(tEnd - t0, 3) : null,
  });
  if (finished) result.test_accuracy = await testAccuracy(model, test, data.test.n);
}

/** The page's entry point: always resolves to one plain JSON object (errors in `error`). */
window.runExperiment = async ({ backend, experiment, maxSeconds = null, seed = 1, wasmThreads = null }) => {
  const cap = maxSeconds == null ? Infinity : Number(maxSeconds);
  const result = experiment.startsWith("gpt-")
    ? { system: "tfjs", version: tf.version.tfjs, backend, experiment, finished: false, steps: 0,
        warmup_s: null, tokens_per_s: null, steps_per_s: null, last_loss: null }
    : experiment === "E1"
    ? { system: "tfjs", version: tf.version.tfjs, backend, experiment, finished: false,
        steps: 0, wall_s: null, w: null, b: null, test_mse: null }
    : { system: "tfjs", version: tf.version.tfjs, backend, experiment, finished: false,
        images: 0, steps: 0, warmup_s: null, samples_per_s: null, epoch_s: null,
        test_accuracy: null, mnist_load_s: null };
  Object.assign(result, { wasm_simd: null, wasm_threads: null, wasm_thread_count: null, error: null });
  try {
    Object.assign(result, await useBackend(backend, wasmThreads));
    const options = { backend, experiment, maxSeconds: cap, seed: Number(seed) };
    if (experiment === "E1") await linearRegression(result, options);
    else if (["E2", "E3", "E4"].includes(experiment)) await mnist(result, options);
    else if (experiment.startsWith("gpt-")) {
      const gpu = backend === "webgl" || backend === "webgpu";
      await gpt(result, { ...options, recipe: experiment.slice(4), gpu, syncOn });
    }
    else throw new Error(`unknown experiment '${experiment}' (E1–E4, gpt-sort, gpt-names, gpt-shakespeare)`);
  } catch (e) {
    result.finished = false;
    result.error = String(e?.message ?? e);
  }
  if (deviceErrors.length) {
    const first = deviceErrors[0].split("\n")[0].slice(0, 240);
    result.error = `${result.error ? `${result.error}; ` : ""}${deviceErrors.length} WebGPU error(s), first: ${first}`;
  }
  return result;
};
window.benchReady = true;
