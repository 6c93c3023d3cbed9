//! "Your data" on WebGPU against the native tests' f64 oracles: linear regression
//! (`tests/common/table.rs`) and softmax regression on a class target
//! (`tests/common/table_classes.rs`), every optimizer, L2 on, five steps each.

use ml_playground::engine::table::TableRun;
use ml_playground::protocol::BackendKind;
use ml_playground::settings::{BackendChoice, OptimizerKind};
use ml_playground::worker::backend::choose;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::common::table::{check_table_step, plane_table, progress, table_settings};

#[wasm_bindgen_test]
async fn table_regression_matches_the_oracle_on_webgpu() {
    let (device, info) = choose(BackendChoice::WebGpu).await;
    assert_eq!(info.kind, BackendKind::WebGpu, "{info:?}");
    let data = plane_table(true);
    for optimizer in OptimizerKind::ALL {
        let mut run = TableRun::new(
            &table_settings(optimizer, 8, 0.1),
            data.clone(),
            device.clone(),
        );
        for step in 1..=5u64 {
            let rows = run.batch_rows(step - 1);
            run.step();
            let snap = run
                .prepare_readout()
                .finish(progress())
                .await
                .expect("async readback");
            let t = snap.last.expect("a step was taken");
            assert_eq!(t.step, step);
            check_table_step(&data.design, &rows, &t, 0.1);
        }
    }
}

/// Softmax regression on a class target, on WebGPU, against the same oracle as natively
/// (`tests/common/table_classes.rs`): every optimizer, L2 on, five steps each.
#[wasm_bindgen_test]
async fn table_classes_match_the_oracle_on_webgpu() {
    use crate::common::table_classes::{check_class_step, clusters_table};
    let (device, info) = choose(BackendChoice::WebGpu).await;
    assert_eq!(info.kind, BackendKind::WebGpu, "{info:?}");
    let data = clusters_table(false);
    for optimizer in OptimizerKind::ALL {
        let mut s = table_settings(optimizer, 8, 0.05);
        s.table.y = "kind".into();
        s.table.x = vec!["a".into(), "b".into()];
        let mut run = TableRun::new(&s, data.clone(), device.clone());
        for step in 1..=5u64 {
            let rows = run.batch_rows(step - 1);
            run.step();
            let snap = run
                .prepare_class_readout()
                .finish(progress())
                .await
                .expect("async readback");
            let t = snap.last.expect("a step was taken");
            assert_eq!(t.step, step);
            check_class_step(&data.design, &rows, &t, 3, 0.05);
        }
    }
}

/// The loss surface's grid on WebGPU: every one of its 80 × 80 points against the closed
/// form (`tests/common/surface.rs`), with and without the penalty.
#[wasm_bindgen_test]
async fn the_loss_surface_matches_the_closed_form_on_webgpu() {
    use ml_playground::data::linreg::generate;
    use ml_playground::engine::loss_surface;
    use ml_playground::protocol::surface::SurfaceRequest;

    let (device, info) = choose(BackendChoice::WebGpu).await;
    assert_eq!(info.kind, BackendKind::WebGpu, "{info:?}");
    let d = generate(100, 0.3, 5);
    for (l1, l2) in [(0.0, 0.0), (0.1, 0.3)] {
        let request = SurfaceRequest {
            id: 1,
            w: (-1.5, 4.0),
            b: (-2.0, 3.5),
            side: 80,
            l1,
            l2,
            x: d.x_train.clone(),
            y: d.y_train.clone(),
        };
        let grid = loss_surface::compute(&request, &device)
            .await
            .expect("async readback");
        crate::common::surface::check_grid(&request, &grid);
    }
}
