//! MNIST's own settings: the network, the input scaling, the training subset and the
//! schedule, with their rows.

use serde::{Deserialize, Serialize};

use super::cnn::{filters_from_text, filters_to_text};
pub use super::hidden::{hidden_from_text, hidden_to_text};
use super::mnist_kinds::{Activation, ModelKind, Preprocess};
use super::model::range::LR_DECAY;
use super::preset::Preset;
use super::table::{Change::Restart, EVERY_SHARED, Row, TaskSpec, num, pick, r, text};
use super::value::choice;
use super::{Settings, Task};

/// Bounds of the MNIST-only values.
pub mod range {
    pub const SUBSET: (usize, usize) = (100, 60_000);
    pub const HIDDEN_UNITS: (usize, usize) = (1, 2_048);
    pub const HIDDEN_LAYERS: usize = 6;
}

/// MNIST's part of the settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MnistSettings {
    /// The network.
    pub model: ModelKind,
    /// MLP: hidden layer sizes, input to output.
    pub hidden: Vec<usize>,
    /// CNN: filters of the first and second convolution.
    pub filters: [usize; 2],
    pub activation: Activation,
    /// How pixels are scaled.
    pub preprocess: Preprocess,
    /// How many training images are used (the first `subset` of the 60,000).
    pub subset: usize,
    /// The learning rate is multiplied by γ after every epoch (1 = constant).
    pub lr_decay: f64,
}

impl Default for MnistSettings {
    fn default() -> Self {
        Self {
            model: ModelKind::Mlp,
            hidden: vec![128],
            filters: super::cnn::DEFAULT_FILTERS,
            activation: Activation::Relu,
            preprocess: Preprocess::Unit,
            subset: 60_000,
            lr_decay: 1.0,
        }
    }
}

/// MNIST's starting point: seed 003's MLP (784-128-10, Adam) on the full training set, as
/// fast as the device goes.
fn defaults() -> Settings {
    let mut s = Settings {
        task: Task::Mnist,
        ..Settings::default()
    };
    s.live.speed = 0;
    Preset::Seed003.apply(&mut s);
    s
}

fn filters_text(filters: &[usize; 2]) -> String {
    filters_to_text(*filters)
}

fn preset(s: &mut Settings, v: &str) -> Result<(), String> {
    choice(v, &Preset::ALL, Preset::key)?.apply(s);
    Ok(())
}

#[rustfmt::skip]
const ROWS: &[Row] = &[
    // First: a preset chooses the defaults the other keys start from.
    r("preset", "Preset buttons", Restart, true, (|_| None, preset)),
    r("model", "Network (MLP or CNN)", Restart, true, pick!(mnist.model, ModelKind)),
    r("hidden", "Hidden layers", Restart, true,
        text!(mnist.hidden, hidden_to_text, hidden_from_text)),
    r("filters", "CNN filters", Restart, true,
        text!(mnist.filters, filters_text, filters_from_text)),
    r("act", "Activation", Restart, true, pick!(mnist.activation, Activation)),
    r("prep", "Pixel scaling", Restart, true, pick!(mnist.preprocess, Preprocess)),
    r("subset", "Training images", Restart, true, num!(mnist.subset, range::SUBSET)),
    r("decay", "Learning-rate decay γ", Restart, true, num!(mnist.lr_decay, LR_DECAY)),
];

pub const SPEC: TaskSpec = TaskSpec {
    key: "mnist",
    rows: ROWS,
    preset_first: true,
    shared: EVERY_SHARED,
    defaults,
    train_points: |s| s.mnist.subset,
    mend: |_| None,
};
