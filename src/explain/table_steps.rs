//! "Your data"'s four sub-steps — forward → loss → backward → update — for one row of the
//! step's batch, symbolic, then with the step's numbers (Burn's) substituted.

use super::format::{n32, num, p32, paren};
use super::latex::{column, column64};
use super::linreg_steps::{SubStep, SubStepKind, line};
use super::neuron_steps::products;
use super::optimizer_rules::{update_lines, update_sub_step};
use crate::protocol::table::RowStep;

/// The four sub-steps of `t`.
pub fn table_sub_steps(t: &RowStep) -> [SubStep; 4] {
    [forward(t), loss(t), backward(t), update(t)]
}

fn weights(t: &RowStep) -> Vec<f32> {
    t.w.iter().map(|u| u.theta).collect()
}

fn forward(t: &RowStep) -> SubStep {
    let products = products(&weights(t), &t.x);
    let sum = products
        .iter()
        .map(|&p| paren(p))
        .collect::<Vec<_>>()
        .join(" + ");
    SubStep {
        kind: SubStepKind::Forward,
        title: "1 · Forward",
        summary: format!(
            "The model weighs the row's {} standardized features x′ⱼ = (xⱼ − μⱼ)/σⱼ and adds the bias: a prediction for line {} of the file.",
            t.x.len(),
            t.line
        ),
        symbolic: vec![line(
            "prediction",
            r"\hat{y} = \mathbf{w}\cdot\mathbf{x}' + b = \sum_{j=1}^{n} w_j x'_j + b",
        )],
        substituted: vec![
            line(
                "products wⱼx′ⱼ",
                format!(
                    r"\mathbf{{w}} \odot \mathbf{{x}}' = {} \odot {} = {}",
                    column(&weights(t)),
                    column(&t.x),
                    column64(&products)
                ),
            ),
            line(
                "prediction",
                format!(r"\hat{{y}} = {sum} + {} = {}", p32(t.b.theta), n32(t.y_hat)),
            ),
        ],
    }
}

fn loss(t: &RowStep) -> SubStep {
    let error = f64::from(t.y_hat) - f64::from(t.y);
    let mut substituted = vec![
        line(
            "this row's squared error",
            format!(
                r"(\hat{{y}} - y)^2 = ({} - {})^2 = {}",
                n32(t.y_hat),
                p32(t.y),
                num(error * error)
            ),
        ),
        line(
            format!("mean over the batch's {} rows", t.batch),
            format!(r"\mathrm{{MSE}} = {}", n32(t.mse)),
        ),
    ];
    if t.l2 > 0.0 {
        substituted.push(line(
            "with the L2 penalty",
            format!(
                r"L = {} + {} \cdot \lVert\mathbf{{w}}\rVert^2 = {}",
                n32(t.mse),
                num(t.l2),
                n32(t.loss)
            ),
        ));
    }
    SubStep {
        kind: SubStepKind::Loss,
        title: "2 · Loss",
        summary:
            "Mean squared error over the batch, plus λ₂‖w‖² when L2 is on (b is not penalized)."
                .into(),
        symbolic: vec![line(
            "loss",
            r"L = \frac{1}{m}\sum_{i=1}^{m} (\hat{y}_i - y_i)^2 + \lambda_2 \lVert\mathbf{w}\rVert^2",
        )],
        substituted,
    }
}

fn backward(t: &RowStep) -> SubStep {
    let m = t.batch.max(1) as f64;
    let error = f64::from(t.y_hat) - f64::from(t.y);
    let share: Vec<f64> =
        t.x.iter()
            .map(|&x| 2.0 / m * error * f64::from(x))
            .collect();
    let grads: Vec<f32> = t.w.iter().map(|u| u.grad).collect();
    SubStep {
        kind: SubStepKind::Backward,
        title: "3 · Backward",
        summary: "Autodiff gives the slopes: each row adds its error times its features; the followed row's share is written out, the sums are Burn's.".into(),
        symbolic: vec![line(
            "gradients",
            r"\nabla_{\mathbf{w}} L = \frac{2}{m}\sum_{i=1}^{m} (\hat{y}_i - y_i)\,\mathbf{x}'_i + 2\lambda_2\mathbf{w},\qquad \frac{\partial L}{\partial b} = \frac{2}{m}\sum_{i=1}^{m} (\hat{y}_i - y_i)",
        )],
        substituted: vec![
            line(
                "this row's share of ∇w",
                format!(
                    r"\frac{{2}}{{{}}}\,{}\,{} = {}",
                    t.batch,
                    paren(error),
                    column(&t.x),
                    column64(&share)
                ),
            ),
            line(
                "gradient of w (the whole batch)",
                format!(r"\nabla_{{\mathbf{{w}}}} L = {}", column(&grads)),
            ),
            line(
                "gradient of b",
                format!(r"\frac{{\partial L}}{{\partial b}} = {}", n32(t.b.grad)),
            ),
        ],
    }
}

fn update(t: &RowStep) -> SubStep {
    let mut substituted = update_lines(r"\mathbf{w}", "w", &t.optimizer, &t.w, false);
    let b = std::slice::from_ref(&t.b);
    substituted.extend(update_lines("b", "b", &t.optimizer, b, true));
    update_sub_step(t.optimizer.kind, substituted)
}
