//! A drawing from the canvas → an MNIST-like 28×28 digit, the way MNIST itself was made
//! (LeCun et al.): crop to the ink's bounding box, scale it (keeping the aspect ratio) so its
//! longer side is 20 pixels, then place it in a 28×28 image so that its intensity-weighted
//! centre of mass lands on the centre (14, 14), clipping whatever falls outside.

/// The side of an MNIST image.
pub const SIDE: usize = 28;
/// The longer side of the digit's box after scaling.
pub const BOX: usize = 20;
/// Canvas intensities at or below this are background, not ink.
pub const INK_THRESHOLD: f32 = 0.02;

/// `ink` is row-major, `width × height`, intensities in 0..=1 (1 = ink; NaN reads as 0,
/// values outside are clamped). Returns 784 bytes, row-major, white digit (255) on black (0).
///
/// Downscaling averages the area each output pixel covers (a box filter), so strokes thinner
/// than an output pixel survive as grey; the result is then stretched so its brightest pixel
/// is 255. `None` when the dimensions don't match `ink.len()` or there is no ink.
pub fn prepare(ink: &[f32], width: usize, height: usize) -> Option<Vec<u8>> {
    if width.checked_mul(height)? != ink.len() {
        return None;
    }
    let at = |x: usize, y: usize| -> f64 {
        let v = ink[y * width + x];
        if v.is_nan() {
            0.0
        } else {
            v.clamp(0.0, 1.0) as f64
        }
    };
    let (x0, y0, x1, y1) = ink_bounds(ink, width)?;
    let (box_w, box_h) = (x1 - x0 + 1, y1 - y0 + 1);
    let longer = box_w.max(box_h) as f64;
    let scaled_len =
        |len: usize| ((len as f64 * BOX as f64 / longer).round() as usize).clamp(1, BOX);
    let (out_w, out_h) = (scaled_len(box_w), scaled_len(box_h));
    let (cols, rows) = (
        area_weights(x0, box_w, out_w),
        area_weights(y0, box_h, out_h),
    );

    // The box-filtered digit, out_h × out_w.
    let mut small = vec![0.0f64; out_w * out_h];
    for (r, row_weights) in rows.iter().enumerate() {
        for (c, col_weights) in cols.iter().enumerate() {
            small[r * out_w + c] = row_weights
                .iter()
                .flat_map(|&(y, wy)| col_weights.iter().map(move |&(x, wx)| wy * wx * at(x, y)))
                .sum();
        }
    }
    let brightest = small.iter().copied().fold(0.0, f64::max);
    if brightest <= 0.0 {
        return None;
    }
    let (com_row, com_col) = weighted_center(&small, out_w, out_h)?;
    // Where the small image's (0, 0) goes so that its centre of mass lands on (14, 14).
    let centre = (SIDE / 2) as f64;
    let top = snapped(centre - com_row).round() as isize;
    let left = snapped(centre - com_col).round() as isize;

    let mut image = vec![0u8; SIDE * SIDE];
    for r in 0..out_h {
        for c in 0..out_w {
            let (y, x) = (r as isize + top, c as isize + left);
            if (0..SIDE as isize).contains(&y) && (0..SIDE as isize).contains(&x) {
                let v = small[r * out_w + c] / brightest;
                image[y as usize * SIDE + x as usize] = (v * 255.0).round().clamp(0.0, 255.0) as u8;
            }
        }
    }
    Some(image)
}

/// Intensity-weighted centre of mass (row, col) of a `side × side` image, pixel `(r, c)`
/// sitting at coordinates `(r, c)`. `None` for a size mismatch or an all-black image.
pub fn center_of_mass(image: &[u8], side: usize) -> Option<(f64, f64)> {
    if side.checked_mul(side)? != image.len() {
        return None;
    }
    let values: Vec<f64> = image.iter().map(|&v| v as f64).collect();
    weighted_center(&values, side, side)
}

