//! Burn's optimizers over a whole network, with every parameter's state in view.
//!
//! Burn's `ModuleOptimizer` keeps its per-parameter state private (and reads it back only
//! synchronously), but the step-by-step panel must show a weight's momentum velocity or Adam
//! moments. So this walks the network's parameters itself and steps each tensor through Burn's
//! own `Optimizer::step`, keeping the state tensors where they can be read — asynchronously, on
//! any device — and copied for a "what would this sample do" preview.

use std::any::Any;
use std::collections::HashMap;

use burn::module::{ModuleMapper, Param, ParamId};
use burn::optim::momentum::{Momentum, MomentumConfig, MomentumState};
use burn::optim::{
    Adam, AdamConfig, AdamState, AdaptiveMomentumState, GradientsParams, Optimizer, Sgd, SgdConfig,
};
use burn::prelude::*;

use crate::engine::checkpoint;
use crate::engine::optimizer::{ADAM_BETA_1, ADAM_BETA_2, ADAM_EPSILON};
use crate::protocol::StateValues;
use crate::settings::{OptimizerKind, Settings};

/// One parameter tensor's optimizer state.
// Stored boxed (as `dyn Any`) anyway, so the variants' sizes do not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Clone)]
pub enum TensorState<const D: usize> {
    /// Momentum's velocity v (v ← μ v + g; dampening 0, no Nesterov): Burn's state, and the
    /// velocity it holds (Burn keeps that field private; its transform returns it).
    Momentum {
        v: Tensor<D>,
        burn: MomentumState<D>,
    },
    /// Adam's step count and moments m, v, exactly as Burn keeps them.
    Adam(AdamState<D>),
}

impl<const D: usize> TensorState<D> {
    /// (t, first tensor, second tensor): Adam's (t, m, v) or momentum's (0, v, None).
    pub fn tensors(&self) -> (u32, Option<Tensor<D>>, Option<Tensor<D>>) {
        match self {
            Self::Momentum { v, .. } => (0, Some(v.clone()), None),
            Self::Adam(s) => (
                s.momentum.time as u32,
                Some(s.momentum.moment_1.clone()),
                Some(s.momentum.moment_2.clone()),
            ),
        }
    }
}

/// A parameter's update: the new value and its state before and after (None before the
/// first step, and always for plain SGD).
pub struct TensorUpdate<const D: usize> {
    pub theta_new: Tensor<D>,
    pub before: Option<TensorState<D>>,
    pub after: Option<TensorState<D>>,
}

/// SGD, momentum or Adam (per the settings) over all parameters of a network.
pub struct ParamOptimizer {
    kind: OptimizerKind,
    sgd: Sgd,
    momentum: Momentum,
    adam: Adam,
    /// `TensorState<D>` of each parameter stepped so far, by id.
    states: HashMap<ParamId, Box<dyn Any>>,
}

impl ParamOptimizer {
    pub fn new(settings: &Settings) -> Self {
        Self {
            kind: settings.optimizer,
            sgd: SgdConfig::new().build(),
            momentum: Momentum::new(
                &MomentumConfig::new()
                    .with_momentum(settings.momentum)
                    .with_dampening(0.0)
                    .with_nesterov(false),
            ),
            adam: AdamConfig::new()
                .with_beta_1(ADAM_BETA_1)
                .with_beta_2(ADAM_BETA_2)
                .with_epsilon(ADAM_EPSILON)
                .build(),
            states: HashMap::new(),
        }
    }

    /// The state of parameter `id` (None before its first step, and for plain SGD).
    pub fn state<const D: usize>(&self, id: ParamId) -> Option<TensorState<D>> {
        self.states
            .get(&id)
            .and_then(|s| s.downcast_ref::<TensorState<D>>())
            .cloned()
    }

