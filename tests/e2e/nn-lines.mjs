// What each typeset line of "Follow one sample" (the MLP, the CNN's convolution and head) must show,
// computed from the exported JSON alone (format 3: every layer's weights are in it) — never by
// the product's formatter. `linesMatch` reads the sub-step's substituted lines (MathML, indices
// left out) and compares every number to the precision of its digits.
import assert from "node:assert/strict";
import { mathLines, optimizerLine, sequenceShows, shownAs } from "./math-text.mjs";
import { penaltyLine } from "./nn-penalty-lines.mjs";

const sum = (xs) => xs.reduce((a, b) => a + b, 0);
/** Δ = θ_new − θ of the f32 values themselves (the JSON's shortest decimals are not them). */
const change = (u) => Math.fround(u.new) - Math.fround(u.old);
/** Σ aᵢbᵢ in f64 of the f32 values (as the page sums what it computes from Burn's numbers). */
const dot = (a, b) => sum(a.map((x, i) => Math.fround(x) * Math.fround(b[i])));

/** The optimizer's numbers and one followed parameter in `optimizerLine`'s terms. */
function optimizerOf(doc) {
  return { ...doc.optimizer, kind: doc.optimizer.kind.toLowerCase() };
}
function state(s) {
  if (!s || s === "None") return null;
  if (s.Momentum) return { velocity: s.Momentum.v };
  return s.Adam;
}
function param(u) {
  return { old: u.old, grad: u.grad, new: u.new, before: state(u.state_before), after: state(u.state_after) };
}

/**
 * The shown pairs of "the n largest terms" are n distinct (a, b) of `pairs`, in order of
 * decreasing |a·b|, and no pair left out is larger (to the precision shown).
 */
function largestTerms(numbers, pairs, what) {
  assert.equal(numbers.length % 2, 0, `${what}: pairs`);
  const used = new Set();
  let smallest = Infinity;
  for (let k = 0; k < numbers.length; k += 2) {
    const [a, b] = [numbers[k], numbers[k + 1]];
    const i = pairs.findIndex(([x, y], i) => !used.has(i) && Math.abs(a.value - x) <= a.half * 1.000001 && Math.abs(b.value - y) <= b.half * 1.000001);
    assert.ok(i >= 0, `${what}: ${a.text}·${b.text} is no term of the sum`);
    used.add(i);
    const size = Math.abs(pairs[i][0] * pairs[i][1]);
    assert.ok(size <= smallest * (1 + 1e-6), `${what}: terms in decreasing size`);
    smallest = size;
  }
  const largestLeft = Math.max(0, ...pairs.filter((_, i) => !used.has(i)).map(([x, y]) => Math.abs(x * y)));
  assert.ok(largestLeft <= smallest * (1 + 1e-6), `${what}: a larger term was left out (${largestLeft} > ${smallest})`);
  return numbers.length;
}

/** The layer a sub-step's title names ("Layer 2: …", "Back to layer 1: …"), 0-based. */
function layerOf(title) {
  const m = title.match(/layer (\d+)/i);
  return m ? Number(m[1]) - 1 : null;
}

