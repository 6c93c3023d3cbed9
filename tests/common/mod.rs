//! Shared by the oracle tests: a value of Burn's against its f64 oracle, and a parameter's
//! update checked against the optimizer's formulas.
// Each test binary uses only part of it.
#![allow(dead_code)]

use ml_playground::explain::linreg_math;
use ml_playground::protocol::{OptimizerHyper, ParamState, ParamUpdate};

/// Burn's f32 `burn` within 1e-5 (relative) + 1e-7 of the oracle's f64 `expected`.
pub fn close(what: &str, burn: f32, expected: f64) {
    let err = (f64::from(burn) - expected).abs();
    let tol = 1e-5 * expected.abs() + 1e-7;
    assert!(
        err <= tol,
        "{what}: burn {burn} vs oracle {expected} (|err| {err:e} > {tol:e})"
    );
}

/// θ_new and the state after, recomputed in f64 from the update's own θ, gradient and state
/// before (so this isolates the optimizer), each compared with `close(what, burn, oracle)`.
pub fn check_update_formula(
    what: &str,
    optimizer: &OptimizerHyper,
    u: &ParamUpdate,
    close: impl Fn(&str, f32, f64),
) {
    let (theta_new, after) = linreg_math::update(
        optimizer,
        f64::from(u.theta),
        f64::from(u.grad),
        u.state_before,
    );
    close(&format!("new {what}"), u.theta_new, theta_new);
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
