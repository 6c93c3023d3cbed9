//! "Your data" with a class target: softmax regression is Burn's, and right — each step's
//! scores, probabilities, cross-entropy, gradients and update against the tests' own f64 oracle
//! (recomputed from the batch the run says it used); separable classes reach 100 %; the test
//! split's confusion matrix adds up; an interrupted run resumes exactly.

mod common;

use common::table::progress;
use common::table_classes::{check_class_step, clusters_table};
use futures::executor::block_on;
use ml_playground::engine::device;
use ml_playground::engine::table::TableRun;
use ml_playground::settings::{OptimizerKind, Settings, Task};

fn class_settings(optimizer: OptimizerKind, batch: usize, l2: f64) -> Settings {
    let mut s = Settings::for_task(Task::Table);
    s.table.y = "kind".into();
    s.table.x = vec!["a".into(), "b".into()];
    s.seed = 7;
    s.optimizer = optimizer;
    s.batch_size = batch;
    s.live.lr = 0.1;
    s.live.l2 = l2;
    s
}

#[test]
fn every_step_matches_the_oracle_for_every_optimizer() {
    let data = clusters_table(false);
    let d = &data.design;
    for optimizer in OptimizerKind::ALL {
        let s = class_settings(optimizer, 8, 0.05);
        let mut run = TableRun::new(&s, data.clone(), device::cpu());
        assert!(run.is_classification());
        for step in 1..=5u64 {
            let rows = run.batch_rows(step - 1);
            run.step();
            let snap = block_on(run.prepare_class_readout().finish(progress())).unwrap();
            let t = snap.last.expect("a step was taken");
            assert_eq!(
                (t.step, t.batch, t.w.len(), t.b.len()),
                (step, rows.len(), 6, 3)
            );
            check_class_step(d, &rows, &t, 3, 0.05);
            assert_eq!(snap.w, t.w.iter().map(|u| u.theta_new).collect::<Vec<_>>());
        }
    }
}

#[test]
fn separable_classes_are_all_found() {
    let data = clusters_table(true);
    let mut s = class_settings(OptimizerKind::Adam, 16, 0.0);
    s.epochs = 60;
    let mut run = TableRun::new(&s, data.clone(), device::cpu());
    while !run.is_finished() {
        run.step();
    }
    let snap = block_on(run.prepare_class_readout().finish(progress())).unwrap();
    let p = snap.point;
    assert_eq!((p.train_accuracy, p.test_accuracy), (1.0, 1.0), "{p:?}");
    assert!(p.train_ce < 0.1, "{p:?}");
    let counted: u32 = snap.confusion.iter().flatten().sum();
    assert_eq!(counted as usize, data.design.n_test());
    let diagonal: u32 = (0..3).map(|c| snap.confusion[c][c]).sum();
    assert_eq!(diagonal, counted);
}

#[test]
fn an_interrupted_run_resumes_exactly() {
    let data = clusters_table(false);
    let s = class_settings(OptimizerKind::Adam, 8, 0.05);
    let mut straight = TableRun::new(&s, data.clone(), device::cpu());
    (0..7).for_each(|_| straight.step());
    let saved = block_on(straight.prepare_checkpoint("tab-1").finish()).unwrap();
    let mut resumed = TableRun::resume(&s, data.clone(), device::cpu(), &saved).unwrap();
    for _ in 0..5 {
        straight.step();
        resumed.step();
    }
    let a = block_on(straight.prepare_class_readout().finish(progress())).unwrap();
    let b = block_on(resumed.prepare_class_readout().finish(progress())).unwrap();
    assert_eq!(
        (a.w, a.b, a.point, a.confusion),
        (b.w, b.b, b.point, b.confusion)
    );
}
