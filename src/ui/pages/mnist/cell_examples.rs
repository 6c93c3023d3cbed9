//! The test images of one confusion-matrix cell, with the probability the model gave the
//! predicted digit.

use yew::prelude::*;

use super::fmt::thousands;
use super::gallery::follow_button;
use super::pixels::{Pixels, digit_rgba};
use super::view_state::CellExamples;
use crate::protocol::TraceSample;
use crate::protocol::mnist::SIDE;

#[derive(Properties, PartialEq)]
pub struct CellExamplesProps {
    pub cell: CellExamples,
    pub on_close: Callback<()>,
    pub on_follow: Callback<TraceSample>,
}

#[component]
pub fn CellExamplesPanel(props: &CellExamplesProps) -> Html {
    let c = &props.cell;
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    let what = if c.truth == c.predicted {
        format!("{}s recognized as {}", c.truth, c.predicted)
    } else {
        format!("{}s mistaken for {}", c.truth, c.predicted)
    };
    let count = if c.examples.len() < c.total {
        format!(
            "{} of {} test images",
            c.examples.len(),
            thousands(c.total as u64)
        )
    } else {
        format!("{} test images", thousands(c.total as u64))
    };
    html! {
        <div class="panel cell-examples" data-testid="cell-examples" role="region" aria-label="Examples of a confusion-matrix cell">
            <div class="panel-head">
                <h2>{format!("True {}, predicted {}: {what}", c.truth, c.predicted)}</h2>
                <button class="dismiss" data-testid="cell-examples-close" aria-label="Close" onclick={close}>{"×"}</button>
            </div>
            <p class="hint">{count}{" · under each image: the probability the model gave "}<b>{c.predicted}</b></p>
            if c.examples.is_empty() {
                <p class="empty-note">{"No test image falls in this cell."}</p>
            } else {
                <div class="digit-grid">
                    for e in c.examples.iter() {
                        <figure class={classes!("digit", if e.label == e.predicted { "right" } else { "wrong" })} data-testid="cell-example">
                            <Pixels width={SIDE as u32} height={SIDE as u32} rgba={digit_rgba(&e.pixels)}
                                title={format!("test image #{}: true {}, predicted {}", e.index, e.label, e.predicted)} />
                            <figcaption>{format!("{:.0}%", e.probs.get(usize::from(c.predicted)).copied().unwrap_or(0.0) * 100.0)}</figcaption>
                            { follow_button(e.index, &props.on_follow, "cell-example-follow") }
                        </figure>
                    }
                </div>
            }
        </div>
    }
}
