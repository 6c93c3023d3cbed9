//! Least squares with n features, the exact answer gradient descent should approach:
//! minimize L(w, b) = (1/m) Σᵢ (w·xᵢ + b − yᵢ)² + λ₂‖w‖² (b not penalized).
//!
//! Setting ∇L = 0 gives the normal equations on the centred data,
//! (X̃ᵀX̃/m + λ₂I) w = X̃ᵀỹ/m and b = ȳ − x̄·w, solved in f64 by Gaussian elimination with
//! partial pivoting. Collinear features (e.g. every one-hot column of a class feature) make the
//! system singular: a pivot that vanishes leaves its weight at 0, which is still a minimizer, so
//! the minimum loss is exact either way.

/// A minimizer (w, b) of the loss and the loss there.
#[derive(Clone, Debug, PartialEq)]
pub struct Fit {
    pub w: Vec<f64>,
    pub b: f64,
    /// The mean squared error at (w, b), without the penalty.
    pub mse: f64,
    /// The loss at (w, b): mse + λ₂‖w‖².
    pub loss: f64,
}

/// The fit of `y` (m values) on the row-major `x` (m rows of `n`); None for no rows.
pub fn fit(x: &[f32], y: &[f32], n: usize, l2: f64) -> Option<Fit> {
    let m = y.len();
    if m == 0 || x.len() != m * n {
        return None;
    }
    let row = |i: usize| &x[i * n..(i + 1) * n];
    let x_bar: Vec<f64> = (0..n)
        .map(|j| (0..m).map(|i| f64::from(row(i)[j])).sum::<f64>() / m as f64)
        .collect();
    let y_bar = y.iter().map(|&v| f64::from(v)).sum::<f64>() / m as f64;
    // [A | c] with A = X̃ᵀX̃/m + λ₂I and c = X̃ᵀỹ/m.
    let mut a = vec![vec![0.0; n + 1]; n];
    for (i, &y_i) in y.iter().enumerate().take(m) {
        let xc: Vec<f64> = row(i)
            .iter()
            .zip(&x_bar)
            .map(|(&v, mu)| f64::from(v) - mu)
            .collect();
        let yc = f64::from(y_i) - y_bar;
        for (j, a_j) in a.iter_mut().enumerate() {
            for k in 0..n {
                a_j[k] += xc[j] * xc[k] / m as f64;
            }
            a_j[n] += xc[j] * yc / m as f64;
        }
    }
    for (j, a_j) in a.iter_mut().enumerate() {
        a_j[j] += l2;
    }
    let w = solve(a, n);
    let b = y_bar - w.iter().zip(&x_bar).map(|(w, x)| w * x).sum::<f64>();
    let mse = (0..m)
        .map(|i| {
            let y_hat = b + row(i)
                .iter()
                .zip(&w)
                .map(|(&x, w)| f64::from(x) * w)
                .sum::<f64>();
            (y_hat - f64::from(y[i])).powi(2)
        })
        .sum::<f64>()
        / m as f64;
    let loss = mse + l2 * w.iter().map(|w| w * w).sum::<f64>();
    Some(Fit { w, b, mse, loss })
}

/// Solves the n×n system in the augmented rows `a`; a vanishing pivot's unknown is 0.
fn solve(mut a: Vec<Vec<f64>>, n: usize) -> Vec<f64> {
    let scale = (0..n)
        .map(|j| a[j][j].abs())
        .fold(0.0, f64::max)
        .max(f64::MIN_POSITIVE);
    let mut pivots = vec![None; n];
    let mut r = 0;
    for col in 0..n {
        let Some(p) = (r..n).max_by(|&i, &k| a[i][col].abs().total_cmp(&a[k][col].abs())) else {
            break;
        };
        if a[p][col].abs() <= 1e-12 * scale {
            continue;
        }
        a.swap(r, p);
        let pivot_row = a[r].clone();
        for i in 0..n {
            if i != r {
                let f = a[i][col] / a[r][col];
                for (a_ik, a_rk) in a[i].iter_mut().zip(&pivot_row).skip(col) {
                    *a_ik -= f * a_rk;
                }
            }
        }
        pivots[col] = Some(r);
        r += 1;
    }
    pivots
        .iter()
        .enumerate()
        .map(|(col, p)| p.map_or(0.0, |r| a[r][n] / a[r][col]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exact_plane_is_recovered() {
        // y = 3a − 2b + 1 on a small grid.
        let (mut x, mut y) = (Vec::new(), Vec::new());
        for a in 0..4 {
            for b in 0..3 {
                x.extend([a as f32, b as f32]);
                y.push(3.0 * a as f32 - 2.0 * b as f32 + 1.0);
            }
        }
        let f = fit(&x, &y, 2, 0.0).unwrap();
        assert!(
            (f.w[0] - 3.0).abs() < 1e-9 && (f.w[1] + 2.0).abs() < 1e-9,
            "{f:?}"
        );
        assert!((f.b - 1.0).abs() < 1e-9 && f.mse < 1e-12);
    }

    #[test]
    fn a_repeated_column_still_gives_the_minimum() {
        let x = [0.0, 0.0, 1.0, 1.0, 2.0, 2.0, 3.0, 3.0];
        let y = [1.0, 3.0, 5.0, 7.0];
        let f = fit(&x, &y, 2, 0.0).unwrap();
        assert!(
            (f.w[0] + f.w[1] - 2.0).abs() < 1e-9 && f.mse < 1e-12,
            "{f:?}"
        );
    }
}
