//! A fixed sample of test images with the model's verdict: right in green, wrong in red, and
//! the probability of the predicted digit.

use std::rc::Rc;

use yew::prelude::*;

use super::pixels::{Pixels, digit_rgba};
use super::weights::same;
use crate::protocol::TraceSample;
use crate::protocol::mnist::{Evaluation, Example, SIDE};

#[derive(Properties)]
pub struct GalleryProps {
    /// The evaluation whose gallery is shown.
    pub evaluation: Option<Rc<Evaluation>>,
    /// Follow an image through the network (a stable callback: not compared).
    pub on_follow: Callback<TraceSample>,
}

impl PartialEq for GalleryProps {
    fn eq(&self, other: &Self) -> bool {
        same(&self.evaluation, &other.evaluation)
    }
}

#[component]
pub fn Gallery(props: &GalleryProps) -> Html {
    let examples: &[Example] = props.evaluation.as_ref().map_or(&[], |e| &e.gallery);
    let right = examples.iter().filter(|e| e.label == e.predicted).count();
    html! {
        <div class="panel gallery-panel">
            <h2>{"Test predictions"}</h2>
            if examples.is_empty() {
                <p class="empty-note">{"Shown after the first evaluation (end of an epoch, or “Evaluate now”)."}</p>
            } else {
                <p class="hint">{format!("{right} of {} right. Under each image: the predicted digit and its probability; “Follow” walks it through the network.", examples.len())}</p>
                <div class="digit-grid" data-testid="gallery">
                    for e in examples.iter() {
                        { item(e, &props.on_follow) }
                    }
                </div>
            }
        </div>
    }
}

/// A small "Follow" button for a test image.
pub fn follow_button(index: u32, on_follow: &Callback<TraceSample>, testid: &'static str) -> Html {
    let onclick = on_follow.reform(move |_: MouseEvent| TraceSample::Test { index });
    html! {
        <button class="follow" data-testid={testid} {onclick}
            title="Follow this image through the network, step by step">{"Follow"}</button>
    }
}

fn item(e: &Example, on_follow: &Callback<TraceSample>) -> Html {
    let ok = e.label == e.predicted;
    let p = e
        .probs
        .get(usize::from(e.predicted))
        .copied()
        .unwrap_or(0.0);
    let title = format!(
        "test image #{}: true {}, predicted {} ({:.1} %)",
        e.index,
        e.label,
        e.predicted,
        p * 100.0
    );
    html! {
        <figure class={classes!("digit", if ok { "right" } else { "wrong" })} data-testid="gallery-item"
            data-label={e.label.to_string()} data-predicted={e.predicted.to_string()}>
            <Pixels width={SIDE as u32} height={SIDE as u32} rgba={digit_rgba(&e.pixels)} title={title} />
            <figcaption>
                <b>{e.predicted}</b>{if ok { " ✓ " } else { " ✗ " }}{format!("{:.0}%", p * 100.0)}
                if !ok { <span class="truth">{format!("is {}", e.label)}</span> }
            </figcaption>
            { follow_button(e.index, on_follow, "gallery-follow") }
        </figure>
    }
}
