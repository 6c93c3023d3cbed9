//! Worked example of the optimizers: a few steps of SGD, momentum and Adam on
//! J(θ) = θ₁² + 3θ₂², each gradient from autodiff and each update from Burn's optimizer.

use burn::tensor::{Device, Tensor};

use super::optimizer::{TensorOptimizer, state_tensors};
use super::readback::{Readback, Slot, Values};
use super::reference::vector;
use super::reference_inputs as input;
use crate::protocol::ParamState;
use crate::protocol::reference::{DescentExample, DescentStep};
use crate::settings::OptimizerKind;

struct StepSlots {
    t: u32,
    theta: Slot,
    loss: Slot,
    grad: Slot,
    first: Option<Slot>,
    second: Option<Slot>,
    theta_new: Slot,
}

pub(super) struct DescentSlots {
    optimizer: TensorOptimizer,
    steps: Vec<StepSlots>,
    final_loss: Slot,
}

/// J(θ) = Σ cᵢ θᵢ² with c = (1, 3).
///
/// # Shapes
/// θ `[2]` → `[1]`.
fn objective(theta: Tensor<1>, coefficients: Tensor<1>) -> Tensor<1> {
    theta.square().mul(coefficients).sum()
}

/// The three optimizers from the same start.
pub(super) fn all(rb: &mut Readback, device: &Device) -> Vec<DescentSlots> {
    OptimizerKind::ALL
        .into_iter()
        .map(|kind| run(rb, kind, device))
        .collect()
}

fn run(rb: &mut Readback, kind: OptimizerKind, device: &Device) -> DescentSlots {
    let optimizer = TensorOptimizer::new(kind, input::DESCENT_MOMENTUM);
    let coefficients = vector(&input::DESCENT_COEFFICIENTS, device);
    let mut theta = vector(&input::DESCENT_THETA, device);
    let mut state = optimizer.scalar_state(ParamState::None, device);
    let mut steps = Vec::new();
    for _ in 0..input::DESCENT_STEPS {
        let leaf = theta.clone().autodiff().require_grad();
        let loss = objective(leaf.clone(), coefficients.clone());
        let grads = loss.backward();
        let grad = leaf.grad(&grads).unwrap_or_else(|| theta.zeros_like());
        let theta_new = optimizer.step(input::DESCENT_LR, theta.clone(), grad.clone(), &mut state);
        let (t, first, second) = state_tensors(&state);
        steps.push(StepSlots {
            t,
            theta: rb.add(&theta),
            loss: rb.add(&loss),
            grad: rb.add(&grad),
            first: first.map(|x| rb.add(&x)),
            second: second.map(|x| rb.add(&x)),
            theta_new: rb.add(&theta_new),
        });
        theta = theta_new;
    }
    let final_loss = rb.add(&objective(theta, coefficients));
    DescentSlots {
        optimizer,
        steps,
        final_loss,
    }
}

impl DescentSlots {
    pub(super) fn read(&self, v: &Values) -> DescentExample {
        let get = |slot: Option<Slot>| slot.map(|s| v.vec(s).to_vec()).unwrap_or_default();
        DescentExample {
            optimizer: self.optimizer.hyper(input::DESCENT_LR),
            steps: self
                .steps
                .iter()
                .enumerate()
                .map(|(i, s)| DescentStep {
                    // SGD and momentum keep no step count: the step's index is t.
                    t: if s.t > 0 { s.t } else { i as u32 + 1 },
                    theta: v.vec(s.theta).to_vec(),
                    loss: v.scalar(s.loss),
                    grad: v.vec(s.grad).to_vec(),
                    first: get(s.first),
                    second: get(s.second),
                    theta_new: v.vec(s.theta_new).to_vec(),
                })
                .collect(),
            final_loss: v.scalar(self.final_loss),
        }
    }
}
