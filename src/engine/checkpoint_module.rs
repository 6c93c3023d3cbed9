//! A whole module's checkpoint: every float parameter (in the module's visiting order) with
//! the optimizer state kept for it by id, queued for one readback; and the way back, each
//! parameter and its state replaced from the plain numbers. Any optimizer that keeps its
//! states by parameter id implements [`ParamStates`].

use burn::module::{Module, ModuleMapper, ModuleVisitor, Param, ParamId};
use burn::prelude::*;

use super::EngineError;
use super::checkpoint::{PendingCheckpoint, Restore, StateTensors, tensor};
use crate::protocol::{RunCheckpoint, StateValues};

/// An optimizer's per-parameter state, as a checkpoint reads and restores it.
pub trait ParamStates {
    /// Parameter `id`'s state tensors (nothing before its first step).
    fn state_tensors<const D: usize>(&self, id: ParamId) -> StateTensors<D>;
    /// Puts back a checkpoint's state of parameter `id` (of `dims`) on `device`.
    fn restore_state<const D: usize>(
        &mut self,
        id: ParamId,
        saved: &StateValues,
        dims: &[usize],
        device: &Device,
    );
}

/// Queues every parameter of `module` with its state into `pending`.
pub fn queue<M: Module>(
    module: &M,
    states: &impl ParamStates,
    pending: PendingCheckpoint,
) -> PendingCheckpoint {
    let mut queue = Queue { states, pending };
    module.visit(&mut queue);
    queue.pending
}

/// `module` with every parameter, and `states` with every state, from `checkpoint`; the
/// values are put on `inner` (the non-autodiff device), the parameters tracked again.
pub fn restore<M: Module>(
    module: M,
    checkpoint: &RunCheckpoint,
    states: &mut impl ParamStates,
    inner: Device,
) -> Result<M, EngineError> {
    let mut fill = Fill {
        restore: Restore::new(checkpoint),
        states,
        inner,
    };
    let module = module.map(&mut fill);
    fill.restore.finish()?;
    Ok(module)
}

struct Queue<'a, S> {
    states: &'a S,
    pending: PendingCheckpoint,
}

impl<S: ParamStates> ModuleVisitor for Queue<'_, S> {
    fn visit_float<const D: usize>(&mut self, param: &Param<Tensor<D>>) {
        let state = self.states.state_tensors::<D>(param.id);
        self.pending.add(&param.val(), state);
    }
}

struct Fill<'a, 'c, S> {
    restore: Restore<'c>,
    states: &'a mut S,
    inner: Device,
}

impl<S: ParamStates> ModuleMapper for Fill<'_, '_, S> {
    fn map_float<const D: usize>(&mut self, param: Param<Tensor<D>>) -> Param<Tensor<D>> {
        let (id, theta, mapper) = param.consume();
        let dims = theta.dims();
        let Some(saved) = self.restore.next(&dims) else {
            return Param::from_mapped_value(id, theta, mapper);
        };
        self.states
            .restore_state::<D>(id, &saved.state, &dims, &self.inner);
        let theta =
            Tensor::from_inner(tensor::<D>(&saved.value, &dims, &self.inner)).require_grad();
        Param::from_mapped_value(id, theta, mapper)
    }
}
