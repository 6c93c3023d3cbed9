//! The output: softmax of the logits, the cross-entropy loss, and where the backward pass
//! starts, δ = p − onehot(y).

use super::format::{n32, num};
use super::nn_steps::{NnStep, Stage, Target, Term, line};
use super::nn_text::{argmax, at, plain, sup, whole};
use crate::protocol::SampleTrace;

pub(super) fn last(t: &SampleTrace) -> usize {
    t.layers.len() - 1
}

pub fn softmax(t: &SampleTrace) -> NnStep {
    let k = last(t);
    let z = &t.layers[k].z;
    let y = usize::from(t.label);
    let exp_sum: f64 = z.iter().map(|&v| f64::from(v).exp()).sum();
    let predicted = argmax(&t.probs);
    let n = t.probs.len();
    NnStep {
        stage: Stage::Softmax,
        title: "Softmax: logits → probabilities".into(),
        summary: format!(
            "Softmax turns the {n} logits into probabilities that add up to 1; the model's answer is the largest: {predicted} ({:.1} %), the true digit is {y}.",
            f64::from(at(&t.probs, predicted)) * 100.0
        ),
        symbolic: vec![line(
            "softmax",
            format!(
                r"p_k = \frac{{e^{{z_k}}}}{{\sum_{{j=0}}^{{{}}} e^{{z_j}}}}",
                n.saturating_sub(1)
            ),
        )],
        substituted: vec![
            line(
                format!("the {n} logits (Burn)"),
                format!(r"z{} = {}", sup(k), whole(z)),
            ),
            line(
                "the denominator (computed here from Burn's logits)",
                format!(r"\sum_j e^{{z_j}} = {}", num(exp_sum)),
            ),
            line(
                format!("the {n} probabilities (Burn)"),
                format!(r"p = {}", whole(&t.probs)),
            ),
            line(
                format!("the true class y = {y}"),
                format!(
                    r"p_{{{y}}} = \frac{{e^{{{}}}}}{{{}}} = {}",
                    n32(at(z, y)),
                    num(exp_sum),
                    n32(at(&t.probs, y))
                ),
            ),
        ],
        terms: (0..n)
            .map(|c| Term {
                name: format!("p[{c}]"),
                detail: format!("z = {}", plain(at(z, c).into())),
                value: at(&t.probs, c).into(),
                key: Some(format!("output.probs[{c}]")),
                targets: vec![Target::Neuron {
                    layer: k,
                    neuron: c,
                }],
            })
            .collect(),
    }
}

pub fn loss(t: &SampleTrace) -> NnStep {
    let y = usize::from(t.label);
    let p_y = at(&t.probs, y);
    let regularized = t.l1 > 0.0 || t.l2 > 0.0;
    let mut penalty_sym = String::new();
    if t.l1 > 0.0 {
        penalty_sym += r" + \lambda_1 \sum |W|";
    }
    if t.l2 > 0.0 {
        penalty_sym += r" + \lambda_2 \sum W^2";
    }
    let mut substituted = vec![line(
        format!("cross-entropy of the true class y = {y} (natural log)"),
        format!(
            r"-\log p_{{{y}}} = -\log({}) = {}",
            n32(p_y),
            n32(t.cross_entropy)
        ),
    )];
    let mut terms = vec![
        value_term(format!("p[{y}]"), p_y, format!("output.probs[{y}]")),
        value_term(
            "−log p_y".into(),
            t.cross_entropy,
            "output.cross_entropy".into(),
        ),
    ];
    if regularized {
        substituted.push(line(
            format!(
                "plus the penalty over all weights (λ₁ = {}, λ₂ = {})",
                plain(t.l1),
                plain(t.l2)
            ),
            format!(
                r"L = {} + {} = {}",
                n32(t.cross_entropy),
                n32(t.penalty),
                n32(t.loss)
            ),
        ));
        terms.push(value_term(
            "penalty".into(),
            t.penalty,
            "output.penalty".into(),
        ));
    } else {
        substituted.push(line("the loss", format!(r"L = {}", n32(t.loss))));
    }
    terms.push(value_term("L".into(), t.loss, "output.loss".into()));
    NnStep {
        stage: Stage::Loss,
        title: "Loss L = −log p_y".into(),
        summary: format!(
            "Cross-entropy only looks at the probability of the true digit: it is 0 when p_y = 1 and grows without bound as p_y → 0{}.",
            if regularized {
                "; the L1/L2 penalty on the weights is added"
            } else {
                ""
            }
        ),
        symbolic: vec![line(
            "cross-entropy of one sample",
            format!(r"L = -\log p_y{penalty_sym}"),
        )],
        substituted,
        terms,
    }
}

fn value_term(name: String, value: f32, key: String) -> Term {
    Term {
        name,
        detail: String::new(),
        value: value.into(),
        key: Some(key),
        targets: vec![],
    }
}
