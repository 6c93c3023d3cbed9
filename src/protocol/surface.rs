//! The loss surface of a line y = w·x + b: the page asks for L(w, b) over a grid, the worker
//! computes every point in one batched pass and sends the values back.

use serde::{Deserialize, Serialize};

/// Most grid points per side (the page asks for 100; more would only cost time).
pub const MAX_SIDE: usize = 200;
/// Most training points a request may carry.
pub const MAX_POINTS: usize = 100_000;

/// L(w, b) = (1/n) Σ (yᵢ − w xᵢ − b)² + λ₁|w| + λ₂w² over `side` × `side` points spanning
/// `w` and `b` (both ends included).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurfaceRequest {
    /// Echoed in the answer: the page keeps only the answer to its newest request.
    pub id: u64,
    pub w: (f64, f64),
    pub b: (f64, f64),
    pub side: usize,
    pub l1: f64,
    pub l2: f64,
    /// The training points the loss is taken over.
    pub x: Vec<f32>,
    pub y: Vec<f32>,
}

impl SurfaceRequest {
    /// The grid's w values (the columns), evenly spaced, both ends included.
    pub fn w_axis(&self) -> Vec<f64> {
        axis(self.w, self.side)
    }

    /// The grid's b values (the rows).
    pub fn b_axis(&self) -> Vec<f64> {
        axis(self.b, self.side)
    }

    /// Why the request cannot be answered, if it cannot (said to the learner as is).
    pub fn problem(&self) -> Option<String> {
        let finite = [self.w.0, self.w.1, self.b.0, self.b.1, self.l1, self.l2]
            .iter()
            .all(|v| v.is_finite());
        if !finite || self.w.0 >= self.w.1 || self.b.0 >= self.b.1 {
            Some("the loss surface needs a finite range of w and b".into())
        } else if !(2..=MAX_SIDE).contains(&self.side) {
            Some(format!(
                "the loss surface's grid must have 2–{MAX_SIDE} points a side"
            ))
        } else if self.x.is_empty() || self.x.len() != self.y.len() {
            Some("the loss surface needs as many y as x values, and at least one".into())
        } else if self.x.len() > MAX_POINTS {
            Some(format!(
                "the loss surface takes at most {MAX_POINTS} points"
            ))
        } else {
            None
        }
    }
}

/// `side` evenly spaced values from `lo` to `hi`.
pub fn axis((lo, hi): (f64, f64), side: usize) -> Vec<f64> {
    let last = side.saturating_sub(1).max(1) as f64;
    (0..side)
        .map(|i| lo + (hi - lo) * i as f64 / last)
        .collect()
}

/// The answer: L at every grid point, as Burn computed it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurfaceGrid {
    pub id: u64,
    pub w: (f64, f64),
    pub b: (f64, f64),
    pub side: usize,
    pub l1: f64,
    pub l2: f64,
    /// Row-major: row j is b = b_axis[j], column i is w = w_axis[i].
    pub values: Vec<f32>,
    /// Worker time from the request to the values read back, in milliseconds.
    pub ms: f64,
}

impl SurfaceGrid {
    /// L at grid column `i` (w) and row `j` (b).
    pub fn at(&self, i: usize, j: usize) -> f32 {
        self.values
            .get(j * self.side + i)
            .copied()
            .unwrap_or(f32::NAN)
    }

    /// The grid point nearest to (w, b): its column, row, w, b and L. `None` outside the grid.
    pub fn nearest(&self, w: f64, b: f64) -> Option<(usize, usize, f64, f64, f32)> {
        let inside = |v: f64, (lo, hi): (f64, f64)| (lo..=hi).contains(&v);
        if !inside(w, self.w) || !inside(b, self.b) {
            return None;
        }
        let last = self.side.saturating_sub(1) as f64;
        let i = ((w - self.w.0) / (self.w.1 - self.w.0) * last).round();
        let j = ((b - self.b.0) / (self.b.1 - self.b.0) * last).round();
        if !(0.0..=last).contains(&i) || !(0.0..=last).contains(&j) {
            return None;
        }
        let (i, j) = (i as usize, j as usize);
        let (ws, bs) = (axis(self.w, self.side), axis(self.b, self.side));
        Some((i, j, ws[i], bs[j], self.at(i, j)))
    }
}

/// One point of an optimizer's path across the surface: (w, b) after `step` steps.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PathPoint {
    pub step: u64,
    pub w: f32,
    pub b: f32,
}

impl crate::history::AtStep for PathPoint {
    fn step(&self) -> u64 {
        self.step
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> SurfaceRequest {
        SurfaceRequest {
            id: 1,
            w: (-1.0, 3.0),
            b: (0.0, 2.0),
            side: 5,
            l1: 0.0,
            l2: 0.0,
            x: vec![0.0, 1.0],
            y: vec![1.0, 3.0],
        }
    }

    #[test]
    fn axes_include_both_ends() {
        assert_eq!(request().w_axis(), [-1.0, 0.0, 1.0, 2.0, 3.0]);
        assert_eq!(request().b_axis(), [0.0, 0.5, 1.0, 1.5, 2.0]);
    }

    #[test]
    fn bad_requests_say_why() {
        assert_eq!(request().problem(), None);
        let mut r = request();
        r.w = (1.0, 1.0);
        assert!(r.problem().unwrap().contains("range"));
        let mut r = request();
        r.side = 1;
        assert!(r.problem().unwrap().contains("points a side"));
        let mut r = request();
        r.y.pop();
        assert!(r.problem().unwrap().contains("as many y"));
        let mut r = request();
        r.l1 = f64::NAN;
        assert!(r.problem().is_some());
    }

    #[test]
    fn nearest_grid_point() {
        let r = request();
        let g = SurfaceGrid {
            id: 1,
            w: r.w,
            b: r.b,
            side: 5,
            l1: 0.0,
            l2: 0.0,
            values: (0..25).map(|v| v as f32).collect(),
            ms: 0.0,
        };
        assert_eq!(g.nearest(1.1, 0.6), Some((2, 1, 1.0, 0.5, 7.0)));
        assert_eq!(g.nearest(3.4, 0.0), None);
    }
}
