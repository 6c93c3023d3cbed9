//! The single-neuron task: one sample, sigmoid + binary cross-entropy, stepped by Burn in the
//! worker, with the step-by-step math panel.

mod controls;
mod diagram;
mod inputs;
mod loss_chart;
mod math;
mod page;
mod transport;

pub use inputs::NeuronInputs;
pub use page::NeuronPage;
