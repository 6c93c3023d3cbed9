//! SVG charts: pictures, not walls of numbers.

pub mod axes;
mod loss;
mod scatter;

pub use loss::LossChart;
pub use scatter::ScatterPlot;
