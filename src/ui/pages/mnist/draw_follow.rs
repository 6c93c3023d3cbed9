//! "Follow" for a drawn digit: the learner says which digit it is (by default the model's
//! answer) and the drawing goes through the network step by step.

use std::rc::Rc;

use yew::prelude::*;

use crate::explain::nn_text::argmax;
use crate::protocol::TraceSample;
use crate::protocol::mnist::CLASSES;

#[derive(Properties, PartialEq)]
pub struct DrawFollowProps {
    /// The drawing as the model sees it (28×28, 0–255), if any.
    pub pixels: Option<Rc<Vec<u8>>>,
    pub probs: Option<Vec<f32>>,
    pub ready: bool,
    pub on_follow: Callback<TraceSample>,
}

#[component]
pub fn DrawFollow(props: &DrawFollowProps) -> Html {
    // The digit the learner says it is; None: the model's answer.
    let said = use_state(|| None::<u8>);
    {
        // A new drawing: back to the model's answer.
        let said = said.clone();
        let ptr = props.pixels.as_ref().map_or(0, |p| Rc::as_ptr(p) as usize);
        use_effect_with(ptr, move |_| said.set(None));
    }
    let predicted = props.probs.as_deref().map_or(0, argmax) as u8;
    let label = (*said).unwrap_or(predicted);
    let on_label = {
        let said = said.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            said.set(
                value
                    .parse::<u8>()
                    .ok()
                    .filter(|&d| usize::from(d) < CLASSES),
            );
        })
    };
    let follow = {
        let (pixels, on_follow) = (props.pixels.clone(), props.on_follow.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(p) = &pixels {
                on_follow.emit(TraceSample::Drawn {
                    pixels: p.to_vec(),
                    label,
                });
            }
        })
    };
    html! {
        <div class="draw-follow">
            <label>{"It is a "}
                <select data-testid="draw-label" onchange={on_label} aria-label="The digit you drew">
                    for d in 0..CLASSES as u8 {
                        <option value={d.to_string()} selected={d == label}>{d}</option>
                    }
                </select>
            </label>
            <button class="follow" data-testid="draw-follow" disabled={props.pixels.is_none() || !props.ready}
                onclick={follow} title="Follow your drawing through the network, step by step">{"Follow"}</button>
        </div>
    }
}
