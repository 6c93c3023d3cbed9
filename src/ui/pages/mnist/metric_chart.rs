//! A small line chart over epochs (SVG): a few series, optionally on a log scale.

use yew::prelude::*;

use crate::ui::charts::axes::{HEIGHT, Scale, WIDTH, axes, label, polyline, ticks};

/// One line (and optionally its points) of a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// CSS class: `train` or `test`.
    pub class: &'static str,
    pub label: &'static str,
    /// (epoch, value) pairs.
    pub points: Vec<(f64, f64)>,
    /// Mark every point with a dot (for sparse series such as evaluations).
    pub dots: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum YAxis {
    /// Positive values on a log scale (losses).
    Log,
    /// Fractions 0–1 shown as percentages, zoomed to the data (accuracies).
    Percent,
}

#[derive(Properties, PartialEq)]
pub struct MetricChartProps {
    pub series: Vec<Series>,
    pub y: YAxis,
    pub aria: AttrValue,
    pub testid: AttrValue,
}

/// The y domain (in chart units: log10 or fraction) and its tick values.
fn y_domain(y: YAxis, values: &[f64]) -> (f64, f64, Vec<f64>) {
    let (lo, hi) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
            (lo.min(v), hi.max(v))
        });
    match y {
        YAxis::Log => {
            let (lo, hi) = if lo.is_finite() {
                (lo.log10() - 0.1, hi.log10() + 0.1)
            } else {
                (-2.0, 0.5)
            };
            let whole: Vec<f64> = ticks(lo, hi, 4)
                .into_iter()
                .filter(|t| t.fract().abs() < 1e-9)
                .collect();
            let t = if whole.len() < 2 {
                ticks(lo, hi, 4)
            } else {
                whole
            };
            (lo, hi, t)
        }
        YAxis::Percent => {
            // Zoom in on the interesting part: from the worst value (to a 10 % step) to 100 %.
            let lo = if lo.is_finite() {
                ((lo * 10.0).floor() / 10.0).clamp(0.0, 0.9)
            } else {
                0.0
            };
            (lo, 1.0, ticks(lo, 1.0, 5))
        }
    }
}

#[component]
pub fn MetricChart(props: &MetricChartProps) -> Html {
    let to_unit = |v: f64| match props.y {
        YAxis::Log => v.max(1e-9).log10(),
        YAxis::Percent => v,
    };
    let valid = |v: f64| v.is_finite() && (props.y == YAxis::Percent || v > 0.0);
    let values: Vec<f64> = props
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.1))
        .filter(|&v| valid(v))
        .collect();
    let (lo, hi, y_ticks) = y_domain(props.y, &values);
    let last = props
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.0))
        .fold(0f64, f64::max);
    let x_max = if last > 0.0 { last } else { 1.0 };
    let x = Scale::new((0.0, x_max), Scale::x());
    let y = Scale::new((lo, hi), Scale::y());
    let fmt = |t: f64| match props.y {
        YAxis::Log => {
            let v = 10f64.powf(t);
            if (1e-3..1e4).contains(&v) {
                label((v * 1e4).round() / 1e4)
            } else {
                format!("{v:.0e}")
            }
        }
        YAxis::Percent => format!("{:.0} %", t * 100.0),
    };
    // Losses fall and accuracies rise: the legend goes where the curves are not.
    let legend_at = match props.y {
        YAxis::Log => "translate(330 24)".to_string(),
        YAxis::Percent => format!(
            "translate(330 {})",
            Scale::y().0 - 12.0 - 16.0 * props.series.len() as f64
        ),
    };
    let at = |(e, v): (f64, f64)| (x.map(e), y.map(to_unit(v).clamp(lo, hi)));
    html! {
        <svg class="chart metric-chart" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img"
            aria-label={props.aria.clone()} data-testid={props.testid.clone()}>
            { axes(&x, &y, &ticks(0.0, x_max, 5), &y_ticks, "epoch", &fmt) }
            for s in props.series.iter() {
                <g class={classes!("series", s.class)}>
                    <path class={classes!("curve", s.class)} d={polyline(s.points.iter().copied().filter(|p| valid(p.1)).map(at))} />
                    if s.dots {
                        for (cx, cy) in s.points.iter().copied().filter(|p| valid(p.1)).map(at) {
                            <circle class={classes!("dot", s.class)} r="3.5" cx={format!("{cx:.1}")} cy={format!("{cy:.1}")} />
                        }
                    }
                </g>
            }
            <g class="legend" transform={legend_at}>
                for (i, s) in props.series.iter().enumerate() {
                    <g transform={format!("translate(0 {})", i * 16)}>
                        <line class={classes!("curve", s.class)} x1="0" x2="18" y1="0" y2="0" />
                        <text x="24" y="4">{s.label}</text>
                    </g>
                }
            </g>
        </svg>
    }
}
