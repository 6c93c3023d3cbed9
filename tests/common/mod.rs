//! Shared by the oracle tests: a value of Burn's against its f64 oracle, and a parameter's
//! update checked against the optimizer's formulas.
// Each test binary uses only part of it.
#![allow(dead_code)]

pub mod errors;
#[path = "../oracle/mod.rs"]
pub mod oracle;
pub mod surface;
pub mod table;
pub mod table_classes;

use ml_playground::protocol::neuron::NeuronStep;
use ml_playground::protocol::{OptimizerHyper, ParamState, ParamUpdate, StepTrace};
use ml_playground::settings::NeuronSettings;

/// Burn's f32 `burn` within 1e-5 (relative) + 1e-7 of the oracle's f64 `expected`.
pub fn close(what: &str, burn: f32, expected: f64) {
    let err = (f64::from(burn) - expected).abs();
    let tol = 1e-5 * expected.abs() + 1e-7;
    errors::note(what, err, tol / 1e-5);
    assert!(
        err <= tol,
        "{what}: burn {burn} vs oracle {expected} (|err| {err:e} > {tol:e})"
    );
}

fn widen(v: &[f32]) -> Vec<f64> {
    v.iter().map(|&x| f64::from(x)).collect()
}

/// Burn's `burn` within 1e-5 of `scale` (the size of the terms summed into it, so an order of
/// summation another device uses is not an error) + 1e-7.
pub fn close_to_terms(what: &str, burn: f32, expected: f64, scale: f64) {
    let err = (f64::from(burn) - expected).abs();
    let tol = 1e-5 * scale.max(expected.abs()) + 1e-7;
    errors::note(what, err, tol / 1e-5);
    assert!(
        err <= tol,
        "{what}: burn {burn} vs oracle {expected} (|err| {err:e} > {tol:e})"
    );
}

/// One step of linear regression against the oracle: ŷ, the MSE, the loss, both gradients
/// and both updates (with the optimizer state), on whichever device computed it. Tolerances,
/// per quantity: ŷᵢ to 1e-5 of |w·xᵢ| + |b|; the MSE and the loss (sums of non-negative terms)
/// to 1e-5 relative; ∂L/∂w to 1e-5 of (2/n)Σ|xᵢrᵢ| + λ₁ + 2λ₂|w|; ∂L/∂b to 1e-5 of
/// (2/n)Σ|rᵢ|; each with a 1e-7 floor; the updates as [`check_update_formula`] says.
pub fn check_linreg_step(t: &StepTrace) {
    let (x, y) = (widen(&t.x), widen(&t.y));
    let (w, b) = (f64::from(t.w.theta), f64::from(t.b.theta));
    let y_hat = oracle::linreg_y_hat(&x, w, b);
    for (i, (&burn, &exp)) in t.y_hat.iter().zip(&y_hat).enumerate() {
        close_to_terms(
            &format!("y_hat[{i}]"),
            burn,
            exp,
            (w * x[i]).abs() + b.abs(),
        );
    }
    close("mse", t.mse, oracle::mean_squared(&y, &y_hat));
    close(
        "loss",
        t.loss,
        oracle::linreg_loss(&x, &y, w, b, t.l1, t.l2),
    );
    let (d_w, d_b) = oracle::linreg_gradients(&x, &y, w, b, t.l1, t.l2);
    let n = x.len() as f64;
    let r: Vec<f64> = y
        .iter()
        .zip(&y_hat)
        .map(|(yi, yh)| (yi - yh).abs())
        .collect();
    let w_terms = 2.0 / n
        * x.iter()
            .zip(&r)
            .map(|(xi, ri)| (xi * ri).abs())
            .sum::<f64>();
    close_to_terms(
        "dL/dw",
        t.w.grad,
        d_w,
        w_terms + t.l1 + 2.0 * t.l2 * w.abs(),
    );
    close_to_terms("dL/db", t.b.grad, d_b, 2.0 / n * r.iter().sum::<f64>());
    for (name, u) in [("w", &t.w), ("b", &t.b)] {
        check_update_formula(name, &t.optimizer, u, close);
    }
}

/// Burn's `burn` within 1e-5 of `scale` (the size of the terms summed into it), with no
/// absolute floor: for the values of a saturated sigmoid (10⁻⁹ and below), where a floor of
/// 1e-7 would accept anything.
pub fn close_relative(what: &str, burn: f32, expected: f64, scale: f64) {
    let err = (f64::from(burn) - expected).abs();
    let tol = 1e-5 * scale.max(expected.abs());
    errors::note(what, err, tol / 1e-5);
    assert!(
        err <= tol,
        "{what}: burn {burn:e} vs oracle {expected:e} (|err| {err:e} > {tol:e})"
    );
}

