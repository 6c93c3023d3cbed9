//! UI → worker.

use serde::{Deserialize, Serialize};

use crate::settings::Settings;

/// Hyper-parameters that may change while training runs.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hyper {
    pub lr: f64,
    pub l1: f64,
    pub l2: f64,
}

impl From<crate::settings::Live> for Hyper {
    fn from(live: crate::settings::Live) -> Self {
        Self {
            lr: live.lr,
            l1: live.l1,
            l2: live.l2,
        }
    }
}

/// Where a run stands, in plain numbers: enough to continue it on another device.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Checkpoint {
    /// Optimizer steps taken so far.
    pub step: u64,
    pub w: f32,
    pub b: f32,
    /// Optimizer state of w and b (velocity or Adam moments).
    pub state_w: super::ParamState,
    pub state_b: super::ParamState,
}

/// Where an initialized run starts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Resume {
    /// From step 0.
    Start,
    /// Linear regression from the checkpoint the page kept (a few numbers).
    LinReg(Checkpoint),
    /// From the checkpoint the previous worker stored (MNIST, the single neuron), if it fits
    /// these settings; else from step 0, with a notice.
    Stored,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Command {
    /// Choose a device (per `settings.backend`) and prepare a run; optionally continue one.
    /// With `cpu_reason`, train on the CPU and show that reason (e.g. after a crash).
    Init {
        settings: Settings,
        resume: Resume,
        /// Start training as soon as the run is prepared (a crashed run that was training).
        play: bool,
        /// This page's id: the checkpoints the worker stores carry it.
        owner: String,
        cpu_reason: Option<String>,
        /// Absolute URL of the page's `data/mnist/` folder (a worker started from a blob
        /// URL cannot resolve relative ones).
        data_url: String,
        /// `backend=auto`'s verdicts this page remembers (workers have no `localStorage`).
        #[serde(default)]
        verdicts: Vec<super::Measured>,
    },
    /// Start a fresh run with these settings (new data if the data settings changed).
    Reset {
        settings: Settings,
    },
    Play,
    Pause,
    /// Exactly one optimizer step, then pause.
    Step,
    /// Settings that may change while training runs: learning rate, regularization, speed.
    SetLive(crate::settings::Live),
    /// A task's own request (MNIST's evaluation and model files, the neuron's steps, …).
    Task(super::TaskCommand),
    /// `backend=auto`: forget this task's verdict and time both devices again.
    MeasureAgain,
}

impl Command {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_json(text: &str) -> Result<Self, String> {
        serde_json::from_str(text).map_err(|e| format!("not a worker command: {e}"))
    }
}
