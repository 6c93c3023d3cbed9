//! Contour lines of a grid of values (marching squares) and their levels on a log scale.
//! Plain numbers, tested natively; the loss-surface chart draws what these return.

/// A segment between two points in grid coordinates (column i, row j; fractional).
pub type Segment = ((f64, f64), (f64, f64));

/// `count` levels between the grid's smallest and largest value, evenly spaced on a log scale
/// (a loss surface is a bowl: most of its interesting shape is near the bottom). Values ≤ 0
/// are floored at a millionth of the largest.
pub fn log_levels(values: &[f32], count: usize) -> Vec<f64> {
    let finite = values
        .iter()
        .map(|&v| f64::from(v))
        .filter(|v| v.is_finite());
    let (lo, hi) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if hi <= 0.0 || count == 0 {
        return Vec::new();
    }
    let lo = lo.max(hi * 1e-6);
    if hi / lo < 1.0 + 1e-9 {
        return Vec::new();
    }
    let ratio = (hi / lo).ln();
    (0..count)
        .map(|k| lo * ((k as f64 + 0.5) / count as f64 * ratio).exp())
        .collect()
}

/// Where the level crosses between two corner values (0 at `a`, 1 at `b`).
fn cross(a: f64, b: f64, level: f64) -> f64 {
    if (b - a).abs() < f64::EPSILON {
        0.5
    } else {
        ((level - a) / (b - a)).clamp(0.0, 1.0)
    }
}

/// The segments of the contour `level` through a `side` × `side` grid, row-major
/// (`values[j * side + i]`). Cells with a non-finite corner are skipped.
pub fn segments(values: &[f32], side: usize, level: f64) -> Vec<Segment> {
    let mut out = Vec::new();
    if side < 2 || values.len() < side * side {
        return out;
    }
    let v = |i: usize, j: usize| f64::from(values[j * side + i]);
    for j in 0..side - 1 {
        for i in 0..side - 1 {
            // Corners counter-clockwise from (i, j): a, b (i+1, j), c (i+1, j+1), d (i, j+1).
            let (a, b, c, d) = (v(i, j), v(i + 1, j), v(i + 1, j + 1), v(i, j + 1));
            if ![a, b, c, d].iter().all(|x| x.is_finite()) {
                continue;
            }
            let (x, y) = (i as f64, j as f64);
            // The four edges' crossings, where the level separates their ends.
            let bottom = ((a < level) != (b < level)).then(|| (x + cross(a, b, level), y));
            let right = ((b < level) != (c < level)).then(|| (x + 1.0, y + cross(b, c, level)));
            let top = ((d < level) != (c < level)).then(|| (x + cross(d, c, level), y + 1.0));
            let left = ((a < level) != (d < level)).then(|| (x, y + cross(a, d, level)));
            let points: Vec<(f64, f64)> =
                [bottom, right, top, left].into_iter().flatten().collect();
            match points.as_slice() {
                [p, q] => out.push((*p, *q)),
                [p, q, r, s] => {
                    // A saddle: the cell's mean decides which corners join.
                    if (a + b + c + d) / 4.0 < level {
                        out.push((*p, *s));
                        out.push((*q, *r));
                    } else {
                        out.push((*p, *q));
                        out.push((*r, *s));
                    }
                }
                _ => {}
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A bowl (i − 5)² + (j − 5)² on an 11 × 11 grid.
    fn bowl() -> Vec<f32> {
        (0..11)
            .flat_map(|j| (0..11).map(move |i| ((i - 5) * (i - 5) + (j - 5) * (j - 5)) as f32))
            .collect()
    }

    #[test]
    fn a_circle_of_the_bowl_lies_at_its_radius() {
        let segs = segments(&bowl(), 11, 9.0);
        assert!(segs.len() >= 12, "{}", segs.len());
        for ((x0, y0), (x1, y1)) in segs {
            for (x, y) in [(x0, y0), (x1, y1)] {
                let r = ((x - 5.0).powi(2) + (y - 5.0).powi(2)).sqrt();
                // Linear interpolation of r² along grid edges: within a cell of radius 3.
                assert!((r - 3.0).abs() < 0.25, "({x}, {y}) at r = {r}");
            }
        }
    }

    #[test]
    fn levels_are_geometric_inside_the_range() {
        let levels = log_levels(&bowl(), 4);
        assert_eq!(levels.len(), 4);
        assert!(levels[0] > 0.0 && levels[3] < 50.0);
        let ratios: Vec<f64> = levels.windows(2).map(|w| w[1] / w[0]).collect();
        assert!(
            ratios.iter().all(|r| (r - ratios[0]).abs() < 1e-9),
            "{ratios:?}"
        );
    }

    #[test]
    fn flat_or_broken_grids_draw_nothing() {
        assert!(log_levels(&[1.0; 4], 5).is_empty());
        assert!(log_levels(&[f32::NAN; 4], 5).is_empty());
        assert!(segments(&[1.0, 2.0], 2, 1.5).is_empty());
        assert!(segments(&[f32::NAN, 2.0, 0.0, 1.0], 2, 1.5).is_empty());
    }
}
