//! The data, the current fitted line, the least-squares line and the current batch.

use yew::prelude::*;

use super::axes::{HEIGHT, Scale, WIDTH, axes, label, ticks};
use crate::data::least_squares::LeastSquares;
use crate::data::linreg::LinRegData;
use crate::protocol::Snapshot;

#[derive(Properties, PartialEq)]
pub struct ScatterProps {
    pub data: LinRegData,
    pub snapshot: Option<Snapshot>,
    pub least_squares: Option<LeastSquares>,
    pub show_test: bool,
    /// The model's line (w, b) to draw: before or after the update being explained.
    pub fit: Option<(f32, f32)>,
}

fn line(x: &Scale, y: &Scale, w: f64, b: f64, class: &'static str) -> Html {
    let (x0, x1) = (x.d0, x.d1);
    html! {
        <line class={class} x1={x.map(x0).to_string()} y1={y.map(w * x0 + b).to_string()}
            x2={x.map(x1).to_string()} y2={y.map(w * x1 + b).to_string()} />
    }
}

#[component]
pub fn ScatterPlot(props: &ScatterProps) -> Html {
    let d = &props.data;
    let all_y = d.y_train.iter().chain(&d.y_test).map(|&v| f64::from(v));
    let (lo, hi) = all_y.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let (lo, hi) = if lo.is_finite() { (lo, hi) } else { (0.0, 3.0) };
    let pad = (hi - lo) * 0.08 + 0.05;
    let x = Scale::new((0.0, 1.0), Scale::x());
    let y = Scale::new((lo - pad, hi + pad), Scale::y());
    let batch = props
        .snapshot
        .as_ref()
        .and_then(|s| s.run.last_step.as_ref());
    let dot = |xs: &[f32], ys: &[f32], class: &'static str, r: &'static str| -> Html {
        xs.iter()
            .zip(ys)
            .map(|(&a, &b)| html! { <circle class={class} r={r} cx={x.map(a.into()).to_string()} cy={y.map(b.into()).to_string()} /> })
            .collect()
    };
    html! {
        <svg class="chart" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" data-testid="scatter"
            aria-label="Scatter plot of the data with the fitted line">
            { axes(&x, &y, &ticks(0.0, 1.0, 5), &ticks(lo - pad, hi + pad, 5), "x", &label) }
            <g clip-path="none">
                { dot(&d.x_train, &d.y_train, "pt train", "3.2") }
                if props.show_test { { dot(&d.x_test, &d.y_test, "pt test", "3.6") } }
                if let Some(t) = batch { { dot(&t.x, &t.y, "pt batch", "6") } }
                if let Some(ls) = props.least_squares { { line(&x, &y, ls.w, ls.b, "ls") } }
                if let Some((w, b)) = props.fit.filter(|(w, b)| w.is_finite() && b.is_finite()) { { line(&x, &y, w.into(), b.into(), "fit") } }
            </g>
            <g class="legend" transform="translate(60 20)">
                <circle class="pt train" r="3.2" cx="0" cy="0" /><text x="8" y="4">{"train"}</text>
                if props.show_test { <circle class="pt test" r="3.6" cx="54" cy="0" /><text x="62" y="4">{"test"}</text> }
                <circle class="pt batch" r="6" cx="106" cy="0" /><text x="116" y="4">{"batch"}</text>
                <line class="fit" x1="160" x2="180" y1="0" y2="0" /><text x="186" y="4">{"model ŷ = wx + b"}</text>
                <line class="ls" x1="290" x2="310" y1="0" y2="0" /><text x="316" y="4">{"least squares"}</text>
            </g>
        </svg>
    }
}
