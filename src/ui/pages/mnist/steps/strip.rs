//! One layer's vector as a heat strip (blue negative, red positive, white zero, scaled by the
//! largest |value|): the followed neuron is outlined, linked ones glow; pointing at a cell
//! reports it and clicking follows that neuron.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use crate::explain::nn_text::plain;

#[derive(Properties, PartialEq)]
pub struct StripProps {
    pub testid: AttrValue,
    pub label: AttrValue,
    /// The quantity's symbol for titles, e.g. "a", "δ".
    pub symbol: AttrValue,
    pub values: Rc<Vec<f32>>,
    /// Where the vector is in the exported JSON, e.g. "layers[0].a".
    pub json_key: AttrValue,
    pub focus: Option<usize>,
    pub linked: Vec<usize>,
    /// Cells written out as terms in this sub-step: (cell, colour of its chip).
    #[prop_or_default]
    pub tinted: Vec<(usize, usize)>,
    /// Not computed yet at this sub-step.
    #[prop_or_default]
    pub dim: bool,
    pub on_hover: Callback<Option<usize>>,
    pub on_click: Callback<usize>,
}

/// Blue–white–red for a value scaled to [−1, 1].
pub fn heat(t: f32) -> String {
    let t = if t.is_finite() {
        t.clamp(-1.0, 1.0)
    } else {
        0.0
    };
    let (target, k) = if t < 0.0 {
        ([28.0, 110.0, 214.0], -t)
    } else {
        ([214.0, 40.0, 40.0], t)
    };
    let c = |i: usize| (255.0 + (target[i] - 255.0) * k).round() as u8;
    format!("background: rgb({}, {}, {})", c(0), c(1), c(2))
}

/// The cell index under an event, from its `data-index`.
fn index_of(e: &MouseEvent) -> Option<usize> {
    let el: Element = e.target()?.dyn_into().ok()?;
    el.closest("[data-index]")
        .ok()??
        .get_attribute("data-index")?
        .parse()
        .ok()
}

#[component]
pub fn Strip(props: &StripProps) -> Html {
    let max = props
        .values
        .iter()
        .filter(|v| v.is_finite())
        .fold(0f32, |m, v| m.max(v.abs()));
    let scale = if max > 0.0 { 1.0 / max } else { 0.0 };
    let wide = props.values.len() <= 16;
    let on_over = {
        let cb = props.on_hover.clone();
        Callback::from(move |e: MouseEvent| cb.emit(index_of(&e)))
    };
    let on_leave = {
        let cb = props.on_hover.clone();
        Callback::from(move |_: MouseEvent| cb.emit(None))
    };
    let on_click = {
        let cb = props.on_click.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(i) = index_of(&e) {
                cb.emit(i);
            }
        })
    };
    html! {
        <div class={classes!("strip-row", props.dim.then_some("dim"))}>
            <div class="strip-label">{props.label.clone()}<span class="strip-max">{format!("max |{}| {}", props.symbol, plain(max.into()))}</span></div>
            <div class={classes!("strip", wide.then_some("wide"))} data-testid={props.testid.clone()}
                onmouseover={on_over} onmouseleave={on_leave} onclick={on_click}>
                for (j, &v) in props.values.iter().enumerate() {
                    <div class={classes!("cell", (props.focus == Some(j)).then_some("focus"), props.linked.contains(&j).then_some("linked"),
                        props.tinted.iter().find(|(c, _)| *c == j).map(|(_, k)| format!("tint term-c{}", k % 6)))}
                        style={heat(v * scale)} data-index={j.to_string()} data-value={v.to_string()}
                        data-key={format!("{}[{j}]", props.json_key)} title={format!("{}[{j}] = {}", props.symbol, plain(v.into()))}>
                        if wide { <span>{j}</span> }
                    </div>
                }
            </div>
        </div>
    }
}
