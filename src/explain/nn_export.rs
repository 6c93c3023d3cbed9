//! "Export this step as JSON" for a followed sample: the trace itself — every layer's z, a and
//! δ, the followed parameters with old value, gradient, optimizer state and new value, Burn's
//! numbers at full precision — serialized from its own types (their serde names: `delta` for
//! δ = ∂L/∂z, `old` / `new` for θ before and after), with what is derived from it beside.
//!
//! The document: `format`, `step`, `epoch`, `model` (the architecture in words), `sample` (its
//! source and input), `conv` (the CNN's [`ConvTrace`]), `cnn_weights` (its other weights and
//! conv2's input), `layers` (the [`DenseTrace`]s, each with its whole W and b), `output`
//! (probabilities, loss, predicted class), `penalty_terms` (Σ|W| and ΣW² per weight tensor),
//! `followed` (each followed parameter's name and Adam's bias-corrected moments) and
//! `optimizer` (with β₁, β₂, ε as the f32 values Burn uses). With it an outside program can
//! recompute every number the panel shows.

use serde::Serialize;

pub use super::nn_export_parts::lookup;
use super::nn_export_parts::{PenaltyTerm, followed, penalty_terms};
use super::nn_text::argmax;
use crate::protocol::{
    CnnWeights, ConvTrace, DenseTrace, OptimizerHyper, SampleTrace, TraceSample,
};
use crate::settings::Activation;

/// The export's format; 2 since the document is the trace's own serialization, 3 since it
/// holds every weight the shown numbers depend on.
pub const FORMAT: &str = "ml-playground sample trace 3";

#[derive(Debug, Serialize)]
pub struct NnExport<'a> {
    pub format: &'static str,
    /// Optimizer steps taken (the moment) and the 1-based epoch.
    pub step: u64,
    pub epoch: usize,
    pub model: String,
    /// The MLP's hidden activation (the CNN's is ReLU).
    pub activation: Activation,
    pub sample: ExportSample<'a>,
    pub conv: Option<&'a ConvTrace>,
    pub cnn_weights: Option<&'a CnnWeights>,
    pub layers: &'a [DenseTrace],
    pub output: ExportOutput<'a>,
    pub penalty_terms: Vec<PenaltyTerm>,
    pub followed: Vec<Followed>,
    pub optimizer: OptimizerHyper,
}

/// Where the sample comes from, and the trace's input fields.
#[derive(Debug, Serialize)]
pub struct ExportSample<'a> {
    /// "test" or "drawn"; the test image's index.
    pub source: &'static str,
    pub index: Option<u32>,
    pub label: u8,
    pub pixels: &'a [u8],
    /// x = (p/255 − mean)/std.
    pub mean: f32,
    pub std: f32,
    pub x: &'a [f32],
    /// ∂L/∂x.
    pub d_x: &'a [f32],
}

/// The trace's output fields, with the predicted class and the logits (the last layer's z).
#[derive(Debug, Serialize)]
pub struct ExportOutput<'a> {
    pub label: u8,
    pub predicted: usize,
    pub logits: &'a [f32],
    pub probs: &'a [f32],
    pub cross_entropy: f32,
    pub penalty: f32,
    pub loss: f32,
    pub l1: f64,
    pub l2: f64,
}

/// One followed scalar parameter: where its update is in the document, its name, and Adam's
/// bias-corrected moments (derived from Burn's m, v, t).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Followed {
    /// E.g. "layers[0].weight".
    pub at: String,
    /// E.g. "W1[3,5]".
    pub name: String,
    pub m_hat: Option<f64>,
    pub v_hat: Option<f64>,
}

/// The architecture in one line, e.g. "784-128-10 (ReLU)" or "CNN + dense 1568-10".
pub fn model_name(t: &SampleTrace) -> String {
    let mut sizes: Vec<String> = t
        .layers
        .first()
        .map(|l| l.inputs.to_string())
        .into_iter()
        .collect();
    sizes.extend(t.layers.iter().map(|l| l.outputs.to_string()));
    match t.conv {
        Some(_) => format!("CNN + dense {}", sizes.join("-")),
        None => format!("{} ({})", sizes.join("-"), t.activation.key()),
    }
}

pub fn nn_export(t: &SampleTrace) -> NnExport<'_> {
    let (source, index) = match &t.sample {
        TraceSample::Test { index } => ("test", Some(*index)),
        TraceSample::Drawn { .. } => ("drawn", None),
    };
    NnExport {
        format: FORMAT,
        step: t.step,
        epoch: t.epoch,
        model: model_name(t),
        activation: match t.conv {
            Some(_) => Activation::Relu,
            None => t.activation,
        },
        sample: ExportSample {
            source,
            index,
            label: t.label,
            pixels: &t.pixels,
            mean: t.mean,
            std: t.std,
            x: &t.x,
            d_x: &t.d_x,
        },
        conv: t.conv.as_ref(),
        cnn_weights: t.cnn_weights.as_ref(),
        layers: &t.layers,
        output: ExportOutput {
            label: t.label,
            predicted: argmax(&t.probs),
            logits: t.layers.last().map_or(&[], |l| &l.z),
            probs: &t.probs,
            cross_entropy: t.cross_entropy,
            penalty: t.penalty,
            loss: t.loss,
            l1: t.l1,
            l2: t.l2,
        },
        penalty_terms: penalty_terms(t),
        followed: followed(t),
        optimizer: t.optimizer,
    }
}

/// Pretty-printed [`nn_export`].
pub fn nn_export_text(t: &SampleTrace) -> String {
    serde_json::to_string_pretty(&nn_export(t)).unwrap_or_default()
}
