//! The loss at the start of every step, as Burn computed it.

use yew::prelude::*;

use crate::ui::charts::axes::{HEIGHT, Scale, WIDTH, axes, label, ticks};

#[derive(Properties, PartialEq)]
pub struct NeuronLossProps {
    /// (step, loss) pairs, oldest first.
    pub losses: Vec<(u64, f32)>,
}

#[component]
pub fn NeuronLossChart(props: &NeuronLossProps) -> Html {
    let finite = || props.losses.iter().filter(|(_, l)| l.is_finite());
    let hi = finite()
        .fold(0.0f64, |m, &(_, l)| m.max(f64::from(l)))
        .max(0.1)
        * 1.1;
    let last = props.losses.last().map_or(1, |&(s, _)| s.max(2));
    let x = Scale::new((1.0, last as f64), Scale::x());
    let y = Scale::new((0.0, hi), Scale::y());
    let mut d = String::new();
    for (i, &(step, loss)) in finite().enumerate() {
        d += &format!(
            "{}{:.1},{:.1} ",
            if i == 0 { "M" } else { "L" },
            x.map(step as f64),
            y.map(f64::from(loss))
        );
    }
    // Whole steps only.
    let step_ticks: Vec<f64> = ticks(1.0, last as f64, 5)
        .into_iter()
        .filter(|t| t.fract() == 0.0)
        .collect();
    html! {
        <svg class="chart" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" data-testid="neuron-loss-chart"
            aria-label="Binary cross-entropy per step">
            { axes(&x, &y, &step_ticks, &ticks(0.0, hi, 4), "step", &label) }
            <path class="curve train" d={d} />
            for &(step, loss) in finite().filter(|_| props.losses.len() <= 40) {
                <circle class="dot train" cx={x.map(step as f64).to_string()} cy={y.map(f64::from(loss)).to_string()} r="3" />
            }
        </svg>
    }
}
