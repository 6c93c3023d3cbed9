//! Small pieces the network's sub-steps are written with: layer names, vectors, the largest
//! terms of a sum, activation derivatives and plain-text numbers for the HTML chips.

use super::format::{n32, num};
use crate::protocol::SampleTrace;
use crate::settings::{Activation, ModelKind};

/// An element of `v`, or NaN when the trace is shorter than expected (shown as "NaN", never a
/// panic).
pub fn at(v: &[f32], i: usize) -> f32 {
    v.get(i).copied().unwrap_or(f32::NAN)
}

/// `num` without LaTeX: "0.1234", "1.5e-5", "NaN", "∞".
pub fn plain(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 {
            "∞".into()
        } else {
            "−∞".into()
        };
    }
    num(x).replace(r" \times 10^{", "e").replace('}', "")
}

/// The layer's superscript in the notation, 1-based: `^{[1]}`.
pub fn sup(layer: usize) -> String {
    format!("^{{[{}]}}", layer + 1)
}

/// The input vector of dense layer `k`: x (MLP's first layer), h (the CNN's flattened
/// features) or the previous activation a^{[k]}.
pub fn input_sym(t: &SampleTrace, k: usize) -> String {
    match (k, t.model) {
        (0, ModelKind::Mlp) => "x".into(),
        (0, ModelKind::Cnn) => "h".into(),
        _ => format!("a^{{[{k}]}}"),
    }
}

/// Element `i` of the input vector of layer `k`: `x_{200}`, `a^{[1]}_{17}`.
pub fn input_elem(t: &SampleTrace, k: usize, i: usize) -> String {
    format!("{}_{{{i}}}", input_sym(t, k))
}

/// The same in plain text for chips: "x[200]", "a1[17]".
pub fn input_plain(t: &SampleTrace, k: usize, i: usize) -> String {
    match (k, t.model) {
        (0, ModelKind::Mlp) => format!("x[{i}]"),
        (0, ModelKind::Cnn) => format!("h[{i}]"),
        _ => format!("a{k}[{i}]"),
    }
}

/// Is layer `k` the last (the logits)?
pub fn is_output(t: &SampleTrace, k: usize) -> bool {
    k + 1 == t.layers.len()
}

/// `\left[ 0.1,\ 0.2,\ \dots \right]` of the values at `indices` (with `\dots` after them when
/// `more`).
pub fn vector(values: &[f32], indices: &[usize], more: bool) -> String {
    let mut parts: Vec<String> = indices.iter().map(|&i| n32(at(values, i))).collect();
    if more {
        parts.push(r"\dots".into());
    }
    format!(r"\left[{}\right]", parts.join(r",\ "))
}

/// All of a short vector (≤ 10 numbers): `[0.1, 0.2, …]`.
pub fn whole(values: &[f32]) -> String {
    let indices: Vec<usize> = (0..values.len()).collect();
    vector(values, &indices, false)
}

/// The indices of the `count` largest |values| (ties: lower index first), largest first.
pub fn largest(values: &[f64], count: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..values.len())
        .filter(|&i| values[i].is_finite())
        .collect();
    order.sort_by(|&a, &b| values[b].abs().total_cmp(&values[a].abs()).then(a.cmp(&b)));
    order.truncate(count);
    order
}

/// Products u_i · v_i in f64 (the arithmetic redone from Burn's numbers).
pub fn products(u: &[f32], v: &[f32]) -> Vec<f64> {
    u.iter()
        .zip(v)
        .map(|(&a, &b)| f64::from(a) * f64::from(b))
        .collect()
}

/// The index of the largest value (the predicted class).
pub fn argmax(values: &[f32]) -> usize {
    largest_signed(values).unwrap_or(0)
}

fn largest_signed(values: &[f32]) -> Option<usize> {
    (0..values.len())
        .filter(|&i| values[i].is_finite())
        .max_by(|&a, &b| values[a].total_cmp(&values[b]).then(b.cmp(&a)))
}

/// The activation's name and formula, e.g. ("ReLU", `\max(0, z)`).
pub fn act_formula(act: Activation) -> (&'static str, &'static str) {
    match act {
        Activation::Relu => ("ReLU", r"\max(0,\ z)"),
        Activation::Sigmoid => ("sigmoid", r"\frac{1}{1 + e^{-z}}"),
        Activation::Tanh => ("tanh", r"\tanh(z)"),
    }
}

/// act'(z) written in terms of z or a: `\mathbf{1}[z > 0]`, `a(1 - a)`, `1 - a^2`.
pub fn act_derivative_formula(act: Activation) -> &'static str {
    match act {
        Activation::Relu => r"\mathbf{1}[z > 0]",
        Activation::Sigmoid => r"a\,(1 - a)",
        Activation::Tanh => r"1 - a^2",
    }
}

/// act'(z) from Burn's z and a (computed here).
pub fn act_derivative(act: Activation, z: f32, a: f32) -> f64 {
    let a = f64::from(a);
    match act {
        Activation::Relu => {
            if z > 0.0 {
                1.0
            } else {
                0.0
            }
        }
        Activation::Sigmoid => a * (1.0 - a),
        Activation::Tanh => 1.0 - a * a,
    }
}

/// How many entries of z are positive ("active": ReLU passes them; σ, tanh above midpoint).
pub fn active_count(z: &[f32]) -> usize {
    z.iter().filter(|&&z| z > 0.0).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_numbers_and_largest_terms() {
        assert_eq!(plain(1.5e-5), "1.5e-5");
        assert_eq!(plain(-0.53217), "-0.5322");
        assert_eq!(plain(f64::NAN), "NaN");
        assert_eq!(largest(&[0.1, -3.0, 2.0, f64::NAN, 2.0], 3), vec![1, 2, 4]);
        assert_eq!(argmax(&[0.1, 5.0, f32::NAN, 5.0]), 1);
        assert!(at(&[1.0], 3).is_nan());
        assert_eq!(active_count(&[1.0, 0.0, -1.0, 2.0]), 2);
    }
}
