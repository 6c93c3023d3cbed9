//! Cards: gradient descent, momentum and Adam — three steps each on the same function, every
//! number from Burn's optimizers.

use super::format::{n32, num};
use super::latex::{row, row64};
use super::linreg_math::adam_corrected;
use super::reference::{FormulaCard, at, line, plain, plain32};
use crate::protocol::reference::{DescentExample, DescentStep, WorkedExamples};
use crate::settings::OptimizerKind;

pub(super) fn cards(e: &WorkedExamples) -> Vec<FormulaCard> {
    let find = |kind| e.descent.iter().find(|d| d.optimizer.kind == kind);
    let mut cards: Vec<FormulaCard> = [
        OptimizerKind::Sgd,
        OptimizerKind::Momentum,
        OptimizerKind::Adam,
    ]
    .into_iter()
    .filter_map(|kind| find(kind).map(descent))
    .collect();
    cards.extend(super::reference_regularization::cards(&e.regularization));
    cards
}

/// The problem and the starting point, as two lines.
fn setup(d: &DescentExample) -> [super::FormulaLine; 2] {
    let theta = d.steps.first().map(|s| s.theta.clone()).unwrap_or_default();
    let mut start = format!(
        r"\boldsymbol{{\theta}}_0 = {},\quad \alpha = {}",
        row(&theta),
        num(d.optimizer.lr)
    );
    if d.optimizer.kind == OptimizerKind::Momentum {
        start += &format!(
            r",\quad \mu = {},\quad \mathbf{{v}}_0 = \mathbf{{0}}",
            num(d.optimizer.momentum)
        );
    }
    if d.optimizer.kind == OptimizerKind::Adam {
        start += r",\quad \mathbf{m}_0 = \mathbf{v}_0 = \mathbf{0}";
    }
    [
        line(
            "the function and its gradient",
            r"J(\boldsymbol{\theta}) = \theta_1^2 + 3\theta_2^2,\qquad \nabla J = (2\theta_1,\ 6\theta_2)",
        ),
        line("start", start),
    ]
}

/// One step written out with its numbers: the gradient, the optimizer's state, the update.
fn step_lines(d: &DescentExample, s: &DescentStep) -> Vec<super::FormulaLine> {
    let h = &d.optimizer;
    let (lr, t) = (num(h.lr), s.t);
    let mut lines = vec![line(
        format!("step {t}: gradient by Burn's autodiff"),
        format!(
            r"J(\boldsymbol{{\theta}}_{{{}}}) = {},\quad \nabla J = {}",
            t - 1,
            n32(s.loss),
            row(&s.grad)
        ),
    )];
    let theta = |step: String| {
        line(
            "",
            format!(
                r"\boldsymbol{{\theta}}_{t} = {} - {lr} \cdot {step} = {}",
                row(&s.theta),
                row(&s.theta_new)
            ),
        )
    };
    match h.kind {
        OptimizerKind::Sgd => lines.push(theta(row(&s.grad))),
        OptimizerKind::Momentum => {
            lines.push(line(
                "",
                format!(
                    r"\mathbf{{v}}_{t} = {}\,\mathbf{{v}}_{{{}}} + \nabla J = {}",
                    num(h.momentum),
                    t - 1,
                    row(&s.first)
                ),
            ));
            lines.push(theta(row(&s.first)));
        }
        OptimizerKind::Adam => {
            let (m_hat, v_hat): (Vec<f64>, Vec<f64>) = s
                .first
                .iter()
                .zip(&s.second)
                .map(|(&m, &v)| adam_corrected(h, t, f64::from(m), f64::from(v)))
                .unzip();
            let ratio: Vec<f64> = m_hat
                .iter()
                .zip(&v_hat)
                .map(|(m, v)| m / (v.sqrt() + h.epsilon))
                .collect();
            lines.push(line(
                "",
                format!(
                    r"\mathbf{{m}}_{t} = {},\quad \mathbf{{v}}_{t} = {}",
                    row(&s.first),
                    row(&s.second)
                ),
            ));
            let corrected = |sym: &str, beta: f64, values: &[f64]| {
                line(
                    "",
                    format!(
                        r"\hat{{\mathbf{{{sym}}}}}_{t} = \frac{{\mathbf{{{sym}}}_{t}}}{{1 - {}^{{{t}}}}} = {}",
                        num(beta),
                        row64(values)
                    ),
                )
            };
            lines.push(corrected("m", h.beta_1, &m_hat));
            lines.push(corrected("v", h.beta_2, &v_hat));
            lines.push(line(
                "update, with the ratio m̂ / (√v̂ + ε) of each coordinate",
                format!(
                    r"\boldsymbol{{\theta}}_{t} = \boldsymbol{{\theta}}_{{{}}} - {lr} \cdot {} = {}",
                    t - 1,
                    row64(&ratio),
                    row(&s.theta_new)
                ),
            ));
        }
    }
    lines
}

