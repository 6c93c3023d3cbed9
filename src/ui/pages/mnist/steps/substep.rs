//! One sub-step written out: its title and sentence, the formulas (symbolic, then with the
//! trace's numbers), and the chips of its terms. `frame` is that layout, shared with the GPT's
//! "follow one token" (its chips are its own).

use std::rc::Rc;

use yew::prelude::*;

use super::chips::Chips;
use super::link::Hovered;
use crate::explain::linreg_steps::FormulaLine;
use crate::explain::nn_steps::{NnStep, Stage, Target, Term};
use crate::ui::formula::Formula;

/// A sub-step's text: the phase ("forward", "backward", "update": its colour), title, sentence,
/// and formulas, symbolic then under `numbers_title`.
pub struct Written<'a> {
    pub phase: &'static str,
    pub title: &'a str,
    pub summary: &'a str,
    pub symbolic: &'a [FormulaLine],
    pub numbers_title: &'static str,
    pub substituted: &'a [FormulaLine],
}

/// The sub-step's layout: the written part, then `chips` beside it.
pub fn frame(w: Written, chips: Html) -> Html {
    let formula = |line: &FormulaLine| html! { <Formula latex={line.latex.clone()} caption={line.caption.clone()} /> };
    html! {
        <article class={classes!("steps-substep", w.phase)} aria-live="polite">
            <h3 data-testid="steps-title">{w.title.to_string()}</h3>
            <p class="summary" data-testid="steps-summary">{w.summary.to_string()}</p>
            <div class="steps-formulas">
                <div class="steps-math">
                    { for w.symbolic.iter().map(formula) }
                    <div class="numbers-title">{w.numbers_title}</div>
                    { for w.substituted.iter().map(formula) }
                </div>
                { chips }
            </div>
        </article>
    }
}

#[derive(Properties)]
pub struct SubStepProps {
    pub step: Rc<NnStep>,
    pub terms: Rc<Vec<Term>>,
    pub hover: Hovered,
    pub on_hover: Callback<Hovered>,
    pub on_target: Callback<Target>,
}

impl PartialEq for SubStepProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.step, &o.step)
            && Rc::ptr_eq(&self.terms, &o.terms)
            && self.hover == o.hover
    }
}

#[component]
pub fn SubStepView(props: &SubStepProps) -> Html {
    let s = &*props.step;
    let phase = match s.stage {
        Stage::Update => "update",
        stage if stage.is_forward() => "forward",
        _ => "backward",
    };
    let written = Written {
        phase,
        title: &s.title,
        summary: &s.summary,
        symbolic: &s.symbolic,
        numbers_title: "with this sample's numbers",
        substituted: &s.substituted,
    };
    let chips = html! {
        <Chips terms={props.terms.clone()} hover={props.hover.clone()} on_hover={props.on_hover.clone()}
            on_target={props.on_target.clone()} />
    };
    frame(written, chips)
}
