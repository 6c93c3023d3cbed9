//! The loss surface: Burn's batched grid against the closed-form loss (an f64 oracle written
//! here), the regularized minimum against the grid and the loss's slopes, and the path a run
//! reports against the parameters of its own steps.

mod common;

use common::surface::{check_grid, loss as oracle};
use futures::executor::block_on;
use ml_playground::data::least_squares;
use ml_playground::data::linreg::{generate, initial_weights};
use ml_playground::engine::{device, loss_surface, trainer::LinRegTrainer};
use ml_playground::protocol::surface::SurfaceRequest;
use ml_playground::settings::{Live, OptimizerKind, Settings};

fn request(x: Vec<f32>, y: Vec<f32>, l1: f64, l2: f64, side: usize) -> SurfaceRequest {
    SurfaceRequest {
        id: 7,
        w: (-1.5, 4.0),
        b: (-2.0, 3.5),
        side,
        l1,
        l2,
        x,
        y,
    }
}

#[test]
fn the_grid_is_the_closed_form_loss_at_every_sampled_point() {
    let d = generate(100, 0.3, 5);
    for (l1, l2) in [(0.0, 0.0), (0.2, 0.0), (0.0, 0.5), (0.1, 0.3)] {
        let r = request(d.x_train.clone(), d.y_train.clone(), l1, l2, 80);
        let grid = block_on(loss_surface::compute(&r, &device::cpu())).expect("grid on the CPU");
        assert_eq!((grid.id, grid.side, grid.values.len()), (7, 80, 6_400));
        check_grid(&r, &grid);
        let (ws, bs) = (r.w_axis(), r.b_axis());
        for (i, j) in [
            (0, 0),
            (79, 79),
            (0, 79),
            (79, 0),
            (13, 41),
            (40, 40),
            (66, 7),
        ] {
            let want = oracle(&d.x_train, &d.y_train, ws[i], bs[j], l1, l2);
            let got = f64::from(grid.at(i, j));
            assert!(
                (got - want).abs() <= 1e-5 * want.abs() + 1e-6,
                "({i}, {j}) λ=({l1}, {l2}): {got} vs {want}"
            );
        }
    }
}

#[test]
fn long_tables_are_summed_in_chunks_to_the_same_values() {
    // 200 × 200 grid points × 150 rows > the 4 M residuals held at once: three chunks.
    let d = generate(188, 0.5, 9);
    let r = request(d.x_train.clone(), d.y_train.clone(), 0.0, 0.1, 200);
    assert!(r.side * r.side * r.x.len() > 4_000_000);
    let grid = block_on(loss_surface::compute(&r, &device::cpu())).expect("grid");
    let (ws, bs) = (r.w_axis(), r.b_axis());
    for (i, j) in [(0, 0), (199, 199), (123, 45)] {
        let want = oracle(&d.x_train, &d.y_train, ws[i], bs[j], 0.0, 0.1);
        let got = f64::from(grid.at(i, j));
        assert!((got - want).abs() <= 1e-5 * want + 1e-6, "{got} vs {want}");
    }
}

#[test]
fn the_regularized_minimum_is_the_bottom_of_the_penalized_loss() {
    let d = generate(100, 0.3, 5);
    let (x, y) = (&d.x_train, &d.y_train);
    for (l1, l2) in [(0.0, 0.0), (0.05, 0.0), (0.0, 0.4), (0.08, 0.2)] {
        let m = least_squares::regularized(x, y, l1, l2).expect("x has spread");
        let at = oracle(x, y, m.w, m.b, l1, l2);
        // Every nearby point is higher: the minimum, not a point on the slope.
        for (dw, db) in [
            (1e-3, 0.0),
            (-1e-3, 0.0),
            (0.0, 1e-3),
            (0.0, -1e-3),
            (7e-4, -7e-4),
        ] {
            let near = oracle(x, y, m.w + dw, m.b + db, l1, l2);
            assert!(near > at, "λ=({l1}, {l2}): L({dw}, {db}) = {near} ≤ {at}");
        }
    }
    let ls = least_squares::fit(x, y).expect("fit");
    let penalized = least_squares::regularized(x, y, 0.0, 0.4).expect("fit");
    assert!(penalized.w.abs() < ls.w.abs(), "L2 shrinks w toward 0");
}

