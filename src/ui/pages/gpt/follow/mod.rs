//! "Follow one token": the learner picks a position of a sequence of the next training batch,
//! a block, a head and one entry of W_Q; the worker runs the next step with probes and sends
//! Burn's numbers; the sub-steps walk through them. Nothing here touches a tensor.

mod picker;
mod walk;

use std::rc::Rc;

use yew::prelude::*;

use picker::Picker;
use walk::Walk;

use crate::explain::gpt_follow_export::{export_text, file_name};
use crate::protocol::gpt_follow::{FollowRequest, TokenTrace};
use crate::protocol::{Command, GptCommand};
use crate::ui::download::download_text;

#[derive(Properties, PartialEq)]
pub struct FollowProps {
    pub trace: Option<Rc<TokenTrace>>,
    pub ready: bool,
    /// The run's steps taken (a trace of an older step is marked as such).
    pub run_step: Option<u64>,
    pub layers: usize,
    pub heads: usize,
    pub send: Callback<Command>,
}

/// The first request: the last position of the first sequence, block 1, head 1.
const FIRST: FollowRequest = FollowRequest {
    sequence: 0,
    position: usize::MAX,
    layer: 0,
    head: 0,
    row: 0,
    col: 0,
};

#[component]
pub fn FollowToken(props: &FollowProps) -> Html {
    let pending = use_state(|| false);
    let request = use_state(|| FIRST);
    let hover = use_state_eq(Vec::<usize>::new);
    {
        let pending = pending.clone();
        let ptr = props.trace.as_ref().map_or(0, |t| Rc::as_ptr(t) as usize);
        use_effect_with(ptr, move |_| pending.set(false));
    }
    let ask = {
        let (send, pending, request) = (props.send.clone(), pending.clone(), request.clone());
        Callback::from(move |r: FollowRequest| {
            request.set(r);
            pending.set(true);
            send.emit(Command::from(GptCommand::Follow(r)));
        })
    };
    let again = {
        let (ask, r) = (
            ask.clone(),
            props.trace.as_ref().map_or(*request, |t| t.request),
        );
        Callback::from(move |_: MouseEvent| ask.emit(r))
    };
    let export = {
        let trace = props.trace.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(t) = &trace {
                download_text(&file_name(t), &export_text(t), "application/json");
            }
        })
    };
    let stale = match (&props.trace, props.run_step) {
        (Some(t), Some(s)) if s + 1 != t.step => Some(s),
        _ => None,
    };
    html! {
        <section class="panel steps-panel gpt-follow" data-testid="steps-panel" aria-label="Follow one token">
            <div class="panel-head steps-head">
                <h2>{"Follow one token through the next step"}</h2>
                if let Some(t) = &props.trace {
                    <span class="steps-moment" data-testid="steps-moment" data-step={t.step.to_string()}>
                        {format!("step {}", t.step)}
                        if let Some(s) = stale {
                            <span class="steps-stale">{format!(" · the run has taken {s} steps since")}</span>
                        }
                    </span>
                }
                if *pending { <span class="steps-pending" data-testid="steps-pending">{"following…"}</span> }
                <button class="primary" data-testid="gpt-follow" disabled={!props.ready} onclick={again}
                    title="Run the next step's forward and backward pass with this token followed (the run itself does not move)">
                    {if props.trace.is_some() { "Follow again (the current model)" } else { "Follow a token" }}
                </button>
                <button class="secondary" data-testid="steps-export" disabled={props.trace.is_none()} onclick={export}>
                    {"Export this step as JSON"}
                </button>
            </div>
            if let Some(t) = &props.trace {
                <Picker trace={t.clone()} layers={props.layers} heads={props.heads} hover={(*hover).clone()}
                    on_request={ask.clone()} ready={props.ready} />
                <Walk trace={t.clone()} on_hover={Callback::from({ let hover = hover.clone(); move |h| hover.set(h) })} />
            } else {
                <p class="empty-note steps-empty" data-testid="gpt-follow-empty">
                    {"Pick a token of the next training batch and see the step the model is about to take, for that token: "}
                    <b>{"embedding, LayerNorm, one head's query, keys, scores, softmax and values, the FFN, the loss"}</b>
                    {", then the gradient back into that head — ∂L/∂a, the softmax's Jacobian, ∂L/∂q — and AdamW's update of one weight, every number Burn's."}
                </p>
            }
        </section>
    }
}
