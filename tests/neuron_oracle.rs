//! The single-neuron task's steps are Burn's, and right: forward, loss and gradients against
//! the analytic oracle (∂L/∂w = (σ(z) − y)x, ∂L/∂b = σ(z) − y) and every update against the
//! SGD / momentum / Adam formulas, from the state Burn carried over; also where the sigmoid
//! saturates (ŷ within 10⁻⁸ of 0 or 1), to 1e-5 relative with no absolute floor.

mod common;

use common::oracle::sigmoid;
use common::{check_neuron_step, close, saturated_neurons};
use futures::executor::block_on;
use ml_playground::engine::{device, neuron_run::NeuronRun};
use ml_playground::protocol::ParamState;
use ml_playground::settings::{NeuronSettings, OptimizerKind, Settings};

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
                check_neuron_step(&t);
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
    println!("{}", common::errors::table("the neuron, CPU"));
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

#[test]
fn a_saturated_sigmoid_keeps_its_precision() {
    for optimizer in OptimizerKind::ALL {
        for neuron in saturated_neurons() {
            let mut run = NeuronRun::new(&settings(optimizer, neuron.clone()), device::cpu());
            for _ in 0..4 {
                run.step();
                let snap = block_on(run.prepare_readout().finish()).unwrap();
                check_neuron_step(&snap.last.expect("a step was taken"));
            }
        }
    }
    println!("{}", common::errors::table("the neuron saturated, CPU"));
}

/// An outsider's check: the exported JSON alone (read back into the step's types) passes the
/// oracle, holds the formulas and Adam's m̂, v̂, and states the constants Burn used.
#[test]
fn the_export_alone_recomputes_every_number() {
    use ml_playground::explain::neuron_export::{FORMAT, neuron_export_text};
    let mut run = NeuronRun::new(
        &settings(OptimizerKind::Adam, NeuronSettings::default()),
        device::cpu(),
    );
    for _ in 0..3 {
        run.step();
    }
    let t = block_on(run.prepare_readout().finish())
        .unwrap()
        .last
        .unwrap();
    let doc: serde_json::Value = serde_json::from_str(&neuron_export_text(&t)).unwrap();
    assert_eq!(doc["format"], FORMAT);
    assert!(doc["loss_formula"].as_str().unwrap().contains("softplus"));
    // serde_json's default parser rounds an f64 to within 1 ulp, not always to the nearest
    // (its float_roundtrip feature is off); the f32 numbers come back exact regardless.
    let within_ulp = |a: f64, b: f64| (a - b).abs() <= f64::EPSILON * b.abs();
    let beta_2 = doc["optimizer"]["beta_2"].as_f64().unwrap();
    assert!(
        within_ulp(beta_2, f64::from(0.999f32)),
        "{beta_2}: the f32 constant"
    );
    let mut back: ml_playground::protocol::neuron::NeuronStep =
        serde_json::from_value(doc.clone()).unwrap();
    let (h, o) = (&back.optimizer, &t.optimizer);
    for (a, b) in [(h.lr, o.lr), (h.momentum, o.momentum), (h.beta_1, o.beta_1)]
        .into_iter()
        .chain([(h.beta_2, o.beta_2), (h.epsilon, o.epsilon)])
    {
        assert!(within_ulp(a, b), "{a} vs {b}");
    }
    back.optimizer = t.optimizer;
    assert_eq!(back, t, "every other number survives the JSON exactly");
    check_neuron_step(&back);
    let names: Vec<&str> = doc["followed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["w1", "w2", "w3", "w4", "b"]);
    let ParamState::Adam { t: steps, m, v } = t.b.state_after else {
        panic!("Adam state")
    };
    let beta = |b: f32| 1.0 - f64::from(b).powi(steps as i32);
    let (beta_1, beta_2) = (common::oracle::BETA_1, common::oracle::BETA_2);
    let b = &doc["followed"][4];
    close(
        "b: m̂",
        b["m_hat"].as_f64().unwrap() as f32,
        f64::from(m) / beta(beta_1),
    );
    close(
        "b: v̂",
        b["v_hat"].as_f64().unwrap() as f32,
        f64::from(v) / beta(beta_2),
    );
}
