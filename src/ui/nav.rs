//! The task tabs, one per entry of the page registry ([`TABS`]).

use yew::prelude::*;

use super::pages::{TABS, Tab};
use crate::settings::Task;

#[derive(Properties, PartialEq)]
pub struct NavProps {
    pub task: Task,
    /// A tab was chosen (only called for a task other than the current one).
    pub on_select: Callback<Task>,
}

#[component]
pub fn Nav(props: &NavProps) -> Html {
    let tab = |tab: &Tab| {
        let task = tab.task;
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
                title={tab.title} {onclick}>
                {tab.label}
            </button>
        }
    };
    html! {
        <nav class="tabs" role="tablist" aria-label="Task">
            { for TABS.iter().map(tab) }
        </nav>
    }
}
