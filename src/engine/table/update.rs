//! Backward and the optimizer's step, shared by both of "Your data"'s models: the gradients of
//! the two parameter tensors (weights, bias) from the loss graph, Burn's optimizer state before
//! and after, and the new parameters.

use burn::tensor::Tensor;

use super::regression::Params;
use crate::engine::neuron_readout::UpdateSlots;
use crate::engine::optimizer::{SlotState, TensorOptimizer};
use crate::engine::readback::Readback;

/// Handles to one step's update, read back only when a snapshot needs them.
#[derive(Clone)]
pub struct Update {
    pub old: Params,
    pub d_loss_d_w: Tensor<1>,
    pub d_loss_d_b: Tensor<1>,
    pub state_before: [SlotState; 2],
    pub state_after: [SlotState; 2],
    pub new: Params,
}

/// ∇L for the leaves `w` and `b` (the autodiff copies of `params`), then one optimizer step.
pub fn backward_and_update(
    params: &Params,
    (w, b): (Tensor<1>, Tensor<1>),
    loss: &Tensor<1>,
    states: &mut [SlotState; 2],
    optimizer: &TensorOptimizer,
    lr: f64,
) -> Update {
    let grads = loss.backward();
    let d_loss_d_w = w.grad(&grads).unwrap_or_else(|| params.w.zeros_like());
    let d_loss_d_b = b.grad(&grads).unwrap_or_else(|| params.b.zeros_like());
    let state_before = states.clone();
    let [state_w, state_b] = states;
    let new = Params {
        w: optimizer.step(lr, params.w.clone(), d_loss_d_w.clone(), state_w),
        b: optimizer.step(lr, params.b.clone(), d_loss_d_b.clone(), state_b),
    };
    Update {
        old: params.clone(),
        d_loss_d_w,
        d_loss_d_b,
        state_before,
        state_after: states.clone(),
        new,
    }
}

impl Update {
    /// Queues θ, ∂L/∂θ, the states and θ′ of [w, b].
    pub(super) fn slots(&self, rb: &mut Readback) -> UpdateSlots {
        UpdateSlots::add(
            rb,
            [&self.d_loss_d_w, &self.d_loss_d_b],
            [&self.old.w, &self.old.b],
            [&self.state_before, &self.state_after],
            [&self.new.w, &self.new.b],
        )
    }
}
