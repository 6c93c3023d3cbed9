//! The single neuron's four sub-steps — forward → loss → backward → update — symbolic, then
//! with the step's numbers (Burn's) substituted.

use super::format::{n32, num, p32, paren};
use super::latex::{column, column64};
use super::linreg_steps::{SubStep, SubStepKind};
use super::optimizer_rules::{update_lines, update_sub_step};
use crate::protocol::neuron::NeuronStep;

use super::linreg_steps::line;

/// The four sub-steps of `t`.
pub fn neuron_sub_steps(t: &NeuronStep) -> [SubStep; 4] {
    [forward(t), loss(t), backward(t), update(t)]
}

/// wᵢxᵢ, from Burn's numbers (the panel's arithmetic; z itself is Burn's).
pub fn products(w: &[f32], x: &[f32]) -> Vec<f64> {
    w.iter()
        .zip(x)
        .map(|(&w, &x)| f64::from(w) * f64::from(x))
        .collect()
}

fn weights(t: &NeuronStep) -> Vec<f32> {
    t.w.iter().map(|u| u.theta).collect()
}

fn forward(t: &NeuronStep) -> SubStep {
    let products = products(&weights(t), &t.x);
    let z = format!(
        r"z = {} + {} = {}",
        products
            .iter()
            .map(|&p| paren(p))
            .collect::<Vec<_>>()
            .join(" + "),
        p32(t.b.theta),
        n32(t.z)
    );
    let y_hat = format!(
        r"\hat{{y}} = \sigma({}) = \frac{{1}}{{1 + e^{{-{}}}}} = {}",
        n32(t.z),
        p32(t.z),
        n32(t.y_hat)
    );
    SubStep {
        kind: SubStepKind::Forward,
        title: "1 · Forward",
        summary: format!(
            "The neuron weighs its {} inputs, adds the bias, and squashes the sum z into a probability ŷ between 0 and 1.",
            t.x.len()
        ),
        symbolic: vec![
            line(
                "weighted sum",
                r"z = \mathbf{w}\cdot\mathbf{x} + b = \sum_{i=1}^{n} w_i x_i + b",
            ),
            line("sigmoid", r"\hat{y} = \sigma(z) = \frac{1}{1 + e^{-z}}"),
        ],
        substituted: vec![
            line(
                "products wᵢxᵢ",
                format!(
                    r"\mathbf{{w}} \odot \mathbf{{x}} = {} \odot {} = {}",
                    column(&weights(t)),
                    column(&t.x),
                    column64(&products)
                ),
            ),
            line("weighted sum", z),
            line("prediction", y_hat),
        ],
    }
}

fn loss(t: &NeuronStep) -> SubStep {
    let latex = format!(
        r"L = -\left[{} \cdot \log {} + {} \cdot \log\left(1 - {}\right)\right] = {}",
        n32(t.y),
        n32(t.y_hat),
        num(1.0 - f64::from(t.y)),
        n32(t.y_hat),
        n32(t.loss)
    );
    SubStep {
        kind: SubStepKind::Loss,
        title: "2 · Loss",
        summary: "Binary cross-entropy: minus the log of the probability given to the true label. ŷ is a probability, so each log is ≤ 0 and L ≥ 0; L = 0 only for a perfect, certain prediction.".into(),
        symbolic: vec![line(
            "binary cross-entropy",
            r"L = -\left[y \log \hat{y} + (1-y)\log(1-\hat{y})\right]",
        )],
        substituted: vec![line("loss", latex)],
    }
}

fn backward(t: &NeuronStep) -> SubStep {
    let delta = f64::from(t.y_hat) - f64::from(t.y);
    let grads: Vec<f32> = t.w.iter().map(|u| u.grad).collect();
    SubStep {
        kind: SubStepKind::Backward,
        title: "3 · Backward",
        summary: "Autodiff gives the slopes. For sigmoid with cross-entropy the chain rule collapses to ŷ − y: the error itself, times each input.".into(),
        symbolic: vec![
            line(
                "chain rule",
                r"\frac{\partial L}{\partial z} = \frac{\partial L}{\partial \hat{y}}\,\frac{\partial \hat{y}}{\partial z} = \left(-\frac{y}{\hat{y}} + \frac{1-y}{1-\hat{y}}\right)\hat{y}(1-\hat{y}) = \hat{y} - y",
            ),
            line(
                "gradients",
                r"\frac{\partial L}{\partial w_i} = (\hat{y} - y)\, x_i,\qquad \frac{\partial L}{\partial b} = \hat{y} - y",
            ),
        ],
        substituted: vec![
            line(
                "error (∂L/∂b)",
                format!(
                    r"\frac{{\partial L}}{{\partial b}} = {} - {} = {}",
                    n32(t.y_hat),
                    n32(t.y),
                    n32(t.b.grad)
                ),
            ),
            line(
                "gradient of w",
                format!(
                    r"\nabla_{{\mathbf{{w}}}} L = (\hat{{y}} - y)\,\mathbf{{x}} = {} \cdot {} = {}",
                    paren(delta),
                    column(&t.x),
                    column(&grads)
                ),
            ),
        ],
    }
}

fn update(t: &NeuronStep) -> SubStep {
    let mut substituted = update_lines(r"\mathbf{w}", "w", &t.optimizer, &t.w, false);
    let b = std::slice::from_ref(&t.b);
    substituted.extend(update_lines("b", "b", &t.optimizer, b, false));
    update_sub_step(t.optimizer.kind, substituted)
}
