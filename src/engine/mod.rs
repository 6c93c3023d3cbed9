//! The ML engine: Burn only (no UI, no browser APIs except device initialization).
//!
//! Tensors never leave this module; callers get plain numbers back through async readback.

pub mod checkpoint;
pub mod checkpoint_module;
pub mod device;
mod error;
pub mod gpt;
pub mod linreg;
pub mod loss_surface;
pub mod mnist;
pub mod neuron;
pub(crate) mod neuron_readout;
pub mod neuron_run;
pub mod optimizer;
pub mod param_step;
pub mod path;
pub mod race;
pub mod readback;
pub mod reference;
mod reference_basics;
mod reference_descent;
mod reference_gpt;
pub mod reference_inputs;
mod reference_layers;
mod reference_metrics;
mod reference_transformer;
pub mod table;
mod trace_readout;
pub mod trainer;

pub use error::EngineError;
pub use readback::Readback;
