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

/// The minimum of L(w, b) = (1/n) Σ (yᵢ − w xᵢ − b)² + λ₁|w| + λ₂w² (b is not penalized).
///
/// With b = ȳ − w x̄, L(w) = s_yy − 2w s_xy + w²(s_xx + λ₂) + λ₁|w| (population moments), so
/// w* = soft(s_xy, λ₁/2) / (s_xx + λ₂) with soft(c, t) = sign(c)·max(|c| − t, 0). `None` when
/// x has no spread and λ₂ = 0 (or there are no points).
pub fn regularized(x: &[f32], y: &[f32], l1: f64, l2: f64) -> Option<LeastSquares> {
    let n = x.len().min(y.len());
    if n == 0 {
        return None;
    }
    let nf = n as f64;
    let mean = |v: &[f32]| v[..n].iter().map(|&a| a as f64).sum::<f64>() / nf;
    let (x_bar, y_bar) = (mean(x), mean(y));
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for (&xi, &yi) in x[..n].iter().zip(&y[..n]) {
        let dx = xi as f64 - x_bar;
        sxy += dx * (yi as f64 - y_bar) / nf;
        sxx += dx * dx / nf;
    }
    let denominator = sxx + l2.max(0.0);
    if denominator <= f64::EPSILON {
        return None;
    }
    let shrunk = sxy.signum() * (sxy.abs() - l1.max(0.0) / 2.0).max(0.0);
    let w = shrunk / denominator;
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
    fn without_a_penalty_the_regularized_minimum_is_least_squares() {
        let x = [1.0, 2.0, 3.0];
        let y = [1.0, 4.0, 5.0];
        let (ls, r) = (fit(&x, &y).unwrap(), regularized(&x, &y, 0.0, 0.0).unwrap());
        assert!((ls.w - r.w).abs() < 1e-12 && (ls.b - r.b).abs() < 1e-12);
        // s_xy = 4/3: λ₁ = 4 shrinks w to 0 exactly (b is then ȳ).
        let r = regularized(&x, &y, 4.0, 0.0).unwrap();
        assert_eq!(r.w, 0.0);
        assert!((r.b - 10.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn degenerate_inputs_give_none() {
        assert_eq!(fit(&[], &[]), None);
        assert_eq!(fit(&[1.0, 1.0], &[2.0, 3.0]), None);
    }
}
