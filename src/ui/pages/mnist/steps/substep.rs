//! One sub-step written out: its title and sentence, the formulas (symbolic, then with the
//! trace's numbers), and the chips of its terms.

use std::rc::Rc;

use yew::prelude::*;

use super::chips::Chips;
use super::link::Hovered;
use crate::explain::nn_steps::{NnStep, Stage, Target, Term};
use crate::ui::formula::Formula;

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
    html! {
        <article class={classes!("steps-substep", phase)} aria-live="polite">
            <h3 data-testid="steps-title">{s.title.clone()}</h3>
            <p class="summary" data-testid="steps-summary">{s.summary.clone()}</p>
            <div class="steps-formulas">
                <div class="steps-math">
                    for line in s.symbolic.iter() {
                        <Formula latex={line.latex.clone()} caption={line.caption.clone()} />
                    }
                    <div class="numbers-title">{"with this sample's numbers"}</div>
                    for line in s.substituted.iter() {
                        <Formula latex={line.latex.clone()} caption={line.caption.clone()} />
                    }
                </div>
                <Chips terms={props.terms.clone()} hover={props.hover.clone()} on_hover={props.on_hover.clone()}
                    on_target={props.on_target.clone()} />
            </div>
        </article>
    }
}
