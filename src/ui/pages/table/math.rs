//! "Your data"'s math panel: one row of the last step's batch, forward → loss → backward →
//! update, symbolic and then with Burn's numbers.

use yew::prelude::*;

use crate::explain::reference::plain32;
use crate::explain::table_steps::table_sub_steps;
use crate::protocol::table::RowStep;
use crate::ui::formula::Formula;
use crate::ui::sub_step::{chip, sub_step_view};
use crate::ui::transport::SUB_STEP_NAMES;

#[derive(Properties, PartialEq)]
pub struct RowMathProps {
    pub step: Option<RowStep>,
}

#[component]
pub fn RowMath(props: &RowMathProps) -> Html {
    let Some(t) = props.step.as_ref() else {
        return html! {
            <div class="math-empty">
                <h2>{"The math, step by step"}</h2>
                <p>{"Press "}<b>{"Step"}</b>{" and this panel follows one row of the batch through the step — the prediction, the loss, the gradients and the optimizer's update — first as formulas, then with the numbers Burn computed."}</p>
                <Formula latex={r"\hat{y} = \mathbf{w}\cdot\mathbf{x}' + b \;\to\; L \;\to\; \nabla L \;\to\; \theta \leftarrow \theta - \alpha g"} />
            </div>
        };
    };
    let steps = table_sub_steps(t);
    html! {
        <div class="math-panel" data-testid="table-math-panel">
            <div class="math-head">
                <h2>{format!("The math of step {}, following line {} of the file", t.step, t.line)}</h2>
            </div>
            <div class="chips">
                { chip("step", "table-math-step", t.step.to_string()) }
                { chip("line", "table-math-line", t.line.to_string()) }
                { chip("ŷ", "table-math-y-hat", plain32(t.y_hat)) }
                { chip("y", "table-math-y", plain32(t.y)) }
                { chip("L", "table-math-loss", plain32(t.loss)) }
                { chip("∂L/∂b", "table-math-grad-b", plain32(t.b.grad)) }
                { chip("b →", "table-math-b-new", plain32(t.b.theta_new)) }
            </div>
            <p class="hint">{format!("Optimizer {}, α = {}, batch of {} rows. ŷ, L, the gradients, the optimizer state and the new parameters are read back from Burn's tensors; the arithmetic written out between them is redone from Burn's numbers.", t.optimizer.kind.label(), t.optimizer.lr, t.batch)}</p>
            for (i, step) in steps.iter().enumerate() {
                { sub_step_view(step, format!("table-step-{}", SUB_STEP_NAMES[i]), false, false) }
            }
        </div>
    }
}
