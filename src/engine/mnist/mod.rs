//! MNIST in Burn: the networks (MLP, small CNN), the training run, evaluation, queries and
//! model files.

pub mod batch;
pub mod classifier;
pub mod cnn;
pub mod evaluation;
mod files;
pub mod mlp;
pub mod model_file;
pub mod param_optimizer;
mod queries;
pub mod readout;
mod sample_trace;
pub mod trace_focus;
mod trace_layers;
pub mod trace_pass;
mod trace_update;
mod trace_weights;
pub mod trainer;
mod trainer_checkpoint;

pub use classifier::Classifier;
pub use readout::{MnistReadout, PendingMnistReadout};
pub use trainer::MnistTrainer;
