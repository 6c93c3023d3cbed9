//! "Share / Embed": a link to the current state and an `<iframe>` snippet for a tutorial, with
//! the panels the author wants left out.

use std::collections::BTreeSet;

use yew::prelude::*;

use crate::settings::embed::PANELS;
use crate::settings::table;
use crate::settings::{EmbedOptions, Settings, to_hash};

#[derive(Properties, PartialEq)]
pub struct ShareDialogProps {
    pub settings: Settings,
    pub on_close: Callback<()>,
}

/// This page's address without its hash.
fn page_url() -> String {
    web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!(
                "{}{}{}",
                l.origin().ok()?,
                l.pathname().ok()?,
                l.search().ok()?
            ))
        })
        .unwrap_or_default()
}

/// The text of an attribute value, escaped for HTML.
fn attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

fn copy(text: String) -> Callback<MouseEvent> {
    Callback::from(move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.navigator().clipboard().write_text(&text);
        }
    })
}

#[component]
pub fn ShareDialog(props: &ShareDialogProps) -> Html {
    let embed = use_state(|| true);
    let autoplay = use_state(|| false);
    let hidden = use_state(BTreeSet::<String>::new);
    let size = use_state(|| ("700".to_string(), "500".to_string()));

    let options = EmbedOptions {
        embed: *embed,
        autoplay: *autoplay,
        hide: (*hidden).clone(),
        origin: None,
    };
    let link = format!(
        "{}{}{}",
        page_url(),
        to_hash(&props.settings),
        options.hash_suffix()
    );
    let plain = format!("{}{}", page_url(), to_hash(&props.settings));
    let (w, h) = (*size).clone();
    let snippet = format!(
        r#"<iframe src="{}" width="{w}" height="{h}" style="border:0;max-width:100%" title="ML Playground" loading="lazy"></iframe>"#,
        attr(&link)
    );
    let toggle = |state: &UseStateHandle<bool>| {
        let state = state.clone();
        Callback::from(move |_: Event| state.set(!*state))
    };
    let hide_toggle = |name: &'static str| {
        let hidden = hidden.clone();
        Callback::from(move |_: Event| {
            let mut set = (*hidden).clone();
            if !set.remove(name) {
                set.insert(name.to_string());
            }
            hidden.set(set);
        })
    };
    let on_size = {
        let size = size.clone();
        Callback::from(move |e: Event| {
            let v: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let value = v.value();
            let (w, h) = value.split_once('x').unwrap_or(("700", "500"));
            size.set((w.to_string(), h.to_string()));
        })
    };
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    html! {
        <div class="modal-backdrop" role="dialog" aria-modal="true" aria-labelledby="share-title" data-testid="share-dialog">
            <div class="modal share">
                <h2 id="share-title">{"Share or embed this playground"}</h2>
                <label class="share-field">{"Link to exactly this setup"}
                    <input readonly=true value={plain.clone()} data-testid="share-link" />
                </label>
                <button onclick={copy(plain)} data-testid="share-copy-link">{"Copy link"}</button>
                if let Some(note) = data_note(&props.settings) {
                    <p class="hint" data-testid="share-data-note">{note}</p>
                }
                <h3>{"Embed in a tutorial"}</h3>
                <div class="share-options">
                    <label><input type="checkbox" checked={*embed} onchange={toggle(&embed)} data-testid="share-embed" />{" Compact layout for an iframe"}</label>
                    <label><input type="checkbox" checked={*autoplay} onchange={toggle(&autoplay)} data-testid="share-autoplay" />{" Start training on load"}</label>
                    <label>{"Size "}
                        <select onchange={on_size} data-testid="share-size">
                            <option value="700x500" selected=true>{"700 × 500"}</option>
                            <option value="900x650">{"900 × 650"}</option>
                            <option value="100%x600">{"full width × 600"}</option>
                        </select>
                    </label>
                </div>
                <fieldset class="share-hide">
                    <legend>{"Leave out"}</legend>
                    { for PANELS.iter().map(|&(name, label)| html! {
                        <label><input type="checkbox" checked={hidden.contains(name)} onchange={hide_toggle(name)}
                            data-testid={format!("share-hide-{name}")} />{format!(" {label}")}</label>
                    }) }
                </fieldset>
                <details class="share-controls" data-testid="share-controls">
                    <summary>{"Leave out single controls"}</summary>
                    <fieldset class="share-hide">
                        { for table::rows_of(props.settings.task).filter(|r| r.hideable).map(|row| html! {
                            <label><input type="checkbox" checked={hidden.contains(row.key)} onchange={hide_toggle(row.key)}
                                data-testid={format!("share-hide-{}", row.key)} />{format!(" {}", row.label)}</label>
                        }) }
                    </fieldset>
                </details>
                <label class="share-field">{"Paste this into the tutorial's HTML"}
                    <textarea readonly=true rows="3" value={snippet.clone()} data-testid="share-snippet" />
                </label>
                <div class="share-actions">
                    <button class="primary" onclick={copy(snippet)} data-testid="share-copy-snippet">{"Copy snippet"}</button>
                    <a href={link} target="_blank" rel="noopener" data-testid="share-preview">{"Preview the embed ↗"}</a>
                    <button onclick={close} data-testid="share-close">{"Close"}</button>
                </div>
                <p class="hint">{"The host page can drive the embed with postMessage (play, pause, step, reset, set, set-data) and receive progress events: see docs/embedding.md."}</p>
            </div>
        </div>
    }
}

/// On "Your data": whether the link brings the table along (a built-in table or a link does; a
/// file dropped in never leaves the page).
fn data_note(s: &crate::settings::Settings) -> Option<String> {
    if s.task != crate::settings::Task::Table {
        return None;
    }
    Some(if s.table.data.is_empty() {
        "Your table is not in the link: it never leaves this page. Put the CSV on the tutorial's site and add data=path/to/table.csv to the link, or send it from the host page with set-data.".into()
    } else {
        format!("The link opens the table data={}.", s.table.data)
    })
}
