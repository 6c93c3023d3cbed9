//! Attention maps: for one input (typed, or the task's example), one heat map per layer ×
//! head — rows are queries, columns keys, the causal triangle empty above the diagonal.
//! Pointing at a cell names the two tokens and the weight. They are asked for again after
//! each evaluation, so they change as the model learns.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

use crate::protocol::gpt::GptAttention;
use crate::protocol::{Command, GptCommand};
use crate::ui::pages::mnist::pixels::{self, Pixels};

#[derive(Properties, PartialEq)]
pub struct AttentionProps {
    pub attention: Option<Rc<GptAttention>>,
    pub ready: bool,
    /// The input to start from.
    pub example: AttrValue,
    /// The step of the newest evaluation (a change asks for the maps again).
    pub evaluated_at: Option<u64>,
    pub send: Callback<Command>,
}

/// Weight 1 (the page's `--train`); weight 0 is white.
const INK: [f32; 3] = [59.0, 91.0, 219.0];
/// The masked future, above the diagonal.
const MASKED: [u8; 4] = [230, 232, 239, 255];

/// One cell the learner points at: (layer, head, query, key).
type Cell = (usize, usize, usize, usize);

/// A map as T × T pixels, drawn once per new set of maps (one `putImageData`, where SVG
/// needed one element per cell: 33k for Shakespeare's 4 × 4 maps of 64 tokens).
fn rgba(weights: &[f32], t: usize) -> Rc<Vec<u8>> {
    let mut out = Vec::with_capacity(t * t * 4);
    for q in 0..t {
        for k in 0..t {
            if k > q {
                out.extend_from_slice(&MASKED);
                continue;
            }
            let w = weights.get(q * t + k).copied().unwrap_or(0.0);
            out.extend_from_slice(&pixels::mix(INK, w));
        }
    }
    Rc::new(out)
}

/// The cell under the pointer, from its position in the map's canvas (the event's target: Yew
/// delegates events, so `current_target` is its root, not the map).
fn cell_at(e: &MouseEvent, t: usize) -> Option<(usize, usize)> {
    let target: Element = e.target()?.dyn_into().ok()?;
    let r = target.get_bounding_client_rect();
    if r.width() <= 0.0 || r.height() <= 0.0 {
        return None;
    }
    let at = |offset: f64, side: f64| {
        ((offset / side) * t as f64)
            .floor()
            .clamp(0.0, t as f64 - 1.0) as usize
    };
    let (k, q) = (
        at(e.client_x() as f64 - r.left(), r.width()),
        at(e.client_y() as f64 - r.top(), r.height()),
    );
    (k <= q).then_some((q, k))
}

/// What the hovered cell says.
pub fn describe(a: &GptAttention, (layer, head, q, k): Cell) -> Option<String> {
    let w = a.maps.get(layer)?.get(head)?.get(q * a.tokens.len() + k)?;
    Some(format!(
        "layer {}, head {}: query {q} “{}” → key {k} “{}”: a = {w:.3}",
        layer + 1,
        head + 1,
        a.tokens.get(q)?,
        a.tokens.get(k)?
    ))
}

fn map(
    a: &GptAttention,
    picture: &Rc<Vec<u8>>,
    (layer, head): (usize, usize),
    hovered: &UseStateHandle<Option<Cell>>,
) -> Html {
    let t = a.tokens.len().max(1);
    let onmousemove = {
        let hovered = hovered.clone();
        Callback::from(move |e: MouseEvent| {
            let cell = cell_at(&e, t).map(|(q, k)| (layer, head, q, k));
            if cell.is_some() && *hovered != cell {
                hovered.set(cell);
            }
        })
    };
    let cursor = hovered
        .filter(|c| (c.0, c.1) == (layer, head))
        .map(|(_, _, q, k)| {
            let side = 100.0 / t as f64;
            let style = format!(
                "left: {:.3}%; top: {:.3}%; width: {side:.3}%; height: {side:.3}%",
                k as f64 * side,
                q as f64 * side
            );
            html! { <span class="attention-cursor" {style} /> }
        });
    let title = format!(
        "Attention weights of layer {}, head {}",
        layer + 1,
        head + 1
    );
    html! {
        <figure class="attention-map">
            <div class="attention-picture" data-testid="gpt-attention-map" data-layer={layer.to_string()}
                data-head={head.to_string()} {onmousemove}>
                <Pixels width={t as u32} height={t as u32} rgba={picture.clone()} title={title} />
                { for cursor }
            </div>
            <figcaption>{format!("layer {} · head {}", layer + 1, head + 1)}</figcaption>
        </figure>
    }
}

#[component]
pub fn AttentionMaps(props: &AttentionProps) -> Html {
    let text = use_state(|| props.example.to_string());
    let hovered = use_state(|| None::<Cell>);
    // The pictures are computed once per new set of maps, not on every render.
    let pictures = use_memo(props.attention.clone(), |a| {
        a.as_ref().map_or_else(Vec::new, |a| {
            let t = a.tokens.len().max(1);
            a.maps
                .iter()
                .map(|heads| heads.iter().map(|w| rgba(w, t)).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        })
    });
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
                    for layer in 0..pictures.len() {
                        for head in 0..a.heads.min(pictures[layer].len()) {
                            { map(a, &pictures[layer][head], (layer, head), &hovered) }
                        }
                    }
                </div>
                <p class="attention-hovered" data-testid="gpt-attention-hovered">
                    {hovered.and_then(|c| describe(a, c)).unwrap_or_else(|| "Point at a cell: its two tokens and weight show here.".to_string())}
                </p>
            } else {
                <p class="empty-note">{"The maps appear after the first evaluation."}</p>
            }
        </div>
    }
}
