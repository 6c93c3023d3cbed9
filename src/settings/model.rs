//! The settings every task shares: the optimizer, the device, the [`Live`] values, the valid
//! range of each, and what is derived from them (steps per epoch, the batch used).

use serde::{Deserialize, Serialize};

use super::{Settings, Task};

/// The optimizer that turns gradients into parameter updates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OptimizerKind {
    /// θ ← θ − α g
    Sgd,
    /// v ← μ v + g, θ ← θ − α v
    Momentum,
    /// Adam (Kingma & Ba, 2015) with bias correction.
    Adam,
}

/// Which device trains: the user's explicit choice or automatic selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BackendChoice {
    /// The faster of WebGPU and the CPU for the task, measured in the background while the
    /// CPU trains (the verdict remembered per adapter, task and model shape).
    Auto,
    /// Force WebGPU (still falls back to the CPU, with the reason, if it fails).
    WebGpu,
    /// Force Burn's CPU backend.
    Cpu,
}

/// The values a running worker takes before its next step, without a restart. The page sends
/// them once (`Command::SetLive`); a schedule (MNIST's decay) applies on top of the base rate.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Live {
    /// The base learning rate α.
    pub lr: f64,
    /// L1 strength λ₁ (0 = off).
    pub l1: f64,
    /// L2 strength λ₂ (0 = off).
    pub l2: f64,
    /// Optimizer steps per second while playing, so a learner can watch (0 = as fast as possible).
    pub speed: u32,
}

impl Default for Live {
    fn default() -> Self {
        Self {
            lr: 0.1,
            l1: 0.0,
            l2: 0.0,
            speed: 50,
        }
    }
}

/// Inclusive valid ranges, shared by the URL parser and the UI inputs.
pub mod range {
    pub const POINTS: (usize, usize) = (10, 10_000);
    pub const NOISE: (f64, f64) = (0.0, 10.0);
    pub const LR: (f64, f64) = (1e-6, 10.0);
    pub const BATCH: (usize, usize) = (1, 10_000);
    pub const EPOCHS: (usize, usize) = (1, 10_000);
    pub const MOMENTUM: (f64, f64) = (0.0, 0.999);
    pub const REG: (f64, f64) = (0.0, 10.0);
    pub const SPEED: (u32, u32) = (0, 1_000);
    pub const LR_DECAY: (f64, f64) = (0.01, 1.0);
}

impl Settings {
    /// The defaults of `task` (the backend choice is the caller's to keep).
    pub fn for_task(task: Task) -> Self {
        (task.spec().defaults)()
    }

    /// MNIST's starting point (seed 003's MLP, see [`super::mnist`]).
    pub fn mnist_default() -> Self {
        Self::for_task(Task::Mnist)
    }

    /// The single neuron's starting point (see [`super::neuron`]).
    pub fn neuron_default() -> Self {
        Self::for_task(Task::Neuron)
    }

    /// Training examples per epoch, as the task counts them.
    pub fn train_points(&self) -> usize {
        (self.task.spec().train_points)(self)
    }

    /// Optimizer steps per epoch (the last batch may be smaller).
    pub fn steps_per_epoch(&self) -> usize {
        self.train_points().div_ceil(self.batch_size.max(1))
    }

    /// The batch size actually used: never more than the training set.
    pub fn effective_batch(&self) -> usize {
        self.batch_size.clamp(1, self.train_points())
    }
}
