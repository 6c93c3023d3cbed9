//! Per-class precision, recall and F1 of the last evaluation, as small bars, with the macro
//! averages.

use yew::prelude::*;

use super::fmt::thousands;
use crate::metrics::{class_scores, macro_average};

#[derive(Properties, PartialEq)]
pub struct ClassScoresProps {
    pub confusion: Vec<Vec<u32>>,
}

/// A value 0–1 as a bar with its number.
fn bar(value: f64) -> Html {
    let v = if value.is_finite() {
        value.clamp(0.0, 1.0)
    } else {
        0.0
    };
    // The scores are usually 0.9–1: colour by how far from perfect.
    let class = if v >= 0.97 {
        "good"
    } else if v >= 0.9 {
        "fair"
    } else {
        "poor"
    };
    html! {
        <td class="score">
            <div class="score-bar"><div class={classes!("score-fill", class)} style={format!("width: {:.1}%", v * 100.0)}></div></div>
            <span class="score-value">{format!("{:.3}", v)}</span>
        </td>
    }
}

#[component]
pub fn ClassScores(props: &ClassScoresProps) -> Html {
    let scores = class_scores(&props.confusion);
    let (precision, recall, f1) = macro_average(&scores);
    html! {
        <table class="class-scores" data-testid="class-scores">
            <thead>
                <tr>
                    <th title="The true digit">{"digit"}</th>
                    <th title="Of the images predicted as this digit, the share that are">{"precision"}</th>
                    <th title="Of the images of this digit, the share found">{"recall"}</th>
                    <th title="Harmonic mean of precision and recall">{"F1"}</th>
                    <th title="Test images of this digit">{"support"}</th>
                </tr>
            </thead>
            <tbody>
                for s in scores.iter() {
                    <tr data-testid={format!("class-score-{}", s.class)}>
                        <th>{s.class}</th>
                        { bar(s.precision) }
                        { bar(s.recall) }
                        { bar(s.f1) }
                        <td class="support">{thousands(u64::from(s.support))}</td>
                    </tr>
                }
            </tbody>
            <tfoot>
                <tr data-testid="class-scores-macro">
                    <th title="Unweighted mean over the ten digits">{"macro"}</th>
                    { bar(precision) }
                    { bar(recall) }
                    { bar(f1) }
                    <td class="support">{thousands(scores.iter().map(|s| u64::from(s.support)).sum())}</td>
                </tr>
            </tfoot>
        </table>
    }
}
