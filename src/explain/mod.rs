//! The mathematics of a step, as data: formulas (LaTeX), symbolic and with the step's numbers
//! substituted, plus the reference formulas themselves. No Burn, no UI.

pub mod export;
pub mod format;
pub mod gpt_follow;
mod gpt_follow_attention;
mod gpt_follow_backward;
pub mod gpt_follow_export;
mod gpt_follow_forward;
mod gpt_follow_output;
mod gpt_follow_query;
mod gpt_follow_rows;
mod gpt_follow_update;
pub mod latex;
pub mod linreg_math;
pub mod linreg_steps;
pub mod mathml;
pub mod neuron_export;
pub mod neuron_steps;
mod nn_backward;
mod nn_conv;
mod nn_conv_grad;
mod nn_conv_maps;
mod nn_dense;
pub mod nn_export;
mod nn_export_parts;
mod nn_forward;
mod nn_gradient;
mod nn_output;
mod nn_params;
pub mod nn_steps;
pub mod nn_text;
mod nn_update;
pub mod optimizer_rules;
pub mod reference;
mod reference_activations;
pub mod reference_gpt;
mod reference_losses;
mod reference_metrics;
mod reference_networks;
mod reference_regularization;
mod reference_training;
pub mod table_class_steps;
pub mod table_steps;

pub use linreg_steps::{FormulaLine, SubStep, SubStepKind, sub_steps};
