//! Save the trained model to a file and load one back: the panel every task with model files
//! shows (MNIST's Burn record, the GPT's parameters with their AdamW moments; the settings
//! inside). The task's page says what Save and Load send.

use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::protocol::mnist::ModelFile;
use crate::ui::download::download_bytes;
use crate::ui::pages::mnist::size_text;
use crate::ui::state::{Action, State};

/// Model files larger than this are not model files of this page.
const MAX_BYTES: f64 = 256.0 * 1024.0 * 1024.0;

#[derive(Properties, PartialEq)]
pub struct ModelFilePanelProps {
    pub ready: bool,
    /// A saved model waiting to be downloaded.
    pub saved: Option<ModelFile>,
    pub status: Option<String>,
    /// Asks the worker for the file.
    pub on_save: Callback<()>,
    /// A chosen file's bytes, for the worker.
    pub on_load: Callback<Vec<u8>>,
    /// The saved file was handed to the browser (the page clears it).
    pub on_downloaded: Callback<()>,
    /// What the file input offers (".mlpg").
    pub accept: AttrValue,
    /// What a file holds, in a sentence.
    pub hint: AttrValue,
    pub dispatch: UseReducerDispatcher<State>,
}

#[component]
pub fn ModelFilePanel(props: &ModelFilePanelProps) -> Html {
    {
        // The worker saved the model: hand the bytes to the browser as a download, once.
        let (dispatch, downloaded) = (props.dispatch.clone(), props.on_downloaded.clone());
        use_effect_with(props.saved.clone(), move |saved| {
            if let Some(file) = saved {
                if download_bytes(&file.file_name, &file.bytes).is_none() {
                    dispatch.dispatch(Action::Error(
                        "The browser refused the download of the saved model.".into(),
                    ));
                }
                downloaded.emit(());
            }
        });
    }
    let save = props.on_save.reform(|_: MouseEvent| ());
    let load = {
        let (send, dispatch) = (props.on_load.clone(), props.dispatch.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // The same file can be chosen again later.
            input.set_value("");
            let (send, dispatch) = (send.clone(), dispatch.clone());
            spawn_local(async move {
                let name = file.name();
                if file.size() > MAX_BYTES {
                    let message = format!(
                        "“{name}” is {}: too large for a model file of this page.",
                        size_text(file.size() as usize)
                    );
                    dispatch.dispatch(Action::Error(message));
                    return;
                }
                match JsFuture::from(file.array_buffer()).await {
                    Ok(buffer) => {
                        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                        send.emit(bytes);
                    }
                    Err(_) => dispatch.dispatch(Action::Error(format!(
                        "Could not read “{name}”: the browser refused to read the file. Try choosing it again."
                    ))),
                }
            });
        })
    };
    html! {
        <div class="panel model-panel">
            <h2>{"Model file"}</h2>
            <p class="hint">{props.hint.clone()}</p>
            <div class="buttons">
                <button class="secondary" data-testid="save-model" disabled={!props.ready} onclick={save}>{"⤓ Save model"}</button>
                <label class={classes!("file-button", (!props.ready).then_some("disabled"))}>
                    {"⤒ Load model…"}
                    <input type="file" accept={props.accept.clone()} data-testid="load-model" disabled={!props.ready} onchange={load} />
                </label>
            </div>
            if let Some(status) = props.status.clone() {
                <p class="model-status" data-testid="model-status" role="status">{status}</p>
            }
        </div>
    }
}
