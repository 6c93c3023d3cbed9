//! "Export this step as JSON": shown, downloadable, copyable.

use yew::prelude::*;

use super::download::download_text;
use super::state::{Action, State};
use crate::explain::export::step_json_text;
use crate::protocol::StepTrace;

#[derive(Properties, PartialEq)]
pub struct ExportDialogProps {
    pub trace: StepTrace,
    pub dispatch: UseReducerDispatcher<State>,
}

#[component]
pub fn ExportDialog(props: &ExportDialogProps) -> Html {
    let text = step_json_text(&props.trace);
    let name = format!("linreg-step-{}.json", props.trace.step);
    let close = {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::SetExporting(false)))
    };
    let save = {
        let (text, name) = (text.clone(), name.clone());
        Callback::from(move |_: MouseEvent| {
            download_text(&name, &text, "application/json");
        })
    };
    let copy = {
        let text = text.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(w) = web_sys::window() {
                let _ = w.navigator().clipboard().write_text(&text);
            }
        })
    };
    html! {
        <div class="modal-backdrop" onclick={close.clone()}>
            <div class="modal" role="dialog" aria-label="Step as JSON" onclick={|e: MouseEvent| e.stop_propagation()}>
                <h2>{format!("Step {} as JSON", props.trace.step)}</h2>
                <p class="hint">{"Every number as Burn computed it: parameters, batch, loss, gradients, optimizer state and new parameters."}</p>
                <pre data-testid="export-json">{text}</pre>
                <div class="buttons">
                    <button class="primary" data-testid="export-download" onclick={save}>{format!("Download {name}")}</button>
                    <button onclick={copy}>{"Copy"}</button>
                    <button data-testid="export-close" onclick={close}>{"Close"}</button>
                </div>
            </div>
        </div>
    }
}
