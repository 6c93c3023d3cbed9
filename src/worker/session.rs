//! The worker's state: the settings, the device, the run, and the snapshot it last sent.

use std::cell::RefCell;
use std::rc::Rc;

use burn::tensor::Device;

use super::rate::RateMeter;
use super::task_run::TaskRun;
use super::tasks::{self, Datasets};
use crate::data::mnist::MnistData;
use crate::engine::EngineError;
use crate::engine::mnist::MnistTrainer;
use crate::protocol::{
    BackendInfo, BackendKind, Checkpoint, Event, Measured, Progress, RunCheckpoint,
};
use crate::settings::{Settings, Task};

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

#[derive(Default)]
pub struct Session {
    pub settings: Settings,
    pub device: Option<(Device, BackendInfo)>,
    pub trainer: Option<Box<dyn TaskRun>>,
    /// MNIST, once loaded (kept across runs).
    pub mnist_data: Option<Rc<MnistData>>,
    /// MNIST is being downloaded.
    pub loading: bool,
    /// The GPT's corpora, once fetched (kept across runs).
    pub texts: tasks::TextFiles,
    /// "Your data"'s design matrix, as the page last sent it.
    pub table: Option<Rc<crate::protocol::table::TableData>>,
    /// Absolute URL of the `data/mnist/` folder.
    pub data_url: String,
    /// Predicted class of every test image at the newest evaluation (for the confusion
    /// matrix's cells).
    pub predictions: Option<Vec<u8>>,
    pub running: bool,
    pub loop_active: bool,
    /// Bumped by every reset: a loop or readback from an older run discards its results.
    pub generation: u64,
    pub rate: RateMeter,
    /// The last checkpoint read back: where a fallback to the CPU continues from.
    pub checkpoint: Option<Saved>,
    /// The page's id, written into stored checkpoints.
    pub owner: String,
    /// (time, epoch, step) of the last checkpoint queued: the next is due 2 s or an epoch end
    /// later, and only once the run has stepped.
    pub checkpointed: (f64, usize, Option<u64>),
    /// Start training once the run is prepared (it was training when the worker crashed).
    pub play_when_ready: bool,
    /// Storing a checkpoint failed once (said once, in the console).
    pub store_warned: bool,
    /// Bumped by every Init: only the newest device choice is installed.
    pub init_ticket: u64,
    /// `backend=auto`'s verdicts: the page's stored ones, and those measured since.
    pub verdicts: Vec<Measured>,
    /// Bumped by every settling of the device: only the newest measurement is acted on.
    pub measure_ticket: u64,
    /// "Measure again": the next settling forgets the current verdict.
    pub forget_verdict: bool,
    /// While above 0 the play loop takes no steps (the devices are being timed).
    pub hold: u32,
    /// The CPU after a crash or a device loss: `backend=auto` no longer tries WebGPU.
    pub cpu_only: bool,
}

/// A checkpoint read back: linear regression's few numbers (the page keeps a copy), or the
/// tensors of any other task (kept here and in IndexedDB).
#[derive(Clone)]
pub enum Saved {
    LinReg(Checkpoint),
    Run(RunCheckpoint),
}

impl Saved {
    pub fn step(&self) -> u64 {
        match self {
            Self::LinReg(c) => c.step,
            Self::Run(c) => c.step,
        }
    }
}

pub type Shared = Rc<RefCell<Session>>;

impl Session {
    pub fn on_cpu(&self) -> bool {
        self.device
            .as_ref()
            .is_some_and(|(_, i)| i.kind == BackendKind::Cpu)
    }

    /// A fresh run (or `resume`) on the current device. Returns why `resume` could not be
    /// continued, if it could not (the run then starts over).
    pub fn reset(&mut self, settings: Settings, resume: Option<&Saved>) -> Option<String> {
        self.settings = settings;
        self.running = false;
        self.generation += 1;
        self.rate.clear();
        self.checkpoint = resume.cloned();
        self.checkpointed = (now_ms(), 1, None);
        self.predictions = None;
        let Some((device, _)) = self.device.as_ref() else {
            self.trainer = None;
            return None;
        };
        let (run, why_not) = tasks::build(&self.settings, device.clone(), &self.datasets(), resume);
        self.trainer = run;
        if why_not.is_some() {
            self.checkpoint = None;
        }
        why_not
    }

