//! The task tabs. MNIST keeps its place, marked as coming next.

use yew::prelude::*;

use crate::settings::Task;

#[derive(Properties, PartialEq)]
pub struct NavProps {
    pub task: Task,
}

#[component]
pub fn Nav(props: &NavProps) -> Html {
    let tab = |task: Task, label: &str, enabled: bool| {
        let active = props.task == task && enabled;
        html! {
            <button class={classes!("tab", active.then_some("active"))} disabled={!enabled}
                data-testid={format!("tab-{}", task.key())}
                title={if enabled { "" } else { "Coming next: MNIST digits in the browser" }}>
                {label}
                if !enabled { <span class="soon">{"soon"}</span> }
            </button>
        }
    };
    html! {
        <nav class="tabs" aria-label="Task">
            { tab(Task::LinearRegression, "Linear regression", true) }
            { tab(Task::Mnist, "MNIST digits", false) }
        </nav>
    }
}
