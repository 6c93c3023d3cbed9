//! The update of one followed weight (and its neuron's bias) under the run's optimizer: old
//! value, gradient (with the L1/L2 terms when on), optimizer state, new value — Burn's numbers.

use super::format::{n32, num, p32};
use super::linreg_math::sign;
use super::nn_params::{Param, params};
use super::nn_steps::{NnStep, Stage, Term, line};
use super::nn_text::plain;
use super::optimizer_rules::{rule, update_lines};
use crate::explain::FormulaLine;
use crate::protocol::SampleTrace;

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
    let (symbolic, summary) = rule(t.optimizer.kind);
    let mut substituted = Vec::new();
    let mut terms = Vec::new();
    for p in all.iter().skip(weight).take(2) {
        substituted.extend(gradient_line(t, p));
        substituted.extend(update_lines(
            &p.latex,
            &p.text,
            &t.optimizer,
            &[*p.update],
            true,
        ));
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
