//! The task tabs: linear regression, the single neuron, MNIST digits and the formula reference.

use yew::prelude::*;

use crate::settings::Task;

#[derive(Properties, PartialEq)]
pub struct NavProps {
    pub task: Task,
    /// A tab was chosen (only called for a task other than the current one).
    pub on_select: Callback<Task>,
}

#[component]
pub fn Nav(props: &NavProps) -> Html {
    let tab = |task: Task, label: &str, title: &str| {
        let active = props.task == task;
        let onclick = {
            let (on_select, current) = (props.on_select.clone(), props.task);
            Callback::from(move |_: MouseEvent| {
                if task != current {
                    on_select.emit(task);
                }
            })
        };
        html! {
            <button class={classes!("tab", active.then_some("active"))} role="tab"
                aria-selected={active.to_string()} data-testid={format!("tab-{}", task.key())}
                title={title.to_string()} {onclick}>
                {label}
            </button>
        }
    };
    html! {
        <nav class="tabs" role="tablist" aria-label="Task">
            { tab(Task::LinearRegression, "Linear regression", "y = 2x + 1 + noise: two parameters, every number of every step") }
            { tab(Task::Neuron, "Single neuron", "Logistic regression on one sample: sigmoid and cross-entropy, step by step") }
            { tab(Task::Mnist, "MNIST digits", "Handwritten digits: MLPs and a small CNN, trained in your browser") }
            { tab(Task::Formulas, "Formulas", "Every formula, typeset, with a worked example computed live by Burn") }
        </nav>
    }
}
