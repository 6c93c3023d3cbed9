//! Attention maps: for one input (typed, or the task's example), one heat map per layer ×
//! head — rows are queries, columns keys, the causal triangle empty above the diagonal.
//! Pointing at a cell names the two tokens and the weight. They are asked for again after
//! each evaluation, so they change as the model learns.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::protocol::gpt::GptAttention;
use crate::protocol::{Command, GptCommand};

/// A map's side in SVG units.
const SIDE: f64 = 150.0;

#[derive(Properties, PartialEq)]
pub struct AttentionProps {
    pub attention: Option<GptAttention>,
    pub ready: bool,
    /// The input to start from.
    pub example: AttrValue,
    /// The step of the newest evaluation (a change asks for the maps again).
    pub evaluated_at: Option<u64>,
    pub send: Callback<Command>,
}

fn map(a: &GptAttention, layer: usize, head: usize, on_hover: &Callback<String>) -> Html {
    let t = a.tokens.len().max(1);
    let cell = SIDE / t as f64;
    let weights = &a.maps[layer][head];
    let mut cells = Vec::with_capacity(t * (t + 1) / 2);
    for q in 0..t {
        for k in 0..=q {
            let w = weights.get(q * t + k).copied().unwrap_or(0.0);
            let text = format!(
                "layer {}, head {}: query {q} “{}” → key {k} “{}”: a = {w:.3}",
                layer + 1,
                head + 1,
                a.tokens[q],
                a.tokens[k]
            );
            let onmouseenter = on_hover.reform({
                let text = text.clone();
                move |_: MouseEvent| text.clone()
            });
            cells.push(html! {
                <rect x={format!("{:.2}", k as f64 * cell)} y={format!("{:.2}", q as f64 * cell)}
                    width={format!("{:.2}", cell)} height={format!("{:.2}", cell)}
                    style={format!("fill-opacity: {:.3}", w.clamp(0.0, 1.0))} {onmouseenter}>
                    <title>{text}</title>
                </rect>
            });
        }
    }
    html! {
        <figure class="attention-map">
            <svg viewBox={format!("0 0 {SIDE} {SIDE}")} role="img" data-testid="gpt-attention-map"
                aria-label={format!("Attention weights of layer {}, head {}", layer + 1, head + 1)}>
                <rect class="masked" x="0" y="0" width={SIDE.to_string()} height={SIDE.to_string()} />
                { for cells }
            </svg>
            <figcaption>{format!("layer {} · head {}", layer + 1, head + 1)}</figcaption>
        </figure>
    }
}

#[component]
pub fn AttentionMaps(props: &AttentionProps) -> Html {
    let text = use_state(|| props.example.to_string());
    let hovered = use_state(String::new);
    let ask = {
        let (send, text) = (props.send.clone(), text.clone());
        Callback::from(move |()| {
            send.emit(Command::from(GptCommand::Attention {
                text: (*text).clone(),
            }))
        })
    };
    {
        // After each evaluation (and once ready), the maps of the model as it is now.
        let (ask, ready) = (ask.clone(), props.ready);
        use_effect_with((props.evaluated_at, ready), move |(at, ready)| {
            if *ready && at.is_some() {
                ask.emit(());
            }
        });
    }
    let on_text = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                text.set(i.value());
            }
        })
    };
    let on_hover = {
        let hovered = hovered.clone();
        Callback::from(move |s: String| hovered.set(s))
    };
    html! {
        <div class="gpt-attention">
            <div class="writer-fields attention-fields">
                <label class="field wide"><span>{"input"}</span>
                    <input type="text" data-testid="gpt-attention-input" value={(*text).clone()} oninput={on_text} spellcheck="false" />
                </label>
                <button class="secondary" data-testid="gpt-attention-show" disabled={!props.ready || text.is_empty()}
                    onclick={ask.reform(|_: MouseEvent| ())}>{"Show attention"}</button>
            </div>
            if let Some(a) = &props.attention {
                <p class="hint">{format!(
                    "Rows: the query token; columns: the key it attends to; darker = more weight (each row sums to 1). \
                     Above the diagonal the future is masked: its scores are −10⁴, so its weights are 0. Input: {}",
                    a.tokens.concat())}</p>
                <div class="attention-grid" style={format!("grid-template-columns: repeat({}, minmax(0, 1fr))", a.heads.max(1))}>
                    for layer in 0..a.maps.len() {
                        for head in 0..a.heads { { map(a, layer, head, &on_hover) } }
                    }
                </div>
                <p class="attention-hovered" data-testid="gpt-attention-hovered">
                    {if hovered.is_empty() { "Point at a cell: its two tokens and weight show here.".to_string() } else { (*hovered).clone() }}
                </p>
            } else {
                <p class="empty-note">{"The maps appear after the first evaluation."}</p>
            }
        </div>
    }
}
