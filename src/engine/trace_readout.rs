//! Readback bookkeeping: which slot of a [`Readback`] holds which number of a snapshot.

use super::EngineError;
use super::linreg::StepTensors;
use super::optimizer::{SlotState, TensorOptimizer, param_state, state_tensors};
use super::path::PathSlots;
use super::readback::{Readback, Slot, Values};
use super::trainer::Readout;
use crate::protocol::{Checkpoint, CurvePoint, Hyper, ParamState, ParamUpdate, StepTrace};
use crate::settings::OptimizerKind;

/// A snapshot's readback, queued and waiting to run.
pub struct PendingReadout {
    pub(super) rb: Readback,
    pub(super) w: Slot,
    pub(super) b: Slot,
    pub(super) train_mse: Slot,
    pub(super) test_mse: Option<Slot>,
    pub(super) curve: Vec<(u64, Slot, Option<Slot>)>,
    pub(super) path: PathSlots,
    pub(super) states: [StateSlots; 2],
    pub(super) last: Option<(u64, usize, TraceSlots)>,
    pub(super) step: u64,
    pub(super) optimizer: TensorOptimizer,
    pub(super) kind: OptimizerKind,
}

impl PendingReadout {
    /// Runs the readback (asynchronously: required for WebGPU in the browser).
    pub async fn finish(self) -> Result<Readout, EngineError> {
        let v = self.rb.run().await?;
        let [state_w, state_b] = self.states.map(|s| s.read(self.kind, &v));
        let (w, b) = (v.scalar(self.w), v.scalar(self.b));
        Ok(Readout {
            w,
            b,
            train_mse: v.scalar(self.train_mse),
            test_mse: self.test_mse.map_or(f32::NAN, |s| v.scalar(s)),
            curve: self
                .curve
                .iter()
                .map(|&(step, train, test)| CurvePoint {
                    step,
                    train_mse: v.scalar(train),
                    test_mse: test.map_or(f32::NAN, |s| v.scalar(s)),
                })
                .collect(),
            path: self.path.read(&v),
            last_step: self.last.map(|(step, epoch, slots)| {
                slots.read(step, epoch, &self.optimizer, self.kind, &v)
            }),
            checkpoint: Checkpoint {
                step: self.step,
                w,
                b,
                state_w,
                state_b,
            },
        })
    }
}

/// Readback slots of one parameter's optimizer state.
pub(super) struct StateSlots(u32, Option<Slot>, Option<Slot>);

impl StateSlots {
    pub(super) fn add(rb: &mut Readback, state: &SlotState) -> Self {
        let (t, first, second) = state_tensors(state);
        Self(t, first.map(|x| rb.add(&x)), second.map(|x| rb.add(&x)))
    }

    pub(super) fn read(&self, kind: OptimizerKind, v: &Values) -> ParamState {
        param_state(
            kind,
            self.0,
            self.1.map(|s| v.scalar(s)),
            self.2.map(|s| v.scalar(s)),
        )
    }
}

/// Readback slots of a whole step.
pub(super) struct TraceSlots {
    x: Slot,
    y: Slot,
    y_hat: Slot,
    mse: Slot,
    loss: Slot,
    theta: [Slot; 2],
    grad: [Slot; 2],
    before: [StateSlots; 2],
    after: [StateSlots; 2],
    theta_new: [Slot; 2],
    hyper: Hyper,
}

impl TraceSlots {
    pub(super) fn add(rb: &mut Readback, t: &StepTensors) -> Self {
        Self {
            x: rb.add(&t.x),
            y: rb.add(&t.y),
            y_hat: rb.add(&t.y_hat),
            mse: rb.add(&t.mse),
            loss: rb.add(&t.loss),
            theta: [rb.add(&t.old.w), rb.add(&t.old.b)],
            grad: [rb.add(&t.d_loss_d_w), rb.add(&t.d_loss_d_b)],
            before: [
                StateSlots::add(rb, &t.state_before[0]),
                StateSlots::add(rb, &t.state_before[1]),
            ],
            after: [
                StateSlots::add(rb, &t.state_after[0]),
                StateSlots::add(rb, &t.state_after[1]),
            ],
            theta_new: [rb.add(&t.new.w), rb.add(&t.new.b)],
            hyper: t.hyper,
        }
    }

    pub(super) fn read(
        &self,
        step: u64,
        epoch: usize,
        optimizer: &TensorOptimizer,
        kind: OptimizerKind,
        v: &Values,
    ) -> StepTrace {
        let update = |i: usize| ParamUpdate {
            theta: v.scalar(self.theta[i]),
            grad: v.scalar(self.grad[i]),
            state_before: self.before[i].read(kind, v),
            state_after: self.after[i].read(kind, v),
            theta_new: v.scalar(self.theta_new[i]),
        };
        StepTrace {
            step,
            epoch,
            x: v.vec(self.x).to_vec(),
            y: v.vec(self.y).to_vec(),
            y_hat: v.vec(self.y_hat).to_vec(),
            mse: v.scalar(self.mse),
            l1: self.hyper.l1,
            l2: self.hyper.l2,
            loss: v.scalar(self.loss),
            optimizer: optimizer.hyper(self.hyper.lr),
            w: update(0),
            b: update(1),
        }
    }
}
