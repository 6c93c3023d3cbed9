//! A dense layer's gradients: ∂L/∂W = δ·aᵀ (with the L1/L2 terms when on) and ∂L/∂b = δ.

use super::format::{n32, num, p32};
use super::nn_forward::{SHOWN_TERMS, input_targets};
use super::nn_steps::{NnStep, Stage, Target, Term, line};
use super::nn_text::{at, input_plain, input_sym, largest, plain, sup};
use crate::protocol::SampleTrace;

pub fn gradient(t: &SampleTrace, k: usize) -> NnStep {
    let l = &t.layers[k];
    let (j, i, s, a) = (l.neuron, l.input, sup(k), input_sym(t, k));
    let (delta, a_i, w) = (at(&l.d_z, j), at(&l.a_in, i), at(&l.w_row, i));
    let g = at(&l.d_w_row, i);
    let product = f64::from(delta) * f64::from(a_i);
    let mut penalty_sym = String::new();
    let mut penalty = String::new();
    if t.l1 > 0.0 {
        penalty_sym += r" + \lambda_1 \operatorname{sign}(W_{j,i})";
        penalty += &format!(r" + {} \cdot \operatorname{{sign}}({})", num(t.l1), n32(w));
    }
    if t.l2 > 0.0 {
        penalty_sym += r" + 2 \lambda_2 W_{j,i}";
        penalty += &format!(r" + 2 \cdot {} \cdot {}", num(t.l2), p32(w));
    }
    let d_w64: Vec<f64> = l.d_w_row.iter().map(|&v| f64::from(v)).collect();
    let mut shown = vec![i];
    shown.extend(
        largest(&d_w64, SHOWN_TERMS)
            .into_iter()
            .filter(|&n| n != i)
            .take(3),
    );
    let mut terms: Vec<Term> = shown
        .iter()
        .map(|&n| Term {
            name: format!("∂L/∂W[{j},{n}]"),
            detail: format!(
                "δ {} × {} {}",
                plain(delta.into()),
                input_plain(t, k, n),
                plain(at(&l.a_in, n).into())
            ),
            value: at(&l.d_w_row, n).into(),
            key: Some(format!("layers[{k}].d_w_row[{n}]")),
            targets: input_targets(t, k, n),
        })
        .collect();
    terms.push(Term {
        name: format!("∂L/∂b[{j}]"),
        detail: String::new(),
        value: l.bias.grad.into(),
        key: Some(format!("layers[{k}].bias.grad")),
        targets: vec![Target::Neuron {
            layer: k,
            neuron: j,
        }],
    });
    let untouched = l.a_in.iter().filter(|&&v| v == 0.0).count();
    let zero_note = if untouched > 0 && penalty.is_empty() {
        format!(
            " Where the input is 0 the gradient is 0: {untouched} of the {} weights of row {j} get no push from this sample.",
            l.inputs
        )
    } else {
        String::new()
    };
    NnStep {
        stage: Stage::Gradient(k),
        title: format!("Layer {}: ∂L/∂W = δ·aᵀ, ∂L/∂b = δ", k + 1),
        summary: format!(
            "Each weight's gradient is the error δ of its neuron times the input it multiplies; each bias's is δ itself.{zero_note}"
        ),
        symbolic: vec![
            line(
                "shapes: an outer product",
                format!(
                    r"\underset{{{o} \times {n}}}{{\frac{{\partial L}}{{\partial W{s}}}}} = \underset{{{o}}}{{\delta{s}}}\ \underset{{1 \times {n}}}{{({a})^\top}},\qquad \frac{{\partial L}}{{\partial b{s}}} = \delta{s}",
                    o = l.outputs,
                    n = l.inputs
                ),
            ),
            line(
                "one weight",
                format!(
                    r"\frac{{\partial L}}{{\partial W{s}_{{j,i}}}} = \delta{s}_j\, {a}_i{penalty_sym}"
                ),
            ),
        ],
        substituted: vec![
            line(
                format!(
                    "weight W[{j},{i}]: Burn's δ and input (product {} computed here), Burn's gradient",
                    plain(product)
                ),
                format!(
                    r"\frac{{\partial L}}{{\partial W{s}_{{{j},{i}}}}} = {} \cdot {}{penalty} = {}",
                    p32(delta),
                    p32(a_i),
                    n32(g)
                ),
            ),
            line(
                format!("bias b[{j}]"),
                format!(
                    r"\frac{{\partial L}}{{\partial b{s}_{{{j}}}}} = \delta{s}_{{{j}}} = {}",
                    n32(l.bias.grad)
                ),
            ),
        ],
        terms,
    }
}
