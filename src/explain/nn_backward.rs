//! Backward sub-steps: where the backward pass starts, δ = p − onehot(y), and the error sent
//! back from a dense layer to the one before it (∂L/∂a = Wᵀδ, then ⊙ act'(z)).

use super::format::{n32, num, p32};
use super::nn_forward::{SHOWN_TERMS, input_targets};
use super::nn_output::last;
use super::nn_steps::{NnStep, Stage, Target, Term, line};
use super::nn_text::{
    act_derivative, act_derivative_formula, active_count, at, input_elem, input_plain, input_sym,
    largest, plain, products, sup, whole,
};
use crate::protocol::SampleTrace;
use crate::settings::Activation;

pub fn back_prop(t: &SampleTrace, k: usize) -> NnStep {
    let (l, prev) = (&t.layers[k], &t.layers[k - 1]);
    let (i, s, sp, a) = (l.input, sup(k), sup(k - 1), input_sym(t, k));
    let terms = products(&l.w_col, &l.d_z);
    let top = largest(&terms, SHOWN_TERMS);
    let sum: f64 = terms.iter().sum();
    let written: Vec<String> = top
        .iter()
        .map(|&j| {
            format!(
                r"\underset{{W_{{{j},{i}}} \delta_{{{j}}}}}{{{} \cdot {}}}",
                p32(at(&l.w_col, j)),
                p32(at(&l.d_z, j))
            )
        })
        .collect();
    let more = if l.outputs > top.len() {
        r" + \dots"
    } else {
        ""
    };
    let jp = prev.neuron;
    let d_a = at(&l.d_a_in, jp);
    let slope = act_derivative(t.activation, at(&prev.z, jp), at(&prev.a, jp));
    let act_sym = act_derivative_formula(t.activation);
    let mask = match t.activation {
        Activation::Relu => format!(
            r"\sum_j \mathbf{{1}}[z{sp}_j > 0] = {} \text{{ of }} {}",
            active_count(&prev.z),
            prev.outputs
        ),
        _ => format!(
            r"\operatorname{{act}}'(z{sp}_{{{jp}}}) = {} \text{{ (computed here from Burn's a)}}",
            num(slope)
        ),
    };
    let mut chips: Vec<Term> = top
        .iter()
        .map(|&j| Term {
            name: format!("W[{j},{i}]·δ[{j}]"),
            detail: format!(
                "{} × {}",
                plain(at(&l.w_col, j).into()),
                plain(at(&l.d_z, j).into())
            ),
            value: terms[j],
            key: None,
            targets: vec![Target::Neuron {
                layer: k,
                neuron: j,
            }],
        })
        .collect();
    chips.push(Term {
        name: format!("∂L/∂{}", input_plain(t, k, i)),
        detail: String::new(),
        value: at(&l.d_a_in, i).into(),
        key: Some(format!("layers[{k}].d_a_in[{i}]")),
        targets: input_targets(t, k, i),
    });
    chips.push(Term {
        name: format!("δ{}[{jp}]", k),
        detail: format!("{} × {}", plain(d_a.into()), plain(slope)),
        value: at(&prev.d_z, jp).into(),
        key: Some(format!("layers[{}].delta[{jp}]", k - 1)),
        targets: input_targets(t, k, jp),
    });
    NnStep {
        stage: Stage::BackProp(k),
        title: format!("Back to layer {}: ∂L/∂a = Wᵀδ, δ = ∂L/∂a ⊙ act′(z)", k),
        summary: format!(
            "Each input of layer {} collects the errors of the {} neurons it feeds, weighted by its column of W; the activation's slope then gates that error into layer {k}'s δ.",
            k + 1,
            l.outputs
        ),
        symbolic: vec![
            line(
                "shapes: the transpose carries δ back",
                format!(
                    r"\underset{{{n}}}{{\frac{{\partial L}}{{\partial {a}}}}} = \underset{{{n} \times {o}}}{{(W{s})^\top}}\ \underset{{{o}}}{{\delta{s}}}",
                    o = l.outputs,
                    n = l.inputs
                ),
            ),
            line(
                "through the activation (element by element)",
                format!(
                    r"\delta{sp} = \frac{{\partial L}}{{\partial {a}}} \odot \operatorname{{act}}'(z{sp}),\quad \operatorname{{act}}'(z) = {act_sym}"
                ),
            ),
        ],
        substituted: vec![
            line(
                format!(
                    "input {i}: its column of W times δ, the {} largest terms",
                    top.len()
                ),
                format!(
                    r"\sum_j W{s}_{{j,{i}}}\,\delta{s}_j = {}{more}",
                    written.join(" + ")
                ),
            ),
            line(
                format!(
                    "all {} terms summed (computed here), and the same from Burn's autodiff",
                    l.outputs
                ),
                format!(
                    r"\sum_j W{s}_{{j,{i}}}\,\delta{s}_j = {},\qquad \frac{{\partial L}}{{\partial {}}} = {}",
                    num(sum),
                    input_elem(t, k, i),
                    n32(at(&l.d_a_in, i))
                ),
            ),
            line("the activation's slope", mask),
            line(
                format!("neuron {jp} of layer {k}: its δ (Burn)"),
                format!(
                    r"\delta{sp}_{{{jp}}} = {} \cdot {} = {}",
                    p32(d_a),
                    num(slope),
                    n32(at(&prev.d_z, jp))
                ),
            ),
        ],
        terms: chips,
    }
}

pub fn output_delta(t: &SampleTrace) -> NnStep {
    let k = last(t);
    let d_z = &t.layers[k].d_z;
    let y = usize::from(t.label);
    let minus: Vec<String> = t
        .probs
        .iter()
        .enumerate()
        .map(|(c, &p)| {
            if c == y {
                format!("{} - 1", n32(p))
            } else {
                n32(p)
            }
        })
        .collect();
    let s = sup(k);
    NnStep {
        stage: Stage::OutputDelta,
        title: "Backward: δ = p − onehot(y)".into(),
        summary: format!(
            "Backpropagation starts at the logits: for softmax with cross-entropy, ∂L/∂z is simply the probabilities minus 1 at the true class {y} — push the true logit up, the others down."
        ),
        symbolic: vec![line(
            "the error at the output",
            format!(
                r"\delta{s} = \frac{{\partial L}}{{\partial z{s}}} = p - \operatorname{{onehot}}(y)"
            ),
        )],
        substituted: vec![
            line(
                format!("p − onehot({y}) (computed here from Burn's p)"),
                format!(
                    r"p - \operatorname{{onehot}}({y}) = \left[{}\right]",
                    minus.join(r",\ ")
                ),
            ),
            line(
                "δ from Burn's autodiff",
                format!(r"\delta{s} = {}", whole(d_z)),
            ),
        ],
        terms: (0..d_z.len())
            .map(|c| Term {
                name: format!("δ[{c}]"),
                detail: if c == y {
                    format!("{} − 1", plain(at(&t.probs, c).into()))
                } else {
                    String::new()
                },
                value: at(d_z, c).into(),
                key: Some(format!("layers[{k}].delta[{c}]")),
                targets: vec![Target::Neuron {
                    layer: k,
                    neuron: c,
                }],
            })
            .collect(),
    }
}
