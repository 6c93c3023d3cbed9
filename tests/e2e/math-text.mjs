// Reads the numbers a learner reads in the typeset formulas: each MathML line's <mn> numbers in
// order, with a unary minus applied and "a × 10^e" folded into one number, each with the
// precision its digits state (half a unit of its last digit). Compared with the exported JSON
// to that precision, never by re-running the product's formatter.
import assert from "node:assert/strict";

/**
 * The formula lines in `root` (a CSS selector): `[{ caption, numbers: [{ value, half, text }],
 * afterEq: [...], numeric, substituted }]`; `afterEq` holds the numbers after the line's first
 * "=". With `indices: false` the numbers of subscripts, term labels and layer superscripts
 * are left out (W_{0,658} names a weight; it is not a number of the step).
 */
export async function mathLines(page, root, { indices = true } = {}) {
  return page.locator(`${root} .formula`).evaluateAll((formulas, indices) => formulas.map((f) => {
    const tokens = [];
    const number = (text) => {
      const [int, frac = ""] = text.split(".");
      return { value: Number(text), half: 0.5 * 10 ** -frac.length, text, int };
    };
    const walk = (el) => {
      const tag = el.tagName.toLowerCase();
      if (tag === "mn") return tokens.push({ kind: "num", ...number(el.textContent.trim()) });
      if (tag === "mi") return tokens.push({ kind: "id", text: el.textContent.trim() });
      if (tag === "mo") {
        const t = el.textContent.trim();
        if (t === "=") return tokens.push({ kind: "eq" });
        // A unary minus: typeset tight, or where no number can precede it (after "=", an
        // opening bracket or a comma, as in "[0.1, −0.2]").
        const last = tokens.at(-1);
        const opens = !last || last.kind === "eq" || last.kind === "sep" || (last.kind === "op" && ["(", "[", ",", "{"].includes(last.text));
        if (t === "−" && (el.getAttribute("lspace") === "0" || opens)) return tokens.push({ kind: "neg" });
        if (t === "×") return tokens.push({ kind: "times" });
        return tokens.push({ kind: "op", text: t });
      }
      // "… × 10^{e}": the exponent scales the number before the ×.
      if (tag === "msup" && el.children[0]?.textContent.trim() === "10" && tokens.at(-1)?.kind === "times") {
        const exp = el.children[1].textContent.trim().replace("−", "-");
        tokens.pop();
        const mantissa = tokens.at(-1);
        const scale = 10 ** Number(exp);
        Object.assign(mantissa, { value: mantissa.value * scale, half: mantissa.half * scale, text: `${mantissa.text}e${exp}` });
        return;
      }
      // A matrix cell starts afresh (a minus there is unary).
      if (tag === "mtd") tokens.push({ kind: "sep" });
      // Without indices: a subscript, an underscript (a term's label) and a bracketed
      // superscript (the layer, z^{[1]}) are names, not numbers; an exponent is a number.
      if (!indices && ["msub", "msubsup", "munder"].includes(tag)) return walk(el.children[0]);
      if (!indices && tag === "msup" && el.children[1]?.textContent.includes("[")) return walk(el.children[0]);
      for (const child of el.children) walk(child);
    };
    const math = f.querySelector("math");
    if (math) walk(math);
    // A unary minus belongs to the number that follows it.
    const out = [];
    let negate = false;
    for (const t of tokens) {
      if (t.kind === "neg") { negate = true; continue; }
      if (t.kind === "num" && negate) Object.assign(t, { value: -t.value, text: `-${t.text}` });
      negate = false;
      out.push(t);
    }
    const numbers = out.filter((t) => t.kind === "num");
    const firstEq = out.findIndex((t) => t.kind === "eq");
    const afterEq = firstEq < 0 ? [] : out.slice(firstEq + 1).filter((t) => t.kind === "num");
    // Lines with numbers end in "= <number>" or "= <column of numbers>" (in brackets);
    // symbolic ones have letters or operators after their last "=".
    const lastEq = out.findLastIndex((t) => t.kind === "eq");
    const tail = out.slice(lastEq + 1);
    const bracket = (t) => t.kind === "op" && ["[", "]", "(", ")"].includes(t.text);
    const numeric = lastEq >= 0 && tail.some((t) => t.kind === "num") && tail.every((t) => t.kind === "num" || t.kind === "sep" || bracket(t));
    // Whether the line comes after the "with this sample's numbers" title (substituted).
    let substituted = false;
    for (let s = f.previousElementSibling; s; s = s.previousElementSibling) substituted ||= s.classList.contains("numbers-title");
    return { caption: f.querySelector(".caption")?.textContent.trim() ?? "", numbers, afterEq, numeric, substituted };
  }), indices);
}

