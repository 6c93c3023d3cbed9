//! The closed-form least-squares line: the answer gradient descent should approach.

use serde::{Deserialize, Serialize};

/// ŵ, b̂ minimizing (1/n) Σ (yᵢ − w xᵢ − b)², computed in f64.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeastSquares {
    pub w: f64,
    pub b: f64,
}

/// ŵ = cov(x, y) / var(x), b̂ = ȳ − ŵ x̄. `None` when x has no spread (or no points).
pub fn fit(x: &[f32], y: &[f32]) -> Option<LeastSquares> {
    let n = x.len().min(y.len());
    if n == 0 {
        return None;
    }
    let nf = n as f64;
    let x_bar = x[..n].iter().map(|&v| v as f64).sum::<f64>() / nf;
    let y_bar = y[..n].iter().map(|&v| v as f64).sum::<f64>() / nf;
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for (&xi, &yi) in x[..n].iter().zip(&y[..n]) {
        let dx = xi as f64 - x_bar;
        sxy += dx * (yi as f64 - y_bar);
        sxx += dx * dx;
    }
    if sxx <= f64::EPSILON * nf {
        return None;
    }
    let w = sxy / sxx;
    Some(LeastSquares {
        w,
        b: y_bar - w * x_bar,
    })
}

/// Mean squared error of the line (w, b) on the points.
pub fn mse(x: &[f32], y: &[f32], w: f64, b: f64) -> f64 {
    let n = x.len().min(y.len()).max(1) as f64;
    x.iter()
        .zip(y)
        .map(|(&xi, &yi)| (yi as f64 - (w * xi as f64 + b)).powi(2))
        .sum::<f64>()
        / n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_line_is_recovered() {
        let x = [0.0, 0.5, 1.0, 2.0];
        let y = [1.0, 2.0, 3.0, 5.0];
        let ls = fit(&x, &y).unwrap();
        assert!((ls.w - 2.0).abs() < 1e-12 && (ls.b - 1.0).abs() < 1e-12);
        assert!(mse(&x, &y, ls.w, ls.b) < 1e-20);
    }

    #[test]
    fn hand_computed_fit() {
        // x̄ = 2, ȳ = 10/3, Sxy = 4, Sxx = 2 → ŵ = 2, b̂ = 10/3 − 4.
        let x = [1.0, 2.0, 3.0];
        let y = [1.0, 4.0, 5.0];
        let ls = fit(&x, &y).unwrap();
        assert!((ls.w - 2.0).abs() < 1e-12, "{ls:?}");
        assert!((ls.b - (10.0 / 3.0 - 4.0)).abs() < 1e-12, "{ls:?}");
    }

    #[test]
    fn degenerate_inputs_give_none() {
        assert_eq!(fit(&[], &[]), None);
        assert_eq!(fit(&[1.0, 1.0], &[2.0, 3.0]), None);
    }
}
