//! Burn's optimizers applied to one parameter tensor at a time, with their state in view: the
//! one optimizer path of every task.
//!
//! `ModuleOptimizer` hides the per-parameter state (and reads it back only synchronously); the
//! step-by-step panel must show it, and a checkpoint must save it. So each parameter keeps its
//! Burn state ([`TensorState`]) beside it and steps through Burn's own `Optimizer::step`
//! ([`TensorOptimizer::advance`]). Linear regression and the neuron hold their parameters'
//! states themselves ([`SlotState`]); a network's are kept by
//! [`ParamOptimizer`](super::mnist::param_optimizer::ParamOptimizer), which walks its modules.

use burn::optim::momentum::{Momentum, MomentumConfig, MomentumState};
use burn::optim::{Adam, AdamConfig, AdamState, AdaptiveMomentumState, Optimizer, Sgd, SgdConfig};
use burn::tensor::{Device, Tensor};

use crate::protocol::{OptimizerHyper, ParamState, StateValues};
use crate::settings::OptimizerKind;

/// Adam's constants (Kingma & Ba's defaults; Burn's default ε is 1e-5, we state ours).
pub const ADAM_BETA_1: f32 = 0.9;
pub const ADAM_BETA_2: f32 = 0.999;
pub const ADAM_EPSILON: f32 = 1e-8;

/// One parameter tensor's optimizer state.
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

/// A scalar or vector parameter's state (None before its first step, and for plain SGD).
pub type SlotState = Option<TensorState<1>>;

/// SGD, momentum or Adam, as the settings choose, stepping one tensor at a time.
#[derive(Clone)]
pub struct TensorOptimizer {
    kind: OptimizerKind,
    /// μ, for the explanation.
    mu: f64,
    sgd: Sgd,
    momentum: Momentum,
    adam: Adam,
}

impl TensorOptimizer {
    pub fn new(kind: OptimizerKind, mu: f64) -> Self {
        let momentum = MomentumConfig::new()
            .with_momentum(mu)
            .with_dampening(0.0)
            .with_nesterov(false);
        let adam = AdamConfig::new()
            .with_beta_1(ADAM_BETA_1)
            .with_beta_2(ADAM_BETA_2)
            .with_epsilon(ADAM_EPSILON);
        Self {
            kind,
            mu,
            sgd: SgdConfig::new().build(),
            momentum: Momentum::new(&momentum),
            adam: adam.build(),
        }
    }

    pub fn kind(&self) -> OptimizerKind {
        self.kind
    }

    /// The constants of the update rule, for the explanation.
    pub fn hyper(&self, lr: f64) -> OptimizerHyper {
        OptimizerHyper {
            kind: self.kind,
            lr,
            momentum: self.mu,
            beta_1: f64::from(ADAM_BETA_1),
            beta_2: f64::from(ADAM_BETA_2),
            epsilon: f64::from(ADAM_EPSILON),
        }
    }

    /// θ_new = Burn's step of (θ, g) from `before`, and the state after. Consumes `before`:
    /// a state tensor held only here is updated in place by Burn (a second handle would force
    /// a copy of every moment on every step).
    ///
    /// # Shapes
    /// θ and g: the parameter's shape, without autodiff.
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
                // Burn's SGD with momentum in its two halves: Burn's momentum transform
                // (v ← μ v + g, which returns v), then Burn's SGD step θ − α v. Our copy of v
                // is dropped first, so Burn's velocity is the only handle.
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

    /// [`advance`](Self::advance) of a parameter whose state is kept in `state`.
    pub fn step<const D: usize>(
        &self,
        lr: f64,
        theta: Tensor<D>,
        grad: Tensor<D>,
        state: &mut Option<TensorState<D>>,
    ) -> Tensor<D> {
        let (theta_new, after) = self.advance(lr, theta, grad, state.take());
        *state = after;
        theta_new
    }

    /// A state from plain numbers (a checkpoint), of a parameter of shape `dims` on `device`.
    pub fn restore<const D: usize>(
        &self,
        saved: &StateValues,
        dims: &[usize],
        device: &Device,
    ) -> Option<TensorState<D>> {
        let tensor = |values: &[f32]| super::checkpoint::tensor::<D>(values, dims, device);
        match (self.kind, saved) {
            (OptimizerKind::Momentum, StateValues::Momentum { v }) => Some(TensorState::Momentum {
                v: tensor(v),
                burn: MomentumState::new(tensor(v)),
            }),
            (OptimizerKind::Adam, StateValues::Adam { t, m, v }) if *t > 0 => {
                Some(TensorState::Adam(AdamState::new(
                    AdaptiveMomentumState::new(*t as usize, tensor(m), tensor(v)),
                )))
            }
            _ => None,
        }
    }

    /// A scalar parameter's state from its plain numbers (linear regression's checkpoint).
    pub fn scalar_state(&self, restored: ParamState, device: &Device) -> SlotState {
        let saved = match restored {
            ParamState::None => StateValues::None,
            ParamState::Momentum { v } => StateValues::Momentum { v: vec![v] },
            ParamState::Adam { t, m, v } => StateValues::Adam {
                t,
                m: vec![m],
                v: vec![v],
            },
        };
        self.restore(&saved, &[1], device)
    }
}

/// The state tensors of a slot, for readback: (t, m or velocity, v).
pub fn state_tensors(state: &SlotState) -> (u32, Option<Tensor<1>>, Option<Tensor<1>>) {
    state.as_ref().map_or((0, None, None), TensorState::tensors)
}

/// Plain numbers for a slot's state, given the values read back for `state_tensors`.
pub fn param_state(
    kind: OptimizerKind,
    t: u32,
    first: Option<f32>,
    second: Option<f32>,
) -> ParamState {
    match kind {
        OptimizerKind::Sgd => ParamState::None,
        OptimizerKind::Momentum => ParamState::Momentum {
            v: first.unwrap_or(0.0),
        },
        OptimizerKind::Adam => ParamState::Adam {
            t,
            m: first.unwrap_or(0.0),
            v: second.unwrap_or(0.0),
        },
    }
}
