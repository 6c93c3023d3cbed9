//! The worker's state: the settings, the device, the run, and the snapshot it last sent.

use std::cell::RefCell;
use std::rc::Rc;

use burn::tensor::Device;

use crate::engine::EngineError;

use super::rate::RateMeter;
use super::run::Run;
use crate::data::mnist::MnistData;
use crate::engine::mnist::MnistTrainer;
use crate::engine::neuron_run::NeuronRun;
use crate::engine::trainer::LinRegTrainer;
use crate::protocol::reference::NeuronInput;
use crate::protocol::{BackendInfo, BackendKind, Checkpoint, Event, Progress, Snapshot};
use crate::settings::{Settings, Task};

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

#[derive(Default)]
pub struct Session {
    pub settings: Settings,
    pub device: Option<(Device, BackendInfo)>,
    pub trainer: Option<Run>,
    /// MNIST, once loaded (kept across runs).
    pub mnist_data: Option<Rc<MnistData>>,
    /// MNIST is being downloaded.
    pub loading: bool,
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
    pub checkpoint: Option<Checkpoint>,
    /// Bumped by every Init: only the newest device choice is installed.
    pub init_ticket: u64,
}

pub type Shared = Rc<RefCell<Session>>;

impl Session {
    pub fn on_cpu(&self) -> bool {
        self.device
            .as_ref()
            .is_some_and(|(_, i)| i.kind == BackendKind::Cpu)
    }

    /// A fresh run (or `resume`) on the current device.
    pub fn reset(&mut self, settings: Settings, resume: Option<&Checkpoint>) {
        self.settings = settings;
        self.running = false;
        self.generation += 1;
        self.rate.clear();
        self.checkpoint = resume.cloned();
        self.predictions = None;
        let device = self.device.as_ref().map(|(device, _)| device.clone());
        self.trainer = match (self.settings.task, device) {
            (_, None) => None,
            (Task::LinearRegression, Some(device)) => Some(Run::LinReg(Box::new(
                LinRegTrainer::new(&self.settings, device, resume),
            ))),
            (Task::Mnist, Some(device)) => self
                .mnist_data
                .clone()
                .map(|data| Run::Mnist(Box::new(MnistTrainer::new(&self.settings, device, data)))),
            (Task::Neuron, Some(device)) => Some(Run::Neuron(Box::new(NeuronRun::new(
                &self.settings,
                device,
            )))),
            (Task::Formulas, Some(_)) => None,
        };
    }

    /// MNIST is needed and neither loaded nor loading.
    pub fn needs_mnist(&self) -> bool {
        self.settings.task == Task::Mnist && self.mnist_data.is_none() && !self.loading
    }

    pub fn mnist(&mut self) -> Option<&mut MnistTrainer> {
        self.trainer.as_mut().and_then(Run::mnist)
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

/// Reads back a snapshot and builds its event (linear regression, MNIST, the single neuron;
/// for the formula page, the worked examples).
pub async fn snapshot_events(shared: &Shared) -> Vec<Event> {
    let (mnist, neuron, formulas) = {
        let s = shared.borrow();
        let formulas = (s.settings.task == Task::Formulas && s.device.is_some())
            .then(|| NeuronInput::from_settings(&s.settings));
        (
            matches!(s.trainer, Some(Run::Mnist(_))),
            matches!(s.trainer, Some(Run::Neuron(_))),
            formulas,
        )
    };
    if mnist {
        return super::mnist_snapshot::snapshot_events(shared).await;
    }
    if neuron {
        return super::reference_commands::neuron_snapshot(shared).await;
    }
    if let Some(input) = formulas {
        return super::reference_commands::examples(shared, input).await;
    }
    read_with_fallback(
        shared,
        |s| {
            let progress = s.progress()?;
            let Some(Run::LinReg(t)) = s.trainer.as_mut() else {
                return None;
            };
            let pending = t.prepare_readout();
            Some(async move { pending.finish().await.map(|r| (progress, r)) })
        },
        |s, (progress, run)| {
            s.checkpoint = Some(run.checkpoint.clone());
            Event::Snapshot(Box::new(Snapshot { progress, run }))
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
    let (settings, checkpoint) = (s.settings.clone(), s.checkpoint.clone());
    let was_running = s.running;
    s.reset(settings, checkpoint.as_ref());
    s.running = was_running;
    vec![
        Event::Error {
            message: format!(
                "The WebGPU device failed during training; continuing on the CPU from step {}.",
                checkpoint.map_or(0, |c| c.step)
            ),
            fatal: false,
        },
        Event::Ready { backend: info },
    ]
}