/** Checks one line; returns how many numbers it compared, or null for an unknown caption. */
function checkLine(line, doc, title) {
  const c = line.caption;
  const n = line.numbers;
  const what = `"${title}" / "${c}"`;
  const k = layerOf(title) ?? 0; // the CNN's dense head is layer 0
  const L = doc.layers;
  const out = L[L.length - 1];
  const y = doc.output.label;
  const expect = (values) => sequenceShows(n, values, what);
  // Lines whose left side has numbers of its own (onehot(1), 𝟏[z > 0]).
  const expectAfterEq = (values) => sequenceShows(line.afterEq, values, what);
  let m;
  if ((m = c.match(/^pixel (\d+) .*raw value and network input$/))) {
    const i = Number(m[1]);
    const s = doc.sample;
    const unit = s.mean === 0 && s.std === 1;
    return expect(unit ? [s.pixels[i], 255, s.x[i]] : [s.pixels[i], 255, s.mean, s.std, s.x[i]]);
  }
  if ((m = c.match(/^neuron (\d+): its (\d+) largest terms W·a/))) {
    const l = L[k];
    return largestTerms(n, l.w_row.map((w, i) => [w, l.a_in[i]]), what);
  }
  if ((m = c.match(/^all (\d+) terms summed \(computed here from Burn's W/))) {
    const l = L[k];
    return expect([dot(l.w_row, l.a_in)]);
  }
  if ((m = c.match(/^plus the bias b_(\d+)/))) {
    const l = L[k];
    return expect([dot(l.w_row, l.a_in), l.bias.old, l.z[l.neuron]]);
  }
  if (c === "the mask: active neurons") return expectAfterEq([L[k].z.filter((z) => z > 0).length, L[k].outputs]);
  if ((m = c.match(/^neuron (\d+)$/)) && doc.activation === "Relu") {
    const j = Number(m[1]);
    return expect([0, L[k].z[j], L[k].a[j]]);
  }
  if (/^the \d+ logits \(Burn\)$/.test(c)) return expect(out.z);
  const denominator = sum(out.z.map((z) => Math.exp(Math.fround(z))));
  if (/^the denominator/.test(c)) return expect([denominator]);
  if (/^the \d+ probabilities \(Burn\)$/.test(c)) return expect(doc.output.probs);
  if (/^the true class y = \d+$/.test(c)) return expect([out.z[y], denominator, doc.output.probs[y]]);
  if (/^cross-entropy of the true class/.test(c)) return expect([doc.output.probs[y], doc.output.cross_entropy]);
  if (c === "the loss" && doc.output.penalty === 0) return expect([doc.output.loss]);
  const penalized = penaltyLine(c, doc, L, k, expect);
  if (penalized !== null) return penalized;
  if (/^p − onehot\(\d+\)/.test(c)) return expectAfterEq(doc.output.probs.flatMap((p, i) => (i === y ? [p, 1] : [p])));
  if (/^δ from Burn's autodiff$/.test(c)) return expect(out.delta);
  if ((m = c.match(/^weight W\[(\d+),(\d+)\]: Burn's δ and input/)) && doc.output.l1 === 0 && doc.output.l2 === 0) {
    const l = L[k];
    return expect([l.delta[Number(m[1])], l.a_in[Number(m[2])], l.weight.grad]);
  }
  if ((m = c.match(/^bias b\[(\d+)\]$/))) return expect([L[k].delta[Number(m[1])]]);
  if ((m = c.match(/^input (\d+): its column of W times δ, the \d+ largest terms$/))) {
    const up = L[k + 1];
    return largestTerms(n, up.w_col.map((w, j) => [w, up.delta[j]]), what);
  }
  if (/^all \d+ terms summed \(computed here\), and the same from Burn's autodiff$/.test(c)) {
    const up = L[k + 1];
    return expect([dot(up.w_col, up.delta), up.d_a_in[up.input]]);
  }
  if (c === "the activation's slope" && doc.activation === "Relu") return expectAfterEq([L[k].z.filter((z) => z > 0).length, L[k].outputs]);
  if ((m = c.match(/^neuron (\d+) of layer \d+: its δ \(Burn\)$/)) && doc.activation === "Relu") {
    const j = Number(m[1]);
    const up = L[k + 1];
    return expect([up.d_a_in[j], L[k].z[j] > 0 ? 1 : 0, L[k].delta[j]]);
  }
  const conv = checkConv(line, doc, expect, expectAfterEq);
  if (conv !== null) return conv;
  if ((m = c.match(/^(update|velocity|first moment|second moment|bias correction) of (W|b|K|bK)(\d*)\[/))) {
    const holder = m[2].includes("K") ? doc.conv : L[Number(m[3]) - 1];
    const u = holder[m[2] === "W" || m[2] === "K" ? "weight" : "bias"];
    const o = optimizerOf(doc);
    const values = optimizerLine(m[1], [param(u)], o);
    return expect(m[1] === "update" ? [...values, change(u)] : values);
  }
  if ((m = c.match(/^the other followed weight W(\d+)\[/))) {
    const u = L[Number(m[1]) - 1].weight;
    return expect([u.old, u.new, change(u)]);
  }
  return null;
}

/** The CNN's convolution lines (null when the line is none of them). */
function checkConv(line, doc, expect, expectAfterEq) {
  const v = doc.conv;
  if (!v) return null;
  const c = line.caption;
  const [r, s] = v.position;
  const side = 28;
  const k = v.k;
  let m;
  if (/^the window of x at \(\d+, \d+\) times kernel \d+, entry by entry$/.test(c)) return expect([...v.window, ...k]);
  if (/^summed \(computed here from Burn's x and K\)$/.test(c)) return expect([dot(v.window, k)]);
  if (/^plus the bias: z as Burn computed it$/.test(c)) return expectAfterEq([dot(v.window, k), v.bias.old, v.z[r * side + s]]);
  if (c === "the mask") return expectAfterEq([v.z.filter((z) => z > 0).length, side * side]);
  if (/^position \(\d+, \d+\)$/.test(c)) return expectAfterEq([0, v.z[r * side + s], v.a[r * side + s]]);
  if (/^the block holding \(\d+, \d+\)$/.test(c)) {
    const [br, bc] = [Math.floor(r / 2), Math.floor(s / 2)];
    const block = [[0, 0], [0, 1], [1, 0], [1, 1]].map(([dr, dc]) => v.a[(2 * br + dr) * side + 2 * bc + dc]);
    return expectAfterEq([...block, v.pooled[br * (side / 2) + bc]]);
  }
  if ((m = c.match(/^after (.+)$/))) {
    const shape = v.middle.find(([name]) => name === m[1]);
    return shape ? expect(shape[1]) : null;
  }
  if (c === "h, the input of the dense layer") return expect([doc.layers[0].inputs]);
  if (/^feature \d+ of h \(Burn\)$/.test(c)) return expect([doc.layers[0].d_a_in[doc.layers[0].input]]);
  if (c === "the shapes on the way back") return expect([...[...v.middle].reverse().flatMap(([, dims]) => dims), v.channels, side, side]);
  if (/^kernel \d+'s gradient \(Burn's autodiff\)$/.test(c)) return expect(v.d_k);
  if (/^tap \(\d+, \d+\) and the bias$/.test(c)) return expect([...v.tap, v.weight.grad, v.bias.grad]);
  return null;
}

/**
 * Every substituted line of the sub-step on screen against the export; with `strict`, a line
 * with numbers and no expectation fails. Returns [numbers compared, lines unknown].
 */
export async function linesMatch(page, doc, title, { strict = true } = {}) {
  const lines = (await mathLines(page, '[data-testid="steps-panel"] .steps-math', { indices: false })).filter((l) => l.substituted);
  let numbers = 0;
  const unknown = [];
  for (const line of lines) {
    const count = checkLine(line, doc, title);
    if (count === null && line.numbers.length > 0) unknown.push(line.caption);
    numbers += count ?? 0;
  }
  if (strict) assert.deepEqual(unknown, [], `${title}: lines with numbers nobody checks`);
  return [numbers, unknown.length];
}

export { shownAs };
