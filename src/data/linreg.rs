//! The classic experiment: x ~ U(0, 1), y = 2x + 1 + ε with ε ~ N(0, σ²), split 80/20.

use serde::{Deserialize, Serialize};

use super::rng::Rng;

/// The true line the data is drawn around.
pub const TRUE_W: f64 = 2.0;
pub const TRUE_B: f64 = 1.0;

/// Generated points, already split into train and test.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinRegData {
    pub x_train: Vec<f32>,
    pub y_train: Vec<f32>,
    pub x_test: Vec<f32>,
    pub y_test: Vec<f32>,
}

/// Initial weights: w, b ~ U(−1, 1), as PyTorch's `nn.Linear(1, 1)` draws them (every run of
/// a seed starts here, so the page knows where the path starts before the first snapshot).
pub fn initial_weights(seed: u64) -> (f32, f32) {
    let mut rng = Rng::derived(seed, 0x1417);
    (
        rng.uniform_in(-1.0, 1.0) as f32,
        rng.uniform_in(-1.0, 1.0) as f32,
    )
}

/// Draws `points` points with noise σ = `noise` from `seed`.
///
/// The first 80 % (rounded up) of the draws are the training set. The same seed always gives
/// the same points, bit for bit.
pub fn generate(points: usize, noise: f64, seed: u64) -> LinRegData {
    let mut rng = Rng::derived(seed, 0xDA7A);
    let n_train = (points * 4).div_ceil(5);
    let mut data = LinRegData {
        x_train: Vec::with_capacity(n_train),
        y_train: Vec::with_capacity(n_train),
        x_test: Vec::with_capacity(points - n_train),
        y_test: Vec::with_capacity(points - n_train),
    };
    for i in 0..points {
        let x = rng.uniform();
        let y = TRUE_W * x + TRUE_B + noise * rng.normal();
        let (xs, ys) = if i < n_train {
            (&mut data.x_train, &mut data.y_train)
        } else {
            (&mut data.x_test, &mut data.y_test)
        };
        xs.push(x as f32);
        ys.push(y as f32);
    }
    data
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_is_80_20() {
        let d = generate(100, 0.1, 1);
        assert_eq!((d.x_train.len(), d.x_test.len()), (80, 20));
        assert_eq!((d.y_train.len(), d.y_test.len()), (80, 20));
        let d = generate(11, 0.1, 1);
        assert_eq!((d.x_train.len(), d.x_test.len()), (9, 2));
    }

    #[test]
    fn same_seed_same_points_other_seed_other_points() {
        assert_eq!(generate(100, 0.5, 7), generate(100, 0.5, 7));
        assert_ne!(generate(100, 0.5, 7), generate(100, 0.5, 8));
    }

    #[test]
    fn x_in_unit_interval_and_noise_free_points_on_the_line() {
        let d = generate(200, 0.0, 3);
        for (x, y) in d.x_train.iter().zip(&d.y_train) {
            assert!((0.0..1.0).contains(x));
            assert!((y - (2.0 * x + 1.0)).abs() < 1e-5);
        }
    }

    #[test]
    fn residuals_have_the_requested_spread() {
        let d = generate(10_000, 0.5, 11);
        let r: Vec<f64> = d
            .x_train
            .iter()
            .zip(&d.y_train)
            .map(|(&x, &y)| y as f64 - (2.0 * x as f64 + 1.0))
            .collect();
        let mean = r.iter().sum::<f64>() / r.len() as f64;
        let sd = (r.iter().map(|e| (e - mean).powi(2)).sum::<f64>() / r.len() as f64).sqrt();
        assert!(
            mean.abs() < 0.03 && (sd - 0.5).abs() < 0.03,
            "mean {mean} sd {sd}"
        );
    }
}
