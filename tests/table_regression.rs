//! "Your data"'s regression is Burn's, and right: each step's prediction, loss, gradients and
//! update against the tests' own f64 oracle (recomputed from the batch the run says it used);
//! training reaches the exact minimum; an interrupted run resumes exactly.

mod common;

use common::table::{check_table_step, plane_table, progress, table_settings};
use futures::executor::block_on;
use ml_playground::engine::device;
use ml_playground::engine::table::TableRun;
use ml_playground::settings::OptimizerKind;

#[test]
fn every_step_matches_the_oracle_for_every_optimizer() {
    let data = plane_table(true);
    let d = &data.design;
    let n = d.n_features();
    for optimizer in OptimizerKind::ALL {
        let s = table_settings(optimizer, 8, 0.1);
        let mut run = TableRun::new(&s, data.clone(), device::cpu());
        for step in 1..=5u64 {
            let rows = run.batch_rows(step - 1);
            run.step();
            let snap = block_on(run.prepare_readout().finish(progress())).unwrap();
            let t = snap.last.expect("a step was taken");
            assert_eq!((t.step, t.batch, t.w.len()), (step, rows.len(), n));
            check_table_step(d, &rows, &t, 0.1);
            assert_eq!(snap.w, t.w.iter().map(|u| u.theta_new).collect::<Vec<_>>());
        }
    }
}

#[test]
fn training_reaches_the_exact_minimum() {
    // Noise-free: the least-squares line is the truth, so the test MSE must go to ~0 too.
    let data = plane_table(false);
    let mut s = table_settings(OptimizerKind::Adam, 16, 0.0);
    s.epochs = 300;
    s.live.lr = 0.1;
    let mut run = TableRun::new(&s, data.clone(), device::cpu());
    while !run.is_finished() {
        run.step();
    }
    let snap = block_on(run.prepare_readout().finish(progress())).unwrap();
    let var: f64 = {
        let y = &data.design.y_train;
        let mean = y.iter().map(|&v| f64::from(v)).sum::<f64>() / y.len() as f64;
        y.iter()
            .map(|&v| (f64::from(v) - mean).powi(2))
            .sum::<f64>()
            / y.len() as f64
    };
    let (train, test) = (
        f64::from(snap.point.train_mse),
        f64::from(snap.point.test_mse),
    );
    assert!(
        train < 1e-4 * var && test < 1e-3 * var,
        "train {train}, test {test}, var(y) {var}"
    );
}

#[test]
fn an_interrupted_run_resumes_exactly() {
    let data = plane_table(true);
    let s = table_settings(OptimizerKind::Adam, 8, 0.05);
    let mut straight = TableRun::new(&s, data.clone(), device::cpu());
    (0..7).for_each(|_| straight.step());
    let saved = block_on(straight.prepare_checkpoint("tab-1").finish()).unwrap();
    let mut resumed = TableRun::resume(&s, data.clone(), device::cpu(), &saved).unwrap();
    for _ in 0..5 {
        straight.step();
        resumed.step();
    }
    let a = block_on(straight.prepare_readout().finish(progress())).unwrap();
    let b = block_on(resumed.prepare_readout().finish(progress())).unwrap();
    assert_eq!((a.w, a.b, a.point), (b.w, b.b, b.point));
}
