//! Loading the corpus: which file, and on failure the message and "Try again".

use yew::prelude::*;

use crate::protocol::gpt::TextDataState;

#[derive(Properties, PartialEq)]
pub struct DataStateProps {
    pub data: Option<TextDataState>,
    pub on_retry: Callback<()>,
}

#[component]
pub fn DataState(props: &DataStateProps) -> Html {
    let retry = props.on_retry.reform(|_: MouseEvent| ());
    match &props.data {
        Some(TextDataState::Loading { file }) => html! {
            <div class="panel data-panel" data-testid="gpt-data">
                <h2>{"Loading the text"}</h2>
                <p data-testid="gpt-data-status" role="status">
                    {format!("Fetching {file} (shipped with the page, cached for offline use) and checking its SHA-256…")}
                </p>
            </div>
        },
        Some(TextDataState::Failed { file, message }) => html! {
            <div class="panel data-panel failed" data-testid="gpt-data">
                <h2>{format!("{file} could not be used")}</h2>
                <p data-testid="gpt-data-status" role="alert">{message.clone()}</p>
                <button class="primary" data-testid="gpt-data-retry" onclick={retry}>{"Try again"}</button>
            </div>
        },
        _ => html! {},
    }
}
