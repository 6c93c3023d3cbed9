//! Where softmax regression stands on a class target: progress, cross-entropy and accuracy on
//! both splits (curves), the test split's confusion matrix with each class's precision, recall
//! and F1, and the weight of each feature for each class.

use yew::prelude::*;

use super::cell_rows::CellRows;
use super::fit::value;
use crate::explain::format::num;
use crate::metrics::{class_scores, macro_average};
use crate::protocol::table::TableData;
use crate::protocol::table_classes::{ClassPoint, ClassSnapshot};
use crate::ui::charts::ConfusionMatrix;
use crate::ui::pages::gpt::loss_chart::{Curve, StepChart};
use crate::ui::progress::whole_run;
use crate::ui::readout::readout;

#[derive(Properties, PartialEq)]
pub struct ClassFitProps {
    pub snapshot: Option<ClassSnapshot>,
    pub curve: Vec<ClassPoint>,
    pub data: std::rc::Rc<TableData>,
    /// The class names, in the order of the model's outputs.
    pub classes: Vec<String>,
}

fn percent(v: Option<f32>) -> String {
    v.filter(|v| v.is_finite())
        .map_or("—".into(), |v| format!("{:.1} %", f64::from(v) * 100.0))
}

#[component]
pub fn ClassFitPanel(props: &ClassFitProps) -> Html {
    let snap = props.snapshot.as_ref();
    let d = &props.data.design;
    let k = props.classes.len();
    let step = snap.map_or(0, |s| s.progress.step);
    let points = |f: fn(&ClassPoint) -> f32| -> Vec<(f64, f64)> {
        props
            .curve
            .iter()
            .map(|p| (p.step as f64, f64::from(f(p))))
            .filter(|p| p.1.is_finite())
            .collect()
    };
    let pair = |train: fn(&ClassPoint) -> f32, test: fn(&ClassPoint) -> f32| {
        vec![
            Curve {
                class: "train",
                label: "train",
                points: points(train),
                dots: false,
            },
            Curve {
                class: "test",
                label: "test",
                points: points(test),
                dots: false,
            },
        ]
    };
    let selected = use_state(|| None::<(u8, u8)>);
    let on_cell = {
        let selected = selected.clone();
        Callback::from(move |cell: (u8, u8)| selected.set(Some(cell)))
    };
    let confusion = snap.map(|s| s.confusion.clone()).unwrap_or_default();
    let scores = class_scores(&confusion);
    let (macro_p, macro_r, macro_f1) = macro_average(&scores);
    html! {
        <>
            { whole_run(snap.map(|s| &s.progress), "rows/s") }
            <div class="readouts">
                { readout("train accuracy", "table-train-accuracy", percent(snap.map(|s| s.point.train_accuracy)), format!("{} training rows", d.n_train())) }
                { readout("test accuracy", "table-test-accuracy", percent(snap.map(|s| s.point.test_accuracy)), format!("{} held-out rows", d.n_test())) }
                { readout("train cross-entropy", "table-train-ce", value(snap.map(|s| s.point.train_ce)), format!("a uniform guess: ln {k} = {}", num((k.max(1) as f64).ln()))) }
                { readout("test cross-entropy", "table-test-ce", value(snap.map(|s| s.point.test_ce)), "on the held-out rows".into()) }
            </div>
            <div class="charts">
                <div class="panel">
                    <h2>{format!("Cross-entropy of {} per step", props.data.spec.target)}</h2>
                    <StepChart curves={pair(|p| p.train_ce, |p| p.test_ce)} steps={step.max(1)} testid="table-loss-chart"
                        aria="Training and test cross-entropy over steps" />
                </div>
                <div class="panel">
                    <h2>{"Accuracy per step"}</h2>
                    <StepChart curves={pair(|p| p.train_accuracy, |p| p.test_accuracy)} steps={step.max(1)} percent=true
                        testid="table-accuracy-chart" aria="Training and test accuracy over steps" />
                </div>
            </div>
            <div class="charts">
                <div class="panel">
                    <h2>{"Confusion matrix (test rows)"}</h2>
                    <ConfusionMatrix confusion={confusion.clone()} labels={props.classes.clone()}
                        selected={*selected} on_cell={on_cell} />
                    if let (Some(cell), Some(s)) = (*selected, snap) {
                        <CellRows data={props.data.clone()} predicted={s.test_predicted.clone()} {cell} classes={props.classes.clone()} />
                    } else {
                        <p class="hint">{"Click a cell to list its test rows."}</p>
                    }
                </div>
                <div class="panel">
                    <h2>{"Per class (test rows)"}</h2>
                    <table class="weights" data-testid="table-class-scores">
                        <thead><tr><th>{"class"}</th><th>{"precision"}</th><th>{"recall"}</th><th>{"F1"}</th></tr></thead>
                        <tbody>
                            for (c, s) in scores.iter().enumerate() {
                                <tr>
                                    <td>{props.classes.get(c).cloned().unwrap_or_default()}</td>
                                    <td>{num(s.precision)}</td><td>{num(s.recall)}</td><td>{num(s.f1)}</td>
                                </tr>
                            }
                            <tr><td>{"macro average"}</td><td>{num(macro_p)}</td><td>{num(macro_r)}</td><td>{num(macro_f1)}</td></tr>
                        </tbody>
                    </table>
                    <h2>{"Weights W (feature × class) and b"}</h2>
                    <div class="scroll-x"><table class="weights" data-testid="table-class-weights">
                        <thead><tr><th>{"feature"}</th>
                            for c in props.classes.iter() { <th>{c.clone()}</th> }
                        </tr></thead>
                        <tbody>
                            for (j, f) in d.features.iter().enumerate() {
                                <tr>
                                    <td>{f.name.clone()}</td>
                                    for c in 0..k {
                                        <td>{value(snap.and_then(|s| s.w.get(j * k + c).copied()))}</td>
                                    }
                                </tr>
                            }
                            <tr>
                                <td>{"bias b"}</td>
                                for c in 0..k { <td>{value(snap.and_then(|s| s.b.get(c).copied()))}</td> }
                            </tr>
                        </tbody>
                    </table></div>
                </div>
            </div>
        </>
    }
}
