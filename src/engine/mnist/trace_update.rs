//! The update one sample's gradient would make to a parameter under the run's optimizer —
//! computed by Burn from a copy of the optimizer's state (the run itself is unchanged) — and
//! queued for readback restricted to the entries the panel shows.

use burn::prelude::*;

use super::param_optimizer::{ParamOptimizer, TensorState, TensorUpdate};
use super::trace_pass::ParamPass;
use crate::engine::optimizer::param_state;
use crate::engine::readback::{Readback, Slot, Values};
use crate::protocol::ParamUpdate;
use crate::settings::OptimizerKind;

/// Slots of one state (t, first, second) restricted to the selection.
struct StateSlots(u32, Option<Slot>, Option<Slot>);

/// θ, g, θ_new and the state before/after of a selection of a parameter, queued.
pub struct QueuedUpdate {
    kind: OptimizerKind,
    theta: Slot,
    grad: Slot,
    theta_new: Slot,
    before: StateSlots,
    after: StateSlots,
}

/// A parameter with this sample's gradient and the update Burn's optimizer makes of it.
pub struct Preview<const D: usize> {
    pub param: ParamPass<D>,
    update: TensorUpdate<D>,
}

impl<const D: usize> Preview<D> {
    /// Burn's optimizer step of `param` with this sample's gradient, from a copy of the run's
    /// state (computed now, while the optimizer is at hand; read back later).
    pub fn new(optimizer: &ParamOptimizer, lr: f64, param: ParamPass<D>) -> Self {
        let update = optimizer.preview(lr, param.id, param.value.clone(), param.grad.clone());
        Self { param, update }
    }
}

fn queue_state<const D: usize>(
    rb: &mut Readback,
    state: Option<&TensorState<D>>,
    select: &impl Fn(Tensor<D>) -> Tensor<1>,
) -> StateSlots {
    let Some(state) = state else {
        return StateSlots(0, None, None);
    };
    let (t, first, second) = state.tensors();
    StateSlots(
        t,
        first.map(|m| rb.add(&select(m))),
        second.map(|v| rb.add(&select(v))),
    )
}

impl QueuedUpdate {
    /// Queues the entries of `preview` that `select` flattens to `[n]` (a row, a kernel, one
    /// bias).
    pub fn queue<const D: usize>(
        rb: &mut Readback,
        kind: OptimizerKind,
        preview: &Preview<D>,
        select: impl Fn(Tensor<D>) -> Tensor<1>,
    ) -> Self {
        let (param, update) = (&preview.param, &preview.update);
        Self {
            kind,
            theta: rb.add(&select(param.value.clone())),
            grad: rb.add(&select(param.grad.clone())),
            theta_new: rb.add(&select(update.theta_new.clone())),
            before: queue_state(rb, update.before.as_ref(), &select),
            after: queue_state(rb, update.after.as_ref(), &select),
        }
    }

    /// The selection's values of θ (e.g. the row W[j, :]) and of ∂L/∂θ.
    pub fn values(&self, v: &Values) -> (Vec<f32>, Vec<f32>) {
        (v.vec(self.theta).to_vec(), v.vec(self.grad).to_vec())
    }

    /// Entry `k` of the selection as plain numbers.
    pub fn entry(&self, v: &Values, k: usize) -> ParamUpdate {
        let at = |slot: Slot| v.vec(slot).get(k).copied().unwrap_or(f32::NAN);
        let state = |s: &StateSlots| param_state(self.kind, s.0, s.1.map(at), s.2.map(at));
        ParamUpdate {
            theta: at(self.theta),
            grad: at(self.grad),
            state_before: state(&self.before),
            state_after: state(&self.after),
            theta_new: at(self.theta_new),
        }
    }
}
