//! What to follow: the sequence's tokens (click one to follow it; under each key, its
//! attention weight from the followed query), and the sequence, block, head and W_Q entry.

use std::rc::Rc;

use yew::prelude::*;

use crate::explain::nn_text::plain;
use crate::protocol::gpt_follow::{FollowRequest, TokenTrace};

#[derive(Properties, PartialEq)]
pub struct PickerProps {
    pub trace: Rc<TokenTrace>,
    pub layers: usize,
    pub heads: usize,
    /// The positions the pointer's term belongs to.
    pub hover: Vec<usize>,
    pub on_request: Callback<FollowRequest>,
    pub ready: bool,
}

/// A numbered select; `label(i)` writes option i.
fn select(
    testid: &'static str,
    caption: &'static str,
    count: usize,
    value: usize,
    label: impl Fn(usize) -> String,
    on: Callback<usize>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let v = e
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        if let Ok(i) = v.parse() {
            on.emit(i);
        }
    });
    html! {
        <label class="follow-pick">{caption}
            <select data-testid={testid} {onchange}>
                for i in 0..count.max(1) {
                    <option value={i.to_string()} selected={i == value}>{label(i)}</option>
                }
            </select>
        </label>
    }
}

#[component]
pub fn Picker(props: &PickerProps) -> Html {
    let tr = &props.trace;
    let r = tr.request;
    let with = |f: fn(&mut FollowRequest, usize)| {
        let on = props.on_request.clone();
        Callback::from(move |v: usize| {
            let mut next = r;
            f(&mut next, v);
            on.emit(next);
        })
    };
    let weights = &tr.forward.weights;
    let tokens = tr.tokens.iter().enumerate().map(|(j, token)| {
        let on = props.on_request.clone();
        let onclick = Callback::from(move |_: MouseEvent| on.emit(FollowRequest { position: j, ..r }));
        let future = j > r.position;
        let w = weights.get(j).copied().unwrap_or(0.0);
        let class = classes!(
            "follow-token",
            (j == r.position).then_some("followed"),
            future.then_some("future"),
            props.hover.contains(&j).then_some("linked"),
        );
        let title = if future {
            format!("position {j}: {token} — in the future of t, masked")
        } else {
            format!("position {j}: {token} — a[{},{j}] = {}", r.position, plain(f64::from(w)))
        };
        html! {
            <button {class} data-testid={format!("gpt-follow-token-{j}")} {title} {onclick} disabled={!props.ready}>
                <span class="follow-char">{token.clone()}</span>
                <span class="follow-bar" style={format!("height: {:.1}px", 2.0 + 22.0 * w.clamp(0.0, 1.0))}></span>
                if !future {
                    <span class="follow-weight" data-key={format!("forward.weights[{j}]")} data-value={w.to_string()}>{plain(f64::from(w))}</span>
                }
            </button>
        }
    });
    let target = tr
        .vocab
        .get(tr.target as usize)
        .cloned()
        .unwrap_or_default();
    html! {
        <div class="follow-picker">
            <div class="follow-picks">
                { select("gpt-follow-sequence", "sequence", tr.batch, r.sequence, |i| format!("{} of {}", i + 1, tr.batch), with(|q, v| q.sequence = v)) }
                { select("gpt-follow-layer", "block", props.layers, r.layer, |i| format!("{}", i + 1), with(|q, v| q.layer = v)) }
                { select("gpt-follow-head", "head", props.heads, r.head, |i| format!("{}", i + 1), with(|q, v| q.head = v)) }
                { select("gpt-follow-row", "W_Q row i", tr.d_model, r.row, |i| i.to_string(), with(|q, v| q.row = v)) }
                { select("gpt-follow-col", "column c (in the head)", tr.d_k, r.col, |i| i.to_string(), with(|q, v| q.col = v)) }
            </div>
            <div class="follow-strip" data-testid="gpt-follow-strip" role="group"
                aria-label="The sequence; click a token to follow it">
                { for tokens }
            </div>
            <p class="follow-caption" data-testid="gpt-follow-caption">
                {format!("Following position t = {} (“{}”, next token “{target}”) of sequence {} through block {}, head {}. ",
                    r.position, tr.tokens[r.position.min(tr.tokens.len().saturating_sub(1))], r.sequence + 1, r.layer + 1, r.head + 1)}
                {"The bars are its attention weights over the positions it may see; click a token to follow it instead."}
                if tr.dropout_off > 0.0 {
                    {format!(" Dropout (p = {}) is off for this trace, so its gradients differ from the training step's by the random masks.", tr.dropout_off)}
                }
            </p>
        </div>
    }
}
