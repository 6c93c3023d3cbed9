//! The registry of training tasks: the one place that knows which run a task builds, from the
//! start or continued from a checkpoint. Each task's [`TaskRun`] is in its own file.

mod formulas;
mod gpt;
mod gpt_commands;
mod gpt_loader;
mod linreg;
mod linreg_race;
mod mnist;
mod mnist_commands;
mod mnist_loader;
mod neuron;
mod reference_commands;
mod surface_commands;
mod table;
mod table_commands;

use std::rc::Rc;

use burn::tensor::Device;

use super::session::Saved;
use super::session::Shared;
use super::task_run::TaskRun;
pub use gpt_loader::TextFiles;

use crate::data::mnist::MnistData;
use crate::engine::EngineError;
use crate::engine::gpt::run::GptRun;
use crate::engine::mnist::MnistTrainer;
use crate::engine::neuron_run::NeuronRun;
use crate::engine::race::LinRegRace;
use crate::engine::table::TableRun;
use crate::engine::trainer::LinRegTrainer;
use crate::protocol::reference::NeuronInput;
use crate::protocol::table::TableData;
use crate::protocol::{Event, RunCheckpoint, TaskCommand};
use crate::settings::{Settings, Task};

/// The data sets a run may need (loaded by the worker on demand).
pub struct Datasets {
    pub mnist: Option<Rc<MnistData>>,
    /// The GPT's corpora fetched so far.
    pub texts: TextFiles,
    /// "Your data"'s design matrix, as the page sent it.
    pub table: Option<Rc<TableData>>,
}

/// The run of `settings.task` on `device`, continued from `resume` where it can be (else from
/// step 0, with the bare reason). No run for MNIST or a GPT corpus before its data is in.
pub fn build(
    s: &Settings,
    device: Device,
    data: &Datasets,
    resume: Option<&Saved>,
) -> (Option<Box<dyn TaskRun>>, Option<String>) {
    let tensors = match resume {
        Some(Saved::Run(c)) if c.fits(s) => Some(Ok(c)),
        Some(Saved::Run(_)) => Some(Err("it was saved with other settings".to_string())),
        Some(Saved::LinReg(_)) => Some(Err("it is of another task".to_string())),
        None => None,
    };
    match s.task {
        // A race starts over after a failure (its runs' checkpoints are not kept).
        Task::LinearRegression if s.linreg.race.is_on() => {
            (Some(Box::new(LinRegRace::new(s, device))), None)
        }
        Task::LinearRegression => {
            let (checkpoint, why_not) = match resume {
                Some(Saved::LinReg(c)) => (Some(c), None),
                Some(Saved::Run(_)) => (None, Some("it is of another task".to_string())),
                None => (None, None),
            };
            let run = LinRegTrainer::new(s, device, checkpoint);
            (Some(Box::new(run)), why_not)
        }
        Task::Mnist => match data.mnist.clone() {
            Some(d) => boxed(continued(
                tensors,
                |c| MnistTrainer::resume(s, device.clone(), d.clone(), c),
                || MnistTrainer::new(s, device.clone(), d.clone()),
            )),
            None => (None, None),
        },
        Task::Neuron => boxed(continued(
            tensors,
            |c| NeuronRun::resume(s, device.clone(), c),
            || NeuronRun::new(s, device.clone()),
        )),
        Task::Gpt => match data.texts.source(s.gpt.text, s.seed) {
            Some(source) => boxed(continued(
                tensors,
                |c| GptRun::resume(s, source.clone(), device.clone(), c),
                || GptRun::new(s, source.clone(), device.clone()),
            )),
            None => (None, None),
        },
        Task::Table => match data.table.as_ref().filter(|d| table_commands::fits(d, s)) {
            Some(d) => boxed(continued(
                tensors,
                |c| TableRun::resume(s, d.clone(), device.clone(), c),
                || TableRun::new(s, d.clone(), device.clone()),
            )),
            None => (None, None),
        },
        Task::Formulas => {
            let input = NeuronInput::from_settings(s);
            (
                Some(Box::new(formulas::FormulasRun { input, device })),
                None,
            )
        }
    }
}

/// Answers a task's own request with events.
pub fn handle(shared: &Shared, command: TaskCommand, send: impl Fn(Event) + Clone + 'static) {
    match command {
        TaskCommand::Mnist(c) => mnist_commands::handle(shared, c, send),
        TaskCommand::Reference(c) => reference_commands::handle(shared, c, send),
        TaskCommand::Gpt(c) => gpt_commands::handle(shared, c, send),
        TaskCommand::Table(c) => table_commands::handle(shared, c, send),
        TaskCommand::Surface(r) => surface_commands::handle(shared, r, send),
    }
}

/// Starts loading the data the task needs, if it needs any it does not have (MNIST's, a GPT
/// corpus); the run is then prepared and its first snapshot sent.
pub fn ensure_data(shared: &Shared, send: impl Fn(Event) + Clone + 'static) {
    mnist_commands::ensure_data(shared, send.clone());
    gpt_commands::ensure_data(shared, send);
}

/// Continues from the checkpoint if there is one and it can be; else a fresh run and why.
fn continued<R>(
    checkpoint: Option<Result<&RunCheckpoint, String>>,
    resume: impl FnOnce(&RunCheckpoint) -> Result<R, EngineError>,
    fresh: impl Fn() -> R,
) -> (R, Option<String>) {
    let resumed = checkpoint.map(|c| c.and_then(|c| resume(c).map_err(|e| e.to_string())));
    match resumed {
        None => (fresh(), None),
        Some(Ok(run)) => (run, None),
        Some(Err(why)) => (fresh(), Some(why)),
    }
}

fn boxed<R: TaskRun + 'static>(
    (run, why): (R, Option<String>),
) -> (Option<Box<dyn TaskRun>>, Option<String>) {
    (Some(Box::new(run)), why)
}
