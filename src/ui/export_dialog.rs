//! "Export this step as JSON": shown, downloadable, copyable.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::state::{Action, State};
use crate::explain::export::step_json_text;
use crate::protocol::StepTrace;

#[derive(Properties, PartialEq)]
pub struct ExportDialogProps {
    pub trace: StepTrace,
    pub dispatch: UseReducerDispatcher<State>,
}

fn download(name: &str, text: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let document = web_sys::window()?.document()?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url).ok()
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
            download(&name, &text);
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
