//! Worker → UI.

use serde::{Deserialize, Serialize};

use super::{Checkpoint, StepTrace};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BackendKind {
    WebGpu,
    Cpu,
}

/// Name shown for Burn's CPU backend.
pub const CPU_NAME: &str = "Burn flex (CPU)";

/// The device that trains, and why it was chosen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BackendInfo {
    pub kind: BackendKind,
    /// Adapter name for WebGPU (e.g. "swiftshader"), "Burn flex" for the CPU.
    pub name: String,
    /// Why the CPU was used, when it was (e.g. "no WebGPU", "adapter request timed out").
    pub reason: Option<String>,
    /// The full technical message behind `reason`, if any (shown as a tooltip).
    pub detail: Option<String>,
    /// `backend=auto`: the CPU trains while WebGPU is warmed up and timed on this task.
    #[serde(default)]
    pub measuring: bool,
    /// `backend=auto`: the two rates this device was chosen by.
    #[serde(default)]
    pub measured: Option<super::Measured>,
}

impl BackendInfo {
    /// The CPU, and why.
    pub fn cpu(reason: impl Into<String>, detail: Option<String>) -> Self {
        Self {
            kind: BackendKind::Cpu,
            name: CPU_NAME.into(),
            reason: Some(reason.into()),
            detail,
            measuring: false,
            measured: None,
        }
    }

    /// A working WebGPU adapter.
    pub fn webgpu(name: String) -> Self {
        Self {
            kind: BackendKind::WebGpu,
            name,
            reason: None,
            detail: None,
            measuring: false,
            measured: None,
        }
    }
}

/// Counters for the progress bar.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// 1-based epoch currently running (== epochs when finished).
    pub epoch: usize,
    pub epochs: usize,
    /// Optimizer steps taken.
    pub step: u64,
    pub total_steps: u64,
    pub samples_per_sec: f64,
    /// Estimated time to the end of the run, when running.
    pub eta_ms: Option<f64>,
    pub running: bool,
    pub finished: bool,
}

/// One point of the loss curves: MSE on the whole train and test sets after `step` steps.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct CurvePoint {
    pub step: u64,
    pub train_mse: f32,
    pub test_mse: f32,
}

/// What the device holds now, read back as plain numbers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Readout {
    pub w: f32,
    pub b: f32,
    /// MSE on the whole training set and on the test set (data term only).
    pub train_mse: f32,
    pub test_mse: f32,
    /// Curve points recorded since the previous readout (one per epoch end), oldest first.
    pub curve: Vec<CurvePoint>,
    /// (w, b) after every step since the previous readout (the first readout also holds where
    /// the run started), oldest first.
    #[serde(default)]
    pub path: Vec<super::surface::PathPoint>,
    /// The latest optimizer step, every number as Burn computed it.
    pub last_step: Option<StepTrace>,
    pub checkpoint: Checkpoint,
}

/// A throttled picture of the run: everything the UI shows, as plain numbers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub progress: Progress,
    pub run: Readout,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Event {
    /// The worker's wasm is loaded and listening.
    Loaded,
    /// A device is ready and a run is prepared.
    Ready {
        backend: BackendInfo,
    },
    Snapshot(Box<Snapshot>),
    /// After a device loss or a crash the run continues from this step (0: from the start).
    Resumed {
        step: u64,
    },
    /// A task's own message (MNIST's data and model files, the neuron's snapshots, …).
    Task(super::TaskEvent),
    /// `backend=auto` timed both devices on this task (the page remembers the verdict).
    Measured(super::Measured),
    /// Something the worker did on its own that the user should know (not a problem).
    Notice(String),
    /// A problem the user should know about; `fatal` means the run cannot continue here.
    Error {
        message: String,
        fatal: bool,
    },
}

impl Event {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_json(text: &str) -> Result<Self, String> {
        serde_json::from_str(text).map_err(|e| format!("not a worker event: {e}"))
    }
}
