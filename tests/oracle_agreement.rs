//! The product's own copies of the formulas (the panels derive m̂, v̂ and linear regression's
//! lines from `explain::linreg_math`) agree with the tests' independent oracle
//! (`tests/oracle/`), and the oracle's gradients agree with finite differences.
#![cfg(not(target_arch = "wasm32"))]

#[path = "oracle/mod.rs"]
mod oracle;

use ml_playground::explain::linreg_math as product;
use ml_playground::protocol::{OptimizerHyper, ParamState};
use ml_playground::settings::OptimizerKind;
use proptest::prelude::*;
use proptest::sample::select;

fn hyper(kind: OptimizerKind, lr: f64, momentum: f64) -> OptimizerHyper {
    OptimizerHyper {
        kind,
        lr,
        momentum,
        beta_1: f64::from(oracle::BETA_1),
        beta_2: f64::from(oracle::BETA_2),
        epsilon: f64::from(oracle::EPSILON),
    }
}

fn state_of(kind: OptimizerKind, t: u32, m: f32, v: f32) -> ParamState {
    match kind {
        OptimizerKind::Sgd => ParamState::None,
        OptimizerKind::Momentum => ParamState::Momentum { v: m },
        OptimizerKind::Adam => ParamState::Adam { t, m, v: v.abs() },
    }
}

/// Within 1e-12 of the larger value or of `scale` (the rounding of the terms summed).
fn agree_to(what: &str, a: f64, b: f64, scale: f64) -> Result<(), TestCaseError> {
    prop_assert!(
        (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(scale),
        "{what}: product {a:e} vs oracle {b:e}"
    );
    Ok(())
}

fn agree(what: &str, a: f64, b: f64) -> Result<(), TestCaseError> {
    agree_to(what, a, b, 1e-300)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn the_update_rules_agree(
        kind in select(OptimizerKind::ALL.to_vec()),
        (lr, momentum) in (1e-6f64..1.0, 0.0f64..0.999),
        (theta, g) in (-10.0f64..10.0, -10.0f64..10.0),
        (t, m, v) in (0u32..1000, -1.0f32..1.0, 0.0f32..1.0),
    ) {
        let h = hyper(kind, lr, momentum);
        let before = state_of(kind, t, m, v);
        let (p_theta, p_after) = product::update(&h, theta, g, before);
        let (o_theta, o_after) = oracle::update(&h, theta, g, before);
        agree_to("θ_new", p_theta, o_theta, theta.abs())?;
        match (p_after, o_after) {
            (ParamState::Adam { t: pt, m: pm, v: pv }, ParamState::Adam { t: ot, m: om, v: ov }) => {
                prop_assert_eq!(pt, ot);
                agree("m", pm.into(), om.into())?;
                agree("v", pv.into(), ov.into())?;
            }
            (p, o) => prop_assert_eq!(p, o),
        }
    }

    #[test]
    fn linear_regression_formulas_agree(
        xy in proptest::collection::vec((-5.0f64..5.0, -20.0f64..20.0), 1..40),
        (w, b) in (-10.0f64..10.0, -10.0f64..10.0),
        (l1, l2) in (0.0f64..1.0, 0.0f64..1.0),
    ) {
        let (x, y): (Vec<f64>, Vec<f64>) = xy.into_iter().unzip();
        let y_hat = product::y_hat(w, b, &x);
        for (p, o) in y_hat.iter().zip(oracle::linreg_y_hat(&x, w, b)) {
            agree("ŷ", *p, o)?;
        }
        let mse = product::mse(&y, &y_hat);
        agree("loss", product::loss(mse, w, l1, l2), oracle::linreg_loss(&x, &y, w, b, l1, l2))?;
        let (d_w, d_b) = oracle::linreg_gradients(&x, &y, w, b, l1, l2);
        let scale = |d: f64| d.abs().max(1.0);
        prop_assert!((product::d_loss_d_w(&x, &y, &y_hat, w, l1, l2) - d_w).abs() <= 1e-12 * scale(d_w));
        prop_assert!((product::d_loss_d_b(&y, &y_hat) - d_b).abs() <= 1e-12 * scale(d_b));
    }

    /// The oracle's hand-written gradients are the loss's derivatives (away from w = 0, where
    /// |w| has no derivative and Burn's subgradient 0 is taken).
    #[test]
    fn the_oracle_gradients_are_derivatives(
        xy in proptest::collection::vec((-5.0f64..5.0, -20.0f64..20.0), 1..40),
        (w, b) in (0.01f64..10.0, -10.0f64..10.0),
        negative in any::<bool>(),
        (l1, l2) in (0.0f64..1.0, 0.0f64..1.0),
    ) {
        let (x, y): (Vec<f64>, Vec<f64>) = xy.into_iter().unzip();
        let w = if negative { -w } else { w };
        let (d_w, d_b) = oracle::linreg_gradients(&x, &y, w, b, l1, l2);
        let fd_w = oracle::derivative(|w| oracle::linreg_loss(&x, &y, w, b, l1, l2), w);
        let fd_b = oracle::derivative(|b| oracle::linreg_loss(&x, &y, w, b, l1, l2), b);
        prop_assert!((d_w - fd_w).abs() <= 1e-5 * d_w.abs().max(1.0), "∂L/∂w {d_w} vs {fd_w}");
        prop_assert!((d_b - fd_b).abs() <= 1e-5 * d_b.abs().max(1.0), "∂L/∂b {d_b} vs {fd_b}");
    }
}

#[test]
fn adams_bias_correction_agrees() {
    let h = hyper(OptimizerKind::Adam, 0.001, 0.9);
    for t in [1u32, 2, 5, 100, 10_000] {
        let (m_hat, v_hat) = product::adam_corrected(&h, t, 0.3, 0.02);
        let b1 = f64::from(oracle::BETA_1).powf(f64::from(t));
        let b2 = f64::from(oracle::BETA_2).powf(f64::from(t));
        assert!((m_hat - 0.3 / (1.0 - b1)).abs() <= 1e-12 * m_hat.abs());
        assert!((v_hat - 0.02 / (1.0 - b2)).abs() <= 1e-12 * v_hat.abs());
    }
}