#[test]
fn the_path_is_where_each_step_left_the_parameters() {
    let s = Settings {
        optimizer: OptimizerKind::Momentum,
        live: Live {
            lr: 0.2,
            ..Live::default()
        },
        batch_size: 8,
        ..Settings::default()
    };
    let mut trainer = LinRegTrainer::new(&s, device::cpu(), None);
    let (w0, b0) = initial_weights(s.seed);
    let mut path = Vec::new();
    let mut traces = Vec::new();
    for k in 0..25 {
        trainer.step();
        // Read back every few steps: the path holds every step in between.
        if k % 6 == 5 || k == 24 {
            let r = block_on(trainer.readout()).expect("readout");
            traces.push(r.last_step.expect("a step"));
            path.extend(r.path);
        }
    }
    assert_eq!(path.len(), 26, "the start and one point per step");
    assert_eq!((path[0].step, path[0].w, path[0].b), (0, w0, b0));
    assert!(path.windows(2).all(|p| p[1].step == p[0].step + 1));
    for t in traces {
        let p = path[t.step as usize];
        assert_eq!(
            (p.w, p.b),
            (t.w.theta_new, t.b.theta_new),
            "step {}",
            t.step
        );
        let before = path[t.step as usize - 1];
        assert_eq!((before.w, before.b), (t.w.theta, t.b.theta));
    }
}

#[test]
fn a_one_feature_table_reports_its_path_and_a_wider_one_none() {
    use common::table::{plane_table, progress, table_settings};
    use ml_playground::data::table::design::design;
    use ml_playground::data::table::summary::summarize;
    use ml_playground::engine::table::TableRun;
    use ml_playground::protocol::table::TableData;
    use std::rc::Rc;

    let three = plane_table(true);
    // The same table with only feature "a".
    let mut spec = three.spec.clone();
    spec.features = vec!["a".into()];
    let text = "a,y\n".to_string()
        + &(0..40)
            .map(|i| {
                format!(
                    "{},{}\n",
                    i as f64 * 0.1,
                    2.0 * i as f64 * 0.1 + 1.0 + ((i * 7) % 5) as f64 * 0.1
                )
            })
            .collect::<String>();
    let table = ml_playground::data::table::parse::parse(text.as_bytes()).unwrap();
    let one = Rc::new(TableData {
        design: design(&table, &summarize(&table), &spec).unwrap(),
        spec,
        source: "t".into(),
    });
    let mut s = table_settings(OptimizerKind::Adam, 8, 0.0);
    s.table.x = vec!["a".into()];
    let mut run = TableRun::new(&s, one, device::cpu());
    assert!(run.has_surface());
    let mut path = Vec::new();
    let mut steps = Vec::new();
    for k in 0..9 {
        run.step();
        if k % 4 == 3 || k == 8 {
            let snap = block_on(run.prepare_readout().finish(progress())).unwrap();
            steps.push(snap.last.clone().unwrap());
            path.extend(snap.path);
        }
    }
    assert_eq!(path.len(), 10, "the start and nine steps");
    for t in steps {
        let p = path[t.step as usize];
        assert_eq!(
            (p.w, p.b),
            (t.w[0].theta_new, t.b.theta_new),
            "step {}",
            t.step
        );
    }
    let mut wide = TableRun::new(
        &table_settings(OptimizerKind::Sgd, 8, 0.0),
        three,
        device::cpu(),
    );
    wide.step();
    assert!(!wide.has_surface());
    assert!(
        block_on(wide.prepare_readout().finish(progress()))
            .unwrap()
            .path
            .is_empty()
    );
}
