//! The settings table: every URL-hash key once, in the spirit of TF Playground's `state.ts`.
//!
//! A row says what the key is called and labelled, which tasks use it, what a change of it
//! asks of a run, whether `hide=` can leave its control out, and how its value is written and
//! read (with the check of its range). The URL hash ([`to_hash`](super::to_hash) /
//! [`from_hash`](super::from_hash)), the embed API's `set`, the Share dialog, the model file's
//! header and the page's live-or-restart decision ([`classify`](super::classify)) all read it.
//! A new setting is one new row.

use super::cnn::{filters_from_text, filters_to_text};
use super::mnist::{self, Activation, ModelKind, Preprocess, Preset, hidden_from_text};
use super::model::{BackendChoice, OptimizerKind, Settings, Task, range};
use super::neuron::{self, list_from_text, list_to_text, value_from_text};
use super::value::{choice, flag, flag_text, number};

/// What a change of a setting asks of the run (ordered: the largest change wins).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// Nothing changed.
    None,
    /// The page's view only: the worker never hears of it.
    View,
    /// The running worker takes the new value before its next step (no restart).
    Live,
    /// A new run: the data, the model or the optimizer changes.
    Restart,
    /// A new device: the worker is set up again.
    Device,
}

/// Writes a setting's value as it appears in the hash (`None`: never written, e.g. `preset`).
pub type Get = fn(&Settings) -> Option<String>;
/// Reads a value: checks it, and on success stores it; on failure says what was expected and
/// leaves the settings as they were.
pub type Set = fn(&mut Settings, &str) -> Result<(), String>;

/// One setting.
pub struct Row {
    /// Its URL-hash key (also its name in `hide=` and in the embed API's `set`).
    pub key: &'static str,
    /// What the Share dialog calls its control.
    pub label: &'static str,
    /// The tasks that use it; a link's key of another task is ignored.
    pub tasks: &'static [Task],
    pub change: Change,
    /// Whether `hide=` can leave its control out.
    pub hideable: bool,
    pub get: Get,
    pub set: Set,
}

impl Row {
    pub fn used_by(&self, task: Task) -> bool {
        self.tasks.contains(&task)
    }
}

/// The row of `key`, whichever task uses it.
pub fn row(key: &str) -> Option<&'static Row> {
    ROWS.iter().find(|r| r.key == key)
}

/// The row of `key` if `task` uses it.
pub fn row_of(task: Task, key: &str) -> Option<&'static Row> {
    row(key).filter(|r| r.used_by(task))
}

/// The rows of `task`, in the canonical order of its hash.
pub fn rows_of(task: Task) -> impl Iterator<Item = &'static Row> {
    ROWS.iter().filter(move |r| r.used_by(task))
}

const fn r(
    key: &'static str,
    label: &'static str,
    tasks: &'static [Task],
    change: Change,
    hideable: bool,
    io: (Get, Set),
) -> Row {
    Row {
        key,
        label,
        tasks,
        change,
        hideable,
        get: io.0,
        set: io.1,
    }
}

/// A number field with its range.
macro_rules! num {
    ($($f:ident).+, $range:expr) => {(
        |s: &Settings| Some(s.$($f).+.to_string()),
        |s: &mut Settings, v: &str| { s.$($f).+ = number(v, $range)?; Ok(()) },
    )};
}

/// A field with a fixed set of choices (the type's `ALL` and `key`).
macro_rules! pick {
    ($f:ident, $ty:ident) => {
        (
            |s: &Settings| Some(s.$f.key().to_string()),
            |s: &mut Settings, v: &str| {
                s.$f = choice(v, &$ty::ALL, $ty::key)?;
                Ok(())
            },
        )
    };
}

/// An on/off field, written 0 or 1.
macro_rules! on_off {
    ($f:ident) => {
        (
            |s: &Settings| Some(flag_text(s.$f)),
            |s: &mut Settings, v: &str| {
                s.$f = flag(v)?;
                Ok(())
            },
        )
    };
}

