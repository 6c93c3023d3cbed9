//! "Export this step as JSON" for a followed sample: the sample, every layer's z, a and δ, the
//! followed parameters with old value, gradient, optimizer state and new value — Burn's
//! numbers at full precision, in named fields.

use serde::{Deserialize, Serialize};

pub use super::nn_export_parts::lookup;
use super::nn_export_parts::{conv, layer};
use super::nn_text::argmax;
use crate::protocol::{OptimizerHyper, ParamState, SampleTrace, TraceSample};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NnExport {
    pub format: String,
    /// Optimizer steps taken (the moment) and the 1-based epoch.
    pub step: u64,
    pub epoch: usize,
    pub model: String,
    pub sample: ExportSample,
    pub conv: Option<ExportConv>,
    pub layers: Vec<ExportLayer>,
    pub output: ExportOutput,
    pub optimizer: OptimizerHyper,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportSample {
    /// "test" or "drawn"; the test image's index.
    pub source: String,
    pub index: Option<u32>,
    pub label: u8,
    pub pixels: Vec<u8>,
    /// x = (p/255 − mean)/std.
    pub mean: f32,
    pub std: f32,
    pub x: Vec<f32>,
    /// ∂L/∂x.
    pub d_x: Vec<f32>,
}

/// One followed scalar parameter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportParam {
    pub name: String,
    pub old: f32,
    pub grad: f32,
    pub new: f32,
    pub state_before: ParamState,
    pub state_after: ParamState,
    /// Adam's bias-corrected moments (derived from Burn's m, v, t).
    pub m_hat: Option<f64>,
    pub v_hat: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportLayer {
    pub inputs: usize,
    pub outputs: usize,
    pub activated: bool,
    pub a_in: Vec<f32>,
    pub z: Vec<f32>,
    pub a: Vec<f32>,
    /// δ = ∂L/∂z.
    pub delta: Vec<f32>,
    /// ∂L/∂a_in = Wᵀδ.
    pub d_a_in: Vec<f32>,
    /// The followed neuron j and input i: W[j, :], ∂L/∂W[j, :] and W[:, i].
    pub neuron: usize,
    pub input: usize,
    pub w_row: Vec<f32>,
    pub d_w_row: Vec<f32>,
    pub w_col: Vec<f32>,
    pub weight: ExportParam,
    pub bias: ExportParam,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportConv {
    pub channel: usize,
    pub kernel: usize,
    pub position: (usize, usize),
    pub tap: (usize, usize),
    pub z: Vec<f32>,
    pub a: Vec<f32>,
    pub pooled: Vec<f32>,
    pub channel_max: Vec<f32>,
    pub k: Vec<f32>,
    pub d_k: Vec<f32>,
    pub window: Vec<f32>,
    pub weight: ExportParam,
    pub bias: ExportParam,
    pub middle: Vec<(String, Vec<usize>)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportOutput {
    pub label: u8,
    pub predicted: usize,
    pub logits: Vec<f32>,
    pub probs: Vec<f32>,
    pub cross_entropy: f32,
    pub penalty: f32,
    pub loss: f32,
    pub l1: f64,
    pub l2: f64,
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

pub fn nn_export(t: &SampleTrace) -> NnExport {
    let h = &t.optimizer;
    let (source, index) = match &t.sample {
        TraceSample::Test { index } => ("test", Some(*index)),
        TraceSample::Drawn { .. } => ("drawn", None),
    };
    NnExport {
        format: "ml-playground sample trace 1".into(),
        step: t.step,
        epoch: t.epoch,
        model: model_name(t),
        sample: ExportSample {
            source: source.into(),
            index,
            label: t.label,
            pixels: t.pixels.clone(),
            mean: t.mean,
            std: t.std,
            x: t.x.clone(),
            d_x: t.d_x.clone(),
        },
        conv: t.conv.as_ref().map(|c| conv(c, h)),
        layers: t
            .layers
            .iter()
            .enumerate()
            .map(|(k, l)| layer(k, l, h))
            .collect(),
        output: ExportOutput {
            label: t.label,
            predicted: argmax(&t.probs),
            logits: t.layers.last().map(|l| l.z.clone()).unwrap_or_default(),
            probs: t.probs.clone(),
            cross_entropy: t.cross_entropy,
            penalty: t.penalty,
            loss: t.loss,
            l1: t.l1,
            l2: t.l2,
        },
        optimizer: *h,
    }
}

/// Pretty-printed [`nn_export`].
pub fn nn_export_text(t: &SampleTrace) -> String {
    serde_json::to_string_pretty(&nn_export(t)).unwrap_or_default()
}
