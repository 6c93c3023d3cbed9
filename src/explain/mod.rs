//! The mathematics of a step, as data: formulas (LaTeX), symbolic and with the step's numbers
//! substituted, plus the reference formulas themselves. No Burn, no UI.

pub mod export;
pub mod format;
pub mod linreg_math;
pub mod linreg_steps;
pub mod mathml;
pub mod nn_steps;
pub mod reference;

pub use linreg_steps::{FormulaLine, SubStep, SubStepKind, sub_steps};
