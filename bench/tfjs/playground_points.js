// E1's points exactly as the playground draws them (src/data/rng.rs and src/data/linreg.rs),
// so both systems fit the same 100 points: SplitMix64, a derived stream for the data, x from
// the top 53 bits, Box–Muller for the noise; the first 80 train, the last 20 test.
const MASK = (1n << 64n) - 1n;

function splitMix64(seed) {
  let state = BigInt.asUintN(64, BigInt(seed));
  const next = () => {
    state = (state + 0x9e3779b97f4a7c15n) & MASK;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
    return z ^ (z >> 31n);
  };
  const uniform = () => Number(next() >> 11n) / 2 ** 53;
  return { next, uniform };
}

/** `Rng::derived(seed, stream)`: a parent stream mixes the stream id into the seed. */
function derived(seed, stream) {
  const mixed = BigInt.asUintN(64, BigInt(seed) ^ ((BigInt(stream) * 0xd1b54a32d192ed03n) & MASK));
  return splitMix64(splitMix64(mixed).next());
}

/** `linreg::generate(points, noise, seed)`: { x, y } as float32, train first. */
export function playgroundPoints(seed, points = 100, noise = 1) {
  const rng = derived(seed, 0xda7a);
  const x = new Float32Array(points);
  const y = new Float32Array(points);
  for (let i = 0; i < points; i++) {
    const xi = rng.uniform();
    const u1 = 1 - rng.uniform();
    const u2 = rng.uniform();
    x[i] = xi;
    y[i] = 2 * xi + 1 + noise * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
  return { x, y };
}
