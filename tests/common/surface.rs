//! The loss surface's oracle: the closed-form loss in f64, and a check of a whole grid of
//! Burn's against it at every point.

use ml_playground::protocol::surface::{SurfaceGrid, SurfaceRequest};

/// (1/n) Σ (yᵢ − w xᵢ − b)² + λ₁|w| + λ₂w², in f64.
pub fn loss(x: &[f32], y: &[f32], w: f64, b: f64, l1: f64, l2: f64) -> f64 {
    let sse: f64 = x
        .iter()
        .zip(y)
        .map(|(&xi, &yi)| (f64::from(yi) - w * f64::from(xi) - b).powi(2))
        .sum();
    sse / x.len() as f64 + l1 * w.abs() + l2 * w * w
}

/// Every grid point within 1e-5 (relative) + 1e-6 of the oracle; returns the largest
/// relative error.
pub fn check_grid(request: &SurfaceRequest, grid: &SurfaceGrid) -> f64 {
    assert_eq!(grid.values.len(), request.side * request.side);
    let (ws, bs) = (request.w_axis(), request.b_axis());
    let mut worst = 0f64;
    for (j, &b) in bs.iter().enumerate() {
        for (i, &w) in ws.iter().enumerate() {
            let want = loss(&request.x, &request.y, w, b, request.l1, request.l2);
            let got = f64::from(grid.at(i, j));
            let err = (got - want).abs();
            assert!(
                err <= 1e-5 * want.abs() + 1e-6,
                "({i}, {j}) w = {w}, b = {b}: {got} vs {want}"
            );
            worst = worst.max(err / want.abs().max(1e-12));
        }
    }
    worst
}
