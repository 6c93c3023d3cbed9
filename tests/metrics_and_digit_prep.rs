//! Draw-a-digit preprocessing on synthetic strokes, and the metrics end to end.

use ml_playground::data::digit_prep::{SIDE, center_of_mass, prepare};
use ml_playground::metrics::{accuracy, class_scores, confusion_matrix, macro_average};

const CANVAS: usize = 280;

/// A blank 280×280 canvas and a brush that sets every pixel where `inside(x, y)` holds.
fn draw(inside: impl Fn(f64, f64) -> bool) -> Vec<f32> {
    (0..CANVAS * CANVAS)
        .map(|i| {
            let (x, y) = ((i % CANVAS) as f64, (i / CANVAS) as f64);
            if inside(x, y) { 1.0 } else { 0.0 }
        })
        .collect()
}

/// The inclusive bounding box (row0, col0, row1, col1) of the non-zero output pixels.
fn bounds(image: &[u8]) -> (usize, usize, usize, usize) {
    let lit: Vec<(usize, usize)> = (0..SIDE * SIDE)
        .filter(|&i| image[i] > 0)
        .map(|i| (i / SIDE, i % SIDE))
        .collect();
    let rows = lit.iter().map(|p| p.0);
    let cols = lit.iter().map(|p| p.1);
    (
        rows.clone().min().unwrap(),
        cols.clone().min().unwrap(),
        rows.max().unwrap(),
        cols.max().unwrap(),
    )
}

fn distance_to_centre(image: &[u8]) -> f64 {
    let (r, c) = center_of_mass(image, SIDE).expect("some ink");
    ((r - 14.0).powi(2) + (c - 14.0).powi(2)).sqrt()
}

#[test]
fn off_centre_vertical_bar_is_centred_twenty_tall_and_thin() {
    // 8 px wide, 150 px tall, in the canvas' top-left corner.
    let ink = draw(|x, y| (20.0..28.0).contains(&x) && (10.0..160.0).contains(&y));
    let image = prepare(&ink, CANVAS, CANVAS).expect("ink");
    assert_eq!(image.len(), 784);
    let (r, c) = center_of_mass(&image, SIDE).unwrap();
    assert!((r - 14.0).abs() <= 0.5 + 1e-9, "row {r}");
    assert!((c - 14.0).abs() <= 0.5 + 1e-9, "col {c}");
    let (r0, c0, r1, c1) = bounds(&image);
    assert!((19..=21).contains(&(r1 - r0 + 1)), "height {}", r1 - r0 + 1);
    assert!(c1 - c0 < 3, "width {}", c1 - c0 + 1);
    assert_eq!(
        image.iter().copied().max(),
        Some(255),
        "the stroke survives at full ink"
    );
}

#[test]
fn ring_is_centred_and_twenty_wide() {
    // A "0": an annulus, radius 60..75, centred at (200, 90).
    let ink = draw(|x, y| (60.0..75.0).contains(&((x - 200.0).hypot(y - 90.0))));
    let image = prepare(&ink, CANVAS, CANVAS).expect("ink");
    assert!(distance_to_centre(&image) <= 0.5 * 2f64.sqrt() + 1e-9);
    let (r0, c0, r1, c1) = bounds(&image);
    assert!((19..=21).contains(&(c1 - c0 + 1)), "width {}", c1 - c0 + 1);
    assert!((19..=21).contains(&(r1 - r0 + 1)), "height {}", r1 - r0 + 1);
    // The hole stays dark.
    let (mid_r, mid_c) = ((r0 + r1) / 2, (c0 + c1) / 2);
    assert_eq!(image[mid_r * SIDE + mid_c], 0);
}

#[test]
fn wide_stroke_keeps_its_aspect_ratio() {
    // 200 × 50 → 20 × 5.
    let ink = draw(|x, y| (40.0..240.0).contains(&x) && (200.0..250.0).contains(&y));
    let image = prepare(&ink, CANVAS, CANVAS).unwrap();
    let (r0, c0, r1, c1) = bounds(&image);
    assert_eq!((c1 - c0 + 1, r1 - r0 + 1), (20, 5));
    assert!(distance_to_centre(&image) <= 0.5 * 2f64.sqrt() + 1e-9);
}

