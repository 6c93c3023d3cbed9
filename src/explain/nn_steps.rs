//! One MNIST sample followed through the network, one sub-step at a time: the input, each
//! layer's z = W·a + b and activation, softmax and the loss, the backward pass down to the
//! first layer, and the update of one weight. Each sub-step has symbolic LaTeX, the same with
//! the trace's (Burn's) numbers substituted, and the written-out terms as data for the chips
//! the page links to pixels and neurons.

use serde::Serialize;

use super::linreg_steps::FormulaLine;
use super::{
    nn_backward, nn_conv, nn_conv_grad, nn_dense, nn_forward, nn_gradient, nn_output, nn_update,
};
use crate::protocol::SampleTrace;
use crate::protocol::mnist::PIXELS;
use crate::settings::ModelKind;

/// Where a sub-step is in the pass (the page shows z/a in the forward steps and δ after).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Stage {
    Input,
    /// CNN: the first convolution at the focused position, its ReLU, the 2×2 max-pool, and
    /// the layers between it and the dense head (shapes only).
    Conv,
    ConvRelu,
    Pool,
    Middle,
    /// Dense layer k: z = W·a + b, then its activation (hidden layers only).
    Dense(usize),
    Activation(usize),
    Softmax,
    Loss,
    /// δ of the output layer: p − onehot(y).
    OutputDelta,
    /// ∂L/∂W = δ·aᵀ and ∂L/∂b = δ of dense layer k.
    Gradient(usize),
    /// From dense layer k into layer k − 1: Wᵀδ and the activation's derivative.
    BackProp(usize),
    /// CNN: back from the dense head through the middle to ∂L/∂K of the first convolution.
    ConvGradient,
    Update,
}

impl Stage {
    /// Forward (activations are shown) or not (gradients are).
    pub fn is_forward(self) -> bool {
        matches!(
            self,
            Self::Input
                | Self::Conv
                | Self::ConvRelu
                | Self::Pool
                | Self::Middle
                | Self::Dense(_)
                | Self::Activation(_)
                | Self::Softmax
                | Self::Loss
        )
    }
}

/// What a written-out term refers to, for linking a term to the picture and back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Target {
    /// Pixel i of the 28×28 input (row-major).
    Pixel(usize),
    /// Neuron j of dense layer k (for the last layer: class j).
    Neuron { layer: usize, neuron: usize },
    /// Tap (dy, dx) of the followed convolution kernel.
    Tap(usize, usize),
}

/// One written-out term, for an HTML chip beside the typeset formula.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Term {
    /// Plain text, e.g. "W[3,200]·x[200]".
    pub name: String,
    /// The factors, e.g. "0.1204 × 0.9843" (empty for a single value).
    pub detail: String,
    pub value: f64,
    /// Where `value` is in the exported JSON, when it is Burn's number (not a product
    /// computed here), e.g. "output.probs[3]".
    pub key: Option<String>,
    pub targets: Vec<Target>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NnStep {
    pub stage: Stage,
    pub title: String,
    /// One sentence on what happens here.
    pub summary: String,
    pub symbolic: Vec<FormulaLine>,
    pub substituted: Vec<FormulaLine>,
    pub terms: Vec<Term>,
}

pub use super::linreg_steps::line;

/// Why a trace cannot be explained (inconsistent lengths), if it cannot.
pub fn check(t: &SampleTrace) -> Result<(), String> {
    let bad = |what: String| Err(format!("The trace is inconsistent: {what}."));
    if t.layers.is_empty() {
        return bad("it has no dense layer".into());
    }
    if t.pixels.len() != PIXELS || t.x.len() != PIXELS {
        return bad(format!(
            "{} pixels and {} inputs, not 784",
            t.pixels.len(),
            t.x.len()
        ));
    }
    for (k, l) in t.layers.iter().enumerate() {
        let sizes = [l.z.len(), l.a.len(), l.d_z.len(), l.w_col.len()];
        if sizes.iter().any(|&n| n != l.outputs)
            || [l.a_in.len(), l.d_a_in.len(), l.w_row.len(), l.d_w_row.len()]
                .iter()
                .any(|&n| n != l.inputs)
            || l.neuron >= l.outputs
            || l.input >= l.inputs
        {
            return bad(format!(
                "dense layer {} has vectors of the wrong length",
                k + 1
            ));
        }
    }
    let last = &t.layers[t.layers.len() - 1];
    if last.outputs != t.probs.len() || usize::from(t.label) >= t.probs.len() {
        return bad(format!(
            "{} logits, {} probabilities",
            last.outputs,
            t.probs.len()
        ));
    }
    match (&t.conv, t.model) {
        (Some(c), ModelKind::Cnn) => nn_conv::check(c).or_else(bad),
        (None, ModelKind::Mlp) => Ok(()),
        _ => bad("the model kind and the convolution disagree".into()),
    }
}

/// The sub-steps of `t`, in order. `update_layer`: the dense layer whose focused weight the
/// update step derives in full (None: the first layer of an MLP, the CNN's kernel tap).
pub fn nn_steps(t: &SampleTrace, update_layer: Option<usize>) -> Result<Vec<NnStep>, String> {
    check(t)?;
    let mut steps = vec![nn_forward::input(t)];
    if let Some(c) = &t.conv {
        steps.extend(nn_conv::forward(t, c));
    }
    for k in 0..t.layers.len() {
        steps.push(nn_dense::dense(t, k));
        if t.layers[k].activated {
            steps.push(nn_forward::activation(t, k));
        }
    }
    steps.push(nn_output::softmax(t));
    steps.push(nn_output::loss(t));
    steps.push(nn_backward::output_delta(t));
    for k in (0..t.layers.len()).rev() {
        steps.push(nn_gradient::gradient(t, k));
        if k > 0 {
            steps.push(nn_backward::back_prop(t, k));
        }
    }
    if let Some(c) = &t.conv {
        steps.push(nn_conv_grad::gradient(t, c));
    }
    steps.push(nn_update::update(t, update_layer));
    for (i, s) in steps.iter_mut().enumerate() {
        s.title = format!("{} · {}", i + 1, s.title);
    }
    Ok(steps)
}
