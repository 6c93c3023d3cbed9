//! The settings table: every URL-hash key once, in the spirit of TF Playground's `state.ts`.
//!
//! A row says what the key is called and labelled, what a change of it asks of a run, whether
//! `hide=` can leave its control out, and how its value is written and read (with the check of
//! its range). The rows every task may share are here ([`SHARED`]); a task's own rows are in
//! its own file, named by its [`TaskSpec`]. The URL hash ([`to_hash`](super::to_hash) /
//! [`from_hash`](super::from_hash)), the embed API's `set`, the Share dialog, the model file's
//! header and the page's live-or-restart decision ([`classify`](super::classify)) all read it.
//! A new setting is one new row.

use super::model::{BackendChoice, OptimizerKind, range};
use super::{Settings, Task};

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
    pub change: Change,
    /// Whether `hide=` can leave its control out.
    pub hideable: bool,
    pub get: Get,
    pub set: Set,
}

/// What the settings know of one task (declared in the task's own settings file).
pub struct TaskSpec {
    /// Its URL key (`task=…`).
    pub key: &'static str,
    /// Its own rows, in the order of its hash (after `task`; a preset row first).
    pub rows: &'static [Row],
    /// Its first row is a preset (MNIST's `preset`, the GPT's `text`): read before the others,
    /// it chooses the defaults they start from, and in `set` it starts from the task's defaults.
    pub preset_first: bool,
    /// The keys of the [`SHARED`] rows it uses; a link's key of another task is ignored.
    pub shared: &'static [&'static str],
    /// Its starting point.
    pub defaults: fn() -> Settings,
    /// Training examples per epoch.
    pub train_points: fn(&Settings) -> usize,
    /// A check across its values once a link or `set` is read: it mends them and says how
    /// (with the key the notice is about).
    pub mend: fn(&mut Settings) -> Option<(&'static str, String)>,
}

/// The rows of `task`, in the canonical order of its hash: `task`, its own, then the shared
/// ones it uses.
pub fn rows_of(task: Task) -> impl Iterator<Item = &'static Row> {
    let spec = task.spec();
    std::iter::once(&TASK)
        .chain(spec.rows)
        .chain(SHARED.iter().filter(|r| spec.shared.contains(&r.key)))
}

/// The key of `task`'s preset row, if it has one (see [`TaskSpec::preset_first`]).
pub fn leading_key(task: Task) -> Option<&'static str> {
    let spec = task.spec();
    spec.rows
        .first()
        .filter(|_| spec.preset_first)
        .map(|r| r.key)
}

/// The row of `key` if `task` uses it.
pub fn row_of(task: Task, key: &str) -> Option<&'static Row> {
    rows_of(task).find(|r| r.key == key)
}

/// The row of `key`, whichever task uses it.
pub fn row(key: &str) -> Option<&'static Row> {
    all_rows().into_iter().find(|r| r.key == key)
}

/// Every row once: `task`, the shared rows, then each task's own (a task that borrows
/// another's rows, as the formula page does the neuron's, adds none).
pub fn all_rows() -> Vec<&'static Row> {
    let mut rows: Vec<&'static Row> = std::iter::once(&TASK).chain(SHARED).collect();
    for task in Task::ALL {
        for row in task.spec().rows {
            if !rows.iter().any(|r| std::ptr::eq(*r, row)) {
                rows.push(row);
            }
        }
    }
    rows
}

/// A row (for the rows' declarations in the task files).
pub const fn r(
    key: &'static str,
    label: &'static str,
    change: Change,
    hideable: bool,
    io: (Get, Set),
) -> Row {
    Row {
        key,
        label,
        change,
        hideable,
        get: io.0,
        set: io.1,
    }
}

/// A number field with its range.
macro_rules! num {
    ($($f:ident).+, $range:expr) => {(
        |s: &$crate::settings::Settings| Some(s.$($f).+.to_string()),
        |s: &mut $crate::settings::Settings, v: &str| {
            s.$($f).+ = $crate::settings::value::number(v, $range)?;
            Ok(())
        },
    )};
}

/// A field with a fixed set of choices (the type's `ALL` and `key`).
macro_rules! pick {
    ($($f:ident).+, $ty:ident) => {(
        |s: &$crate::settings::Settings| Some(s.$($f).+.key().to_string()),
        |s: &mut $crate::settings::Settings, v: &str| { s.$($f).+ = $crate::settings::value::choice(v, &$ty::ALL, $ty::key)?; Ok(()) },
    )};
}

/// An on/off field, written 0 or 1.
macro_rules! on_off {
    ($($f:ident).+) => {(
        |s: &$crate::settings::Settings| Some($crate::settings::value::flag_text(s.$($f).+)),
        |s: &mut $crate::settings::Settings, v: &str| { s.$($f).+ = $crate::settings::value::flag(v)?; Ok(()) },
    )};
}

/// A field written as text by `$write` and read back by `$read`.
macro_rules! text {
    ($($f:ident).+, $write:expr, $read:expr) => {(
        |s: &$crate::settings::Settings| Some($write(&s.$($f).+)),
        |s: &mut $crate::settings::Settings, v: &str| { s.$($f).+ = $read(v)?; Ok(()) },
    )};
}

pub(super) use {num, on_off, pick, text};

use Change::{Device, Live, Restart};

/// The row that chooses the task: first in every hash, since it chooses the defaults.
pub const TASK: Row = r("task", "Task tabs", Restart, true, pick!(task, Task));

/// The keys of every shared row, for a task that trains with all of them.
pub const EVERY_SHARED: &[&str] = &[
    "seed",
    "lr",
    "batch",
    "epochs",
    "optimizer",
    "momentum",
    "l1",
    "l2",
    "backend",
    "speed",
];

/// The rows a task may share, in the order of the hash (after the task's own).
#[rustfmt::skip]
pub const SHARED: &[Row] = &[
    r("seed", "Seed", Restart, true, num!(seed, (0, u64::from(u32::MAX)))),
    r("lr", "Learning rate α", Live, true, num!(live.lr, range::LR)),
    r("batch", "Batch size", Restart, true, num!(batch_size, range::BATCH)),
    r("epochs", "Epochs", Restart, true, num!(epochs, range::EPOCHS)),
    r("optimizer", "Optimizer", Restart, true, pick!(optimizer, OptimizerKind)),
    r("momentum", "Momentum μ", Restart, true, num!(momentum, range::MOMENTUM)),
    r("l1", "L1 strength λ₁", Live, true, num!(live.l1, range::REG)),
    r("l2", "L2 strength λ₂", Live, true, num!(live.l2, range::REG)),
    r("backend", "Backend", Device, false, pick!(backend, BackendChoice)),
    r("speed", "Steps per second", Live, false, num!(live.speed, range::SPEED)),
];
