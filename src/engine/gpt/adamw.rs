//! AdamW over the GPT's parameters through Burn's own `AdamW::step`, one tensor at a time, with
//! each tensor's moments kept where they can be read (Burn's `ModuleOptimizer` hides them).
//!
//! θ ← θ(1 − αλ) − α m̂/(√v̂ + ε), m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ). Weight decay λ applies to
//! the matrices (rank ≥ 2: the embeddings and every W), not to biases or LayerNorm's γ, β —
//! nanoGPT's grouping.

use burn::module::ParamId;
use burn::optim::{
    AdamW, AdamWConfig, AdamWState, AdaptiveMomentumState, GradientsParams, Optimizer,
};
use burn::prelude::*;
use serde::{Deserialize, Serialize};

use crate::engine::checkpoint::{StateTensors, tensor};
use crate::engine::checkpoint_module::ParamStates;
use crate::engine::param_step::{StateMap, TensorRule, step_module};
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
    rule: DecayByRank,
    /// `AdamWState<D>` of each parameter stepped so far, by id.
    states: StateMap,
}

/// Burn's AdamW with λ for the matrices, without it for the vectors.
struct DecayByRank {
    decayed: AdamW,
    plain: AdamW,
}

impl TensorRule for DecayByRank {
    type State<const D: usize> = AdamWState<D>;

    fn advance<const D: usize>(
        &self,
        lr: f64,
        theta: Tensor<D>,
        grad: Tensor<D>,
        before: Option<AdamWState<D>>,
    ) -> (Tensor<D>, Option<AdamWState<D>>) {
        let rule = if GptOptimizer::decays(D) {
            &self.decayed
        } else {
            &self.plain
        };
        rule.step(lr, theta, grad, before)
    }
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
            rule: DecayByRank {
                decayed: config(hyper.weight_decay),
                plain: config(0.0),
            },
            states: StateMap::default(),
        }
    }

    /// Whether a parameter of this rank is decayed.
    pub fn decays(rank: usize) -> bool {
        rank >= 2
    }

    /// The state of parameter `id` (None before its first step).
    pub fn state<const D: usize>(&self, id: ParamId) -> Option<AdamWState<D>> {
        self.states.get(id)
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
        self.rule.advance(lr, theta, grad, self.state::<D>(id))
    }

    /// One step of every parameter of `module` that has a gradient in `grads`.
    pub fn step<M: Module>(&mut self, lr: f64, module: M, grads: GradientsParams) -> M {
        step_module(module, &self.rule, &mut self.states, grads, lr)
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
            self.states.insert(id, state);
        }
    }
}
