// Data for the TF.js benchmark page: a seeded random generator, seeded permutations, and
// MNIST read from the original gzipped IDX files (E1's points: playground_points.js).

/** mulberry32: a small, fast, seeded 32-bit generator; returns floats in [0, 1). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded Fisher–Yates permutation of 0..n-1, as int32 (ready to upload as indices). */
export function permutation(n, random) {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

/** Fetches one gzipped IDX file and returns { dims, bytes } (bytes: the unsigned 8-bit payload). */
async function idx(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const raw = await new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
  const view = new DataView(raw);
  const magic = view.getUint32(0); // big-endian: 0x00000801 labels, 0x00000803 images
  if (magic >>> 8 !== 0x08) throw new Error(`${url}: not an unsigned-byte IDX file`);
  const rank = magic & 0xff;
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i));
  return { dims, bytes: new Uint8Array(raw, 4 + 4 * rank) };
}

/**
 * The four MNIST files under `base`: { train: {images, labels, n}, test: {...} }, images as the
 * raw Uint8Array (n × 784), labels as Uint8Array (n).
 */
export async function loadMnist(base) {
  const names = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];
  const [trX, trY, teX, teY] = await Promise.all(names.map((name) => idx(`${base}${name}.gz`)));
  return {
    train: { images: trX.bytes, labels: trY.bytes, n: trX.dims[0] },
    test: { images: teX.bytes, labels: teY.bytes, n: teX.dims[0] },
  };
}

/** Pixels → float32 inputs: x/255, or (x/255 − 0.5)/0.5 when `centred`. */
export function normalise(bytes, centred) {
  const out = new Float32Array(bytes.length);
  if (centred) for (let i = 0; i < bytes.length; i++) out[i] = (bytes[i] / 255 - 0.5) / 0.5;
  else for (let i = 0; i < bytes.length; i++) out[i] = bytes[i] / 255;
  return out;
}
