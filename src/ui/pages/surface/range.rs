//! Which part of the (w, b) plane the loss surface shows: a square (one scale on both axes, so
//! the gradient is drawn at right angles to the contours) around the minimum and the start.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use crate::protocol::surface::SurfaceRequest;

/// Grid points per side for small data (100 × 100 = 10,000 losses per request).
pub const SIDE: usize = 100;
/// At most this many residuals per grid (side² × rows): a long table gets a coarser grid.
const MAX_CELLS: usize = 20_000_000;
/// The coarsest grid, however long the table.
const MIN_SIDE: usize = 30;

/// Grid points per side for `rows` training rows: 100, or fewer for long tables.
pub fn side_for(rows: usize) -> usize {
    let fit = (MAX_CELLS as f64 / rows.max(1) as f64).sqrt() as usize;
    fit.clamp(MIN_SIDE, SIDE)
}

/// The smallest square holding every point (finite ones) with a margin of a third of its
/// side around them, at least 1 wide.
pub fn square_around(points: &[(f64, f64)]) -> ((f64, f64), (f64, f64)) {
    let finite = points
        .iter()
        .filter(|(w, b)| w.is_finite() && b.is_finite());
    let (mut w0, mut w1, mut b0, mut b1) = (
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
    );
    for &(w, b) in finite {
        (w0, w1, b0, b1) = (w0.min(w), w1.max(w), b0.min(b), b1.max(b));
    }
    if !w0.is_finite() {
        return ((-1.0, 1.0), (-1.0, 1.0));
    }
    let half = ((w1 - w0).max(b1 - b0) * (0.5 + 1.0 / 3.0)).max(0.5);
    let (wc, bc) = ((w0 + w1) / 2.0, (b0 + b1) / 2.0);
    ((wc - half, wc + half), (bc - half, bc + half))
}

/// A request for the surface of `x`, `y` with the penalty (λ₁, λ₂) over `range`; its id is a
/// hash of everything that decides the values, so the page knows which answer is current.
pub fn request(
    x: &[f32],
    y: &[f32],
    (l1, l2): (f64, f64),
    (w, b): ((f64, f64), (f64, f64)),
) -> SurfaceRequest {
    let mut h = DefaultHasher::new();
    for v in [w.0, w.1, b.0, b.1, l1, l2] {
        v.to_bits().hash(&mut h);
    }
    x.iter().chain(y).for_each(|v| v.to_bits().hash(&mut h));
    SurfaceRequest {
        id: h.finish(),
        w,
        b,
        side: side_for(x.len()),
        l1,
        l2,
        x: x.to_vec(),
        y: y.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_square_holds_every_point_with_a_margin() {
        let (w, b) = square_around(&[(2.0, 1.0), (-0.5, 0.3), (f64::NAN, 9.0)]);
        assert!(
            (w.1 - w.0 - (b.1 - b.0)).abs() < 1e-12,
            "a square: {w:?} {b:?}"
        );
        for (pw, pb) in [(2.0, 1.0), (-0.5, 0.3)] {
            let margin = (w.1 - w.0) / 6.0;
            assert!(
                pw > w.0 + margin * 0.99 && pw < w.1 - margin * 0.99,
                "{w:?}"
            );
            assert!(pb > b.0 && pb < b.1, "{b:?}");
        }
        assert_eq!(square_around(&[]), ((-1.0, 1.0), (-1.0, 1.0)));
        let ((w0, w1), _) = square_around(&[(3.0, 3.0)]);
        assert_eq!((w0, w1), (2.5, 3.5));
    }

    #[test]
    fn long_tables_get_coarser_grids() {
        assert_eq!(side_for(80), 100);
        assert_eq!(side_for(2_000), 100);
        assert_eq!(side_for(8_000), 50);
        assert_eq!(side_for(100_000), 30);
    }

    #[test]
    fn the_id_changes_with_the_data_and_the_penalty() {
        let r =
            |x: f32, l1| request(&[x, 1.0], &[1.0, 2.0], (l1, 0.0), ((0.0, 1.0), (0.0, 1.0))).id;
        assert_eq!(r(0.0, 0.0), r(0.0, 0.0));
        assert_ne!(r(0.0, 0.0), r(0.5, 0.0));
        assert_ne!(r(0.0, 0.0), r(0.0, 0.1));
    }
}
