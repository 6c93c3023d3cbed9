//! The update of one followed weight (and its neuron's bias) under the run's optimizer: old
//! value, gradient (with the L1/L2 terms when on), optimizer state, new value — Burn's numbers.

use super::format::{n32, num, p32, paren};
use super::linreg_math::{adam_corrected, sign};
use super::nn_params::{Param, params, symbolic};
use super::nn_steps::{NnStep, Stage, Term, line};
use super::nn_text::plain;
use crate::explain::FormulaLine;
use crate::protocol::{OptimizerHyper, ParamState, SampleTrace};

/// g written as its data term plus the penalty's, when regularization is on.
fn gradient_line(t: &SampleTrace, p: &Param) -> Option<FormulaLine> {
    if !p.regularized || (t.l1 == 0.0 && t.l2 == 0.0) {
        return None;
    }
    let w = f64::from(p.update.theta);
    let pen = t.l1 * sign(w) + 2.0 * t.l2 * w;
    let data = f64::from(p.update.grad) - pen;
    Some(line(
        format!(
            "gradient of {}: data term (computed here as g minus the penalty's) + λ₁ sign(w) + 2λ₂w",
            p.text
        ),
        format!(
            r"g = {} + {} \cdot \operatorname{{sign}}({}) + 2 \cdot {} \cdot {} = {}",
            num(data),
            num(t.l1),
            n32(p.update.theta),
            num(t.l2),
            p32(p.update.theta),
            n32(p.update.grad)
        ),
    ))
}

fn update_lines(h: &OptimizerHyper, p: &Param) -> Vec<FormulaLine> {
    let u = p.update;
    let (x, lr, g) = (&p.latex, num(h.lr), p32(u.grad));
    // The change, from Burn's old and new values: at 4 digits the two may look equal.
    let delta = f64::from(u.theta_new) - f64::from(u.theta);
    let (old, new) = (
        n32(u.theta),
        format!(r"{}\quad (\Delta = {})", n32(u.theta_new), num(delta)),
    );
    match (u.state_before, u.state_after) {
        (ParamState::Momentum { v: v0 }, ParamState::Momentum { v }) => vec![
            line(
                format!("velocity of {}", p.text),
                format!(
                    r"v \leftarrow {} \cdot {} + {g} = {}",
                    num(h.momentum),
                    p32(v0),
                    n32(v)
                ),
            ),
            line(
                format!("update of {}", p.text),
                format!(r"{x} \leftarrow {old} - {lr} \cdot {} = {new}", p32(v)),
            ),
        ],
        (ParamState::Adam { m: m0, v: v0, .. }, ParamState::Adam { t, m, v }) => {
            let (m_hat, v_hat) = adam_corrected(h, t, f64::from(m), f64::from(v));
            let (b1, b2) = (num(h.beta_1), num(h.beta_2));
            vec![
                line(
                    format!("first moment of {} (step t = {t})", p.text),
                    format!(
                        r"m \leftarrow {b1} \cdot {} + {} \cdot {g} = {}",
                        p32(m0),
                        num(1.0 - h.beta_1),
                        n32(m)
                    ),
                ),
                line(
                    format!("second moment of {}", p.text),
                    format!(
                        r"v \leftarrow {b2} \cdot {} + {} \cdot {g}^2 = {}",
                        p32(v0),
                        num(1.0 - h.beta_2),
                        n32(v)
                    ),
                ),
                line(
                    "bias correction (computed here from Burn's m, v, t)",
                    format!(
                        r"\hat{{m}} = \frac{{{}}}{{1 - {b1}^{{{t}}}}} = {},\quad \hat{{v}} = \frac{{{}}}{{1 - {b2}^{{{t}}}}} = {}",
                        n32(m),
                        num(m_hat),
                        n32(v),
                        num(v_hat)
                    ),
                ),
                line(
                    format!("update of {}", p.text),
                    format!(
                        r"{x} \leftarrow {old} - {lr} \cdot \frac{{{}}}{{\sqrt{{{}}} + {}}} = {new}",
                        paren(m_hat),
                        num(v_hat),
                        num(h.epsilon)
                    ),
                ),
            ]
        }
        _ => vec![line(
            format!("update of {}", p.text),
            format!(r"{x} \leftarrow {old} - {lr} \cdot {g} = {new}"),
        )],
    }
}

fn chip(p: &Param, what: &str, value: f32) -> Term {
    let name = match what {
        "grad" => format!("∂L/∂{}", p.text),
        _ => format!("{} {what}", p.text),
    };
    Term {
        name,
        detail: String::new(),
        value: value.into(),
        key: Some(format!("{}.{what}", p.key)),
        targets: p.targets.clone(),
    }
}

/// `layer`: the dense layer whose weight is derived in full (None: the CNN's kernel tap, or
/// the MLP's first layer).
pub fn update(t: &SampleTrace, layer: Option<usize>) -> NnStep {
    let all = params(t);
    let weight = match layer.filter(|&k| k < t.layers.len()) {
        Some(k) => all
            .iter()
            .position(|p| p.key == format!("layers[{k}].weight")),
        None => Some(0),
    }
    .unwrap_or(0);
    let (symbolic, summary) = symbolic(t.optimizer.kind);
    let mut substituted = Vec::new();
    let mut terms = Vec::new();
    for p in all.iter().skip(weight).take(2) {
        substituted.extend(gradient_line(t, p));
        substituted.extend(update_lines(&t.optimizer, p));
        terms.push(chip(p, "old", p.update.theta));
        terms.push(chip(p, "grad", p.update.grad));
        terms.push(chip(p, "new", p.update.theta_new));
    }
    for (n, p) in all.iter().enumerate() {
        if n != weight && n != weight + 1 && p.regularized {
            substituted.push(line(
                format!(
                    "the other followed weight {} (gradient {})",
                    p.text,
                    plain(p.update.grad.into())
                ),
                format!(
                    r"{} : {} \to {}\quad (\Delta = {})",
                    p.latex,
                    n32(p.update.theta),
                    n32(p.update.theta_new),
                    num(f64::from(p.update.theta_new) - f64::from(p.update.theta))
                ),
            ));
        }
    }
    NnStep {
        stage: Stage::Update,
        title: format!(
            "Update ({}, α = {})",
            t.optimizer.kind.label(),
            plain(t.optimizer.lr)
        ),
        summary: format!(
            "{summary} Shown: the step this sample's gradient alone would make, from the optimizer's current state (the run itself is not changed)."
        ),
        symbolic,
        substituted,
        terms,
    }
}
