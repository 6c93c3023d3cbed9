//! Formula-reference and single-neuron messages (worker ⇄ UI). Plain numbers only: the
//! worked examples' inputs as the engine received them and every value Burn computed.

use serde::{Deserialize, Serialize};

use super::OptimizerHyper;
pub use super::neuron::{NeuronInput, NeuronSnapshot, NeuronStep};

/// A matrix, row-major.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Matrix {
    pub rows: usize,
    pub cols: usize,
    pub data: Vec<f32>,
}

impl Matrix {
    pub fn new(rows: usize, cols: usize, data: Vec<f32>) -> Self {
        Self { rows, cols, data }
    }

    /// Entry (i, j), or NaN outside the matrix (never panics on a short readback).
    pub fn at(&self, i: usize, j: usize) -> f32 {
        self.data
            .get(i * self.cols + j)
            .copied()
            .unwrap_or(f32::NAN)
    }

    pub fn row(&self, i: usize) -> Vec<f32> {
        (0..self.cols).map(|j| self.at(i, j)).collect()
    }
}

/// The single neuron's forward pass, loss and gradients (Burn autodiff) at its parameters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NeuronForward {
    pub input: NeuronInput,
    pub z: f32,
    pub y_hat: f32,
    /// Binary cross-entropy −[y log ŷ + (1−y) log(1−ŷ)].
    pub loss: f32,
    pub grad_w: Vec<f32>,
    pub grad_b: f32,
}

/// Element-wise activations of a vector z and their derivatives (from autodiff).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActivationExample {
    pub z: Vec<f32>,
    pub sigmoid: Vec<f32>,
    pub d_sigmoid: Vec<f32>,
    pub relu: Vec<f32>,
    pub d_relu: Vec<f32>,
    pub tanh: Vec<f32>,
    pub d_tanh: Vec<f32>,
}

/// Softmax of logits and the categorical cross-entropy against class `label`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SoftmaxExample {
    pub logits: Vec<f32>,
    pub label: usize,
    pub probs: Vec<f32>,
    pub cross_entropy: f32,
    /// ∂L/∂z = p − onehot(y), from autodiff.
    pub grad: Vec<f32>,
}

/// Z = XW + b, A = σ(Z) on a batch (rows of X are samples).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DenseExample {
    pub x: Matrix,
    pub w: Matrix,
    pub b: Vec<f32>,
    pub z: Matrix,
    pub a: Matrix,
}

/// A 3-2-1 network on one sample, column convention z = W a + b with W of shape [out, in];
/// sigmoid hidden and output, binary cross-entropy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BackpropExample {
    pub x: Vec<f32>,
    pub y: f32,
    pub w1: Matrix,
    pub b1: Vec<f32>,
    pub w2: Matrix,
    pub b2: Vec<f32>,
    pub z1: Vec<f32>,
    pub a1: Vec<f32>,
    pub z2: f32,
    pub y_hat: f32,
    pub loss: f32,
    /// δ₂ = ∂L/∂z₂ and δ₁ = ∂L/∂z₁ by autodiff (the bias gradients).
    pub delta2: Vec<f32>,
    pub delta1: Vec<f32>,
    /// δ₁ by the formula (W₂ᵀ δ₂) ⊙ σ'(z₁), computed in Burn from δ₂.
    pub delta1_formula: Vec<f32>,
    /// ∂L/∂W₁ (2×3) and ∂L/∂W₂ (1×2) by autodiff.
    pub grad_w1: Matrix,
    pub grad_w2: Matrix,
}

/// A few steps of one optimizer on J(θ) = θ₁² + 3θ₂².
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DescentExample {
    pub optimizer: OptimizerHyper,
    pub steps: Vec<DescentStep>,
    /// J at the θ the last step reached.
    pub final_loss: f32,
}

/// θ, J(θ), ∇J(θ) (autodiff), the optimizer state after the step, and the new θ.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DescentStep {
    pub t: u32,
    pub theta: Vec<f32>,
    pub loss: f32,
    pub grad: Vec<f32>,
    /// Momentum's velocity, or Adam's first moment m (empty for SGD).
    pub first: Vec<f32>,
    /// Adam's second moment v (empty otherwise).
    pub second: Vec<f32>,
    pub theta_new: Vec<f32>,
}

/// L1 and L2 penalties of a weight vector, and their gradients (autodiff).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegularizationExample {
    pub w: Vec<f32>,
    pub l1: f32,
    pub l2: f32,
    pub l1_penalty: f32,
    pub l2_penalty: f32,
    pub l1_grad: Vec<f32>,
    pub l2_grad: Vec<f32>,
}

/// Binary predictions (probability ≥ 0.5) against labels, and their scores.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetricsExample {
    pub probs: Vec<f32>,
    pub labels: Vec<u8>,
    /// Thresholded by Burn.
    pub predicted: Vec<u8>,
    /// mean(predicted == label), by Burn.
    pub accuracy: f32,
    pub tp: u32,
    pub fp: u32,
    pub fn_: u32,
    pub tn: u32,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// Scaled dot-product attention: softmax(QKᵀ/√d_k) V.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttentionExample {
    pub q: Matrix,
    pub k: Matrix,
    pub v: Matrix,
    pub scores: Matrix,
    pub weights: Matrix,
    pub out: Matrix,
}

/// The transformer's position-wise FFN: max(0, xW₁ + b₁) W₂ + b₂ on one row x.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FfnExample {
    pub x: Vec<f32>,
    pub w1: Matrix,
    pub b1: Vec<f32>,
    pub hidden_pre: Vec<f32>,
    pub hidden: Vec<f32>,
    pub w2: Matrix,
    pub b2: Vec<f32>,
    pub out: Vec<f32>,
}

/// Every worked example of the formula page, computed in one go on the worker's device.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkedExamples {
    pub neuron: NeuronForward,
    /// MSE: targets y, predictions ŷ, and (1/n) Σ (y − ŷ)².
    pub mse_y: Vec<f32>,
    pub mse_y_hat: Vec<f32>,
    pub mse: f32,
    pub activations: ActivationExample,
    pub softmax: SoftmaxExample,
    pub dense: DenseExample,
    pub backprop: BackpropExample,
    /// Gradient descent, momentum and Adam on the same function from the same start.
    pub descent: Vec<DescentExample>,
    pub regularization: RegularizationExample,
    pub metrics: MetricsExample,
    pub attention: AttentionExample,
    pub ffn: FfnExample,
    /// A fresh tiny GPT followed at one token through its first step (the Transformer cards).
    #[serde(default)]
    pub transformer: Option<super::gpt_follow::TokenTrace>,
}

/// Formula-page and single-neuron requests.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ReferenceCommand {
    /// Compute every worked example (the neuron example with these x, w, b, y).
    Examples { neuron: NeuronInput },
    /// Single neuron: take `count` optimizer steps, then send one snapshot.
    NeuronSteps { count: u32 },
}

/// Formula-page and single-neuron replies.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ReferenceEvent {
    Examples(Box<WorkedExamples>),
    Neuron(Box<NeuronSnapshot>),
}
