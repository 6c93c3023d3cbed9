//! The tests' own oracle, in f64: it shares no code with the product (`src/explain/`,
//! `src/engine/`), only the types it checks. Forward passes and losses are written out by
//! hand, gradients are checked against central finite differences, and each optimizer's
//! update is written out as Burn applies it (dampening 0 and no Nesterov for momentum; Adam's
//! β₁, β₂, ε as the engine used them, i.e. f32 values widened to f64).
//!
//! `tests/oracle_agreement.rs` proves the product's own copies of these formulas (the panels
//! derive m̂, v̂ and the linear-regression lines from them) agree with this one.
// Each test binary uses only part of it.
#![allow(dead_code)]

use ml_playground::protocol::{OptimizerHyper, ParamState};
use ml_playground::settings::OptimizerKind;

/// Adam's constants as the product states them (f32, as Burn's optimizer takes them).
pub const BETA_1: f32 = 0.9;
pub const BETA_2: f32 = 0.999;
pub const EPSILON: f32 = 1e-8;

/// Central finite difference of `f` at `x`.
pub fn derivative(f: impl Fn(f64) -> f64, x: f64) -> f64 {
    let h = 1e-5 * x.abs().max(1.0);
    (f(x + h) - f(x - h)) / (2.0 * h)
}

/// Linear regression's predictions ŷᵢ = w·xᵢ + b.
pub fn linreg_y_hat(x: &[f64], w: f64, b: f64) -> Vec<f64> {
    let mut out = Vec::with_capacity(x.len());
    for &xi in x {
        out.push(xi * w + b);
    }
    out
}

/// The mean of the squared residuals.
pub fn mean_squared(y: &[f64], y_hat: &[f64]) -> f64 {
    let mut total = 0.0;
    for i in 0..y.len() {
        let r = y[i] - y_hat[i];
        total += r * r;
    }
    total / y.len() as f64
}

/// L(w, b) = mean((y − ŷ)²) + λ₁|w| + λ₂w².
pub fn linreg_loss(x: &[f64], y: &[f64], w: f64, b: f64, l1: f64, l2: f64) -> f64 {
    mean_squared(y, &linreg_y_hat(x, w, b)) + l1 * w.abs() + l2 * w.powi(2)
}

/// (∂L/∂w, ∂L/∂b) by hand: the residuals rᵢ = yᵢ − ŷᵢ give ∂/∂w = −(2/n)Σxᵢrᵢ + λ₁·sgn(w) +
/// 2λ₂w (Burn's |w| has gradient 0 at w = 0) and ∂/∂b = −(2/n)Σrᵢ.
pub fn linreg_gradients(x: &[f64], y: &[f64], w: f64, b: f64, l1: f64, l2: f64) -> (f64, f64) {
    let n = x.len() as f64;
    let (mut gw, mut gb) = (0.0, 0.0);
    for (xi, yi) in x.iter().zip(y) {
        let r = yi - (xi * w + b);
        gw -= 2.0 * xi * r / n;
        gb -= 2.0 * r / n;
    }
    let sgn = if w == 0.0 { 0.0 } else { w.signum() };
    (gw + l1 * sgn + 2.0 * l2 * w, gb)
}

/// The neuron's σ(z) = 1/(1 + e^(−z)) (f64 keeps ŷ's relative precision down to e^(−700)).
pub fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// Binary cross-entropy of the logit z: y·(−log σ(z)) + (1−y)·(−log σ(−z)), with
/// −log σ(z) = ln(1 + e^(−z)): a sum of two non-negative terms, exact in the tails.
pub fn bce(z: f64, y: f64) -> f64 {
    y * (-z).exp().ln_1p() + (1.0 - y) * z.exp().ln_1p()
}

/// ∂L/∂z = σ(z) − y, written (1−y)·σ(z) − y·σ(−z) so that nothing cancels when ŷ saturates.
/// Also returns the size of its terms, (1−y)·σ(z) + y·σ(−z).
pub fn d_bce_d_z(z: f64, y: f64) -> (f64, f64) {
    let (positive, negative) = ((1.0 - y) * sigmoid(z), y * sigmoid(-z));
    (positive - negative, positive + negative)
}

/// The optimizer's step of θ by g from the state `before`: (θ_new, the state after).
pub fn update(h: &OptimizerHyper, theta: f64, g: f64, before: ParamState) -> (f64, ParamState) {
    match (h.kind, before) {
        (OptimizerKind::Sgd, _) => (theta - h.lr * g, ParamState::None),
        (OptimizerKind::Momentum, before) => {
            // Burn's first velocity is the gradient itself.
            let velocity = match before {
                ParamState::Momentum { v } => h.momentum * f64::from(v) + g,
                _ => g,
            };
            let after = ParamState::Momentum { v: velocity as f32 };
            (theta - h.lr * velocity, after)
        }
        (OptimizerKind::Adam, before) => {
            let (t0, m0, v0) = match before {
                ParamState::Adam { t, m, v } => (t, f64::from(m), f64::from(v)),
                _ => (0, 0.0, 0.0),
            };
            let t = t0 + 1;
            let m = m0 * h.beta_1 + g * (1.0 - h.beta_1);
            let v = v0 * h.beta_2 + g * g * (1.0 - h.beta_2);
            let m_hat = m / (1.0 - h.beta_1.powf(f64::from(t)));
            let v_hat = v / (1.0 - h.beta_2.powf(f64::from(t)));
            let step = h.lr * m_hat / (v_hat.sqrt() + h.epsilon);
            let after = ParamState::Adam {
                t,
                m: m as f32,
                v: v as f32,
            };
            (theta - step, after)
        }
    }
}

/// The constants in `h` are the ones the product states (f32 widened, not 0.999 in f64).
pub fn assert_stated_constants(h: &OptimizerHyper) {
    assert_eq!(
        (h.beta_1, h.beta_2, h.epsilon),
        (f64::from(BETA_1), f64::from(BETA_2), f64::from(EPSILON)),
        "Adam's constants"
    );
}
