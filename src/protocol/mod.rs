//! The typed messages between the UI (main thread) and the training worker.
//!
//! Plain data only (serde): the UI never sees a tensor. Messages travel as JSON strings.

pub mod checkpoint;
mod command;
mod event;
pub mod gpt;
pub mod gpt_follow;
pub mod host;
mod host_set_data;
pub mod host_watch;
mod measured;
pub mod mnist;
pub mod neuron;
pub mod race;
pub mod reference;
mod sample_trace;
pub mod surface;
pub mod table;
pub mod table_classes;
mod trace;

pub use checkpoint::{RunCheckpoint, StateValues, TensorValues};
pub use command::{Checkpoint, Command, Hyper, Resume};
pub use event::{
    BackendInfo, BackendKind, CPU_NAME, CurvePoint, Event, Progress, Readout, Snapshot,
};
pub use gpt::{GptCommand, GptEvent};
pub use measured::Measured;
pub use mnist::{MnistCommand, MnistEvent};
pub use reference::{ReferenceCommand, ReferenceEvent};
pub use table::{TableCommand, TableEvent};

use serde::{Deserialize, Serialize};

// The registry of the tasks' own messages: a task's payloads are in its own file; its variants
// here are all a new task adds to the protocol (`Event::Task`, `Command::Task` carry them).

/// A task's own message, worker → page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TaskEvent {
    /// MNIST: data loading, snapshots, examples, predictions, model files.
    Mnist(MnistEvent),
    /// Formula page and single neuron: worked examples, neuron snapshots.
    Reference(ReferenceEvent),
    /// The tiny GPT: data loading, snapshots, samples.
    Gpt(GptEvent),
    /// "Your data": the regression's snapshots.
    Table(TableEvent),
    /// Linear regression's loss surface over a grid (for linear regression and a one-feature
    /// table alike).
    Surface(surface::SurfaceGrid),
    /// Linear regression's race: every run's snapshot at once.
    Race(Box<race::RaceSnapshot>),
}

/// A task's own request, page → worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TaskCommand {
    /// MNIST: evaluate, examples, drawn digits, model files.
    Mnist(MnistCommand),
    /// Formula page and single neuron: worked examples, several steps at once.
    Reference(ReferenceCommand),
    /// The tiny GPT: text from a prompt.
    Gpt(GptCommand),
    /// "Your data": the table to train on.
    Table(TableCommand),
    /// The loss surface L(w, b) of a line over a grid.
    Surface(surface::SurfaceRequest),
}

impl TaskEvent {
    /// Whether the run is training, when the event is a snapshot that says.
    pub fn running(&self) -> Option<bool> {
        match self {
            Self::Mnist(MnistEvent::Snapshot(s)) => Some(s.progress.running),
            Self::Gpt(GptEvent::Snapshot(s)) => Some(s.progress.running),
            Self::Table(TableEvent::Snapshot(s)) => Some(s.progress.running),
            Self::Race(s) => Some(s.progress.running),
            _ => None,
        }
    }

    /// The settings a loaded model file brought, when the event says one was loaded (the page
    /// adopts them, keeping its own device choice, and writes back what applies).
    pub fn loaded_settings(&mut self) -> Option<&mut crate::settings::Settings> {
        match self {
            Self::Mnist(MnistEvent::ModelLoaded { settings, .. })
            | Self::Gpt(GptEvent::ModelLoaded { settings, .. }) => Some(settings),
            _ => None,
        }
    }
}

impl From<MnistEvent> for Event {
    fn from(e: MnistEvent) -> Self {
        Event::Task(TaskEvent::Mnist(e))
    }
}

impl From<ReferenceEvent> for Event {
    fn from(e: ReferenceEvent) -> Self {
        Event::Task(TaskEvent::Reference(e))
    }
}

impl From<GptEvent> for Event {
    fn from(e: GptEvent) -> Self {
        Event::Task(TaskEvent::Gpt(e))
    }
}

impl From<TableEvent> for Event {
    fn from(e: TableEvent) -> Self {
        Event::Task(TaskEvent::Table(e))
    }
}

impl From<TableCommand> for Command {
    fn from(c: TableCommand) -> Self {
        Command::Task(TaskCommand::Table(c))
    }
}

impl From<GptCommand> for Command {
    fn from(c: GptCommand) -> Self {
        Command::Task(TaskCommand::Gpt(c))
    }
}

impl From<MnistCommand> for Command {
    fn from(c: MnistCommand) -> Self {
        Command::Task(TaskCommand::Mnist(c))
    }
}

impl From<ReferenceCommand> for Command {
    fn from(c: ReferenceCommand) -> Self {
        Command::Task(TaskCommand::Reference(c))
    }
}
pub use sample_trace::{CnnWeights, ConvTrace, DenseTrace, SampleTrace, TraceFocus, TraceSample};
pub use trace::{OptimizerHyper, ParamState, ParamUpdate, StepTrace};
