//! AdamW over the GPT's parameters through Burn's own `AdamW::step`, one tensor at a time, with
//! each tensor's moments kept where they can be read (Burn's `ModuleOptimizer` hides them).
//!
//! θ ← θ(1 − αλ) − α m̂/(√v̂ + ε), m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ). Weight decay λ applies to
//! the matrices (rank ≥ 2: the embeddings and every W), not to biases or LayerNorm's γ, β —
//! nanoGPT's grouping.

use std::any::Any;
use std::collections::HashMap;

use burn::module::{ModuleMapper, Param, ParamId};
use burn::optim::{
    AdamW, AdamWConfig, AdamWState, AdaptiveMomentumState, GradientsParams, Optimizer,
};
use burn::prelude::*;
use serde::{Deserialize, Serialize};

use crate::engine::checkpoint::{StateTensors, tensor};
use crate::engine::checkpoint_module::ParamStates;
use crate::protocol::StateValues;

/// AdamW's constants.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdamWHyper {
    pub beta_1: f32,
    pub beta_2: f32,
    pub epsilon: f32,
    /// λ, for the matrices only.
    pub weight_decay: f32,
}

impl Default for AdamWHyper {
    /// nanoGPT's character-level Shakespeare recipe: β₂ = 0.99, λ = 0.1 (ε as PyTorch's).
    fn default() -> Self {
        Self {
            beta_1: 0.9,
            beta_2: 0.99,
            epsilon: 1e-8,
            weight_decay: 0.1,
        }
    }
}

pub struct GptOptimizer {
    pub hyper: AdamWHyper,
    decayed: AdamW,
    plain: AdamW,
    /// `AdamWState<D>` of each parameter stepped so far, by id.
    states: HashMap<ParamId, Box<dyn Any>>,
}

impl GptOptimizer {
    pub fn new(hyper: AdamWHyper) -> Self {
        let config = |decay: f32| {
            AdamWConfig::new()
                .with_beta_1(hyper.beta_1)
                .with_beta_2(hyper.beta_2)
                .with_epsilon(hyper.epsilon)
                .with_weight_decay(decay)
                .build()
        };
        Self {
            hyper,
            decayed: config(hyper.weight_decay),
            plain: config(0.0),
            states: HashMap::new(),
        }
    }

    /// Whether a parameter of this rank is decayed.
    pub fn decays(rank: usize) -> bool {
        rank >= 2
    }

    /// The state of parameter `id` (None before its first step).
    pub fn state<const D: usize>(&self, id: ParamId) -> Option<AdamWState<D>> {
        self.states
            .get(&id)
            .and_then(|s| s.downcast_ref::<AdamWState<D>>())
            .cloned()
    }

    /// θ_new of (θ, g) from a copy of the current state, and that state after: what the next
    /// step would do, the run's own state untouched.
    pub fn preview<const D: usize>(
        &self,
        lr: f64,
        id: ParamId,
        theta: Tensor<D>,
        grad: Tensor<D>,
    ) -> (Tensor<D>, Option<AdamWState<D>>) {
        self.rule(D).step(lr, theta, grad, self.state::<D>(id))
    }

    fn rule(&self, rank: usize) -> &AdamW {
        if Self::decays(rank) {
            &self.decayed
        } else {
            &self.plain
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

/// The moments a checkpoint keeps: (t, m, v) of each parameter.
impl ParamStates for GptOptimizer {
    fn state_tensors<const D: usize>(&self, id: ParamId) -> StateTensors<D> {
        self.state::<D>(id).map_or((0, None, None), |s| {
            let m = s.momentum;
            (m.time as u32, Some(m.moment_1), Some(m.moment_2))
        })
    }

    fn restore_state<const D: usize>(
        &mut self,
        id: ParamId,
        saved: &StateValues,
        dims: &[usize],
        device: &Device,
    ) {
        if let StateValues::Adam { t, m, v } = saved {
            let state = AdamWState {
                momentum: AdaptiveMomentumState {
                    time: *t as usize,
                    moment_1: tensor::<D>(m, dims, device),
                    moment_2: tensor::<D>(v, dims, device),
                    max_moment_2: None,
                },
            };
            self.states.insert(id, Box::new(state));
        }
    }
}

struct StepMapper<'a> {
    optimizer: &'a mut GptOptimizer,
    grads: &'a mut GradientsParams,
    lr: f64,
}

impl ModuleMapper for StepMapper<'_> {
    fn map_float<const D: usize>(&mut self, param: Param<Tensor<D>>) -> Param<Tensor<D>> {
        let (id, tensor, mapper) = param.consume();
        let Some(grad) = self.grads.remove::<D>(id) else {
            return Param::from_mapped_value(id, tensor, mapper);
        };
        // Taken out of the map, so Burn holds the only handle and updates it in place.
        let before = self
            .optimizer
            .states
            .remove(&id)
            .and_then(|s| s.downcast::<AdamWState<D>>().ok())
            .map(|s| *s);
        let (theta_new, after) = self
            .optimizer
            .rule(D)
            .step(self.lr, tensor.inner(), grad, before);
        if let Some(after) = after {
            self.optimizer.states.insert(id, Box::new(after));
        }
        Param::from_mapped_value(id, Tensor::from_inner(theta_new).require_grad(), mapper)
    }
}
