//! The numbers the step-by-step panel shows are Burn's: here they are checked against the
//! formulas (an independent f64 oracle) for every optimizer, with regularization off and on.
//!
//! Tolerance: |burn − oracle| ≤ 1e-5 · |oracle| + 1e-7: 1e-5 relative, with a 1e-7 absolute
//! floor for values that are (nearly) zero, where f32 rounding dominates.

mod common;

use common::check_linreg_step as check_step;
use futures::executor::block_on;
use ml_playground::engine::{device, trainer::LinRegTrainer};
use ml_playground::protocol::{Checkpoint, ParamState};
use ml_playground::settings::{Live, OptimizerKind, Settings};

fn settings(optimizer: OptimizerKind, l1: f64, l2: f64) -> Settings {
    Settings {
        optimizer,
        live: Live {
            l1,
            l2,
            lr: 0.05,
            ..Live::default()
        },
        batch_size: 8,
        ..Settings::default()
    }
}

#[test]
fn every_optimizer_matches_the_oracle_with_and_without_regularization() {
    for optimizer in OptimizerKind::ALL {
        for (l1, l2) in [(0.0, 0.0), (0.05, 0.0), (0.0, 0.2), (0.03, 0.1)] {
            let s = settings(optimizer, l1, l2);
            let mut trainer = LinRegTrainer::new(&s, device::cpu(), None);
            // Several steps, so momentum and Adam carry real state into the checked step.
            for step in 1..=4u64 {
                trainer.step();
                let readout = block_on(trainer.readout()).expect("readout on the CPU");
                let t = readout.last_step.expect("a step was taken");
                assert_eq!(t.step, step);
                check_step(&t);
                // The step's new parameters are the model's parameters now.
                assert_eq!((t.w.theta_new, t.b.theta_new), (readout.w, readout.b));
            }
        }
    }
    println!("{}", common::errors::table("linear regression, CPU"));
}

#[test]
fn fixed_parameters_and_state_match_the_oracle() {
    // Fixed, hand-picked parameters and optimizer state (as if resumed mid-run).
    let cases = [
        (OptimizerKind::Sgd, ParamState::None, ParamState::None),
        (
            OptimizerKind::Momentum,
            ParamState::Momentum { v: -0.8 },
            ParamState::Momentum { v: 0.3 },
        ),
        (
            OptimizerKind::Adam,
            ParamState::Adam {
                t: 7,
                m: -0.2,
                v: 0.05,
            },
            ParamState::Adam {
                t: 7,
                m: 0.1,
                v: 0.02,
            },
        ),
    ];
    for (optimizer, state_w, state_b) in cases {
        let s = settings(optimizer, 0.02, 0.1);
        let resume = Checkpoint {
            step: 13,
            w: 0.5,
            b: -0.25,
            state_w,
            state_b,
        };
        let mut trainer = LinRegTrainer::new(&s, device::cpu(), Some(&resume));
        trainer.step();
        let t = block_on(trainer.readout()).unwrap().last_step.unwrap();
        assert_eq!((t.w.theta, t.b.theta), (0.5, -0.25));
        assert_eq!((t.w.state_before, t.b.state_before), (state_w, state_b));
        assert_eq!(t.step, 14);
        check_step(&t);
    }
}

#[test]
fn l1_gradient_at_zero_weight_uses_sign_zero() {
    let s = settings(OptimizerKind::Sgd, 0.5, 0.0);
    let resume = Checkpoint {
        step: 0,
        w: 0.0,
        b: 0.0,
        state_w: ParamState::None,
        state_b: ParamState::None,
    };
    let mut trainer = LinRegTrainer::new(&s, device::cpu(), Some(&resume));
    trainer.step();
    check_step(&block_on(trainer.readout()).unwrap().last_step.unwrap());
}
