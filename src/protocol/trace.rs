//! One optimizer step, written down: the batch, the forward pass, the loss, the gradients
//! and the update. Every number here was read back from Burn's tensors.

use serde::{Deserialize, Serialize};

use crate::settings::OptimizerKind;

/// Optimizer state of one scalar parameter.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum ParamState {
    /// Plain SGD keeps no state.
    None,
    /// Momentum's velocity v.
    Momentum { v: f32 },
    /// Adam's step count t and moments m, v.
    Adam { t: u32, m: f32, v: f32 },
}

/// The update of one scalar parameter θ: θ_new = update(θ, g, state).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParamUpdate {
    /// θ before the step (named `old` in JSON, as the step exports read).
    #[serde(rename = "old")]
    pub theta: f32,
    /// ∂L/∂θ from Burn's autodiff.
    pub grad: f32,
    pub state_before: ParamState,
    pub state_after: ParamState,
    /// θ after the step (`new` in JSON).
    #[serde(rename = "new")]
    pub theta_new: f32,
}

/// The optimizer and its constants for this step.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct OptimizerHyper {
    pub kind: OptimizerKind,
    /// Learning rate α.
    pub lr: f64,
    /// Momentum μ.
    pub momentum: f64,
    pub beta_1: f64,
    pub beta_2: f64,
    pub epsilon: f64,
}

/// Linear regression's optimizer step t, as Burn computed it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StepTrace {
    /// 1-based optimizer step and epoch.
    pub step: u64,
    pub epoch: usize,
    /// The batch.
    pub x: Vec<f32>,
    pub y: Vec<f32>,
    /// Forward pass ŷ = w·x + b.
    pub y_hat: Vec<f32>,
    /// Data term (1/n) Σ (y − ŷ)².
    pub mse: f32,
    /// Regularization strengths λ₁ and λ₂ in force.
    pub l1: f64,
    pub l2: f64,
    /// Total loss = mse + λ₁|w| + λ₂w².
    pub loss: f32,
    pub optimizer: OptimizerHyper,
    pub w: ParamUpdate,
    pub b: ParamUpdate,
}
