//! Typed playground settings, declared once in a [table](table) that drives their URL-hash
//! form (in the spirit of TF Playground's `state.ts`), the embed API, the Share dialog and the
//! live-or-restart decision.
//!
//! [`Settings`] is the part every task shares, the [`Live`] part (what changes while a run
//! trains), and one part per task. This file is the settings' registry of tasks: a new task
//! adds its variant, its part and its [`TaskSpec`] (its rows and defaults, declared in its
//! own file) here, and nothing else in `settings/` changes.
//!
//! Every setting that changes a run lives here, seed included, so that a link reproduces a run.

mod apply;
mod change;
pub mod cnn;
pub mod embed;
pub mod file_header;
pub mod formulas;
pub mod gpt;
mod gpt_recipe;
pub mod gpt_shape;
mod hash;
mod hidden;
mod kinds;
pub mod linreg;
pub mod mnist;
pub mod mnist_kinds;
mod model;
pub mod neuron;
pub mod own_table;
pub mod preset;
pub mod race;
mod speed_key;
pub mod table;
pub mod value;

use serde::{Deserialize, Serialize};

pub use change::classify;
pub use embed::EmbedOptions;
pub use gpt::{GptSettings, TextData};
pub use hash::{Notice, from_hash, to_hash};
pub use linreg::LinregSettings;
pub use mnist::MnistSettings;
pub use mnist_kinds::{Activation, ModelKind, Preprocess};
pub use model::{BackendChoice, Live, OptimizerKind, range};
pub use neuron::NeuronSettings;
pub use own_table::TableSettings;
pub use preset::Preset;
pub use table::{Change, TaskSpec};

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
    /// A tiny GPT: a Transformer language model trained on text or a synthetic task.
    Gpt,
    /// The learner's own table (CSV), or a built-in one: regression or classification on its
    /// columns.
    Table,
}

impl Task {
    /// The tabs' order.
    pub const ALL: [Task; 6] = [
        Self::LinearRegression,
        Self::Neuron,
        Self::Mnist,
        Self::Gpt,
        Self::Table,
        Self::Formulas,
    ];

    /// What the settings know of this task: its key, rows, defaults and checks.
    pub fn spec(self) -> &'static TaskSpec {
        match self {
            Self::LinearRegression => &linreg::SPEC,
            Self::Mnist => &mnist::SPEC,
            Self::Neuron => &neuron::SPEC,
            Self::Formulas => &formulas::SPEC,
            Self::Gpt => &gpt::SPEC,
            Self::Table => &own_table::SPEC,
        }
    }
}

/// Everything that determines a run: what the tasks share, the live values and each task's
/// own part. (Missing fields deserialize to their defaults.)
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub task: Task,
    /// Seed of the data, the initial weights and the batch order.
    pub seed: u64,
    pub batch_size: usize,
    pub epochs: usize,
    pub optimizer: OptimizerKind,
    /// Momentum coefficient μ (SGD with momentum).
    pub momentum: f64,
    pub backend: BackendChoice,
    /// What a running worker takes without a restart: α, λ₁, λ₂ and the speed.
    pub live: Live,
    pub linreg: LinregSettings,
    pub mnist: MnistSettings,
    /// The single neuron's (and the formula page's neuron example's) x, w, b, y.
    pub neuron: NeuronSettings,
    /// The tiny GPT's data, shape and schedule.
    pub gpt: GptSettings,
    /// "Your data": the table, its target and features.
    pub table: TableSettings,
}

impl Default for Settings {
    /// Linear regression's defaults (see [`Settings::for_task`] for the others).
    fn default() -> Self {
        Self {
            task: Task::LinearRegression,
            seed: 42,
            batch_size: 10,
            epochs: 50,
            optimizer: OptimizerKind::Sgd,
            momentum: 0.9,
            backend: BackendChoice::Auto,
            live: Live::default(),
            linreg: LinregSettings::default(),
            mnist: MnistSettings::default(),
            neuron: NeuronSettings::default(),
            gpt: GptSettings::default(),
            table: TableSettings::default(),
        }
    }
}
