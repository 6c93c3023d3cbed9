//! The single neuron's readback: which slot holds which number of a snapshot, and the
//! snapshot built from the values read.

use super::EngineError;
use super::optimizer::{SlotState, TensorOptimizer, param_state, state_tensors};
use super::readback::{Readback, Slot, Values};
use crate::protocol::neuron::{NeuronSnapshot, NeuronStep};
use crate::protocol::{ParamState, ParamUpdate};
use crate::settings::OptimizerKind;
use burn::tensor::Tensor;

/// Readback slots of one parameter tensor's optimizer state.
pub(crate) struct StateSlots(u32, Option<Slot>, Option<Slot>);

impl StateSlots {
    pub(crate) fn add(rb: &mut Readback, state: &SlotState) -> Self {
        let (t, first, second) = state_tensors(state);
        Self(t, first.map(|x| rb.add(&x)), second.map(|x| rb.add(&x)))
    }

    /// The state of element `i` of the tensor.
    pub(crate) fn element(&self, kind: OptimizerKind, v: &Values, i: usize) -> ParamState {
        let at = |slot: Option<Slot>| slot.and_then(|s| v.vec(s).get(i).copied());
        param_state(kind, self.0, at(self.1), at(self.2))
    }
}

/// Readback slots of one step's update of `[w, b]`: θ, ∂L/∂θ, the optimizer state before and
/// after, and θ′.
pub(crate) struct UpdateSlots {
    pub(crate) grad: [Slot; 2],
    pub(crate) old: [Slot; 2],
    pub(crate) before: [StateSlots; 2],
    pub(crate) after: [StateSlots; 2],
    pub(crate) new: [Slot; 2],
}

impl UpdateSlots {
    /// Queues `old`, `grad`, the two states and `new` of `[w, b]`.
    pub(crate) fn add(
        rb: &mut Readback,
        grad: [&Tensor<1>; 2],
        old: [&Tensor<1>; 2],
        states: [&[SlotState; 2]; 2],
        new: [&Tensor<1>; 2],
    ) -> Self {
        Self {
            grad: grad.map(|t| rb.add(t)),
            old: old.map(|t| rb.add(t)),
            before: states[0].clone().map(|s| StateSlots::add(rb, &s)),
            after: states[1].clone().map(|s| StateSlots::add(rb, &s)),
            new: new.map(|t| rb.add(t)),
        }
    }

    /// Element `i` of parameter `p` (0 = w, 1 = b), as read back.
    pub(crate) fn update(
        &self,
        kind: OptimizerKind,
        v: &Values,
        p: usize,
        i: usize,
    ) -> ParamUpdate {
        let at = |slot: Slot| v.vec(slot).get(i).copied().unwrap_or(f32::NAN);
        ParamUpdate {
            theta: at(self.old[p]),
            grad: at(self.grad[p]),
            state_before: self.before[p].element(kind, v, i),
            state_after: self.after[p].element(kind, v, i),
            theta_new: at(self.new[p]),
        }
    }

    /// How many elements parameter `p` has.
    pub(crate) fn len(&self, v: &Values, p: usize) -> usize {
        v.vec(self.old[p]).len()
    }
}

pub(super) struct StepSlots {
    pub(super) step: u64,
    pub(super) lr: f64,
    pub(super) x: Slot,
    pub(super) z: Slot,
    pub(super) y_hat: Slot,
    pub(super) loss: Slot,
    pub(super) update: UpdateSlots,
}

/// A snapshot's readback, queued.
pub struct PendingNeuron {
    pub(super) rb: Readback,
    pub(super) w: Slot,
    pub(super) b: Slot,
    pub(super) y_hat: Slot,
    pub(super) loss: Slot,
    pub(super) losses: Vec<(u64, Slot)>,
    pub(super) last: Option<StepSlots>,
    pub(super) steps: u64,
    pub(super) y: f32,
    pub(super) optimizer: TensorOptimizer,
    pub(super) kind: OptimizerKind,
}

impl PendingNeuron {
    /// Runs the readback (asynchronously: required for WebGPU in the browser).
    pub async fn finish(self) -> Result<NeuronSnapshot, EngineError> {
        let v = self.rb.run().await?;
        let kind = self.kind;
        let last = self.last.map(|t| {
            let update = |p: usize, i: usize| t.update.update(kind, &v, p, i);
            NeuronStep {
                step: t.step,
                x: v.vec(t.x).to_vec(),
                y: self.y,
                z: v.scalar(t.z),
                y_hat: v.scalar(t.y_hat),
                loss: v.scalar(t.loss),
                optimizer: self.optimizer.hyper(t.lr),
                w: (0..t.update.len(&v, 0)).map(|i| update(0, i)).collect(),
                b: update(1, 0),
            }
        });
        Ok(NeuronSnapshot {
            steps: self.steps,
            w: v.vec(self.w).to_vec(),
            b: v.scalar(self.b),
            y_hat: v.scalar(self.y_hat),
            loss: v.scalar(self.loss),
            losses: self
                .losses
                .iter()
                .map(|&(step, slot)| (step, v.scalar(slot)))
                .collect(),
            last,
        })
    }
}