#[test]
fn square_blob_comes_out_symmetric() {
    let ink = draw(|x, y| (30.0..130.0).contains(&x) && (150.0..250.0).contains(&y));
    let image = prepare(&ink, CANVAS, CANVAS).unwrap();
    let at = |r: usize, c: usize| image[r * SIDE + c];
    let (r0, c0, r1, c1) = bounds(&image);
    assert_eq!((r1 - r0 + 1, c1 - c0 + 1), (20, 20));
    assert_eq!(
        (r0, c0),
        (r0.min(c0), r0.min(c0)),
        "same shift on both axes"
    );
    for r in 0..SIDE {
        for c in 0..SIDE {
            assert_eq!(at(r, c), at(c, r), "transpose at ({r}, {c})");
        }
    }
    for r in r0..=r1 {
        for c in c0..=c1 {
            assert_eq!(
                at(r, c),
                at(r0 + r1 - r, c0 + c1 - c),
                "mirror at ({r}, {c})"
            );
        }
    }
}

#[test]
fn degenerate_drawings_do_not_panic() {
    assert_eq!(prepare(&vec![0.0; CANVAS * CANVAS], CANVAS, CANVAS), None);
    assert_eq!(prepare(&vec![1.0; 100], CANVAS, CANVAS), None);
    assert_eq!(
        prepare(&vec![f32::NAN; CANVAS * CANVAS], CANVAS, CANVAS),
        None
    );
    // A single dot, in a corner.
    let mut dot = vec![0.0; CANVAS * CANVAS];
    dot[CANVAS * CANVAS - 1] = 1.0;
    let image = prepare(&dot, CANVAS, CANVAS).expect("a dot is ink");
    assert!(distance_to_centre(&image) <= 1.0);
    // Out-of-range values and infinities are clamped.
    let odd = [f32::INFINITY, -3.0, 7.0, f32::NEG_INFINITY];
    assert!(prepare(&odd, 2, 2).is_some());
    // A 1-pixel-high line on a tiny canvas.
    assert!(prepare(&[0.0, 1.0, 1.0, 1.0, 0.0], 5, 1).is_some());
}

#[test]
fn metrics_from_predictions() {
    let labels = [0, 0, 0, 0, 1, 1, 2, 2, 2, 2];
    let predicted = [0, 0, 0, 1, 1, 2, 1, 1, 2, 2];
    let m = confusion_matrix(&labels, &predicted, 3);
    assert_eq!(accuracy(&m), 6.0 / 10.0);
    let (p, r, f1) = macro_average(&class_scores(&m));
    assert!((p - 23.0 / 36.0).abs() < 1e-12);
    assert!((r - 7.0 / 12.0).abs() < 1e-12);
    assert!((f1 - 37.0 / 63.0).abs() < 1e-12);
}

#[test]
fn stroke_thinner_than_an_output_pixel_survives() {
    // 3 px wide, 200 px tall: 0.3 of an output pixel wide, so grey before the stretch.
    let ink = draw(|x, y| (100.0..103.0).contains(&x) && (40.0..240.0).contains(&y));
    let image = prepare(&ink, CANVAS, CANVAS).unwrap();
    let (r0, _, r1, _) = bounds(&image);
    assert_eq!(r1 - r0 + 1, 20);
    assert!(image.iter().filter(|&&v| v == 255).count() >= 20);
}

/// A drawn ring stays a ring: ink all round, its hole empty, centred by mass.
#[test]
fn a_drawn_ring_keeps_its_hole() {
    let ink = draw(|x, y| (60.0..75.0).contains(&((x - 200.0).hypot(y - 90.0))));
    let image = prepare(&ink, CANVAS, CANVAS).unwrap();
    let (r0, c0, r1, c1) = bounds(&image);
    let (mid_r, mid_c) = ((r0 + r1) / 2, (c0 + c1) / 2);
    assert_eq!(image[mid_r * SIDE + mid_c], 0, "the hole is empty");
    for (r, c) in [(r0, mid_c), (r1, mid_c), (mid_r, c0), (mid_r, c1)] {
        assert!(
            image[r * SIDE + c] > 0,
            "ink at ({r}, {c}) of {r0}..={r1} × {c0}..={c1}"
        );
    }
    assert!(distance_to_centre(&image) <= 1.0);
}
