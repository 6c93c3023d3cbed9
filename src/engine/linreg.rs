//! Linear regression in Burn: ŷ = w·x + b, L = MSE + λ₁|w| + λ₂w², one optimizer step.
//!
//! The regularization is part of the loss graph, so Burn's autodiff computes its gradient and
//! the formulas shown are exactly what runs.

use burn::tensor::{Device, Tensor};

use super::optimizer::{SlotState, TensorOptimizer};
use crate::protocol::Hyper;

/// The two parameters, on the device, without autodiff.
#[derive(Clone)]
pub struct LinearParams {
    /// Shape `[1]`.
    pub w: Tensor<1>,
    /// Shape `[1]`.
    pub b: Tensor<1>,
}

impl LinearParams {
    pub fn new(w: f32, b: f32, device: &Device) -> Self {
        Self {
            w: Tensor::from_floats([w], device),
            b: Tensor::from_floats([b], device),
        }
    }
}

/// ŷ = w·x + b.
///
/// # Shapes
/// x: `[n]`, w and b: `[1]` (broadcast) → ŷ: `[n]`.
pub fn forward(w: Tensor<1>, b: Tensor<1>, x: Tensor<1>) -> Tensor<1> {
    x.mul(w).add(b)
}

/// MSE = (1/n) Σ (yᵢ − ŷᵢ)².
///
/// # Shapes
/// y, ŷ: `[n]` → `[1]`.
pub fn mse(y: Tensor<1>, y_hat: Tensor<1>) -> Tensor<1> {
    y.sub(y_hat).square().mean()
}

/// L = MSE + λ₁|w| + λ₂w² (b is not regularized). Shapes `[1]`.
pub fn loss(mse: Tensor<1>, w: Tensor<1>, l1: f64, l2: f64) -> Tensor<1> {
    mse.add(w.clone().abs().mul_scalar(l1))
        .add(w.square().mul_scalar(l2))
}

/// Handles to every tensor of one step, read back later (only when a snapshot needs them).
#[derive(Clone)]
pub struct StepTensors {
    pub x: Tensor<1>,
    pub y: Tensor<1>,
    pub y_hat: Tensor<1>,
    pub mse: Tensor<1>,
    pub loss: Tensor<1>,
    pub old: LinearParams,
    pub d_loss_d_w: Tensor<1>,
    pub d_loss_d_b: Tensor<1>,
    pub state_before: [SlotState; 2],
    pub state_after: [SlotState; 2],
    pub new: LinearParams,
    pub hyper: Hyper,
}

/// forward → loss → backward → update, all in Burn. Returns the new parameters and the step.
///
/// # Shapes
/// x, y: `[n]` (the batch).
pub fn train_step(
    params: &LinearParams,
    states: &mut [SlotState; 2],
    optimizer: &TensorOptimizer,
    x: Tensor<1>,
    y: Tensor<1>,
    hyper: Hyper,
) -> StepTensors {
    // Leaves of the autodiff graph.
    let w = params.w.clone().autodiff().require_grad();
    let b = params.b.clone().autodiff().require_grad();

    let y_hat = forward(w.clone(), b.clone(), x.clone());
    let mse = mse(y.clone(), y_hat.clone());
    let loss = loss(mse.clone(), w.clone(), hyper.l1, hyper.l2);

    let grads = loss.backward();
    let zero = || params.w.zeros_like();
    let d_loss_d_w = w.grad(&grads).unwrap_or_else(zero);
    let d_loss_d_b = b.grad(&grads).unwrap_or_else(zero);

    let state_before = states.clone();
    let [state_w, state_b] = states;
    let new = LinearParams {
        w: optimizer.step(hyper.lr, params.w.clone(), d_loss_d_w.clone(), state_w),
        b: optimizer.step(hyper.lr, params.b.clone(), d_loss_d_b.clone(), state_b),
    };
    StepTensors {
        x,
        y,
        y_hat: y_hat.without_autodiff(),
        mse: mse.without_autodiff(),
        loss: loss.without_autodiff(),
        old: params.clone(),
        d_loss_d_w,
        d_loss_d_b,
        state_before,
        state_after: states.clone(),
        new,
        hyper,
    }
}
