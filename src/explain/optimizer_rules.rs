//! The optimizers' update rules, symbolic, and one parameter tensor's update written out with
//! Burn's numbers (vector form: every element of w at once).

use super::format::{n32, num};
use super::latex::{column, column64};
use super::linreg_math::adam_corrected;
use super::linreg_steps::{FormulaLine, SubStep, SubStepKind, line};
use crate::protocol::{OptimizerHyper, ParamState, ParamUpdate};
use crate::settings::OptimizerKind;

/// The rule of `kind` as formulas, and one sentence on it.
pub fn rule(kind: OptimizerKind) -> (Vec<FormulaLine>, &'static str) {
    match kind {
        OptimizerKind::Sgd => (
            vec![line(
                "gradient descent",
                r"\theta \leftarrow \theta - \alpha\, \nabla_\theta L",
            )],
            "Each parameter takes a step against its gradient, scaled by the learning rate α.",
        ),
        OptimizerKind::Momentum => (
            vec![
                line("velocity", r"v \leftarrow \mu\, v + \nabla_\theta L"),
                line(
                    "SGD with momentum",
                    r"\theta \leftarrow \theta - \alpha\, v",
                ),
            ],
            "The velocity v accumulates past gradients (μ = momentum, no dampening, as in PyTorch and Burn), and θ moves along v.",
        ),
        OptimizerKind::Adam => (
            vec![
                line("first moment", r"m \leftarrow \beta_1 m + (1-\beta_1)\, g"),
                line(
                    "second moment",
                    r"v \leftarrow \beta_2 v + (1-\beta_2)\, g^2",
                ),
                line(
                    "bias correction",
                    r"\hat{m} = \frac{m}{1-\beta_1^{t}},\quad \hat{v} = \frac{v}{1-\beta_2^{t}}",
                ),
                line(
                    "Adam",
                    r"\theta \leftarrow \theta - \alpha\, \frac{\hat{m}}{\sqrt{\hat{v}} + \epsilon}",
                ),
            ],
            "Adam keeps running averages of the gradient (m) and of its square (v), corrects their start-up bias, and scales each step by 1/√v̂.",
        ),
    }
}

/// The update sub-step (the fourth of an iteration): `kind`'s rule, then `substituted` (the
/// parameters' [`update_lines`]).
pub fn update_sub_step(kind: OptimizerKind, substituted: Vec<FormulaLine>) -> SubStep {
    let (symbolic, summary) = rule(kind);
    SubStep {
        kind: SubStepKind::Update,
        title: "4 · Update",
        summary: summary.into(),
        symbolic,
        substituted,
    }
}

/// The values of one field of the elements' states.
fn field(updates: &[ParamUpdate], after: bool, pick: fn(ParamState) -> Option<f32>) -> Vec<f32> {
    updates
        .iter()
        .map(|u| pick(if after { u.state_after } else { u.state_before }).unwrap_or(0.0))
        .collect()
}

fn first(s: ParamState) -> Option<f32> {
    match s {
        ParamState::Momentum { v } => Some(v),
        ParamState::Adam { m, .. } => Some(m),
        ParamState::None => None,
    }
}

fn second(s: ParamState) -> Option<f32> {
    match s {
        ParamState::Adam { v, .. } => Some(v),
        _ => None,
    }
}

