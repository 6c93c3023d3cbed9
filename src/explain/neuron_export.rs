//! "Export this step as JSON" for the single neuron: the step itself, serialized from its own
//! type ([`NeuronStep`]: x, y, z, y_hat, loss, the optimizer, and per parameter `old`, `grad`,
//! `state_before`, `state_after`, `new`), with the formulas and what is derived beside it
//! (Adam's bias-corrected moments). Everything an outside program needs to recompute every
//! number the panel shows, at Burn's full precision.

use serde::Serialize;

use super::nn_export::Followed;
use super::nn_export_parts::one;
use crate::protocol::neuron::NeuronStep;

pub const FORMAT: &str = "ml-playground neuron step 1";

#[derive(Debug, Serialize)]
pub struct NeuronExport<'a> {
    pub format: &'static str,
    pub model: &'static str,
    pub loss_formula: &'static str,
    /// How the numbers were made: f32 arithmetic, Adam's constants as f32.
    pub precision: &'static str,
    #[serde(flatten)]
    pub step: &'a NeuronStep,
    /// Each parameter's name ("w1", …, "b") with Adam's m̂ and v̂ after the step.
    pub followed: Vec<Followed>,
}

/// The export of step `t`.
pub fn neuron_export(t: &NeuronStep) -> NeuronExport<'_> {
    let h = &t.optimizer;
    let mut followed: Vec<Followed> =
        t.w.iter()
            .enumerate()
            .map(|(i, u)| one(format!("w[{i}]"), format!("w{}", i + 1), u, h))
            .collect();
    followed.push(one("b".into(), "b".into(), &t.b, h));
    NeuronExport {
        format: FORMAT,
        model: "z = sum_i w_i * x_i + b; y_hat = sigmoid(z) = 1 / (1 + exp(-z))",
        loss_formula: "L = -(y * ln(y_hat) + (1 - y) * ln(1 - y_hat)) = softplus(z) - y * z",
        precision: "every number is Burn's f32, widened to f64 without rounding; beta_1, beta_2 \
                    and epsilon are the f32 constants Burn used (0.999 is 0.9990000128746033)",
        step: t,
        followed,
    }
}

/// Pretty-printed [`neuron_export`].
pub fn neuron_export_text(t: &NeuronStep) -> String {
    serde_json::to_string_pretty(&neuron_export(t)).unwrap_or_default()
}
