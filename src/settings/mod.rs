//! Typed playground settings and their URL-hash form (in the spirit of TF Playground's `state.ts`).
//!
//! Every setting that changes a run lives here, seed included, so that a link reproduces a run.

pub mod cnn;
pub mod embed;
mod hash;
pub mod mnist;
mod model;
pub mod neuron;

pub use embed::EmbedOptions;
pub use hash::{Notice, from_hash, to_hash};
pub use mnist::{Activation, ModelKind, Preprocess, Preset};
pub use model::{BackendChoice, OptimizerKind, Settings, Task, range};
pub use neuron::NeuronSettings;
