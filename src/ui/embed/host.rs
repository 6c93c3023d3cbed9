//! The page's side of the postMessage API (see `protocol::host` and docs/embedding.md): when
//! the page runs in an iframe, commands from the parent page are validated and carried out,
//! and what the page shows is reported back as events. Also `autoplay`.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use serde_json::{Value, json};
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::protocol::Command;
use crate::protocol::host::{COMMAND_TYPE, HostCommand, Parsed, event, parse_command};
use crate::protocol::host_watch::{HostWatch, Observed};
use crate::settings::embed::apply_pairs;
use crate::settings::{EmbedOptions, Settings, to_hash};
use crate::ui::pages;
use crate::ui::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct EmbedHostProps {
    pub state: UseReducerHandle<State>,
    pub send: Callback<Command>,
    pub on_settings: Callback<Settings>,
    pub options: Rc<EmbedOptions>,
}

/// The parent window when this page is in a frame.
fn parent() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

/// Posts `message` to the parent (to the allowed origin only, when one is set).
fn post(message: &Value, origin: Option<&str>) {
    let (Some(parent), Ok(value)) = (parent(), js_sys::JSON::parse(&message.to_string())) else {
        return;
    };
    let _ = parent.post_message(&value, origin.unwrap_or("*"));
}

/// Carries out one host command; returns the reply event.
fn execute(command: HostCommand, p: &EmbedHostProps) -> Result<&'static str, String> {
    let s = &*p.state;
    let needs_ready = || {
        if pages::ready(s) {
            Ok(())
        } else {
            Err("not ready yet: wait for the “ready” event".to_string())
        }
    };
    match command {
        HostCommand::Play => {
            needs_ready()?;
            p.send.emit(Command::Play);
            Ok("play")
        }
        HostCommand::Pause => {
            p.send.emit(Command::Pause);
            Ok("pause")
        }
        HostCommand::Step => {
            needs_ready()?;
            p.send.emit(Command::Step);
            Ok("step")
        }
        HostCommand::Reset => {
            let settings = s.settings.clone();
            p.state.dispatch(Action::Settings {
                settings: Box::new(settings.clone()),
                restart: true,
            });
            p.send.emit(Command::Reset { settings });
            Ok("reset")
        }
        HostCommand::Set(pairs) => {
            let settings = apply_pairs(&s.settings, &pairs)?;
            p.on_settings.emit(settings);
            Ok("set")
        }
        HostCommand::SetData(table) => {
            let (loaded, settings) = pages::table::from_host(table, &s.settings)?;
            let shown = pages::TaskAction::Table(pages::table::TableAction::Loaded(loaded));
            p.state.dispatch(Action::TaskView(shown));
            p.on_settings.emit(settings);
            Ok("set-data")
        }
    }
}

#[component]
pub fn EmbedHost(props: &EmbedHostProps) -> Html {
    // The listener outlives renders; it reads the latest props through this cell.
    let latest: Rc<RefCell<Option<Rc<EmbedHostProps>>>> = use_mut_ref(|| None);
    *latest.borrow_mut() = Some(Rc::new(EmbedHostProps {
        state: props.state.clone(),
        send: props.send.clone(),
        on_settings: props.on_settings.clone(),
        options: props.options.clone(),
    }));
    {
        let latest = latest.clone();
        use_effect_with((), move |_| {
            let listener = parent().and_then(|_| web_sys::window()).map(|window| {
                EventListener::new(&window, "message", move |e| on_message(e.as_ref(), &latest))
            });
            move || drop(listener)
        });
    }
    let watch = use_mut_ref(HostWatch::default);
    let played = use_mut_ref(|| false);
    let s = &*props.state;
    let origin = props.options.origin.clone();
    let observed = Observed {
        ready: pages::ready(s),
        task: s.settings.task.key(),
        backend: s.backend.as_ref().map(|b| b.name.as_str()),
        settings: to_hash(&s.settings),
        progress: pages::progress(s),
        metrics: pages::host_metrics(s),
        errors: &s.errors,
    };
    for e in watch.borrow_mut().update(&observed) {
        post(&e, origin.as_deref());
    }
    if props.options.autoplay && observed.ready && !*played.borrow() {
        *played.borrow_mut() = true;
        props.send.emit(Command::Play);
    }
    html! {}
}

/// The message as JSON, or why it cannot be: not serializable (a BigInt, a cycle) or nested
/// deeper than the parser goes.
fn as_json(raw: &JsValue) -> Result<Value, String> {
    let text = js_sys::JSON::stringify(raw)
        .ok()
        .and_then(|t| t.as_string())
        .ok_or("it is not serializable")?;
    serde_json::from_str::<Value>(&text).map_err(|e| e.to_string())
}

/// A message that cannot be read as JSON: refused with the reason if it is a command (its
/// `type`), else not ours.
fn unreadable(raw: &JsValue, why: String) -> Option<Parsed> {
    let field = |key: &str| js_sys::Reflect::get(raw, &JsValue::from_str(key)).ok();
    if field("type").and_then(|t| t.as_string()).as_deref() != Some(COMMAND_TYPE) {
        return None;
    }
    let id = field("id").and_then(|id| match id.as_f64() {
        Some(n) => serde_json::Number::from_f64(n).map(Value::Number),
        None => id.as_string().map(Value::String),
    });
    Some(Err((
        format!("the message cannot be read as JSON ({why})"),
        id,
    )))
}

fn on_message(e: &JsValue, latest: &Rc<RefCell<Option<Rc<EmbedHostProps>>>>) {
    let get = |key: &str| js_sys::Reflect::get(e, &JsValue::from_str(key)).unwrap_or(JsValue::NULL);
    let Some(props) = latest.borrow().clone() else {
        return;
    };
    // Only the page that embeds this one may drive it, and only from the allowed origin.
    let from_parent = parent().is_some_and(|p| js_sys::Object::is(&get("source"), &p));
    let origin = get("origin").as_string().unwrap_or_default();
    let allowed = props.options.origin.as_deref().is_none_or(|o| o == origin);
    if !from_parent {
        return;
    }
    let raw = get("data");
    let reply_to = props.options.origin.as_deref();
    let parsed = match as_json(&raw) {
        Ok(data) => parse_command(&data),
        Err(why) => unreadable(&raw, why),
    };
    let Some(parsed) = parsed else {
        return;
    };
    if !allowed {
        // Not executed; the refusal goes only to the allowed origin (never to the sender).
        let why = format!("commands from {origin} are not accepted (origin= allows another)");
        return post(&event("error", json!({"message": why}), None), reply_to);
    }
    let reply = match parsed {
        Ok((command, id)) => match execute(command, &props) {
            Ok(done) => event("ack", json!({"command": done}), id),
            Err(why) => event("error", json!({"message": why}), id),
        },
        Err((why, id)) => event(
            "error",
            json!({"message": format!("bad command: {why}")}),
            id,
        ),
    };
    post(&reply, reply_to);
}
