//! Linear regression's formulas as plain f64 functions, each forward step beside its
//! derivative (micrograd style). Tests use them as the oracle that Burn's numbers must match;
//! the panel uses them only to derive the bias-corrected m̂, v̂ that Burn does not store.

use crate::protocol::{OptimizerHyper, ParamState};
use crate::settings::OptimizerKind;

/// ŷᵢ = w xᵢ + b
pub fn y_hat(w: f64, b: f64, x: &[f64]) -> Vec<f64> {
    x.iter().map(|xi| w * xi + b).collect()
}

/// MSE = (1/n) Σ (yᵢ − ŷᵢ)²
pub fn mse(y: &[f64], y_hat: &[f64]) -> f64 {
    y.iter()
        .zip(y_hat)
        .map(|(yi, yh)| (yi - yh).powi(2))
        .sum::<f64>()
        / y.len() as f64
}

/// L = MSE + λ₁|w| + λ₂w²
pub fn loss(mse: f64, w: f64, l1: f64, l2: f64) -> f64 {
    mse + l1 * w.abs() + l2 * w * w
}

/// sign(w), with sign(0) = 0 (the subgradient Burn's `abs` uses).
pub fn sign(w: f64) -> f64 {
    if w > 0.0 {
        1.0
    } else if w < 0.0 {
        -1.0
    } else {
        0.0
    }
}

/// ∂L/∂w = (−2/n) Σ xᵢ (yᵢ − ŷᵢ) + λ₁ sign(w) + 2 λ₂ w
pub fn d_loss_d_w(x: &[f64], y: &[f64], y_hat: &[f64], w: f64, l1: f64, l2: f64) -> f64 {
    let n = x.len() as f64;
    let data: f64 = x
        .iter()
        .zip(y)
        .zip(y_hat)
        .map(|((xi, yi), yh)| xi * (yi - yh))
        .sum();
    -2.0 / n * data + l1 * sign(w) + 2.0 * l2 * w
}

/// ∂L/∂b = (−2/n) Σ (yᵢ − ŷᵢ)
pub fn d_loss_d_b(y: &[f64], y_hat: &[f64]) -> f64 {
    let n = y.len() as f64;
    -2.0 / n * y.iter().zip(y_hat).map(|(yi, yh)| yi - yh).sum::<f64>()
}

/// Adam's bias-corrected moments: m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ).
pub fn adam_corrected(h: &OptimizerHyper, t: u32, m: f64, v: f64) -> (f64, f64) {
    let t = t as i32;
    (m / (1.0 - h.beta_1.powi(t)), v / (1.0 - h.beta_2.powi(t)))
}

/// One update of a scalar parameter: (θ_new, state after).
///
/// SGD: θ ← θ − α g. Momentum (dampening 0, as Burn is configured here): v ← μ v + g,
/// θ ← θ − α v. Adam: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − α m̂ / (√v̂ + ε).
pub fn update(h: &OptimizerHyper, theta: f64, g: f64, before: ParamState) -> (f64, ParamState) {
    match h.kind {
        OptimizerKind::Sgd => (theta - h.lr * g, ParamState::None),
        OptimizerKind::Momentum => {
            let v_old = match before {
                ParamState::Momentum { v } => f64::from(v),
                _ => 0.0,
            };
            let v = h.momentum * v_old + g;
            (theta - h.lr * v, ParamState::Momentum { v: v as f32 })
        }
        OptimizerKind::Adam => {
            let (t, m, v) = match before {
                ParamState::Adam { t, m, v } => (t, f64::from(m), f64::from(v)),
                _ => (0, 0.0, 0.0),
            };
            let t = t + 1;
            let m = h.beta_1 * m + (1.0 - h.beta_1) * g;
            let v = h.beta_2 * v + (1.0 - h.beta_2) * g * g;
            let (m_hat, v_hat) = adam_corrected(h, t, m, v);
            let theta_new = theta - h.lr * m_hat / (v_hat.sqrt() + h.epsilon);
            (
                theta_new,
                ParamState::Adam {
                    t,
                    m: m as f32,
                    v: v as f32,
                },
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gradients_match_finite_differences() {
        let (x, y) = ([0.1, 0.5, 0.9], [1.3, 2.1, 2.6]);
        let (w, b, l1, l2) = (0.7, 0.2, 0.05, 0.3);
        let total = |w: f64, b: f64| {
            let yh = y_hat(w, b, &x);
            loss(mse(&y, &yh), w, l1, l2)
        };
        let h = 1e-6;
        let yh = y_hat(w, b, &x);
        let fd_w = (total(w + h, b) - total(w - h, b)) / (2.0 * h);
        let fd_b = (total(w, b + h) - total(w, b - h)) / (2.0 * h);
        assert!((d_loss_d_w(&x, &y, &yh, w, l1, l2) - fd_w).abs() < 1e-6);
        assert!((d_loss_d_b(&y, &yh) - fd_b).abs() < 1e-6);
    }
}
