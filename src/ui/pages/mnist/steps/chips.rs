//! The written-out terms of a sub-step as colour-coded chips beside the typeset formulas:
//! pointing at a chip lights up the pixel, neuron or kernel tap it refers to (and pointing at
//! those lights up the chip); clicking one follows it.

use std::rc::Rc;

use yew::prelude::*;

use super::link::{Hovered, hovered, touches};
use crate::explain::nn_steps::{Target, Term};
use crate::explain::nn_text::plain;

#[derive(Properties)]
pub struct ChipsProps {
    pub terms: Rc<Vec<Term>>,
    pub hover: Hovered,
    pub on_hover: Callback<Hovered>,
    pub on_target: Callback<Target>,
}

impl PartialEq for ChipsProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.terms, &o.terms) && self.hover == o.hover
    }
}

fn chip(i: usize, term: &Term, p: &ChipsProps) -> Html {
    let targets = term.targets.clone();
    let enter = p
        .on_hover
        .reform(move |_: MouseEvent| hovered(targets.clone()));
    let leave = p.on_hover.reform(|_: MouseEvent| hovered(vec![]));
    let first = term.targets.first().copied();
    let on_target = p.on_target.clone();
    let onclick = Callback::from(move |_: MouseEvent| {
        if let Some(t) = first {
            on_target.emit(t);
        }
    });
    let linked = !term.targets.is_empty() && touches(&p.hover, &term.targets);
    let title = match (&term.key, term.targets.is_empty()) {
        (Some(_), true) => "Burn's number (in the exported JSON)",
        (Some(_), false) => "Burn's number — click to follow what it refers to",
        (None, true) => "a product computed here from Burn's numbers",
        (None, false) => "a product computed here from Burn's numbers — click to follow its input",
    };
    html! {
        <button class={classes!("term", format!("term-c{}", i % 6), linked.then_some("linked"), first.is_none().then_some("inert"))}
            data-testid={format!("steps-term-{i}")} data-value={term.value.to_string()} data-key={term.key.clone()}
            title={title} onmouseenter={enter} onmouseleave={leave} {onclick}>
            <span class="term-name">{term.name.clone()}</span>
            if !term.detail.is_empty() { <span class="term-detail">{term.detail.clone()}</span> }
            <b class="term-value">{plain(term.value)}</b>
        </button>
    }
}

#[component]
pub fn Chips(props: &ChipsProps) -> Html {
    if props.terms.is_empty() {
        return html! {};
    }
    html! {
        <div class="terms" data-testid="steps-terms">
            <div class="numbers-title">{"the terms — point at one to find it"}</div>
            <div class="term-list">
                for (i, term) in props.terms.iter().enumerate() { { chip(i, term, props) } }
            </div>
        </div>
    }
}