/// A field written as text by `$write` and read back by `$read`.
macro_rules! text {
    ($($f:ident).+, $write:expr, $read:expr) => {(
        |s: &Settings| Some($write(&s.$($f).+)),
        |s: &mut Settings, v: &str| { s.$($f).+ = $read(v)?; Ok(()) },
    )};
}

use Change::{Device, Live, Restart, View};
use Task::{Formulas, LinearRegression as Linreg, Mnist, Neuron};

const EVERY: &[Task] = &Task::ALL;
const LINREG: &[Task] = &[Linreg];
const MNIST: &[Task] = &[Mnist];
const ONE_NEURON: &[Task] = &[Neuron, Formulas];
const TRAINED: &[Task] = &[Linreg, Mnist];
const OPTIMIZED: &[Task] = &[Linreg, Mnist, Neuron];

fn filters_text(filters: &[usize; 2]) -> String {
    filters_to_text(*filters)
}

fn preset(s: &mut Settings, v: &str) -> Result<(), String> {
    choice(v, &Preset::ALL, Preset::key)?.apply(s);
    Ok(())
}

/// Every setting, in the canonical order of the hash (`task` first, then `preset`, which
/// choose the defaults the other keys start from).
#[rustfmt::skip]
pub const ROWS: &[Row] = &[
    r("task", "Task tabs", EVERY, Restart, true, pick!(task, Task)),
    r("preset", "Preset buttons", MNIST, Restart, true, (|_| None, preset)),
    r("points", "Number of points", LINREG, Restart, true, num!(points, range::POINTS)),
    r("noise", "Noise σ", LINREG, Restart, true, num!(noise, range::NOISE)),
    r("model", "Network (MLP or CNN)", MNIST, Restart, true, pick!(model, ModelKind)),
    r("hidden", "Hidden layers", MNIST, Restart, true,
        text!(hidden, mnist::hidden_to_text, hidden_from_text)),
    r("filters", "CNN filters", MNIST, Restart, true,
        text!(filters, filters_text, filters_from_text)),
    r("act", "Activation", MNIST, Restart, true, pick!(activation, Activation)),
    r("prep", "Pixel scaling", MNIST, Restart, true, pick!(preprocess, Preprocess)),
    r("subset", "Training images", MNIST, Restart, true, num!(subset, mnist::range::SUBSET)),
    r("decay", "Learning-rate decay γ", MNIST, Restart, true, num!(lr_decay, range::LR_DECAY)),
    r("x", "Inputs x", ONE_NEURON, Restart, true,
        text!(neuron.x, list_to_text, list_from_text)),
    r("w", "Weights w", ONE_NEURON, Restart, true,
        text!(neuron.w, list_to_text, list_from_text)),
    r("b", "Bias b", ONE_NEURON, Restart, true,
        text!(neuron.b, f64::to_string, value_from_text)),
    r("y", "Label y", ONE_NEURON, Restart, true, num!(neuron.y, neuron::range::LABEL)),
    r("seed", "Seed", TRAINED, Restart, true, num!(seed, (0, u64::from(u32::MAX)))),
    r("lr", "Learning rate α", OPTIMIZED, Live, true, num!(lr, range::LR)),
    r("batch", "Batch size", TRAINED, Restart, true, num!(batch_size, range::BATCH)),
    r("epochs", "Epochs", TRAINED, Restart, true, num!(epochs, range::EPOCHS)),
    r("optimizer", "Optimizer", OPTIMIZED, Restart, true, pick!(optimizer, OptimizerKind)),
    r("momentum", "Momentum μ", OPTIMIZED, Restart, true, num!(momentum, range::MOMENTUM)),
    r("l1", "L1 strength λ₁", TRAINED, Live, true, num!(l1, range::REG)),
    r("l2", "L2 strength λ₂", TRAINED, Live, true, num!(l2, range::REG)),
    r("backend", "Backend", EVERY, Device, false, pick!(backend, BackendChoice)),
    r("test", "Show test points", LINREG, View, true, on_off!(show_test)),
    r("walk", "Walk the sub-steps", LINREG, View, true, on_off!(walk)),
    r("speed", "Steps per second", TRAINED, Live, false, num!(speed, range::SPEED)),
];