    /// Sets parameter `id`'s state from plain numbers (a checkpoint), on `device` (inner).
    pub fn restore<const D: usize>(
        &mut self,
        id: ParamId,
        state: &StateValues,
        dims: &[usize],
        device: &Device,
    ) {
        let tensor = |values: &[f32]| checkpoint::tensor::<D>(values, dims, device);
        let restored = match (self.kind, state) {
            (OptimizerKind::Momentum, StateValues::Momentum { v }) => TensorState::Momentum {
                v: tensor(v),
                burn: MomentumState::new(tensor(v)),
            },
            (OptimizerKind::Adam, StateValues::Adam { t, m, v }) if *t > 0 => {
                TensorState::Adam(AdamState::new(AdaptiveMomentumState::new(
                    *t as usize,
                    tensor(m),
                    tensor(v),
                )))
            }
            _ => return,
        };
        self.states.insert(id, Box::new(restored));
    }

    /// θ_new = Burn's step of (θ, g) from `before`, and the state after. Consumes `before`:
    /// a state tensor held only here is updated in place by Burn (a second handle would
    /// force a copy of every moment on every step).
    ///
    /// # Shapes
    /// θ and g: the parameter's shape, on the inner (non-autodiff) device.
    pub fn advance<const D: usize>(
        &self,
        lr: f64,
        theta: Tensor<D>,
        grad: Tensor<D>,
        before: Option<TensorState<D>>,
    ) -> (Tensor<D>, Option<TensorState<D>>) {
        match self.kind {
            OptimizerKind::Sgd => (self.sgd.step(lr, theta, grad, None).0, None),
            OptimizerKind::Momentum => {
                // What Burn's SGD-with-momentum does, in its two halves: Burn's momentum
                // transform (v ← μ v + g, which returns v), then Burn's SGD step θ − α v.
                // Our copy of v is dropped first, so Burn's velocity is the only handle.
                let previous = match before {
                    Some(TensorState::Momentum { burn, v }) => {
                        drop(v);
                        Some(burn)
                    }
                    _ => None,
                };
                let (v, burn) = self.momentum.transform(grad, previous);
                let (theta_new, _) = self.sgd.step(lr, theta, v.clone(), None);
                (theta_new, Some(TensorState::Momentum { v, burn }))
            }
            OptimizerKind::Adam => {
                let state = match before {
                    Some(TensorState::Adam(s)) => Some(s),
                    _ => None,
                };
                let (theta_new, after) = self.adam.step(lr, theta, grad, state);
                (theta_new, after.map(TensorState::Adam))
            }
        }
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
        let (theta_new, after) = self.advance(lr, theta, grad, before.clone());
        TensorUpdate {
            theta_new,
            before,
            after,
        }
    }

    /// One step of every parameter of `module` that has a gradient in `grads`.
    pub fn step<M: Module>(&mut self, lr: f64, module: M, mut grads: GradientsParams) -> M {
        module.map(&mut StepMapper {
            optimizer: self,
            grads: &mut grads,
            lr,
        })
    }
}

struct StepMapper<'a> {
    optimizer: &'a mut ParamOptimizer,
    grads: &'a mut GradientsParams,
    lr: f64,
}

impl ModuleMapper for StepMapper<'_> {
    fn map_float<const D: usize>(&mut self, param: Param<Tensor<D>>) -> Param<Tensor<D>> {
        let (id, tensor, mapper) = param.consume();
        let Some(grad) = self.grads.remove::<D>(id) else {
            return Param::from_mapped_value(id, tensor, mapper);
        };
        // Taken out of the map, so the step holds the only handle on the state.
        let before = self
            .optimizer
            .states
            .remove(&id)
            .and_then(|s| s.downcast::<TensorState<D>>().ok())
            .map(|s| *s);
        let (theta_new, after) = self
            .optimizer
            .advance(self.lr, tensor.inner(), grad, before);
        if let Some(after) = after {
            self.optimizer.states.insert(id, Box::new(after));
        }
        let tensor = Tensor::from_inner(theta_new).require_grad();
        Param::from_mapped_value(id, tensor, mapper)
    }
}

#[cfg(test)]
#[path = "param_optimizer_tests.rs"]
mod tests;
