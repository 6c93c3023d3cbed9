//! Cards: sigmoid, ReLU, tanh (each with its derivative from autodiff) and softmax.

use super::format::n32;
use super::latex::row;
use super::reference::{FormulaCard, at, line, plain32};
use crate::protocol::reference::{ActivationExample, SoftmaxExample};

pub(super) fn cards(a: &ActivationExample, s: &SoftmaxExample) -> Vec<FormulaCard> {
    vec![sigmoid(a), relu(a), tanh(a), softmax(s)]
}

/// Index of z = `value` in the example (for the headline), else the last.
fn index_of(a: &ActivationExample, value: f32) -> usize {
    a.z.iter()
        .position(|&z| z == value)
        .unwrap_or(a.z.len().saturating_sub(1))
}

fn example(
    a: &ActivationExample,
    f: &str,
    values: &[f32],
    df: &str,
    d: &[f32],
) -> Vec<super::FormulaLine> {
    vec![
        line("", format!(r"\mathbf{{z}} = {}", row(&a.z))),
        line("", format!(r"{f}(\mathbf{{z}}) = {}", row(values))),
        line(
            "derivative (Burn autodiff)",
            format!(r"{df}(\mathbf{{z}}) = {}", row(d)),
        ),
    ]
}

fn sigmoid(a: &ActivationExample) -> FormulaCard {
    let i = index_of(a, 2.0);
    FormulaCard {
        name: "sigmoid",
        title: "Sigmoid",
        sentence: "Squashes any real number into (0, 1), so it can be read as a probability; its slope is largest (¼) at 0 and vanishes for large |z|.".into(),
        symbolic: vec![line("", r"\sigma(z) = \frac{1}{1 + e^{-z}},\qquad \sigma'(z) = \sigma(z)\left(1 - \sigma(z)\right)")],
        example: example(a, r"\sigma", &a.sigmoid, r"\sigma'", &a.d_sigmoid),
        value_label: format!("σ({})", plain32(at(&a.z, i))),
        value: plain32(at(&a.sigmoid, i)),
        correction: None,
    }
}

fn relu(a: &ActivationExample) -> FormulaCard {
    let i = index_of(a, -0.5);
    FormulaCard {
        name: "relu",
        title: "ReLU",
        sentence: "Keeps positive values and zeroes the rest; its slope is 1 or 0 (at exactly 0 Burn, like PyTorch, uses 0).".into(),
        symbolic: vec![line("", r"\operatorname{ReLU}(z) = \max(0, z),\qquad \operatorname{ReLU}'(z) = 1 \text{ if } z > 0 \text{, else } 0")],
        example: example(a, r"\operatorname{ReLU}", &a.relu, r"\operatorname{ReLU}'", &a.d_relu),
        value_label: format!("ReLU({})", plain32(at(&a.z, i))),
        value: plain32(at(&a.relu, i)),
        correction: None,
    }
}

fn tanh(a: &ActivationExample) -> FormulaCard {
    let i = index_of(a, 0.5);
    FormulaCard {
        name: "tanh",
        title: "Hyperbolic tangent",
        sentence:
            "Like the sigmoid but centred on 0, with values in (−1, 1); tanh(z) = 2σ(2z) − 1."
                .into(),
        symbolic: vec![line(
            "",
            r"\tanh z = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}},\qquad \tanh' z = 1 - \tanh^2 z",
        )],
        example: example(a, r"\tanh", &a.tanh, r"\tanh'", &a.d_tanh),
        value_label: format!("tanh({})", plain32(at(&a.z, i))),
        value: plain32(at(&a.tanh, i)),
        correction: None,
    }
}

fn softmax(s: &SoftmaxExample) -> FormulaCard {
    let total: f32 = s.probs.iter().sum();
    let exps: Vec<String> = s
        .logits
        .iter()
        .map(|&z| format!("e^{{{}}}", n32(z)))
        .collect();
    FormulaCard {
        name: "softmax",
        title: "Softmax",
        sentence: "Turns K scores (logits) into K positive probabilities that sum to 1; the largest score gets the largest share.".into(),
        symbolic: vec![line("", r"p_k = \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}}")],
        example: vec![
            line("", format!(r"\mathbf{{z}} = {}", row(&s.logits))),
            line("", format!(r"p_1 = \frac{{{}}}{{{}}} = {}", exps.first().cloned().unwrap_or_default(), exps.join(" + "), n32(at(&s.probs, 0)))),
            line("", format!(r"\mathbf{{p}} = {},\qquad \sum_k p_k = {}", row(&s.probs), n32(total))),
        ],
        value_label: "p₁".into(),
        value: plain32(at(&s.probs, 0)),
        correction: None,
    }
}
