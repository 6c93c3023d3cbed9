//! SVG charts: pictures, not walls of numbers.

mod axes;
mod loss;
mod scatter;

pub use loss::LossChart;
pub use scatter::ScatterPlot;
