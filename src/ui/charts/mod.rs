//! SVG charts: pictures, not walls of numbers.

pub mod axes;
mod confusion;
mod loss;
mod scatter;

pub use confusion::ConfusionMatrix;
pub use loss::LossChart;
pub use scatter::ScatterPlot;
