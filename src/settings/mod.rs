//! Typed playground settings, declared once in a [table](table) that drives their URL-hash
//! form (in the spirit of TF Playground's `state.ts`), the embed API, the Share dialog and the
//! live-or-restart decision.
//!
//! Every setting that changes a run lives here, seed included, so that a link reproduces a run.

mod apply;
mod change;
pub mod cnn;
pub mod embed;
pub mod file_header;
mod hash;
mod hidden;
mod kinds;
pub mod mnist;
mod model;
pub mod neuron;
pub mod table;
pub mod value;

pub use change::classify;
pub use embed::EmbedOptions;
pub use hash::{Notice, from_hash, to_hash};
pub use mnist::{Activation, ModelKind, Preprocess, Preset};
pub use model::{BackendChoice, OptimizerKind, Settings, Task, range};
pub use neuron::NeuronSettings;
pub use table::Change;