    /// The data sets loaded so far, for building a run.
    pub fn datasets(&self) -> Datasets {
        Datasets {
            mnist: self.mnist_data.clone(),
            texts: self.texts.clone(),
            table: self.table.clone(),
        }
    }

    /// MNIST is needed and neither loaded nor loading.
    pub fn needs_mnist(&self) -> bool {
        self.settings.task == Task::Mnist && self.mnist_data.is_none() && !self.loading
    }

    pub fn mnist(&mut self) -> Option<&mut MnistTrainer> {
        self.trainer.as_mut().and_then(|t| t.mnist())
    }

    pub fn progress(&self) -> Option<Progress> {
        let t = self.trainer.as_ref()?;
        let total = t.total_steps();
        let samples_per_sec = self.rate.per_sec();
        let remaining_samples =
            total.saturating_sub(t.steps_taken()) * self.settings.effective_batch() as u64;
        Some(Progress {
            epoch: t.epoch(),
            epochs: self.settings.epochs,
            step: t.steps_taken(),
            total_steps: total,
            samples_per_sec,
            eta_ms: (self.running && samples_per_sec > 0.0)
                .then(|| remaining_samples as f64 * 1000.0 / samples_per_sec),
            running: self.running,
            finished: t.is_finished(),
        })
    }
}

/// Reads back the run's snapshot and builds its event (whatever the task).
pub async fn snapshot_events(shared: &Shared) -> Vec<Event> {
    snapshot_events_with(shared, |_| {}).await
}

/// The snapshot with `queue` run on the session first — again on the CPU's run after a
/// fallback, so work asked for (an MNIST evaluation) is not lost with the failed device.
pub async fn snapshot_events_with(shared: &Shared, queue: impl Fn(&mut Session)) -> Vec<Event> {
    read_with_fallback(
        shared,
        |s| {
            queue(s);
            let progress = s.progress()?;
            Some(s.trainer.as_mut()?.prepare_snapshot(progress))
        },
        |s, delivery| {
            if delivery.saved.is_some() {
                s.checkpoint = delivery.saved;
            }
            if delivery.predictions.is_some() {
                s.predictions = delivery.predictions;
            }
            delivery.event
        },
    )
    .await
}

/// Awaits what `prepare` queued and turns it into an event with `deliver`. On a readback
/// failure (e.g. WebGPU device lost) the run moves to the CPU from the last checkpoint, the
/// events say so, and it is read again there. Results of an older run (a Reset happened)
/// are dropped.
pub async fn read_with_fallback<T, F>(
    shared: &Shared,
    prepare: impl Fn(&mut Session) -> Option<F>,
    deliver: impl Fn(&mut Session, T) -> Event,
) -> Vec<Event>
where
    F: Future<Output = Result<T, EngineError>>,
{
    let mut events = Vec::new();
    for _attempt in 0..2 {
        let (pending, generation) = {
            let mut s = shared.borrow_mut();
            let generation = s.generation;
            let Some(pending) = prepare(&mut s) else {
                return events;
            };
            (pending, generation)
        };
        let result = pending.await;
        let mut s = shared.borrow_mut();
        if s.generation != generation {
            return events;
        }
        match result {
            Ok(r) => {
                events.push(deliver(&mut s, r));
                return events;
            }
            Err(e) if s.on_cpu() => {
                events.push(Event::Error {
                    message: e.to_string(),
                    fatal: false,
                });
                return events;
            }
            Err(e) => {
                drop(s);
                events.extend(fall_back_to_cpu(shared, &e.to_string()));
            }
        }
    }
    events
}

fn fall_back_to_cpu(shared: &Shared, why: &str) -> Vec<Event> {
    let mut s = shared.borrow_mut();
    let (device, info) = super::backend::device_failed(why);
    s.device = Some((device, info.clone()));
    s.cpu_only = true;
    let (settings, checkpoint) = (s.settings.clone(), s.checkpoint.clone());
    let was_running = s.running;
    let not_resumed = s.reset(settings, checkpoint.as_ref());
    s.running = was_running;
    let step = checkpoint
        .filter(|_| not_resumed.is_none())
        .map_or(0, |c| c.step());
    let mut events = vec![
        Event::Resumed { step },
        Event::Error {
            message: format!(
                "The WebGPU device failed during training; continuing on the CPU from step {step}."
            ),
            fatal: false,
        },
    ];
    events.extend(not_resumed.map(|why| Event::Error {
        message: super::resumption::starts_over(&why),
        fatal: false,
    }));
    events.push(Event::Ready { backend: info });
    events
}
