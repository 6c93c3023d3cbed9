//! Burn's optimizers applied to one parameter tensor at a time, with their state in view.
//!
//! `ModuleOptimizer` hides the per-parameter state; the step-by-step panel must show it. So each
//! parameter keeps its Burn state here and steps through Burn's own `Optimizer::step`, and we
//! keep handles to the state tensors Burn produced (`m`, `v` of Adam; momentum's velocity).

use burn::optim::momentum::{Momentum, MomentumConfig, MomentumState};
use burn::optim::{
    Adam, AdamConfig, AdamState, AdaptiveMomentumState, Optimizer, Sgd, SgdConfig, SgdState,
};
use burn::tensor::{Device, Tensor};

use crate::protocol::{OptimizerHyper, ParamState, StateValues};
use crate::settings::OptimizerKind;

/// Adam's constants (Kingma & Ba's defaults; Burn's default ε is 1e-5, we state ours).
pub const ADAM_BETA_1: f32 = 0.9;
pub const ADAM_BETA_2: f32 = 0.999;
pub const ADAM_EPSILON: f32 = 1e-8;

/// One of Burn's optimizers, configured from the settings.
#[derive(Clone)]
pub struct ScalarOptimizer {
    kind: OptimizerKind,
    momentum: f64,
    sgd: Sgd,
    /// Momentum's transform: the same function `Sgd::step` applies, used to expose v.
    velocity: Option<Momentum>,
    adam: Adam,
}

/// Burn's state of one parameter, plus handles to its tensors for display.
#[derive(Clone)]
pub enum SlotState {
    Sgd(Option<Box<SgdState<1>>>),
    Momentum {
        burn: Option<Box<SgdState<1>>>,
        v: Option<Box<Tensor<1>>>,
    },
    Adam(Option<Box<AdamState<1>>>),
}

impl ScalarOptimizer {
    pub fn new(kind: OptimizerKind, momentum: f64) -> Self {
        // dampening 0 and no Nesterov: v ← μ v + g, θ ← θ − α v.
        let momentum_config = MomentumConfig::new()
            .with_momentum(momentum)
            .with_dampening(0.0)
            .with_nesterov(false);
        let sgd_config = match kind {
            OptimizerKind::Momentum => {
                SgdConfig::new().with_momentum(Some(momentum_config.clone()))
            }
            _ => SgdConfig::new(),
        };
        let adam = AdamConfig::new()
            .with_beta_1(ADAM_BETA_1)
            .with_beta_2(ADAM_BETA_2)
            .with_epsilon(ADAM_EPSILON)
            .build();
        Self {
            kind,
            momentum,
            sgd: sgd_config.build(),
            velocity: (kind == OptimizerKind::Momentum).then(|| Momentum::new(&momentum_config)),
            adam,
        }
    }

    pub fn hyper(&self, lr: f64) -> OptimizerHyper {
        OptimizerHyper {
            kind: self.kind,
            lr,
            momentum: self.momentum,
            beta_1: f64::from(ADAM_BETA_1),
            beta_2: f64::from(ADAM_BETA_2),
            epsilon: f64::from(ADAM_EPSILON),
        }
    }

    /// A parameter's state before its first step, or restored from plain numbers.
    pub fn initial_state(&self, restored: ParamState, device: &Device) -> SlotState {
        let scalar = |x: f32| Tensor::<1>::from_floats([x], device);
        match (self.kind, restored) {
            (OptimizerKind::Sgd, _) => SlotState::Sgd(None),
            (OptimizerKind::Momentum, ParamState::Momentum { v }) => SlotState::Momentum {
                burn: Some(Box::new(SgdState::new(Some(MomentumState::new(scalar(v)))))),
                v: Some(Box::new(scalar(v))),
            },
            (OptimizerKind::Momentum, _) => SlotState::Momentum {
                burn: None,
                v: None,
            },
            (OptimizerKind::Adam, ParamState::Adam { t, m, v }) if t > 0 => {
                SlotState::Adam(Some(Box::new(AdamState::new(AdaptiveMomentumState::new(
                    t as usize,
                    scalar(m),
                    scalar(v),
                )))))
            }
            (OptimizerKind::Adam, _) => SlotState::Adam(None),
        }
    }

    /// A parameter's state restored from a checkpoint (any length: the neuron's w is a
    /// vector).
    pub fn restore_state(&self, saved: &StateValues, device: &Device) -> SlotState {
        let tensor = |x: &[f32]| Tensor::<1>::from_floats(x, device);
        match (self.kind, saved) {
            (OptimizerKind::Momentum, StateValues::Momentum { v }) => SlotState::Momentum {
                burn: Some(Box::new(SgdState::new(Some(MomentumState::new(tensor(v)))))),
                v: Some(Box::new(tensor(v))),
            },
            (OptimizerKind::Adam, StateValues::Adam { t, m, v }) if *t > 0 => {
                SlotState::Adam(Some(Box::new(AdamState::new(AdaptiveMomentumState::new(
                    *t as usize,
                    tensor(m),
                    tensor(v),
                )))))
            }
            _ => self.initial_state(ParamState::None, device),
        }
    }

    /// θ_new = Burn's optimizer step on (θ, g); updates `state` in place.
    ///
    /// # Shapes
    /// θ and g: `[1]`, without autodiff.
    pub fn step(
        &self,
        lr: f64,
        theta: Tensor<1>,
        grad: Tensor<1>,
        state: &mut SlotState,
    ) -> Tensor<1> {
        match state {
            SlotState::Sgd(burn) => {
                let (theta, next) = self.sgd.step(lr, theta, grad, burn.take().map(|b| *b));
                *burn = next.map(Box::new);
                theta
            }
            SlotState::Momentum { burn, v } => {
                let previous = burn.as_ref().and_then(|s| s.momentum.clone());
                if let Some(momentum) = &self.velocity {
                    *v = Some(Box::new(momentum.transform(grad.clone(), previous).0));
                }
                let (theta, next) = self.sgd.step(lr, theta, grad, burn.take().map(|b| *b));
                *burn = next.map(Box::new);
                theta
            }
            SlotState::Adam(burn) => {
                let (theta, next) = self.adam.step(lr, theta, grad, burn.take().map(|b| *b));
                *burn = next.map(Box::new);
                theta
            }
        }
    }
}

/// The state tensors of a slot, for readback: (t, m or velocity, v).
pub fn state_tensors(state: &SlotState) -> (u32, Option<Tensor<1>>, Option<Tensor<1>>) {
    match state {
        SlotState::Sgd(_) => (0, None, None),
        SlotState::Momentum { v, .. } => (0, v.as_deref().cloned(), None),
        SlotState::Adam(Some(s)) => (
            s.momentum.time as u32,
            Some(s.momentum.moment_1.clone()),
            Some(s.momentum.moment_2.clone()),
        ),
        SlotState::Adam(None) => (0, None, None),
    }
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
