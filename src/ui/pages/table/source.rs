//! Where the table comes from: a built-in table, a file (dropped on the zone or chosen), or
//! text pasted in. It is read here, in the page; nothing leaves this machine.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::{DragEvent, File, FileList, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::loader;
use super::view_state::{Loaded, Reading};
use crate::settings::own_table::EXAMPLES;
use crate::ui::controls::select_value;

#[derive(Properties, PartialEq)]
pub struct SourceProps {
    /// The built-in table chosen, if one is.
    pub example: Option<AttrValue>,
    pub reading: Reading,
    /// Where the table shown came from.
    pub loaded_from: Option<AttrValue>,
    pub on_example: Callback<String>,
    /// A file or pasted text, read: the table, or the message saying what is wrong.
    pub on_read: Callback<Result<Loaded, String>>,
    pub on_busy: Callback<String>,
}

fn read_file(file: File, on_busy: &Callback<String>, on_read: &Callback<Result<Loaded, String>>) {
    on_busy.emit(file.name());
    let on_read = on_read.clone();
    spawn_local(async move { on_read.emit(loader::file(file).await) });
}

/// The first file of a drop (`dataTransfer.files`, reached without web-sys's `DataTransfer`
/// feature, which would rebuild every crate above web-sys).
fn dropped_file(e: &DragEvent) -> Option<File> {
    let transfer = js_sys::Reflect::get(e, &"dataTransfer".into()).ok()?;
    let files = js_sys::Reflect::get(&transfer, &"files".into()).ok()?;
    files.dyn_into::<FileList>().ok()?.get(0)
}

#[component]
pub fn SourcePanel(props: &SourceProps) -> Html {
    let pasted = use_state(String::new);
    let dragging = use_state(|| false);
    let on_example = props.on_example.reform(select_value);
    let on_file = {
        let (busy, read) = (props.on_busy.clone(), props.on_read.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                read_file(file, &busy, &read);
            }
            input.set_value("");
        })
    };
    let on_drop = {
        let (busy, read, dragging) = (
            props.on_busy.clone(),
            props.on_read.clone(),
            dragging.clone(),
        );
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = dropped_file(&e) {
                read_file(file, &busy, &read);
            }
        })
    };
    let on_drag = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_paste_input = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            pasted.set(area.value());
        })
    };
    let use_pasted = {
        let (pasted, read) = (pasted.clone(), props.on_read.clone());
        Callback::from(move |_: MouseEvent| {
            read.emit(loader::read("the pasted table".into(), pasted.as_bytes()));
        })
    };
    let chosen = props.example.clone().unwrap_or_default();
    html! {
        <div class="table-source" data-testid="table-source">
            <label class="field">
                <span>{"built-in table"}</span>
                <select data-testid="table-example" onchange={on_example}>
                    <option value="" selected={chosen.is_empty()}>{"— your own —"}</option>
                    for (name, label) in EXAMPLES {
                        <option value={name} selected={chosen == name}>{label}</option>
                    }
                </select>
            </label>
            <label class={classes!("drop-zone", dragging.then_some("dragging"))} data-testid="table-drop"
                ondrop={on_drop} ondragover={on_drag} ondragleave={on_leave}>
                <b>{"Drop a CSV or TSV file here"}</b>
                <span>{"or click to choose one. It is read in this page and stays on this machine."}</span>
                <input type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values" data-testid="table-file" onchange={on_file} />
            </label>
            <details class="paste">
                <summary>{"…or paste a table"}</summary>
                <textarea data-testid="table-paste" rows="5" placeholder={"x,y\n1,2.1\n2,3.9\n…"} oninput={on_paste_input} value={(*pasted).clone()} />
                <button class="secondary" data-testid="table-paste-use" onclick={use_pasted} disabled={pasted.trim().is_empty()}>{"Use this text"}</button>
            </details>
            {match &props.reading {
                Reading::Busy(source) => html! { <p class="hint" data-testid="table-status">{format!("Reading {source}…")}</p> },
                Reading::Failed { message, .. } => html! { <p class="table-error" role="alert" data-testid="table-error">{message.clone()}</p> },
                Reading::Nothing => match &props.loaded_from {
                    Some(from) => html! { <p class="hint" data-testid="table-status">{format!("Showing {from}.")}</p> },
                    None => html! {},
                },
            }}
        </div>
    }
}
