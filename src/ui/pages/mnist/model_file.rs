//! Save the trained model to a file and load one back (Burn's record, with the architecture
//! and settings inside).

use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::view_state::{MnistPart, size_text};
use crate::protocol::mnist::ModelFile;
use crate::protocol::{Command, MnistCommand};
use crate::ui::download::download_bytes;
use crate::ui::pages::TaskAction;
use crate::ui::state::{Action, State};

/// Model files larger than this are not model files of this page.
const MAX_BYTES: f64 = 256.0 * 1024.0 * 1024.0;

#[derive(Properties, PartialEq)]
pub struct ModelFilePanelProps {
    pub ready: bool,
    /// A saved model waiting to be downloaded.
    pub saved: Option<ModelFile>,
    pub status: Option<String>,
    pub send: Callback<Command>,
    pub dispatch: UseReducerDispatcher<State>,
}

#[component]
pub fn ModelFilePanel(props: &ModelFilePanelProps) -> Html {
    {
        // The worker saved the model: hand the bytes to the browser as a download, once.
        let dispatch = props.dispatch.clone();
        use_effect_with(props.saved.clone(), move |saved| {
            if let Some(file) = saved {
                if download_bytes(&file.file_name, &file.bytes).is_none() {
                    dispatch.dispatch(Action::Error(
                        "The browser refused the download of the saved model.".into(),
                    ));
                }
                dispatch.dispatch(Action::TaskView(TaskAction::MnistClear(MnistPart::Saved)));
            }
        });
    }
    let save = {
        let send = props.send.clone();
        Callback::from(move |_: MouseEvent| send.emit(Command::from(MnistCommand::Save)))
    };
    let load = {
        let (send, dispatch) = (props.send.clone(), props.dispatch.clone());
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
                        send.emit(Command::from(MnistCommand::Load { bytes }));
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
            <p class="hint">{"Save the trained weights (with the architecture and settings) to a file; load one to continue or to evaluate it."}</p>
            <div class="buttons">
                <button class="secondary" data-testid="save-model" disabled={!props.ready} onclick={save}>{"⤓ Save model"}</button>
                <label class={classes!("file-button", (!props.ready).then_some("disabled"))}>
                    {"⤒ Load model…"}
                    <input type="file" accept=".mlpg,.bin" data-testid="load-model" disabled={!props.ready} onchange={load} />
                </label>
            </div>
            if let Some(status) = props.status.clone() {
                <p class="model-status" data-testid="model-status" role="status">{status}</p>
            }
        </div>
    }
}
