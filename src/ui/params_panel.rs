//! The current parameters and losses next to the closed-form answer they should approach.

use yew::prelude::*;

use crate::data::least_squares::LeastSquares;
use crate::protocol::Snapshot;

#[derive(Properties, PartialEq)]
pub struct ParamsPanelProps {
    pub snapshot: Option<Snapshot>,
    pub least_squares: Option<LeastSquares>,
}

fn fmt(v: Option<f64>) -> String {
    match v {
        Some(v) if v.is_finite() => format!("{v:.4}"),
        Some(_) => "—".into(),
        None => "…".into(),
    }
}

#[component]
pub fn ParamsPanel(props: &ParamsPanelProps) -> Html {
    let s = props.snapshot.as_ref();
    let ls = props.least_squares;
    let cell = |label: &str,
                testid: &str,
                value: Option<f64>,
                reference: Option<f64>,
                note: &str| {
        let ref_id = format!("{testid}-ls");
        html! {
            <div class="readout">
                <div class="readout-label">{label}</div>
                <div class="readout-value" data-testid={testid.to_string()}>{fmt(value)}</div>
                <div class="readout-ref">{note}{" "}<span data-testid={ref_id}>{reference.map(|r| format!("{r:.4}")).unwrap_or_default()}</span></div>
            </div>
        }
    };
    html! {
        <div class="panel readouts">
            { cell("weight w", "param-w", s.map(|s| s.run.w.into()), ls.map(|l| l.w), "least squares ŵ =") }
            { cell("bias b", "param-b", s.map(|s| s.run.b.into()), ls.map(|l| l.b), "least squares b̂ =") }
            { cell("train MSE", "loss-train", s.map(|s| s.run.train_mse.into()), None, "on all training points") }
            { cell("test MSE", "loss-test", s.map(|s| s.run.test_mse.into()), None, "on the held-out 20 %") }
            <p class="hint truth">{"The data was drawn around the true line w = 2, b = 1; least squares is the best any line can fit this sample, so training should approach ŵ, b̂ (not exactly 2 and 1)."}</p>
        </div>
    }
}
