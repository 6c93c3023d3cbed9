//! Training converges to the closed-form least-squares line on Burn's CPU backend, for every
//! optimizer; and the same seed gives the same run.

use futures::executor::block_on;
use ml_playground::data::least_squares;
use ml_playground::engine::{device, trainer::LinRegTrainer};
use ml_playground::settings::{OptimizerKind, Settings};

fn train(s: &Settings) -> (LinRegTrainer, f32, f32) {
    let mut trainer = LinRegTrainer::new(s, device::cpu(), None);
    while !trainer.is_finished() {
        trainer.step();
    }
    let r = block_on(trainer.readout()).unwrap();
    (trainer, r.w, r.b)
}

#[test]
fn full_batch_training_reaches_least_squares_for_each_optimizer() {
    // (optimizer, learning rate, epochs): full batch, so the only error left is optimization.
    for (optimizer, lr, epochs) in [
        (OptimizerKind::Sgd, 0.5, 600),
        (OptimizerKind::Momentum, 0.1, 600),
        (OptimizerKind::Adam, 0.05, 1500),
    ] {
        let mut s = Settings {
            optimizer,
            epochs,
            batch_size: 80,
            ..Settings::default()
        };
        s.live.lr = lr;
        let (trainer, w, b) = train(&s);
        let d = trainer.data();
        let ls = least_squares::fit(&d.x_train, &d.y_train).unwrap();
        let (dw, db) = ((f64::from(w) - ls.w).abs(), (f64::from(b) - ls.b).abs());
        assert!(
            dw < 1e-2 && db < 1e-2,
            "{optimizer:?}: (w, b) = ({w}, {b}), least squares ({}, {})",
            ls.w,
            ls.b
        );
    }
}

#[test]
fn default_minibatch_run_lands_near_least_squares_and_the_true_line() {
    let s = Settings::default(); // SGD, lr 0.1, batch 10, 50 epochs, σ = 0.2
    let (trainer, w, b) = train(&s);
    let d = trainer.data();
    let ls = least_squares::fit(&d.x_train, &d.y_train).unwrap();
    // Mini-batch noise and 400 steps leave a small gap to the exact optimum.
    assert!((f64::from(w) - ls.w).abs() < 0.05, "w {w} vs {}", ls.w);
    assert!((f64::from(b) - ls.b).abs() < 0.05, "b {b} vs {}", ls.b);
    // And least squares itself is within noise of the true line y = 2x + 1.
    assert!(
        (ls.w - 2.0).abs() < 0.2 && (ls.b - 1.0).abs() < 0.1,
        "{ls:?}"
    );
    let train_mse = least_squares::mse(&d.x_train, &d.y_train, f64::from(w), f64::from(b));
    let best = least_squares::mse(&d.x_train, &d.y_train, ls.w, ls.b);
    assert!(
        train_mse < best * 1.05,
        "train MSE {train_mse} vs optimum {best}"
    );
}

#[test]
fn same_seed_same_run_and_lr_changes_mid_run_take_effect() {
    let s = Settings {
        optimizer: OptimizerKind::Adam,
        epochs: 3,
        ..Settings::default()
    };
    let (_, w1, b1) = train(&s);
    let (_, w2, b2) = train(&s);
    assert_eq!((w1, b1), (w2, b2));
    let (_, w3, _) = train(&Settings {
        seed: 7,
        ..s.clone()
    });
    assert_ne!(w1, w3);

    let mut t = LinRegTrainer::new(&s, device::cpu(), None);
    t.step();
    t.set_hyper(ml_playground::protocol::Hyper {
        lr: 0.0,
        l1: 0.0,
        l2: 0.0,
    });
    let before = block_on(t.readout()).unwrap();
    t.step();
    let after = block_on(t.readout()).unwrap();
    assert_eq!(
        (before.w, before.b),
        (after.w, after.b),
        "lr 0 must freeze the parameters"
    );
}

#[test]
fn batch_order_covers_every_point_once_per_epoch() {
    let s = Settings {
        batch_size: 7,
        ..Settings::default()
    };
    let t = LinRegTrainer::new(&s, device::cpu(), None);
    let mut seen: Vec<usize> = (0..t.steps_per_epoch())
        .flat_map(|k| t.batch_indices(k))
        .collect();
    seen.sort();
    assert_eq!(seen, (0..80).collect::<Vec<_>>());
    assert_ne!(
        t.batch_indices(0),
        t.batch_indices(t.steps_per_epoch()),
        "epochs reshuffle"
    );
}

#[test]
fn the_loss_curve_gets_one_point_per_epoch_and_each_is_read_once() {
    let s = Settings {
        epochs: 3,
        ..Settings::default()
    };
    let mut t = LinRegTrainer::new(&s, device::cpu(), None);
    for _ in 0..20 {
        t.step();
    }
    let first = block_on(t.readout()).unwrap();
    let steps: Vec<u64> = first.curve.iter().map(|p| p.step).collect();
    assert_eq!(steps, [8, 16]);
    while !t.is_finished() {
        t.step();
    }
    let last = block_on(t.readout()).unwrap();
    assert_eq!(last.curve.len(), 1);
    assert_eq!(last.curve[0].step, 24);
    assert_eq!(
        last.curve[0].train_mse, last.train_mse,
        "the end of the last epoch is now"
    );
    assert!(first.curve[0].train_mse > last.train_mse, "the loss falls");
}
