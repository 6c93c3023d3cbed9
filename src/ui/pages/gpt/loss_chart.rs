//! Curves over steps (SVG): the training and validation loss with the uniform guess and the
//! recipe's published loss as dashed lines, or a synthetic task's exact match.

use yew::prelude::*;

use crate::ui::charts::axes::{HEIGHT, Scale, WIDTH, axes, label, polyline, ticks};

/// One curve: (step, value) points, drawn as a line, with dots when sparse.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    /// CSS class: `train` or `test`.
    pub class: &'static str,
    pub label: &'static str,
    pub points: Vec<(f64, f64)>,
    pub dots: bool,
}

/// A horizontal reference line and its label.
#[derive(Clone, Debug, PartialEq)]
pub struct Level {
    pub value: f64,
    pub label: String,
}

#[derive(Properties, PartialEq)]
pub struct StepChartProps {
    pub curves: Vec<Curve>,
    #[prop_or_default]
    pub levels: Vec<Level>,
    /// The run's last step (the x axis' end).
    pub steps: u64,
    /// Values are fractions, shown as percentages from 0 to 100 %.
    #[prop_or_default]
    pub percent: bool,
    pub aria: AttrValue,
    pub testid: AttrValue,
}

#[component]
pub fn StepChart(props: &StepChartProps) -> Html {
    let finite = |v: &f64| v.is_finite();
    let top = if props.percent {
        1.0
    } else {
        props
            .curves
            .iter()
            .flat_map(|c| c.points.iter().map(|p| p.1))
            .chain(props.levels.iter().map(|l| l.value))
            .filter(finite)
            .fold(0.5f64, f64::max)
            * 1.08
    };
    let x = Scale::new((0.0, props.steps.max(1) as f64), Scale::x());
    let y = Scale::new((0.0, top), Scale::y());
    let fmt = |t: f64| {
        if props.percent {
            format!("{:.0} %", t * 100.0)
        } else {
            label(t)
        }
    };
    let at = |(s, v): (f64, f64)| (x.map(s), y.map(v.clamp(0.0, top)));
    let (left, right) = Scale::x();
    html! {
        <svg class="chart metric-chart" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img"
            aria-label={props.aria.clone()} data-testid={props.testid.clone()}>
            { axes(&x, &y, &ticks(0.0, props.steps.max(1) as f64, 5), &ticks(0.0, top, 5), "step", &fmt) }
            for l in props.levels.iter() {
                <g class="level">
                    <line class="level-line" x1={left.to_string()} x2={right.to_string()}
                        y1={format!("{:.1}", y.map(l.value))} y2={format!("{:.1}", y.map(l.value))} />
                    <text class="level-label" x={(right - 4.0).to_string()} y={format!("{:.1}", y.map(l.value) - 4.0)}
                        text-anchor="end">{l.label.clone()}</text>
                </g>
            }
            for c in props.curves.iter() {
                <g class={classes!("series", c.class)}>
                    <path class={classes!("curve", c.class)}
                        d={polyline(c.points.iter().copied().filter(|p| p.1.is_finite()).map(at))} />
                    if c.dots {
                        for (cx, cy) in c.points.iter().copied().filter(|p| p.1.is_finite()).map(at) {
                            <circle class={classes!("dot", c.class)} r="3" cx={format!("{cx:.1}")} cy={format!("{cy:.1}")} />
                        }
                    }
                </g>
            }
            // Where the curves are not: losses fall from the top left, accuracies rise from
            // the bottom left.
            <g class="legend" transform={if props.percent { "translate(330 220)" } else { "translate(64 230)" }}>
                for (i, c) in props.curves.iter().enumerate() {
                    <g transform={format!("translate(0 {})", i * 16)}>
                        <line class={classes!("curve", c.class)} x1="0" x2="18" y1="0" y2="0" />
                        <text x="24" y="4">{c.label}</text>
                    </g>
                }
            </g>
        </svg>
    }
}