/** The shown number agrees with `expected` to the precision of its digits. */
export function shownAs(shown, expected, what) {
  assert.equal(typeof expected, "number", `${what}: no number to compare with`);
  const tol = shown.half * (1 + 1e-9) + 1e-12 * Math.abs(expected);
  assert.ok(Math.abs(shown.value - expected) <= tol,
    `${what}: shown ${shown.text}, exported ${expected} (allowed ±${shown.half})`);
}

/** Each shown number of `numbers` against `expected` (same length, `null` to skip one). */
export function sequenceShows(numbers, expected, what) {
  assert.equal(numbers.length, expected.length,
    `${what}: ${numbers.map((n) => n.text).join(", ")} vs ${expected.length} expected`);
  numbers.forEach((n, i) => { if (expected[i] !== null) shownAs(n, expected[i], `${what} [${i}]`); });
  return numbers.filter((_, i) => expected[i] !== null).length;
}

/** A number written in an element's text ("−1.218", "3.2 × 10⁻⁵" as plain text is not used). */
export function plainNumber(text) {
  const t = text.trim().replace("−", "-");
  const [mantissa, exp] = t.split("e");
  const frac = (mantissa.split(".")[1] ?? "").length;
  const scale = exp === undefined ? 1 : 10 ** Number(exp);
  return { value: Number(t), half: 0.5 * 10 ** -frac * scale, text: t };
}

/**
 * What an optimizer line of parameter(s) `ps` shows — `kind` is the caption's "update",
 * "velocity", "first moment", "second moment" or "bias correction"; each p is `{ old, grad,
 * before, after, new }` with states as `{ velocity }` or `{ t, m, v }` (or null) — from the
 * export's numbers alone: vectors are written as columns, one number per parameter.
 */
export function optimizerLine(kind, ps, o) {
  const all = (f) => ps.map(f);
  if (o.kind === "sgd") return [...all((p) => p.old), o.lr, ...all((p) => p.grad), ...all((p) => p.new)];
  if (o.kind === "momentum") {
    if (kind === "velocity") return [o.momentum, ...all((p) => p.before?.velocity ?? 0), ...all((p) => p.grad), ...all((p) => p.after.velocity)];
    return [...all((p) => p.old), o.lr, ...all((p) => p.after.velocity), ...all((p) => p.new)];
  }
  const t = ps[0].after.t;
  const mHat = (p) => p.after.m / (1 - o.beta_1 ** t);
  const vHat = (p) => p.after.v / (1 - o.beta_2 ** t);
  if (kind === "first moment") return [o.beta_1, ...all((p) => p.before?.m ?? 0), 1 - o.beta_1, ...all((p) => p.grad), ...all((p) => p.after.m)];
  if (kind === "second moment") return [o.beta_2, ...all((p) => p.before?.v ?? 0), 1 - o.beta_2, ...all((p) => p.grad), 2, ...all((p) => p.after.v)];
  if (kind === "bias correction") return [1, o.beta_1, t, ...all(mHat), 1, o.beta_2, t, ...all(vHat)];
  const ratio = (p) => mHat(p) / (Math.sqrt(vHat(p)) + o.epsilon);
  return [...all((p) => p.old), o.lr, o.epsilon, ...all((p) => p.old), o.lr, ...all(ratio), ...all((p) => p.new)];
}
