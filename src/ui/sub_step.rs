//! Pieces shared by the step-by-step panels (linear regression, the single neuron): one
//! sub-step's formulas, and a labelled value chip.

use yew::prelude::*;

use super::formula::Formula;
use crate::explain::SubStep;

/// One sub-step: its title, summary, symbolic formulas and the formulas with this step's
/// numbers; only the title when `collapsed`.
pub fn sub_step_view(step: &SubStep, testid: String, current: bool, collapsed: bool) -> Html {
    html! {
        <article class={classes!("substep", current.then_some("current"), collapsed.then_some("collapsed"))}
            data-testid={testid}>
            <h3>{step.title}</h3>
            if !collapsed {
                <p class="summary">{step.summary.clone()}</p>
                for line in step.symbolic.iter() {
                    <Formula latex={line.latex.clone()} caption={line.caption.clone()} />
                }
                <div class="numbers-title">{"with this step's numbers"}</div>
                for line in step.substituted.iter() {
                    <Formula latex={line.latex.clone()} caption={line.caption.clone()} />
                }
            }
        </article>
    }
}

/// A small "label value" chip; the value carries `testid`.
pub fn chip(label: &str, testid: &str, value: String) -> Html {
    html! {
        <span class="chip"><span class="chip-label">{label.to_string()}</span><b data-testid={testid.to_string()}>{value}</b></span>
    }
}
