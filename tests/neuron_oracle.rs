//! The single-neuron task's steps are Burn's, and right: forward, loss and gradients against
//! the analytic oracle (∂L/∂w = (σ(z) − y)x, ∂L/∂b = σ(z) − y) and every update against the
//! SGD / momentum / Adam formulas, from the state Burn carried over.

mod common;

use common::{check_update_formula, close};
use futures::executor::block_on;
use ml_playground::engine::{device, neuron_run::NeuronRun};
use ml_playground::protocol::neuron::NeuronStep;
use ml_playground::protocol::{ParamState, ParamUpdate};
use ml_playground::settings::{NeuronSettings, OptimizerKind, Settings};

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

fn check_update(what: &str, t: &NeuronStep, u: &ParamUpdate, grad: f64) {
    close(&format!("∂L/∂{what}"), u.grad, grad);
    check_update_formula(what, &t.optimizer, u, close);
}

fn check_step(t: &NeuronStep) {
    let w: Vec<f64> = t.w.iter().map(|u| f64::from(u.theta)).collect();
    let x: Vec<f64> = t.x.iter().map(|&x| f64::from(x)).collect();
    let z = w.iter().zip(&x).map(|(w, x)| w * x).sum::<f64>() + f64::from(t.b.theta);
    let (y, y_hat) = (f64::from(t.y), sigmoid(z));
    close("z", t.z, z);
    close("ŷ", t.y_hat, y_hat);
    close(
        "BCE",
        t.loss,
        -(y * y_hat.ln() + (1.0 - y) * (1.0 - y_hat).ln()),
    );
    for (i, u) in t.w.iter().enumerate() {
        check_update(&format!("w{}", i + 1), t, u, (y_hat - y) * x[i]);
    }
    check_update("b", t, &t.b, y_hat - y);
}

fn settings(optimizer: OptimizerKind, neuron: NeuronSettings) -> Settings {
    let mut s = Settings {
        optimizer,
        momentum: 0.8,
        neuron,
        ..Settings::neuron_default()
    };
    s.live.lr = 0.5;
    s
}

#[test]
fn every_optimizer_matches_the_oracle_step_after_step() {
    let other = NeuronSettings {
        x: vec![1.5, -2.0, 0.5],
        w: vec![0.3, 0.1, -0.7],
        b: -0.2,
        y: 0.0,
    };
    for optimizer in OptimizerKind::ALL {
        for neuron in [NeuronSettings::default(), other.clone()] {
            let mut run = NeuronRun::new(&settings(optimizer, neuron.clone()), device::cpu());
            let start = block_on(run.prepare_readout().finish()).unwrap();
            assert_eq!((start.steps, start.last.is_none()), (0, true));
            let mut losses = vec![start.loss];
            for step in 1..=4u64 {
                run.step();
                let snap = block_on(run.prepare_readout().finish()).unwrap();
                let t = snap.last.clone().expect("a step was taken");
                assert_eq!(
                    (t.step, snap.steps, t.w.len()),
                    (step, step, neuron.x.len())
                );
                check_step(&t);
                // The step starts from the previous snapshot's parameters and ends at this one's.
                close(
                    "loss before the step",
                    t.loss,
                    f64::from(*losses.last().unwrap()),
                );
                assert_eq!(snap.w, t.w.iter().map(|u| u.theta_new).collect::<Vec<_>>());
                assert_eq!(snap.b, t.b.theta_new);
                assert_eq!(snap.losses, vec![(step, t.loss)]);
                losses.push(snap.loss);
            }
            assert!(
                losses.last() < losses.first(),
                "{optimizer:?}: the loss falls: {losses:?}"
            );
        }
    }
}

#[test]
fn the_textbook_neuron_starts_at_sigma_of_point_eight() {
    let mut run = NeuronRun::new(&Settings::neuron_default(), device::cpu());
    run.step();
    let t = block_on(run.prepare_readout().finish())
        .unwrap()
        .last
        .unwrap();
    assert_eq!(format!("{:.4} {:.4}", t.y_hat, t.loss), "0.6900 0.3711");
    // SGD, α = 0.5: b ← 0.5 − 0.5·(σ(0.8) − 1).
    close("new b", t.b.theta_new, 0.5 - 0.5 * (sigmoid(0.8) - 1.0));
}

#[test]
fn several_steps_at_once_keep_every_loss() {
    let mut run = NeuronRun::new(
        &settings(OptimizerKind::Adam, NeuronSettings::default()),
        device::cpu(),
    );
    for _ in 0..10 {
        run.step();
    }
    let snap = block_on(run.prepare_readout().finish()).unwrap();
    let steps: Vec<u64> = snap.losses.iter().map(|&(s, _)| s).collect();
    assert_eq!(steps, (1..=10).collect::<Vec<_>>());
    assert!(
        snap.losses.windows(2).all(|w| w[1].1 < w[0].1),
        "{:?}",
        snap.losses
    );
    assert!(matches!(
        snap.last.unwrap().b.state_after,
        ParamState::Adam { t: 10, .. }
    ));
}
