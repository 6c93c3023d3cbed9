//! Linear regression's race: the runs' rows (settings, loss, step, the followed one), the
//! buttons that start a race, and the curves and paths the charts overlay.

mod rows;
mod view;

use std::rc::Rc;

pub use rows::RacePanel;
pub use view::RaceView;

use crate::protocol::surface::PathPoint;
use crate::ui::charts::{RaceCurve, SurfacePath};

/// The colour class of run `i`.
pub fn class(i: usize) -> &'static str {
    ["run-0", "run-1", "run-2"]
        .get(i)
        .copied()
        .unwrap_or("run-2")
}

/// Every run's path, for the loss surface.
pub fn paths(view: &RaceView) -> Vec<SurfacePath> {
    view.runs
        .iter()
        .enumerate()
        .map(|(i, line)| SurfacePath {
            label: line.label.clone(),
            class: class(i),
            points: Rc::new(line.path.clone()),
            diverged: line.diverged,
        })
        .collect()
}

/// Every run's train-MSE curve, for the loss chart.
pub fn curves(view: &RaceView) -> Vec<RaceCurve> {
    view.runs
        .iter()
        .enumerate()
        .map(|(i, line)| RaceCurve {
            label: line.label.clone(),
            class: class(i),
            points: Rc::new(line.curve.clone()),
            diverged: line.diverged,
        })
        .collect()
}

/// The solo run's path (no race).
pub fn solo_path(points: &[PathPoint]) -> Vec<SurfacePath> {
    vec![SurfacePath {
        label: "this run".into(),
        class: "run-0",
        points: Rc::new(points.to_vec()),
        diverged: points
            .last()
            .is_some_and(|p| !(p.w.is_finite() && p.b.is_finite())),
    }]
}
