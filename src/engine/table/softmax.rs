//! Softmax regression with n features and k classes in Burn: z = XW + b, p = softmax(z),
//! L = CE + λ₂‖W‖² with CE = −(1/m) Σᵢ log p_{i,yᵢ}, one optimizer step.
//!
//! W is kept flat (`[n·k]`, row-major: W[j][c] at j·k + c) so that the optimizer and the
//! readback treat it like any weight vector. The penalty is in the loss graph, so autodiff gives
//! ∂L/∂W = (1/m) Xᵀ(P − Y) + 2λ₂W and ∂L/∂b = (1/m) Σᵢ (pᵢ − yᵢ), Y one-hot.

use burn::tensor::Tensor;
use burn::tensor::activation::{log_softmax, softmax};

use super::regression::Params;
use super::update::{Update, backward_and_update};
use crate::engine::optimizer::{SlotState, TensorOptimizer};

/// z = XW + b.
///
/// # Shapes
/// x: `[m, n]`, w: `[n·k]`, b: `[k]` (broadcast over rows) → z: `[m, k]`.
pub fn logits(x: Tensor<2>, w: Tensor<1>, b: Tensor<1>) -> Tensor<2> {
    let [_, n] = x.dims();
    let [k] = b.dims();
    x.matmul(w.reshape([n, k])).add(b.reshape([1, k]))
}

/// CE = −(1/m) Σᵢ Σ_c Y_{ic} log softmax(zᵢ)_c, the stable form of −mean log p_{i,yᵢ}.
///
/// # Shapes
/// z: `[m, k]`, y_one_hot: `[m, k]` → `[1]`.
pub fn cross_entropy(z: Tensor<2>, y_one_hot: Tensor<2>) -> Tensor<1> {
    let [m, _] = z.dims();
    log_softmax(z, 1)
        .mul(y_one_hot)
        .sum()
        .div_scalar(m.max(1) as f64)
        .neg()
}

/// The predicted class of each row, as floats (argmax of z). Shapes: `[m, k]` → `[m]`.
pub fn predictions(z: Tensor<2>) -> Tensor<1> {
    let [m, _] = z.dims();
    z.argmax(1).float().reshape([m])
}

/// Handles to every tensor of one step, read back only when a snapshot needs them.
#[derive(Clone)]
pub struct StepTensors {
    /// The followed (first) row's logits and probabilities, `[k]`, before the update.
    pub z: Tensor<1>,
    pub p: Tensor<1>,
    /// The batch's cross-entropy and loss, `[1]`.
    pub ce: Tensor<1>,
    pub loss: Tensor<1>,
    /// ∇L (`[n·k]`, `[k]`), the optimizer's state and the new parameters.
    pub update: Update,
}

/// forward → loss → backward → update, all in Burn.
///
/// # Shapes
/// x: `[m, n]`, y_one_hot: `[m, k]` (the batch).
pub fn train_step(
    params: &Params,
    states: &mut [SlotState; 2],
    optimizer: &TensorOptimizer,
    (x, y_one_hot): (Tensor<2>, Tensor<2>),
    (lr, l2): (f64, f64),
) -> StepTensors {
    let [k] = params.b.dims();
    let w = params.w.clone().autodiff().require_grad();
    let b = params.b.clone().autodiff().require_grad();

    let z = logits(x, w.clone(), b.clone());
    let ce = cross_entropy(z.clone(), y_one_hot);
    let loss = ce.clone().add(w.clone().square().sum().mul_scalar(l2));

    let update = backward_and_update(params, (w, b), &loss, states, optimizer, lr);
    let z_row = z.without_autodiff().slice(0..1).reshape([k]);
    StepTensors {
        p: softmax(z_row.clone(), 0),
        z: z_row,
        ce: ce.without_autodiff(),
        loss: loss.without_autodiff(),
        update,
    }
}
