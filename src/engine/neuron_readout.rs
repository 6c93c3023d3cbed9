//! The single neuron's readback: which slot holds which number of a snapshot, and the
//! snapshot built from the values read.

use super::EngineError;
use super::optimizer::{SlotState, TensorOptimizer, param_state, state_tensors};
use super::readback::{Readback, Slot, Values};
use crate::protocol::neuron::{NeuronSnapshot, NeuronStep};
use crate::protocol::{ParamState, ParamUpdate};
use crate::settings::OptimizerKind;

/// Readback slots of one parameter tensor's optimizer state.
pub(super) struct StateSlots(u32, Option<Slot>, Option<Slot>);

impl StateSlots {
    pub(super) fn add(rb: &mut Readback, state: &SlotState) -> Self {
        let (t, first, second) = state_tensors(state);
        Self(t, first.map(|x| rb.add(&x)), second.map(|x| rb.add(&x)))
    }

    /// The state of element `i` of the tensor.
    fn element(&self, kind: OptimizerKind, v: &Values, i: usize) -> ParamState {
        let at = |slot: Option<Slot>| slot.and_then(|s| v.vec(s).get(i).copied());
        param_state(kind, self.0, at(self.1), at(self.2))
    }
}

pub(super) struct StepSlots {
    pub(super) step: u64,
    pub(super) lr: f64,
    pub(super) x: Slot,
    pub(super) z: Slot,
    pub(super) y_hat: Slot,
    pub(super) loss: Slot,
    pub(super) grad: [Slot; 2],
    pub(super) old: [Slot; 2],
    pub(super) before: [StateSlots; 2],
    pub(super) after: [StateSlots; 2],
    pub(super) new: [Slot; 2],
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
            let update = |p: usize, i: usize| ParamUpdate {
                theta: v.vec(t.old[p]).get(i).copied().unwrap_or(f32::NAN),
                grad: v.vec(t.grad[p]).get(i).copied().unwrap_or(f32::NAN),
                state_before: t.before[p].element(kind, &v, i),
                state_after: t.after[p].element(kind, &v, i),
                theta_new: v.vec(t.new[p]).get(i).copied().unwrap_or(f32::NAN),
            };
            NeuronStep {
                step: t.step,
                x: v.vec(t.x).to_vec(),
                y: self.y,
                z: v.scalar(t.z),
                y_hat: v.scalar(t.y_hat),
                loss: v.scalar(t.loss),
                optimizer: self.optimizer.hyper(t.lr),
                w: (0..v.vec(t.old[0]).len()).map(|i| update(0, i)).collect(),
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
