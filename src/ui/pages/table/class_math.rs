//! "Your data"'s math panel for a class target: one row of the last step's batch through
//! softmax regression, forward → loss → backward → update, symbolic and then with Burn's numbers.

use yew::prelude::*;

use crate::explain::reference::plain32;
use crate::explain::table_class_steps::class_sub_steps;
use crate::protocol::table_classes::ClassStep;
use crate::ui::formula::Formula;
use crate::ui::sub_step::{chip, sub_step_view};
use crate::ui::transport::SUB_STEP_NAMES;

#[derive(Properties, PartialEq)]
pub struct ClassMathProps {
    pub step: Option<ClassStep>,
    pub classes: Vec<String>,
}

#[component]
pub fn ClassMath(props: &ClassMathProps) -> Html {
    let Some(t) = props.step.as_ref() else {
        return html! {
            <div class="math-empty">
                <h2>{"The math, step by step"}</h2>
                <p>{"Press "}<b>{"Step"}</b>{" and this panel follows one row of the batch through the step — the class scores, softmax, the cross-entropy, the gradients and the optimizer's update — first as formulas, then with the numbers Burn computed."}</p>
                <Formula latex={r"\mathbf{z} = W^\top\mathbf{x}' + \mathbf{b} \;\to\; \mathbf{p} = \mathrm{softmax}(\mathbf{z}) \;\to\; L \;\to\; \nabla L \;\to\; \theta \leftarrow \theta - \alpha g"} />
            </div>
        };
    };
    let steps = class_sub_steps(t, &props.classes);
    let class = props.classes.get(t.class).cloned().unwrap_or_default();
    let p_y = t.p.get(t.class).copied().unwrap_or(f32::NAN);
    html! {
        <div class="math-panel" data-testid="table-math-panel">
            <div class="math-head">
                <h2>{format!("The math of step {}, following line {} of the file", t.step, t.line)}</h2>
            </div>
            <div class="chips">
                { chip("step", "table-math-step", t.step.to_string()) }
                { chip("line", "table-math-line", t.line.to_string()) }
                { chip("class y", "table-math-class", class) }
                { chip("p_y", "table-math-p-y", plain32(p_y)) }
                { chip("L", "table-math-loss", plain32(t.loss)) }
            </div>
            <p class="hint">{format!("Optimizer {}, α = {}, batch of {} rows. z, p, L, the gradients, the optimizer state and the new parameters are read back from Burn's tensors; the arithmetic written out between them is redone from Burn's numbers.", t.optimizer.kind.label(), t.optimizer.lr, t.batch)}</p>
            for (i, step) in steps.iter().enumerate() {
                { sub_step_view(step, format!("table-step-{}", SUB_STEP_NAMES[i]), false, false) }
            }
        </div>
    }
}
