//! Notices about the URL's settings, the worker's own moves and its errors, each dismissible.

use yew::prelude::*;

use super::state::{Action, State};
use crate::settings::Notice;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<Notice>,
    pub errors: Vec<String>,
    pub infos: Vec<String>,
    pub dispatch: UseReducerDispatcher<State>,
}

#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    if props.notices.is_empty() && props.errors.is_empty() && props.infos.is_empty() {
        return html! {};
    }
    let item = |class: &'static str, text: String, action: Action| {
        let dispatch = props.dispatch.clone();
        let action = std::cell::Cell::new(Some(action));
        let onclick = Callback::from(move |_| {
            if let Some(a) = action.take() {
                dispatch.dispatch(a);
            }
        });
        html! {
            <div class={classes!("notice", class)} role="alert">
                <span>{text}</span>
                <button class="dismiss" aria-label="Dismiss" {onclick}>{"×"}</button>
            </div>
        }
    };
    html! {
        <div class="notices" data-testid="notices">
            for (i, n) in props.notices.iter().enumerate() {
                { item("warn", format!("Link setting ignored: {}", n.message), Action::DismissNotice(i)) }
            }
            for (i, m) in props.infos.iter().enumerate() {
                { item("info", m.clone(), Action::DismissInfo(i)) }
            }
            for (i, e) in props.errors.iter().enumerate() {
                { item("error", e.clone(), Action::DismissError(i)) }
            }
        </div>
    }
}
