//! Burn's optimizers over a whole network, with every parameter's state in view.
//!
//! Burn's `ModuleOptimizer` keeps its per-parameter state private (and reads it back only
//! synchronously), but the step-by-step panel must show a weight's momentum velocity or Adam
//! moments. So this walks the network's parameters itself and steps each tensor through Burn's
//! own `Optimizer::step`, keeping the state tensors where they can be read — asynchronously, on
//! any device — and copied for a "what would this sample do" preview.

use burn::module::ParamId;
use burn::optim::GradientsParams;
use burn::prelude::*;

use crate::engine::checkpoint::StateTensors;
use crate::engine::checkpoint_module::ParamStates;
use crate::engine::optimizer::TensorOptimizer;
pub use crate::engine::optimizer::TensorState;
use crate::engine::param_step::{StateMap, TensorRule, step_module};
use crate::protocol::StateValues;
use crate::settings::Settings;

/// A parameter's update: the new value and its state before and after (None before the
/// first step, and always for plain SGD).
pub struct TensorUpdate<const D: usize> {
    pub theta_new: Tensor<D>,
    pub before: Option<TensorState<D>>,
    pub after: Option<TensorState<D>>,
}

/// SGD, momentum or Adam (per the settings) over all parameters of a network: the one
/// per-tensor path ([`TensorOptimizer`]) with each parameter's state kept by its id.
pub struct ParamOptimizer {
    tensor: TensorOptimizer,
    /// `TensorState<D>` of each parameter stepped so far, by id.
    states: StateMap,
}

impl ParamOptimizer {
    pub fn new(settings: &Settings) -> Self {
        Self {
            tensor: TensorOptimizer::new(settings.optimizer, settings.momentum),
            states: StateMap::default(),
        }
    }

    /// The state of parameter `id` (None before its first step, and for plain SGD).
    pub fn state<const D: usize>(&self, id: ParamId) -> Option<TensorState<D>> {
        self.states.get(id)
    }

    /// The update of θ by g from a copy of the parameter's current state (the run's own
    /// state is left as it is): a preview, with the state before and after.
    pub fn preview<const D: usize>(
        &self,
        lr: f64,
        id: ParamId,
        theta: Tensor<D>,
        grad: Tensor<D>,
    ) -> TensorUpdate<D> {
        let before = self.state::<D>(id);
        let (theta_new, after) = self.tensor.advance(lr, theta, grad, before.clone());
        TensorUpdate {
            theta_new,
            before,
            after,
        }
    }

    /// One step of every parameter of `module` that has a gradient in `grads`.
    pub fn step<M: Module>(&mut self, lr: f64, module: M, grads: GradientsParams) -> M {
        step_module(module, &self.tensor, &mut self.states, grads, lr)
    }
}

/// The states a checkpoint keeps, by parameter id.
impl ParamStates for ParamOptimizer {
    fn state_tensors<const D: usize>(&self, id: ParamId) -> StateTensors<D> {
        self.state::<D>(id).map_or((0, None, None), |s| s.tensors())
    }

    fn restore_state<const D: usize>(
        &mut self,
        id: ParamId,
        state: &StateValues,
        dims: &[usize],
        device: &Device,
    ) {
        if let Some(restored) = self.tensor.restore::<D>(state, dims, device) {
            self.states.insert(id, restored);
        }
    }
}

/// SGD, momentum or Adam, one tensor at a time.
impl TensorRule for TensorOptimizer {
    type State<const D: usize> = TensorState<D>;

    fn advance<const D: usize>(
        &self,
        lr: f64,
        theta: Tensor<D>,
        grad: Tensor<D>,
        before: Option<TensorState<D>>,
    ) -> (Tensor<D>, Option<TensorState<D>>) {
        TensorOptimizer::advance(self, lr, theta, grad, before)
    }
}

#[cfg(test)]
#[path = "param_optimizer_tests.rs"]
mod tests;
