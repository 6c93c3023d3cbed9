//! The page's bounded curves (linear regression's MSE, MNIST's running training values, the
//! neuron's loss): points in step order, the newest always kept, thinned by half when full.
//! Plain data, so the behaviour the charts rely on is tested natively.

use crate::protocol::CurvePoint;
use crate::protocol::mnist::TrainPoint;

/// A point of a curve, at an optimizer step.
pub trait AtStep: Copy + PartialEq {
    fn step(&self) -> u64;
}

impl AtStep for CurvePoint {
    fn step(&self) -> u64 {
        self.step
    }
}

impl AtStep for TrainPoint {
    fn step(&self) -> u64 {
        self.step
    }
}

/// The neuron's (step, loss).
impl AtStep for (u64, f32) {
    fn step(&self) -> u64 {
        self.0
    }
}

/// Adds `point`: it replaces a point of the same step; one of an earlier step (the run went
/// back to a checkpoint) drops the points after it. Beyond `max` points every other point
/// is dropped, keeping the newest.
pub fn push<P: AtStep>(points: &mut Vec<P>, point: P, max: usize) {
    match points.last_mut() {
        Some(last) if last.step() == point.step() => *last = point,
        Some(last) if last.step() > point.step() => {
            points.retain(|p| p.step() < point.step());
            points.push(point);
        }
        _ => points.push(point),
    }
    if points.len() > max.max(2) {
        *points = points.iter().step_by(2).copied().collect();
        if points.last() != Some(&point) {
            points.push(point);
        }
    }
}

/// The run continues from `step` (after a failure): the points after it go.
pub fn rewind<P: AtStep>(points: &mut Vec<P>, step: u64) {
    points.retain(|p| p.step() <= step);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steps(points: &[(u64, f32)]) -> Vec<u64> {
        points.iter().map(|p| p.0).collect()
    }

    #[test]
    fn keeps_order_replaces_equal_steps_and_goes_back_to_a_checkpoint() {
        let mut c = Vec::new();
        for s in [1, 2, 3, 3, 4] {
            push(&mut c, (s, s as f32), 100);
        }
        assert_eq!(steps(&c), [1, 2, 3, 4]);
        push(&mut c, (3, -1.0), 100);
        assert_eq!(c, [(1, 1.0), (2, 2.0), (3, -1.0)]);
        rewind(&mut c, 1);
        assert_eq!(steps(&c), [1]);
    }

    #[test]
    fn stays_bounded_and_always_holds_the_newest_point() {
        let mut c = Vec::new();
        for s in 0..10_000u64 {
            push(&mut c, (s, 0.0), 600);
            assert!(c.len() <= 601, "{} points at step {s}", c.len());
            assert_eq!(c.last().map(|p| p.0), Some(s));
            assert!(c.windows(2).all(|w| w[0].0 < w[1].0));
        }
        assert!(c.len() > 300, "thinning keeps half: {}", c.len());
        assert_eq!(c[0].0, 0, "the start stays");
    }
}
