//! The typed messages between the UI (main thread) and the training worker.
//!
//! Plain data only (serde): the UI never sees a tensor. Messages travel as JSON strings.

pub mod checkpoint;
mod command;
mod event;
pub mod host;
pub mod host_watch;
pub mod mnist;
pub mod neuron;
pub mod reference;
mod sample_trace;
mod trace;

pub use checkpoint::{RunCheckpoint, StateValues, TensorValues};
pub use command::{Checkpoint, Command, Hyper, Resume};
pub use event::{BackendInfo, BackendKind, CurvePoint, Event, Progress, Readout, Snapshot};
pub use mnist::{MnistCommand, MnistEvent};
pub use reference::{ReferenceCommand, ReferenceEvent};
pub use sample_trace::{ConvTrace, DenseTrace, SampleTrace, TraceFocus, TraceSample};
pub use trace::{OptimizerHyper, ParamState, ParamUpdate, StepTrace};
