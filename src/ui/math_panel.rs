//! The math of the current step: forward → loss → backward → update, each formula symbolic and
//! then with this step's numbers (Burn's) substituted.

use yew::prelude::*;

use super::formula::Formula;
use super::state::{Action, State};
use super::sub_step::{chip, sub_step_view};
use super::transport::SUB_STEP_NAMES;
use crate::explain::reference::plain32;
use crate::explain::sub_steps;
use crate::protocol::{Command, StepTrace};

#[derive(Properties, PartialEq)]
pub struct MathPanelProps {
    pub state: UseReducerHandle<State>,
    pub send: Callback<Command>,
}

fn summary_row(t: &StepTrace) -> Html {
    let item = chip;
    html! {
        <div class="chips">
            { item("step", "math-step", t.step.to_string()) }
            { item("L", "math-loss-value", plain32(t.loss)) }
            { item("∂L/∂w", "math-grad-w", plain32(t.w.grad)) }
            { item("∂L/∂b", "math-grad-b", plain32(t.b.grad)) }
            { item("w →", "math-w-new", plain32(t.w.theta_new)) }
            { item("b →", "math-b-new", plain32(t.b.theta_new)) }
        </div>
    }
}

#[component]
pub fn MathPanel(props: &MathPanelProps) -> Html {
    let s = &*props.state;
    let trace = s
        .snapshot
        .as_ref()
        .and_then(|snap| snap.run.last_step.as_ref());
    let export = {
        let state = props.state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::SetExporting(true)))
    };
    let Some(t) = trace else {
        return html! {
            <div class="math-empty">
                <h2>{"The math, step by step"}</h2>
                <p>{"Press "}<b>{"Step"}</b>{" (or Play) and this panel writes out one iteration of gradient descent — prediction, loss, gradients and the optimizer's update — first as formulas, then with the real numbers Burn computed."}</p>
                <Formula latex={r"\hat{y} = w x + b \;\to\; L \;\to\; \nabla L \;\to\; \theta \leftarrow \theta - \alpha g"} />
            </div>
        };
    };
    let steps = sub_steps(t);
    let walk = s.walk_sub_steps;
    html! {
        <div class="math-panel" data-testid="math-panel">
            <div class="math-head">
                <h2>{format!("The math of step {} (epoch {})", t.step, t.epoch)}</h2>
                <button class="secondary" data-testid="export-step" onclick={export}>{"Export step as JSON"}</button>
            </div>
            { summary_row(t) }
            <p class="hint">{format!("Batch of {} points, optimizer {}. The batch, ŷ, the losses, the gradients, the optimizer state and the new parameters are read back from Burn's tensors; the products and sums written out between them are that arithmetic redone from Burn's numbers.", t.x.len(), t.optimizer.kind.label())}</p>
            for (i, step) in steps.iter().enumerate() {
                { sub_step_view(step, format!("math-{}", SUB_STEP_NAMES[i]), walk && i == s.sub_step, walk && i != s.sub_step) }
            }
        </div>
    }
}