/// The update of parameter `p` (LaTeX; `name` in captions) — all its elements as column
/// vectors, a scalar as a number — with Burn's numbers: the one writer of every task's update
/// sub-step. `show_change`: a scalar's new value is followed by its change Δ (at 4 digits the
/// old and new values may look equal).
pub fn update_lines(
    p: &str,
    name: &str,
    h: &OptimizerHyper,
    updates: &[ParamUpdate],
    show_change: bool,
) -> Vec<FormulaLine> {
    let show = |v: &[f32]| match v {
        [one] => n32(*one),
        many => column(many),
    };
    let wrap = |v: &[f32]| match v {
        [one] if *one < 0.0 => format!(r"\left({}\right)", n32(*one)),
        other => show(other),
    };
    // g²: a number in scientific notation is bracketed too (`10^{-5}^2` does not typeset).
    let squared = |v: &[f32]| match v {
        [one] if n32(*one).contains(r"\times") => format!(r"\left({}\right)^2", n32(*one)),
        other => format!("{}^2", wrap(other)),
    };
    let take = |f: fn(&ParamUpdate) -> f32| updates.iter().map(f).collect::<Vec<f32>>();
    let (old, grad, new) = (take(|u| u.theta), take(|u| u.grad), take(|u| u.theta_new));
    let lr = num(h.lr);
    let new_text = match updates {
        [u] if show_change => {
            let delta = f64::from(u.theta_new) - f64::from(u.theta);
            format!(r"{}\quad (\Delta = {})", n32(u.theta_new), num(delta))
        }
        _ => show(&new),
    };
    let update = |step: &str| {
        line(
            format!("update of {name}"),
            format!(
                r"{p} \leftarrow {} - {lr} \cdot {step} = {new_text}",
                show(&old)
            ),
        )
    };
    match h.kind {
        OptimizerKind::Sgd => vec![update(&wrap(&grad))],
        OptimizerKind::Momentum => {
            let (v0, v) = (field(updates, false, first), field(updates, true, first));
            vec![
                line(
                    format!("velocity of {name}"),
                    format!(
                        r"v_{{{p}}} \leftarrow {} \cdot {} + {} = {}",
                        num(h.momentum),
                        wrap(&v0),
                        wrap(&grad),
                        show(&v)
                    ),
                ),
                update(&wrap(&v)),
            ]
        }
        OptimizerKind::Adam => {
            let t = match updates.first().map(|u| u.state_after) {
                Some(ParamState::Adam { t, .. }) => t,
                _ => 0,
            };
            let (m0, m) = (field(updates, false, first), field(updates, true, first));
            let (v0, v) = (field(updates, false, second), field(updates, true, second));
            let corrected: Vec<(f64, f64)> = m
                .iter()
                .zip(&v)
                .map(|(&m, &v)| adam_corrected(h, t, f64::from(m), f64::from(v)))
                .collect();
            let m_hat: Vec<f64> = corrected.iter().map(|c| c.0).collect();
            let v_hat: Vec<f64> = corrected.iter().map(|c| c.1).collect();
            let (b1, b2) = (num(h.beta_1), num(h.beta_2));
            let show64 = |v: &[f64]| match v {
                [one] => num(*one),
                many => column64(many),
            };
            let wrap64 = |v: &[f64]| match v {
                [one] if *one < 0.0 => format!(r"\left({}\right)", num(*one)),
                other => show64(other),
            };
            let ratio: Vec<f64> = m_hat
                .iter()
                .zip(&v_hat)
                .map(|(m, v)| m / (v.sqrt() + h.epsilon))
                .collect();
            vec![
                line(
                    format!("first moment of {name} (t = {t})"),
                    format!(
                        r"m_{{{p}}} \leftarrow {b1} \cdot {} + {} \cdot {} = {}",
                        wrap(&m0),
                        num(1.0 - h.beta_1),
                        wrap(&grad),
                        show(&m)
                    ),
                ),
                line(
                    format!("second moment of {name}"),
                    format!(
                        r"v_{{{p}}} \leftarrow {b2} \cdot {} + {} \cdot {} = {}",
                        show(&v0),
                        num(1.0 - h.beta_2),
                        squared(&grad),
                        show(&v)
                    ),
                ),
                line(
                    format!("bias correction of {name}"),
                    format!(
                        r"\hat{{m}}_{{{p}}} = \frac{{m_{{{p}}}}}{{1 - {b1}^{{{t}}}}} = {},\quad \hat{{v}}_{{{p}}} = \frac{{v_{{{p}}}}}{{1 - {b2}^{{{t}}}}} = {}",
                        show64(&m_hat),
                        show64(&v_hat)
                    ),
                ),
                line(
                    format!("update of {name}"),
                    format!(
                        r"{p} \leftarrow {} - {lr} \cdot \frac{{\hat{{m}}_{{{p}}}}}{{\sqrt{{\hat{{v}}_{{{p}}}}} + {}}} = {} - {lr} \cdot {} = {}",
                        show(&old),
                        num(h.epsilon),
                        show(&old),
                        wrap64(&ratio),
                        new_text
                    ),
                ),
            ]
        }
    }
}
