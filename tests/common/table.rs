//! One step of "Your data"'s regression against the tests' own f64 oracle, recomputed from the
//! batch the run says it used: the followed row's ŷ, the batch's MSE and loss, every gradient
//! (to 1e-5 of the terms summed into it) and every update (the optimizer's formulas).

use std::rc::Rc;

use ml_playground::data::table::design::{Design, DesignSpec, Missing, design};
use ml_playground::data::table::parse::parse;
use ml_playground::data::table::summary::summarize;
use ml_playground::protocol::Progress;
use ml_playground::protocol::table::{RowStep, TableData};
use ml_playground::settings::{OptimizerKind, Settings, Task};

use super::{check_update_formula, close, close_to_terms};

/// Checks `t`, the step on the training `rows` of `d`, with penalty λ₂ = `l2`.
pub fn check_table_step(d: &Design, rows: &[usize], t: &RowStep, l2: f64) {
    let n = d.n_features();
    // The oracle: the batch's predictions, loss and gradients from the weights before
    // the step, in f64.
    let w: Vec<f64> = t.w.iter().map(|u| f64::from(u.theta)).collect();
    let b = f64::from(t.b.theta);
    let x = |i: usize, j: usize| f64::from(d.x_train[i * n + j]);
    let y_hat: Vec<f64> = rows
        .iter()
        .map(|&i| (0..n).map(|j| w[j] * x(i, j)).sum::<f64>() + b)
        .collect();
    let r: Vec<f64> = rows
        .iter()
        .zip(&y_hat)
        .map(|(&i, yh)| yh - f64::from(d.y_train[i]))
        .collect();
    let m = rows.len() as f64;
    let mse = r.iter().map(|r| r * r).sum::<f64>() / m;
    let penalty = l2 * w.iter().map(|w| w * w).sum::<f64>();
    close_to_terms(
        "ŷ of the followed row",
        t.y_hat,
        y_hat[0],
        (0..n).map(|j| (w[j] * x(rows[0], j)).abs()).sum::<f64>() + b.abs(),
    );
    assert_eq!(
        (t.x.as_slice(), t.y),
        (
            &d.x_train[rows[0] * n..(rows[0] + 1) * n],
            d.y_train[rows[0]]
        )
    );
    assert_eq!(t.line, d.lines_train[rows[0]]);
    close("mse", t.mse, mse);
    close("loss", t.loss, mse + penalty);
    for (j, &w_j) in w.iter().enumerate() {
        let g: f64 = rows
            .iter()
            .zip(&r)
            .map(|(&i, r)| 2.0 / m * r * x(i, j))
            .sum::<f64>()
            + 2.0 * l2 * w_j;
        let scale: f64 = rows
            .iter()
            .zip(&r)
            .map(|(&i, r)| (2.0 / m * r * x(i, j)).abs())
            .sum::<f64>()
            + 2.0 * l2 * w_j.abs();
        close_to_terms(&format!("∂L/∂w{j}"), t.w[j].grad, g, scale);
        check_update_formula(&format!("w{j}"), &t.optimizer, &t.w[j], close);
    }
    let g_b: f64 = r.iter().map(|r| 2.0 / m * r).sum();
    close_to_terms(
        "∂L/∂b",
        t.b.grad,
        g_b,
        r.iter().map(|r| (2.0 / m * r).abs()).sum(),
    );
    check_update_formula("b", &t.optimizer, &t.b, close);
}

/// y = 3a − 2b + 0.5c + 1 (+ noise ε when `noisy`) on 60 rows, read as a CSV.
pub fn plane_table(noisy: bool) -> Rc<TableData> {
    let mut text = String::from("a,b,c,y\n");
    for i in 0..60 {
        let (a, b, c) = (
            i as f64 * 0.1,
            ((i * 7) % 11) as f64,
            ((i * 5) % 3) as f64 - 1.0,
        );
        let noise = if noisy {
            (((i * 13) % 17) as f64 - 8.0) * 0.05
        } else {
            0.0
        };
        let y = 3.0 * a - 2.0 * b + 0.5 * c + 1.0 + noise;
        text.push_str(&format!("{a},{b},{c},{y}\n"));
    }
    let table = parse(text.as_bytes()).unwrap();
    let spec = DesignSpec {
        target: "y".into(),
        features: vec!["a".into(), "b".into(), "c".into()],
        missing: Missing::DropRows,
        seed: 7,
        test_fraction: 0.2,
    };
    let design = design(&table, &summarize(&table), &spec).unwrap();
    Rc::new(TableData {
        spec,
        source: "test".into(),
        design,
    })
}

pub fn progress() -> Progress {
    Progress {
        epoch: 1,
        epochs: 1,
        step: 0,
        total_steps: 0,
        samples_per_sec: 0.0,
        eta_ms: None,
        running: false,
        finished: false,
    }
}

pub fn table_settings(optimizer: OptimizerKind, batch: usize, l2: f64) -> Settings {
    let mut s = Settings::for_task(Task::Table);
    s.table.y = "y".into();
    s.table.x = vec!["a".into(), "b".into(), "c".into()];
    s.seed = 7;
    s.optimizer = optimizer;
    s.batch_size = batch;
    s.live.lr = 0.05;
    s.live.l2 = l2;
    s
}