/// One step of the single neuron against the oracle, link by link so each tolerance is
/// relative with no floor (and holds when ŷ saturates): z to 1e-5 of Σ|wᵢxᵢ| + |b|; then, at
/// Burn's own z, ŷ = σ(z) to 1e-5 relative, the loss (two non-negative terms) to 1e-5
/// relative, ∂L/∂b = σ(z) − y to 1e-5 of its terms (1−y)σ(z) + yσ(−z), ∂L/∂wᵢ = xᵢ·∂L/∂b
/// likewise; then each update and Adam/momentum state to 1e-5 relative (of ten times the
/// step's largest gradient for a state, which can be a difference), and the step taken.
pub fn check_neuron_step(t: &NeuronStep) {
    let w: Vec<f64> = t.w.iter().map(|u| f64::from(u.theta)).collect();
    let x = widen(&t.x);
    let (b, y) = (f64::from(t.b.theta), f64::from(t.y));
    let terms: f64 = w.iter().zip(&x).map(|(w, x)| (w * x).abs()).sum::<f64>() + b.abs();
    let z: f64 = w.iter().zip(&x).map(|(w, x)| w * x).sum::<f64>() + b;
    close_relative("z", t.z, z, terms);
    let z = f64::from(t.z);
    let y_hat = oracle::sigmoid(z);
    close_relative("ŷ", t.y_hat, y_hat, y_hat);
    close_relative("BCE", t.loss, oracle::bce(z, y), 0.0);
    let (d_z, scale) = oracle::d_bce_d_z(z, y);
    close_relative("∂L/∂b", t.b.grad, d_z, scale);
    // A state can be a difference (μv + g, β₁m + (1−β₁)g): 1e-5 of ten times the largest
    // gradient of the step bounds its rounding (and is 10⁻¹³ when the gradients are 10⁻⁹).
    let g_scale = 10.0
        * f64::from(
            t.w.iter()
                .map(|u| u.grad.abs())
                .fold(t.b.grad.abs(), f32::max),
        );
    let relative =
        |what: &str, burn: f32, expected: f64| close_relative(what, burn, expected, g_scale);
    for (i, u) in t.w.iter().enumerate() {
        let what = format!("w{}", i + 1);
        close_relative(
            &format!("∂L/∂{what}"),
            u.grad,
            x[i] * d_z,
            x[i].abs() * scale,
        );
        check_update_formula(&what, &t.optimizer, u, relative);
    }
    check_update_formula("b", &t.optimizer, &t.b, relative);
}

/// Samples where σ saturates, each with the label that makes the loss and the gradient tiny
/// (z = ±20: ŷ − y = ∓2.1·10⁻⁹) or large, and z = 0 exactly (the branch point).
pub fn saturated_neurons() -> Vec<NeuronSettings> {
    let neuron = |x: Vec<f64>, w: Vec<f64>, b: f64, y: f64| NeuronSettings { x, w, b, y };
    vec![
        neuron(vec![4.0, -2.0], vec![4.0, -2.0], 0.0, 1.0),
        neuron(vec![4.0, -2.0], vec![-4.0, 2.0], 0.0, 0.0),
        neuron(vec![1.0], vec![-17.3], 0.0, 0.0),
        neuron(vec![4.0, -2.0], vec![-4.0, 2.0], 0.0, 1.0),
        neuron(vec![1.0, 2.0], vec![0.0, 0.0], 0.0, 0.3),
    ]
}

/// θ_new and the state after, recomputed in f64 from the update's own θ, gradient and state
/// before (so this isolates the optimizer), each compared with `close(what, burn, oracle)`.
pub fn check_update_formula(
    what: &str,
    optimizer: &OptimizerHyper,
    u: &ParamUpdate,
    close: impl Fn(&str, f32, f64),
) {
    if optimizer.kind == ml_playground::settings::OptimizerKind::Adam {
        oracle::assert_stated_constants(optimizer);
    }
    let (theta_new, after) = oracle::update(
        optimizer,
        f64::from(u.theta),
        f64::from(u.grad),
        u.state_before,
    );
    close(&format!("new {what}"), u.theta_new, theta_new);
    check_step_taken(what, u, theta_new);
    match (after, u.state_after) {
        (ParamState::None, ParamState::None) => {}
        (ParamState::Momentum { v: e }, ParamState::Momentum { v }) => {
            close(&format!("{what}: velocity"), v, e.into())
        }
        (
            ParamState::Adam {
                t: te,
                m: me,
                v: ve,
            },
            ParamState::Adam { t, m, v },
        ) => {
            assert_eq!(t, te, "{what}: Adam's t");
            close(&format!("{what}: Adam m"), m, me.into());
            close(&format!("{what}: Adam v"), v, ve.into());
        }
        (e, got) => panic!("{what}: state kind differs: oracle {e:?}, burn {got:?}"),
    }
}

/// The spacing of f32 values at `x` (one ulp).
pub fn ulp(x: f32) -> f64 {
    let a = x.abs();
    f64::from(f32::from_bits(a.to_bits() + 1) - a)
}

/// The update itself, not only θ_new: whenever the oracle's step θ_new − θ is representable
/// in f32 (at least one ulp of θ), Burn's step must be it to within the rounding of θ_new and
/// 1e-4 of the step (WebGPU's `pow` in Adam's bias correction is less exact than the CPU's), so
/// a missing or halved update fails even when |α·g| ≪ 1e-5·|θ|.
pub fn check_step_taken(what: &str, u: &ParamUpdate, theta_new: f64) {
    let expected = theta_new - f64::from(u.theta);
    let spacing = ulp(u.theta).max(ulp(u.theta_new));
    if expected.abs() >= spacing {
        let taken = f64::from(u.theta_new) - f64::from(u.theta);
        assert!(
            (taken - expected).abs() <= spacing + 1e-4 * expected.abs(),
            "{what}: Burn's step {taken:e} vs the oracle's {expected:e} (one ulp of θ: {spacing:e})"
        );
    }
}
