//! A run's state in plain numbers — every parameter tensor with its optimizer state, and the
//! step count — enough to continue the run on another device or in a new worker. The data
//! order is a function of (seed, step), so the step is all it needs of the order.
//!
//! MNIST's and the single neuron's runs keep theirs in the worker (for a device loss) and in
//! IndexedDB (for a crash: the page never holds or copies it).

use serde::{Deserialize, Serialize};

use crate::settings::{Change, Settings, classify, from_hash};

/// One parameter tensor's optimizer state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum StateValues {
    /// Plain SGD, or no step taken yet.
    None,
    /// Momentum's velocity v.
    Momentum { v: Vec<f32> },
    /// Adam's step count t and moments m, v.
    Adam { t: u32, m: Vec<f32>, v: Vec<f32> },
}

/// One parameter tensor, row-major, with its state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TensorValues {
    pub dims: Vec<usize>,
    pub value: Vec<f32>,
    pub state: StateValues,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunCheckpoint {
    /// The page that wrote it (one checkpoint is stored per browser profile; another tab's
    /// is not ours to continue).
    pub owner: String,
    /// The run's settings as their canonical URL hash.
    pub hash: String,
    /// Optimizer steps taken.
    pub step: u64,
    /// Every float parameter in the network's visiting order.
    pub tensors: Vec<TensorValues>,
}

impl RunCheckpoint {
    /// Whether this checkpoint continues a run of `settings`: same task and every setting
    /// that would restart the run equal (live values such as the learning rate, and the
    /// device, may differ).
    pub fn fits(&self, settings: &Settings) -> bool {
        let (mut saved, notices) = from_hash(&self.hash);
        saved.backend = settings.backend;
        notices.is_empty() && classify(&saved, settings) < Change::Restart
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        bincode::serialize(self).unwrap_or_default()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, String> {
        bincode::deserialize(bytes).map_err(|e| format!("the saved checkpoint is damaged ({e})"))
    }

    /// Number of floats held (parameters and state).
    pub fn floats(&self) -> usize {
        self.tensors
            .iter()
            .map(|t| {
                t.value.len()
                    + match &t.state {
                        StateValues::None => 0,
                        StateValues::Momentum { v } => v.len(),
                        StateValues::Adam { m, v, .. } => m.len() + v.len(),
                    }
            })
            .sum()
    }
}
