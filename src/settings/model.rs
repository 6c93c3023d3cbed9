//! The settings themselves: one struct, defaults, and the valid range of each value.

use serde::{Deserialize, Serialize};

use super::mnist::{Activation, ModelKind, Preprocess, Preset};
use super::neuron::NeuronSettings;

/// Which learning task the page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Task {
    /// y = 2x + 1 + ε, two parameters.
    LinearRegression,
    /// Handwritten digits (MNIST), classified by an MLP or a small CNN.
    Mnist,
    /// One sigmoid neuron on one sample (logistic regression), step by step.
    Neuron,
    /// The formula reference: every formula with a worked example computed by Burn.
    Formulas,
}

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
    /// WebGPU when the browser has a working adapter, else the CPU.
    Auto,
    /// Force WebGPU (still falls back to the CPU, with the reason, if it fails).
    WebGpu,
    /// Force Burn's CPU backend.
    Cpu,
}

/// Everything that determines a run. (Missing fields deserialize to their defaults, so model
/// files from older versions still load.)
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub task: Task,
    /// Number of generated points (train + test).
    pub points: usize,
    /// Standard deviation σ of the noise ε ~ N(0, σ²).
    pub noise: f64,
    /// Seed of the data, the initial weights and the batch order.
    pub seed: u64,
    /// Learning rate α.
    pub lr: f64,
    pub batch_size: usize,
    pub epochs: usize,
    pub optimizer: OptimizerKind,
    /// Momentum coefficient μ (SGD with momentum).
    pub momentum: f64,
    /// L1 strength λ₁ (0 = off).
    pub l1: f64,
    /// L2 strength λ₂ (0 = off).
    pub l2: f64,
    pub backend: BackendChoice,
    /// Show the test points in the scatter plot.
    pub show_test: bool,
    /// Linear regression: walk one iteration's sub-steps (forward, loss, backward, update).
    pub walk: bool,
    /// Optimizer steps per second while playing, so a learner can watch (0 = as fast as possible).
    pub speed: u32,
    /// MNIST: the network.
    pub model: ModelKind,
    /// MNIST MLP: hidden layer sizes, input to output.
    pub hidden: Vec<usize>,
    /// MNIST CNN: filters of the first and second convolution.
    pub filters: [usize; 2],
    pub activation: Activation,
    /// MNIST: how pixels are scaled.
    pub preprocess: Preprocess,
    /// MNIST: how many training images are used (the first `subset` of the 60,000).
    pub subset: usize,
    /// MNIST: the learning rate is multiplied by γ after every epoch (1 = constant).
    pub lr_decay: f64,
    /// Single neuron (and the formula page's neuron example): x, w, b, y.
    pub neuron: NeuronSettings,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            task: Task::LinearRegression,
            points: 100,
            noise: 0.2,
            seed: 42,
            lr: 0.1,
            batch_size: 10,
            epochs: 50,
            optimizer: OptimizerKind::Sgd,
            momentum: 0.9,
            l1: 0.0,
            l2: 0.0,
            backend: BackendChoice::Auto,
            show_test: true,
            walk: false,
            speed: 50,
            model: ModelKind::Mlp,
            hidden: vec![128],
            filters: crate::settings::cnn::DEFAULT_FILTERS,
            activation: Activation::Relu,
            preprocess: Preprocess::Unit,
            subset: 60_000,
            lr_decay: 1.0,
            neuron: NeuronSettings::default(),
        }
    }
}

impl Settings {
    /// MNIST's starting point: seed 003's MLP (784-128-10, Adam) on the full training set,
    /// as fast as the device goes.
    pub fn mnist_default() -> Self {
        let mut s = Self {
            task: Task::Mnist,
            speed: 0,
            ..Self::default()
        };
        Preset::Seed003.apply(&mut s);
        s
    }

    /// The single neuron's starting point: the textbook example, plain SGD with α = 0.5
    /// (large enough that one step visibly moves w and b).
    pub fn neuron_default() -> Self {
        Self {
            task: Task::Neuron,
            lr: 0.5,
            ..Self::default()
        }
    }

    /// The defaults of `task` (the backend choice is the caller's to keep).
    pub fn for_task(task: Task) -> Self {
        match task {
            Task::LinearRegression => Self::default(),
            Task::Mnist => Self::mnist_default(),
            Task::Neuron => Self::neuron_default(),
            Task::Formulas => Self {
                task: Task::Formulas,
                ..Self::default()
            },
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
    /// Training examples: the 80/20 split of the points, or MNIST's subset.
    pub fn train_points(&self) -> usize {
        match self.task {
            Task::LinearRegression => (self.points * 4).div_ceil(5),
            Task::Mnist => self.subset,
            // One sample; the formula page does not train.
            Task::Neuron | Task::Formulas => 1,
        }
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
