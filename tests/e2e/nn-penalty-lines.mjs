// The lines of "Follow one sample" written only when L1 or L2 is on, computed from the exported
// JSON alone (see nn-lines.mjs for the rest).
import assert from "node:assert/strict";

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/** sign(w) as the page takes it (0 at 0). */
const sign = (w) => (w > 0 ? 1 : w < 0 ? -1 : 0);

/**
 * The lines written when L1 or L2 is on: the loss with the penalty, a weight's gradient with
 * its penalty terms, and the update's split of g into its data term and the penalty's. The
 * penalty is recomputed from `penalty_terms` (Σ|W|, ΣW² of every weight tensor) and must be
 * the one shown; each gradient must be its data term plus λ₁ sign(w) + 2λ₂w.
 */
export function penaltyLine(c, doc, L, k, expect) {
  const { l1, l2 } = doc.output;
  if (l1 === 0 && l2 === 0) return null;
  const what = `"${c}"`;
  const pen = (w) => l1 * sign(w) + 2 * l2 * w;
  let m;
  if (/^plus the penalty over all weights/.test(c)) {
    const recomputed = sum(doc.penalty_terms.map((p) => l1 * p.sum_abs + l2 * p.sum_sq));
    assert.ok(Math.abs(recomputed - doc.output.penalty) <= 1e-5 * recomputed, `${what}: penalty ${doc.output.penalty} vs Σ λ₁|W| + λ₂W² = ${recomputed}`);
    // The shown penalty is Burn's f32 sum; the recomputation above holds it to the export's terms.
    return expect([doc.output.cross_entropy, doc.output.penalty, doc.output.loss]);
  }
  if ((m = c.match(/^weight W\[(\d+),(\d+)\]: Burn's δ and input/))) {
    const l = L[k];
    const [delta, a, w, g] = [l.delta[Number(m[1])], l.a_in[Number(m[2])], Math.fround(l.weight.old), l.weight.grad];
    const data = Math.fround(delta) * Math.fround(a);
    const size = Math.abs(data) + Math.abs(pen(w));
    assert.ok(Math.abs(data + pen(w) - g) <= 1e-5 * size + 1e-30, `${what}: δ·a + λ₁ sign(w) + 2λ₂w = ${data + pen(w)} vs ∂L/∂W ${g}`);
    return expect([delta, a, ...(l1 > 0 ? [l1, w] : []), ...(l2 > 0 ? [2, l2, w] : []), g]);
  }
  if ((m = c.match(/^gradient of (?:W(\d+)|K)\[/))) {
    const u = m[1] ? L[Number(m[1]) - 1].weight : doc.conv.weight;
    const [w, g] = [Math.fround(u.old), Math.fround(u.grad)];
    return expect([g - pen(w), l1, w, 2, l2, w, g]);
  }
  return null;
}
