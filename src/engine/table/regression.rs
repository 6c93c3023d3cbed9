//! Linear regression with n features in Burn: ŷ = Xw + b, L = MSE + λ₂‖w‖², one optimizer step.
//!
//! The penalty is part of the loss graph, so Burn's autodiff computes its gradient and the
//! formulas shown are exactly what runs: ∂L/∂w = (2/m) Xᵀ(ŷ − y) + 2λ₂w, ∂L/∂b = (2/m) Σ(ŷ − y).

use burn::tensor::Tensor;

use super::update::{Update, backward_and_update};
use crate::engine::optimizer::{SlotState, TensorOptimizer};

/// The parameters, on the device, without autodiff.
#[derive(Clone)]
pub struct Params {
    /// One weight per feature: `[n]`.
    pub w: Tensor<1>,
    /// `[1]`.
    pub b: Tensor<1>,
}

/// ŷ = Xw + b.
///
/// # Shapes
/// x: `[m, n]`, w: `[n]`, b: `[1]` (broadcast) → ŷ: `[m]`.
pub fn forward(x: Tensor<2>, w: Tensor<1>, b: Tensor<1>) -> Tensor<1> {
    let [m, n] = x.dims();
    x.matmul(w.reshape([n, 1])).reshape([m]).add(b)
}

/// MSE = (1/m) Σᵢ (ŷᵢ − yᵢ)². Shapes: `[m]` → `[1]`.
pub fn mse(y_hat: Tensor<1>, y: Tensor<1>) -> Tensor<1> {
    y_hat.sub(y).square().mean()
}

/// L = MSE + λ₂‖w‖² (b is not penalized). Shapes `[1]`.
pub fn loss(mse: Tensor<1>, w: Tensor<1>, l2: f64) -> Tensor<1> {
    mse.add(w.square().sum().mul_scalar(l2))
}

/// Handles to every tensor of one step, read back only when a snapshot needs them.
#[derive(Clone)]
pub struct StepTensors {
    /// `[m]`, before the update.
    pub y_hat: Tensor<1>,
    pub mse: Tensor<1>,
    pub loss: Tensor<1>,
    /// ∇L (`[n]`, `[1]`), the optimizer's state and the new parameters.
    pub update: Update,
}

/// forward → loss → backward → update, all in Burn.
///
/// # Shapes
/// x: `[m, n]`, y: `[m]` (the batch).
pub fn train_step(
    params: &Params,
    states: &mut [SlotState; 2],
    optimizer: &TensorOptimizer,
    (x, y): (Tensor<2>, Tensor<1>),
    (lr, l2): (f64, f64),
) -> StepTensors {
    // Leaves of the autodiff graph.
    let w = params.w.clone().autodiff().require_grad();
    let b = params.b.clone().autodiff().require_grad();

    let y_hat = forward(x, w.clone(), b.clone());
    let mse = mse(y_hat.clone(), y);
    let loss = loss(mse.clone(), w.clone(), l2);

    let update = backward_and_update(params, (w, b), &loss, states, optimizer, lr);
    StepTensors {
        y_hat: y_hat.without_autodiff(),
        mse: mse.without_autodiff(),
        loss: loss.without_autodiff(),
        update,
    }
}
