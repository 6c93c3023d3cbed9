//! Cards: L1 and L2 regularization, their penalties and gradients from Burn's autodiff.

use super::format::n32;
use super::latex::row;
use super::reference::{FormulaCard, line, plain32};
use crate::protocol::reference::RegularizationExample;

pub(super) fn cards(r: &RegularizationExample) -> [FormulaCard; 2] {
    [l1(r), l2(r)]
}

fn l1(r: &RegularizationExample) -> FormulaCard {
    let abs: Vec<String> =
        r.w.iter()
            .map(|&w| format!(r"\left|{}\right|", n32(w)))
            .collect();
    FormulaCard {
        name: "l1",
        title: "L1 regularization",
        sentence: "Adds λ₁ times the sum of absolute weights to the loss; its constant-size pull towards 0 drives small weights to exactly 0 (sparse models).".into(),
        symbolic: vec![line("", r"R_1(\mathbf{w}) = \lambda_1 \sum_i |w_i|,\qquad \frac{\partial R_1}{\partial w_i} = \lambda_1 \operatorname{sign}(w_i)")],
        example: vec![
            line("", format!(r"\mathbf{{w}} = {},\ \lambda_1 = {}", row(&r.w), n32(r.l1))),
            line("", format!(r"R_1 = {} \left({}\right) = {}", n32(r.l1), abs.join(" + "), n32(r.l1_penalty))),
            line("Burn autodiff", format!(r"\nabla R_1 = {}", row(&r.l1_grad))),
        ],
        value_label: "λ₁Σ|w|".into(),
        value: plain32(r.l1_penalty),
        correction: None,
    }
}

fn l2(r: &RegularizationExample) -> FormulaCard {
    let squares: Vec<String> =
        r.w.iter()
            .map(|&w| format!(r"{}^2", super::format::p32(w)))
            .collect();
    FormulaCard {
        name: "l2",
        title: "L2 regularization (weight decay)",
        sentence: "Adds λ₂ times the sum of squared weights; its pull is proportional to the weight, shrinking large weights most. (Without a ½ in front, as here and in the playground, the gradient is 2λ₂w.)".into(),
        symbolic: vec![line("", r"R_2(\mathbf{w}) = \lambda_2 \sum_i w_i^2,\qquad \frac{\partial R_2}{\partial w_i} = 2\lambda_2 w_i")],
        example: vec![
            line("", format!(r"\mathbf{{w}} = {},\ \lambda_2 = {}", row(&r.w), n32(r.l2))),
            line("", format!(r"R_2 = {} \left({}\right) = {}", n32(r.l2), squares.join(" + "), n32(r.l2_penalty))),
            line("Burn autodiff", format!(r"\nabla R_2 = {}", row(&r.l2_grad))),
        ],
        value_label: "λ₂Σw²".into(),
        value: plain32(r.l2_penalty),
        correction: None,
    }
}
