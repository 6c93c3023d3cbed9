//! SVG charts: pictures, not walls of numbers.

pub mod axes;
mod confusion;
pub mod contour;
mod loss;
mod loss_surface;
mod scatter;
mod surface_marks;

pub use confusion::ConfusionMatrix;
pub use loss::{LossChart, RaceCurve};
pub use loss_surface::{LossSurface, SurfacePath};
pub use scatter::ScatterPlot;
