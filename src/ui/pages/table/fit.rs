//! Where the regression stands: progress, the loss on both splits against the exact least-
//! squares answer, each feature's weight, and the loss curves.

use yew::prelude::*;

use crate::data::least_squares_multi::Fit;
use crate::explain::format::num;
use crate::protocol::table::TableData;
use crate::protocol::table::{TablePoint, TableSnapshot};
use crate::ui::pages::gpt::loss_chart::{Curve, Level, StepChart};
use crate::ui::progress::whole_run;
use crate::ui::readout::readout;

#[derive(Properties, PartialEq)]
pub struct FitProps {
    pub snapshot: Option<TableSnapshot>,
    pub curve: Vec<TablePoint>,
    pub data: std::rc::Rc<TableData>,
    /// The least-squares fit of the training split (with the same λ₂).
    pub exact: Option<Fit>,
}

/// A number of Burn's as shown, "—" when there is none (or it is not finite).
pub(super) fn value(v: Option<f32>) -> String {
    v.filter(|v| v.is_finite())
        .map_or("—".into(), |v| num(f64::from(v)))
}

#[component]
pub fn FitPanel(props: &FitProps) -> Html {
    let snap = props.snapshot.as_ref();
    let d = &props.data.design;
    let step = snap.map_or(0, |s| s.progress.step);
    let exact = props.exact.as_ref();
    let points = |f: fn(&TablePoint) -> f32| -> Vec<(f64, f64)> {
        props
            .curve
            .iter()
            .map(|p| (p.step as f64, f64::from(f(p))))
            .filter(|p| p.1.is_finite())
            .collect()
    };
    let curves = vec![
        Curve {
            class: "train",
            label: "train",
            points: points(|p| p.train_mse),
            dots: false,
        },
        Curve {
            class: "test",
            label: "test",
            points: points(|p| p.test_mse),
            dots: false,
        },
    ];
    let levels = exact
        .map(|f| {
            vec![Level {
                value: f.mse,
                label: format!("least squares (train) {}", num(f.mse)),
            }]
        })
        .unwrap_or_default();
    html! {
        <>
            { whole_run(snap.map(|s| &s.progress), "rows/s") }
            <div class="readouts">
                { readout("train MSE", "table-train-mse", value(snap.map(|s| s.point.train_mse)), format!("{} training rows", d.n_train())) }
                { readout("test MSE", "table-test-mse", value(snap.map(|s| s.point.test_mse)), format!("{} held-out rows", d.n_test())) }
                { readout("least squares", "table-exact-mse", exact.map_or("—".into(), |f| num(f.mse)), "the exact minimum on the training rows (normal equations)".into()) }
            </div>
            <div class="charts">
                <div class="panel">
                    <h2>{format!("Loss (MSE of {}) per step", props.data.spec.target)}</h2>
                    <StepChart {curves} {levels} steps={step.max(1)} testid="table-loss-chart"
                        aria="Training and test mean squared error over steps, with the least-squares minimum" />
                </div>
                <div class="panel">
                    <h2>{"Weights"}</h2>
                    <table class="weights" data-testid="table-weights">
                        <thead><tr><th>{"feature"}</th><th>{"μ"}</th><th>{"σ"}</th><th>{"w (Burn)"}</th><th>{"w (least squares)"}</th></tr></thead>
                        <tbody>
                            for (j, f) in d.features.iter().enumerate() {
                                <tr>
                                    <td>{f.name.clone()}</td>
                                    <td>{num(f.mu)}</td>
                                    <td>{num(f.sigma)}</td>
                                    <td data-testid={format!("table-w-{j}")}>{value(snap.and_then(|s| s.w.get(j).copied()))}</td>
                                    <td>{exact.and_then(|e| e.w.get(j)).map_or("—".into(), |w| num(*w))}</td>
                                </tr>
                            }
                            <tr>
                                <td>{"bias b"}</td><td></td><td></td>
                                <td data-testid="table-b">{value(snap.map(|s| s.b))}</td>
                                <td>{exact.map_or("—".into(), |e| num(e.b))}</td>
                            </tr>
                        </tbody>
                    </table>
                    <p class="hint">{"Weights act on the standardized features x′ = (x − μ)/σ, so their sizes compare: a weight is the change in y for one σ of its feature."}</p>
                </div>
            </div>
        </>
    }
}
