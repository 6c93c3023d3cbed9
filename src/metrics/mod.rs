//! Classification metrics for an n-class classifier (10 classes for MNIST): the confusion
//! matrix, accuracy, and per-class precision, recall and F1. Plain Rust: no Burn, no UI.

pub mod class_scores;
pub mod confusion;

pub use class_scores::{ClassScore, class_scores, macro_average};
pub use confusion::{accuracy, confusion_matrix};
