//! The model's probabilities for the drawn digit: ten bars, the most likely digit in big type.

use yew::prelude::*;

use crate::protocol::mnist::CLASSES;

#[derive(Properties, PartialEq)]
pub struct DrawProbsProps {
    pub probs: Option<Vec<f32>>,
}

/// The most likely digit, if the probabilities are usable.
fn top(probs: &[f32]) -> Option<usize> {
    probs
        .iter()
        .take(CLASSES)
        .enumerate()
        .filter(|(_, p)| p.is_finite())
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map(|(d, _)| d)
}

#[component]
pub fn DrawProbs(props: &DrawProbsProps) -> Html {
    let probs = props.probs.as_deref().unwrap_or(&[]);
    let best = top(probs);
    let p = |d: usize| {
        probs
            .get(d)
            .copied()
            .filter(|p| p.is_finite())
            .unwrap_or(0.0)
            .clamp(0.0, 1.0)
    };
    html! {
        <div class="draw-result">
            <div class="draw-top-box">
                <div class="draw-top" data-testid="draw-top" aria-live="polite">
                    {best.map_or("–".to_string(), |d| d.to_string())}
                </div>
                <div class="hint">{best.map_or("draw a digit".to_string(), |d| format!("{:.1} % sure", p(d) * 100.0))}</div>
            </div>
            <div class="probs" data-testid="draw-probs" role="img" aria-label="Probability of each digit">
                for d in 0..CLASSES {
                    <div class={classes!("prob", (best == Some(d)).then_some("top"))} data-testid={format!("draw-prob-{d}")}
                        data-p={format!("{:.4}", p(d))} title={format!("p({d}) = {:.2} %", p(d) * 100.0)}>
                        <div class="prob-track"><div class="prob-fill" style={format!("height: {:.1}%", p(d) * 100.0)}></div></div>
                        <span class="prob-digit">{d}</span>
                    </div>
                }
            </div>
        </div>
    }
}
