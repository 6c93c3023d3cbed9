//! The MNIST page: data loading, training views, evaluation views, draw-a-digit.

mod cell_examples;
mod class_scores;
mod controls;
mod curves;
mod data_panel;
mod draw_canvas;
mod draw_follow;
mod draw_pad;
mod draw_probs;
mod fmt;
mod gallery;
mod metric_chart;
mod page;
pub(crate) mod pixels;
mod progress;
pub(crate) mod steps;
mod transport;
mod view_state;
mod weights;

pub use page::MnistPage;
pub use view_state::{MnistPart, MnistView, size_text};
