//! One sample followed through an MNIST network: forward, loss, backward, and the update its
//! gradient alone would make under the run's optimizer. Every number here is Burn's.
//!
//! Conventions (the issue's, not Burn's storage): a dense layer is z = W·a + b with W of shape
//! `[outputs, inputs]` (Burn stores Wᵀ as `[inputs, outputs]` and computes a·Wᵀ; the numbers are
//! the same). A batch of one sample: the loss is L = −log p_y (+ λ₁Σ|W| + λ₂ΣW² over weights,
//! never biases), so ∂L/∂b = δ = ∂L/∂z exactly.

use serde::{Deserialize, Serialize};

use super::{OptimizerHyper, ParamUpdate};
use crate::settings::{Activation, ModelKind, Preprocess};

/// Which sample to follow.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TraceSample {
    /// A test image, by index.
    Test { index: u32 },
    /// A drawn digit (784 raw pixels 0–255, already centred like MNIST) and the digit it is.
    Drawn { pixels: Vec<u8>, label: u8 },
}

/// What the panel writes out in full. `None` fields take the defaults: per dense layer the
/// most active neuron (the true class for the output layer) and, for it, the input with the
/// largest |W_ji·a_i|; for the CNN the first convolution's most active channel at its most
/// active position, and the kernel tap with the largest |K·x|.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TraceFocus {
    /// Dense layer index (0 = first dense layer; for the CNN the dense head is layer 0).
    pub layer: Option<usize>,
    /// Neuron j of that layer (its row of W).
    pub neuron: Option<usize>,
    /// Input i of that neuron (the weight W_ji).
    pub input: Option<usize>,
    /// CNN: output channel c of the first convolution.
    pub channel: Option<usize>,
    /// CNN: output position (row, col) of that channel, 0–27.
    pub position: Option<(usize, usize)>,
    /// CNN: kernel tap (dy, dx), 0–4.
    pub tap: Option<(usize, usize)>,
}

/// One dense layer k of the sample's pass: z = W·a_in + b, a = act(z) (the output layer's a is
/// z itself, the logits).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DenseTrace {
    pub inputs: usize,
    pub outputs: usize,
    /// Whether the activation follows (false for the output layer).
    pub activated: bool,
    /// The layer's input a_{k−1} (x for the first MLP layer) and its z, a.
    pub a_in: Vec<f32>,
    pub z: Vec<f32>,
    pub a: Vec<f32>,
    /// δ = ∂L/∂z (Burn autodiff: the bias gradient); `delta` in JSON.
    #[serde(rename = "delta")]
    pub d_z: Vec<f32>,
    /// ∂L/∂a_in = Wᵀ·δ, computed by Burn.
    pub d_a_in: Vec<f32>,
    /// The focused neuron j: its row W[j, :] and ∂L/∂W[j, :] (autodiff).
    pub neuron: usize,
    pub w_row: Vec<f32>,
    pub d_w_row: Vec<f32>,
    /// The focused input i: the column W[:, i] (for (Wᵀδ)_i).
    pub input: usize,
    pub w_col: Vec<f32>,
    /// W[j, i] and b_j through the run's optimizer (a copy of its state; the run is unchanged).
    pub weight: ParamUpdate,
    pub bias: ParamUpdate,
    /// The whole layer, so an outside program can recompute every z, δ and ∂L/∂a_in: W_ji at
    /// `[i · outputs + j]` (Burn's `[inputs, outputs]` layout) and b.
    pub w_full: Vec<f32>,
    pub b_full: Vec<f32>,
}

/// What else an outside program needs to recompute the CNN's numbers from x: both
/// convolutions' kernels and biases and conv2's input (every channel's pooled map).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CnnWeights {
    /// K₁ `[f₁, 1, 5, 5]` and b₁; K₂ `[f₂, f₁, 5, 5]` and b₂ (row-major).
    pub conv1_k: Vec<f32>,
    pub conv1_b: Vec<f32>,
    pub conv2_k: Vec<f32>,
    pub conv2_b: Vec<f32>,
    /// conv2's input: ReLU(conv1) max-pooled, `[f₁, 14, 14]`.
    pub conv2_in: Vec<f32>,
}

/// The CNN's first convolution, one channel c: z = K_c ⋆ x + b_c (5×5, zero padding "same"),
/// a = ReLU(z), then 2×2 max-pooling.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConvTrace {
    pub channels: usize,
    pub kernel: usize,
    pub channel: usize,
    /// Row-major 28×28: z, a of channel c; 14×14 pooled.
    pub z: Vec<f32>,
    pub a: Vec<f32>,
    pub pooled: Vec<f32>,
    /// Per channel: the largest activation (a heat strip of the 16 channels).
    pub channel_max: Vec<f32>,
    /// K_c (5×5, row-major) and ∂L/∂K_c from autodiff.
    pub k: Vec<f32>,
    pub d_k: Vec<f32>,
    /// The focused output position and the 5×5 window of x under the kernel there (zeros
    /// outside the image).
    pub position: (usize, usize),
    pub window: Vec<f32>,
    /// The focused tap and its weight's update; the bias b_c's update.
    pub tap: (usize, usize),
    pub weight: ParamUpdate,
    pub bias: ParamUpdate,
    /// The shapes between this and the dense head, e.g. ("conv2 + ReLU + pool", [32, 7, 7]).
    pub middle: Vec<(String, Vec<usize>)>,
}

/// The whole trace of one sample at one moment of a run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SampleTrace {
    /// Optimizer steps the model had taken (the moment), and the 1-based epoch.
    pub step: u64,
    pub epoch: usize,
    pub sample: TraceSample,
    /// The true class y.
    pub label: u8,
    /// Raw pixels 0–255 and x as fed to the network: x = (p/255 − mean)/std.
    pub pixels: Vec<u8>,
    pub preprocess: Preprocess,
    pub mean: f32,
    pub std: f32,
    pub x: Vec<f32>,
    /// ∂L/∂x (autodiff): which pixels would raise or lower the loss.
    pub d_x: Vec<f32>,
    pub model: ModelKind,
    pub activation: Activation,
    /// The CNN's first convolution (None for an MLP), and the rest of its weights.
    pub conv: Option<ConvTrace>,
    pub cnn_weights: Option<CnnWeights>,
    /// The dense layers, input to output (for the CNN: the dense head only).
    pub layers: Vec<DenseTrace>,
    /// Softmax p of the logits, the cross-entropy −log p_y, the penalty and their sum L.
    pub probs: Vec<f32>,
    pub cross_entropy: f32,
    pub penalty: f32,
    pub loss: f32,
    pub l1: f64,
    pub l2: f64,
    /// The optimizer and the learning rate in force at this moment.
    pub optimizer: OptimizerHyper,
}
