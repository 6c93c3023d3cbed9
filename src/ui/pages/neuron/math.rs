//! The single neuron's math panel: forward → loss → backward → update of the last step,
//! symbolic and then with Burn's numbers.

use yew::prelude::*;

use crate::explain::neuron_export::neuron_export_text;
use crate::explain::neuron_steps::neuron_sub_steps;
use crate::explain::reference::plain32;
use crate::protocol::neuron::NeuronStep;
use crate::ui::download::download_text;
use crate::ui::formula::Formula;
use crate::ui::state::State;
use crate::ui::sub_step::{chip, sub_step_view};
use crate::ui::transport::SUB_STEP_NAMES;

#[derive(Properties, PartialEq)]
pub struct NeuronMathProps {
    pub state: UseReducerHandle<State>,
}

fn chips(t: &NeuronStep) -> Html {
    let item = chip;
    html! {
        <div class="chips">
            { item("step", "neuron-math-step", t.step.to_string()) }
            { item("z", "neuron-math-z", plain32(t.z)) }
            { item("ŷ", "neuron-math-y-hat", plain32(t.y_hat)) }
            { item("L", "neuron-math-loss", plain32(t.loss)) }
            { item("∂L/∂b", "neuron-math-grad-b", plain32(t.b.grad)) }
            { item("b →", "neuron-math-b-new", plain32(t.b.theta_new)) }
        </div>
    }
}

#[component]
pub fn NeuronMath(props: &NeuronMathProps) -> Html {
    let s = &*props.state;
    let Some(t) = s
        .views
        .reference
        .neuron
        .as_ref()
        .and_then(|n| n.last.as_ref())
    else {
        return html! {
            <div class="math-empty">
                <h2>{"The math, step by step"}</h2>
                <p>{"Press "}<b>{"Step"}</b>{" and this panel writes out one step of gradient descent for the neuron — the weighted sum, the sigmoid, the cross-entropy, the gradients and the optimizer's update — first as formulas, then with the numbers Burn computed."}</p>
                <Formula latex={r"z = \mathbf{w}\cdot\mathbf{x} + b \;\to\; \hat{y} = \sigma(z) \;\to\; L \;\to\; \nabla L \;\to\; \theta \leftarrow \theta - \alpha g"} />
            </div>
        };
    };
    let steps = neuron_sub_steps(t);
    let walk = s.walk_sub_steps;
    let export = {
        let t = t.clone();
        Callback::from(move |_: MouseEvent| {
            download_text(
                &format!("neuron-step-{}.json", t.step),
                &neuron_export_text(&t),
                "application/json",
            );
        })
    };
    html! {
        <div class="math-panel" data-testid="neuron-math-panel">
            <div class="math-head">
                <h2>{format!("The math of step {}", t.step)}</h2>
                <button class="secondary" data-testid="neuron-export" onclick={export}
                    title="Every input and every number of this step, as Burn computed it">
                    {"Export this step as JSON"}
                </button>
            </div>
            { chips(t) }
            <p class="hint">{format!("Optimizer {}, α = {}. z, ŷ, L, the gradients, the optimizer state and the new parameters are read back from Burn's tensors; the arithmetic written out between them is redone from Burn's numbers.", t.optimizer.kind.label(), t.optimizer.lr)}</p>
            for (i, step) in steps.iter().enumerate() {
                { sub_step_view(step, format!("neuron-math-{}", SUB_STEP_NAMES[i]), walk && i == s.sub_step, walk && i != s.sub_step) }
            }
        </div>
    }
}
