//! The page's side of the postMessage API (see `protocol::host` and docs/embedding.md): when
//! the page runs in an iframe, commands from the parent page are validated and carried out,
//! and what the page shows is reported back as events. Also `autoplay`.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use serde_json::{Value, json};
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::protocol::host::{HostCommand, event, parse_command};
use crate::protocol::host_watch::{HostWatch, Observed};
use crate::protocol::{Command, Progress};
use crate::settings::embed::apply_pairs;
use crate::settings::{EmbedOptions, Settings, Task, to_hash};
use crate::ui::state::{Action, State, WorkerStatus};

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

/// The run's progress, whichever task shows it.
fn progress(s: &State) -> Option<&Progress> {
    match s.settings.task {
        Task::Mnist => s.mnist.snapshot.as_ref().map(|m| &m.progress),
        _ => s.snapshot.as_ref().map(|r| &r.progress),
    }
}

/// Whether training can start: a device, and for MNIST the data.
fn ready(s: &State) -> bool {
    s.status == WorkerStatus::Ready
        && s.backend.is_some()
        && (s.settings.task != Task::Mnist || s.mnist.data_ready())
}

fn metrics(s: &State) -> Value {
    match s.settings.task {
        Task::Mnist => {
            let train = s.mnist.train_curve.last();
            let eval = s.mnist.last_evaluation();
            json!({
                "trainLoss": train.map(|t| t.loss), "trainAccuracy": train.map(|t| t.accuracy),
                "testLoss": eval.map(|e| e.test_loss), "testAccuracy": eval.map(|e| e.accuracy),
            })
        }
        _ => s.snapshot.as_ref().map_or(json!({}), |r| {
            json!({"w": r.run.w, "b": r.run.b, "trainMse": r.run.train_mse, "testMse": r.run.test_mse})
        }),
    }
}

/// Carries out one host command; returns the reply event.
fn execute(command: HostCommand, p: &EmbedHostProps) -> Result<&'static str, String> {
    let s = &*p.state;
    let needs_ready = || {
        if ready(s) {
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
                settings: settings.clone(),
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
        ready: ready(s),
        task: s.settings.task.key(),
        backend: s.backend.as_ref().map(|b| b.name.as_str()),
        settings: to_hash(&s.settings),
        progress: progress(s),
        metrics: metrics(s),
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

fn on_message(e: &JsValue, latest: &Rc<RefCell<Option<Rc<EmbedHostProps>>>>) {
    let get = |key: &str| js_sys::Reflect::get(e, &JsValue::from_str(key)).unwrap_or(JsValue::NULL);
    let Some(props) = latest.borrow().clone() else {
        return;
    };
    // Only the page that embeds this one may drive it, and only from the allowed origin.
    let from_parent = parent().is_some_and(|p| js_sys::Object::is(&get("source"), &p));
    let origin = get("origin").as_string().unwrap_or_default();
    let allowed = props.options.origin.as_deref().is_none_or(|o| o == origin);
    let data = js_sys::JSON::stringify(&get("data"))
        .ok()
        .and_then(|t| t.as_string())
        .and_then(|t| serde_json::from_str::<Value>(&t).ok());
    let (Some(data), true) = (data, from_parent) else {
        return;
    };
    let reply_to = props.options.origin.as_deref();
    let Some(parsed) = parse_command(&data) else {
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