/// Centre of mass of a `width × height` row-major image, from its row and column marginals
/// (so a transpose-symmetric image gets exactly equal coordinates).
fn weighted_center(values: &[f64], width: usize, height: usize) -> Option<(f64, f64)> {
    if width == 0 || values.len() != width * height {
        return None;
    }
    let row_mass: Vec<f64> = values.chunks(width).map(|row| row.iter().sum()).collect();
    let col_mass: Vec<f64> = (0..width)
        .map(|c| (0..height).map(|r| values[r * width + c]).sum())
        .collect();
    let moment = |mass: &[f64]| {
        mass.iter()
            .enumerate()
            .map(|(i, m)| i as f64 * m)
            .sum::<f64>()
    };
    let total: f64 = row_mass.iter().sum();
    if total.is_nan() || total <= 0.0 {
        return None;
    }
    Some((moment(&row_mass) / total, moment(&col_mass) / total))
}

/// Rounds away floating-point dust (1e-9) so that an exact half shifts the same way every time.
fn snapped(v: f64) -> f64 {
    (v * 1e9).round() / 1e9
}

/// The smallest box (x0, y0, x1, y1), inclusive, holding every pixel above [`INK_THRESHOLD`].
fn ink_bounds(ink: &[f32], width: usize) -> Option<(usize, usize, usize, usize)> {
    let mut bounds: Option<(usize, usize, usize, usize)> = None;
    for (i, _) in ink.iter().enumerate().filter(|&(_, &v)| v > INK_THRESHOLD) {
        let (x, y) = (i % width, i / width);
        bounds = Some(match bounds {
            None => (x, y, x, y),
            Some((x0, y0, x1, y1)) => (x0.min(x), y0.min(y), x1.max(x), y1.max(y)),
        });
    }
    bounds
}

/// For each of `target` output pixels, the source pixels of `start..start + len` it covers
/// and their weights (overlap / output pixel's footprint, summing to 1): a box filter.
fn area_weights(start: usize, len: usize, target: usize) -> Vec<Vec<(usize, f64)>> {
    let step = len as f64 / target as f64;
    (0..target)
        .map(|t| {
            let (lo, hi) = (t as f64 * step, (t + 1) as f64 * step);
            let first = lo.floor() as usize;
            let last = (hi.ceil() as usize).min(len);
            (first..last)
                .filter_map(|s| {
                    let overlap = hi.min((s + 1) as f64) - lo.max(s as f64);
                    (overlap > 0.0).then_some((start + s, overlap / step))
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_ink_or_wrong_size_gives_none() {
        assert_eq!(prepare(&[0.0; 16], 4, 4), None);
        assert_eq!(prepare(&[0.01, f32::NAN, 0.0, 0.0], 2, 2), None);
        assert_eq!(prepare(&[1.0; 15], 4, 4), None);
        assert_eq!(prepare(&[], 0, 0), None);
        assert_eq!(prepare(&[1.0], usize::MAX, 2), None);
    }

    #[test]
    fn area_weights_sum_to_one_and_cover_the_source() {
        let w = area_weights(5, 7, 3);
        for pixel in &w {
            assert!((pixel.iter().map(|p| p.1).sum::<f64>() - 1.0).abs() < 1e-12);
        }
        assert_eq!(w[0][0].0, 5);
        assert_eq!(w[2].last().map(|p| p.0), Some(11));
    }

    #[test]
    fn center_of_mass_of_two_pixels_is_between_them() {
        let mut image = vec![0u8; 9];
        image[0] = 100; // (0, 0)
        image[5] = 100; // (1, 2)
        assert_eq!(center_of_mass(&image, 3), Some((0.5, 1.0)));
        assert_eq!(center_of_mass(&[0; 9], 3), None);
        assert_eq!(center_of_mass(&[1; 8], 3), None);
        assert_eq!(center_of_mass(&[], 0), None);
    }
}
