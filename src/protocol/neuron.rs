//! The single-neuron task's messages: the sample and parameters, one step, a snapshot.
//! Logistic regression: z = w·x + b, ŷ = σ(z), L = −[y log ŷ + (1−y) log(1−ŷ)].

use serde::{Deserialize, Serialize};

use super::{OptimizerHyper, ParamUpdate};
use crate::settings::Settings;

/// One sample and the neuron's parameters: z = w·x + b, ŷ = σ(z), label y.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NeuronInput {
    pub x: Vec<f32>,
    pub w: Vec<f32>,
    pub b: f32,
    pub y: f32,
}

impl NeuronInput {
    pub fn from_settings(s: &Settings) -> Self {
        let n = &s.neuron;
        let f = |v: &[f64]| v.iter().map(|&x| x as f32).collect();
        Self {
            x: f(&n.x),
            w: f(&n.w),
            b: n.b as f32,
            y: n.y as f32,
        }
    }
}

/// One optimizer step of the single-neuron task, every number Burn's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NeuronStep {
    /// 1-based step.
    pub step: u64,
    pub x: Vec<f32>,
    pub y: f32,
    pub z: f32,
    pub y_hat: f32,
    pub loss: f32,
    pub optimizer: OptimizerHyper,
    /// One update per weight wᵢ (Adam's t is shared), and the bias's.
    pub w: Vec<ParamUpdate>,
    pub b: ParamUpdate,
}

/// Where the single neuron stands: its parameters now, the loss there, and the last step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NeuronSnapshot {
    pub steps: u64,
    pub w: Vec<f32>,
    pub b: f32,
    pub y_hat: f32,
    pub loss: f32,
    /// (step, loss before that step's update) of every step since the previous snapshot.
    pub losses: Vec<(u64, f32)>,
    pub last: Option<NeuronStep>,
}
