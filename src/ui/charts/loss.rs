//! Train and test MSE against steps, on a log scale, with the best possible train MSE; in a
//! race, every run's train MSE overlaid instead.

use std::rc::Rc;

use yew::prelude::*;

use super::axes::{HEIGHT, Scale, WIDTH, axes, polyline, ticks};
use crate::data::least_squares::{self, LeastSquares};
use crate::data::linreg::LinRegData;
use crate::protocol::CurvePoint;

#[derive(Properties, PartialEq)]
pub struct LossChartProps {
    pub history: Vec<CurvePoint>,
    pub data: LinRegData,
    pub least_squares: Option<LeastSquares>,
    /// A race's runs: their train-MSE curves replace the solo run's two.
    #[prop_or_default]
    pub race: Vec<RaceCurve>,
}

/// One run's curve in a race.
#[derive(Clone, Debug, PartialEq)]
pub struct RaceCurve {
    pub label: String,
    /// CSS class of its colour (`run-0` …).
    pub class: &'static str,
    pub points: Rc<Vec<CurvePoint>>,
    pub diverged: bool,
}

#[component]
pub fn LossChart(props: &LossChartProps) -> Html {
    let best = props
        .least_squares
        .map(|ls| least_squares::mse(&props.data.x_train, &props.data.y_train, ls.w, ls.b));
    let racing = !props.race.is_empty();
    let race_points = props.race.iter().flat_map(|c| c.points.iter());
    let values = props
        .history
        .iter()
        .filter(|_| !racing)
        .flat_map(|p| [p.train_mse, p.test_mse])
        .chain(
            // A diverged run's values would flatten the others': the scale ignores them
            // (its curve leaves at the top) unless every run diverged.
            props
                .race
                .iter()
                .filter(|c| !c.diverged || props.race.iter().all(|c| c.diverged))
                .flat_map(|c| c.points.iter().map(|p| p.train_mse)),
        )
        .map(f64::from)
        .chain(best)
        .filter(|v| v.is_finite() && *v > 0.0);
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let (lo, hi) = if lo.is_finite() {
        (lo.log10() - 0.1, hi.log10() + 0.1)
    } else {
        (-2.0, 1.0)
    };
    let last_step = props
        .history
        .iter()
        .chain(race_points)
        .map(|p| p.step)
        .max()
        .unwrap_or(1)
        .max(1);
    let x = Scale::new((0.0, last_step as f64), Scale::x());
    let y = Scale::new((lo, hi), Scale::y());
    let log_y = |v: f32| y.map(f64::from(v).max(1e-12).log10().min(hi));
    let curve_of = |points: &[CurvePoint], pick: fn(&CurvePoint) -> f32| {
        polyline(
            points
                .iter()
                .filter(|p| pick(p).is_finite())
                .map(|p| (x.map(p.step as f64), log_y(pick(p)))),
        )
    };
    let curve = |pick: fn(&CurvePoint) -> f32| curve_of(&props.history, pick);
    let y_ticks: Vec<f64> = ticks(lo, hi, 4)
        .into_iter()
        .filter(|t| t.fract().abs() < 1e-9)
        .collect();
    let y_ticks = if y_ticks.len() < 2 {
        ticks(lo, hi, 4)
    } else {
        y_ticks
    };
    let fmt = |t: f64| {
        let v = 10f64.powf(t);
        if (1e-3..1e4).contains(&v) {
            super::axes::label((v * 1e4).round() / 1e4)
        } else {
            format!("{v:.0e}")
        }
    };
    html! {
        <svg class="chart" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" data-testid="loss-chart"
            aria-label="Training and test loss curves">
            { axes(&x, &y, &ticks(0.0, last_step as f64, 5), &y_ticks, "optimizer step", &fmt) }
            if let Some(b) = best {
                <line class="ls" x1={x.r0.to_string()} x2={x.r1.to_string()} y1={log_y(b as f32).to_string()} y2={log_y(b as f32).to_string()} />
            }
            if racing {
                for c in props.race.iter() {
                    <path class={classes!("curve", "race", c.class)} data-testid="race-curve" d={curve_of(&c.points, |p| p.train_mse)} />
                }
                <g class="legend" transform="translate(250 20)">
                    for (i, c) in props.race.iter().enumerate() {
                        <line class={classes!("curve", "race", c.class)} x1="0" x2="18" y1={(i * 16).to_string()} y2={(i * 16).to_string()} />
                        <text x="24" y={(i * 16 + 4).to_string()}>{format!("{} (train)", c.label)}</text>
                    }
                    <line class="ls" x1="0" x2="18" y1={(props.race.len() * 16).to_string()} y2={(props.race.len() * 16).to_string()} />
                    <text x="24" y={(props.race.len() * 16 + 4).to_string()}>{"least-squares train MSE"}</text>
                </g>
            } else {
            <path class="curve train" d={curve(|p| p.train_mse)} />
            <path class="curve test" d={curve(|p| p.test_mse)} />
            <g class="legend" transform="translate(300 20)">
                <line class="curve train" x1="0" x2="18" y1="0" y2="0" /><text x="24" y="4">{"train"}</text>
                <line class="curve test" x1="64" x2="82" y1="0" y2="0" /><text x="88" y="4">{"test"}</text>
                <line class="ls" x1="0" x2="18" y1="16" y2="16" /><text x="24" y="20">{"least-squares train MSE"}</text>
            </g>
            }
        </svg>
    }
}