fn descent(d: &DescentExample) -> FormulaCard {
    let mut example = setup(d).to_vec();
    example.extend(d.steps.iter().flat_map(|s| step_lines(d, s)));
    example.push(line(
        "",
        format!(
            r"J(\boldsymbol{{\theta}}_{{{}}}) = {}",
            d.steps.len(),
            n32(d.final_loss)
        ),
    ));
    let (name, title, sentence, symbolic, correction) = match d.optimizer.kind {
        OptimizerKind::Sgd => (
            "gradient-descent",
            "Gradient descent",
            "Step against the gradient, scaled by the learning rate α: downhill on the loss surface.",
            vec![line(
                "",
                r"\boldsymbol{\theta} \leftarrow \boldsymbol{\theta} - \alpha\,\nabla_{\boldsymbol{\theta}} J(\boldsymbol{\theta})",
            )],
            None,
        ),
        OptimizerKind::Momentum => (
            "momentum",
            "Momentum",
            "A velocity accumulates past gradients, so steps grow along consistent directions and oscillations damp out (PyTorch's and Burn's form: no (1 − μ) factor, no dampening).",
            vec![line(
                "",
                r"\mathbf{v} \leftarrow \mu\,\mathbf{v} + \nabla_{\boldsymbol{\theta}} J,\qquad \boldsymbol{\theta} \leftarrow \boldsymbol{\theta} - \alpha\,\mathbf{v}",
            )],
            None,
        ),
        OptimizerKind::Adam => (
            "adam",
            "Adam",
            "Running averages of the gradient (m) and of its square (v), corrected for starting at zero, give each coordinate its own step size ≈ α.",
            vec![
                line(
                    "moments",
                    r"\mathbf{m} \leftarrow \beta_1\mathbf{m} + (1-\beta_1)\,\mathbf{g},\qquad \mathbf{v} \leftarrow \beta_2\mathbf{v} + (1-\beta_2)\,\mathbf{g}^2",
                ),
                line(
                    "bias correction",
                    r"\hat{\mathbf{m}} = \frac{\mathbf{m}}{1-\beta_1^{t}},\qquad \hat{\mathbf{v}} = \frac{\mathbf{v}}{1-\beta_2^{t}}",
                ),
                line(
                    format!(
                        "update (β₁ = {}, β₂ = {}, ε = {:.0e})",
                        plain(d.optimizer.beta_1),
                        plain(d.optimizer.beta_2),
                        d.optimizer.epsilon
                    ),
                    r"\boldsymbol{\theta} \leftarrow \boldsymbol{\theta} - \alpha\,\frac{\hat{\mathbf{m}}}{\sqrt{\hat{\mathbf{v}}} + \epsilon}",
                ),
            ],
            Some(adam_correction(d)),
        ),
    };
    FormulaCard {
        name,
        title,
        sentence: sentence.into(),
        symbolic,
        example,
        value_label: format!("J after {} steps", d.steps.len()),
        value: plain32(d.final_loss),
        correction,
    }
}

/// Versions that drop m̂, v̂: the first step would be α·m/√v = α(1−β₁)/√(1−β₂) ≈ 3.16α.
fn adam_correction(d: &DescentExample) -> String {
    let Some(s) = d.steps.first() else {
        return String::new();
    };
    let h = &d.optimizer;
    let (m, v) = (f64::from(at(&s.first, 0)), f64::from(at(&s.second, 0)));
    let uncorrected = h.lr * m / (v.sqrt() + h.epsilon);
    let corrected = f64::from(at(&s.theta, 0) - at(&s.theta_new, 0));
    format!(
        "The update must use the bias-corrected m̂ and v̂. Versions that write θ ← θ − α m/(√v + ε) take, at t = 1 here, \
         a first step of {} in θ₁ instead of {} — {:.2}× too large, because m and v both start at 0 and v is shrunk far more (1 − β₂ = 0.001) than m (1 − β₁ = 0.1).",
        plain(uncorrected),
        plain(corrected),
        uncorrected / corrected
    )
}
