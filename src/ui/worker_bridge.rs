//! The page's end of the worker: spawns it, sends commands, routes events into the state, and
//! restarts it on the CPU — from the last checkpoint — if it crashes.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo_worker::{HandlerId, Spawnable, Worker, WorkerBridge, WorkerScope};
use yew::UseReducerDispatcher;

use super::state::{Action, State};
use super::url;
use super::worker_start::{DID_NOT_START, StartWatch, start_ms};
use crate::protocol::{Checkpoint, Command, Event, Resume};
use crate::settings::Settings;

/// Path of the worker script, relative to the page (so the app works under any subpath).
const WORKER_PATH: &str = "./worker.js";

/// The worker script of this build: its content-hashed name from
/// `<meta name="mlpg-worker">` (written by scripts/precache.sh), else [`WORKER_PATH`].
fn worker_path() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=mlpg-worker]").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .filter(|path| path.starts_with("./worker-") && path.ends_with(".js"))
        .unwrap_or_else(|| WORKER_PATH.to_string())
}
/// After this many crashes the page stops restarting the worker and asks for a reload.
const MAX_RESTARTS: u32 = 2;

/// The training worker as the page sees it: only its message types. The real worker
/// (`crate::worker::TrainWorker`) runs in worker.js; naming it here would link all of Burn
/// into the page's wasm.
pub struct TrainWorker;

impl Worker for TrainWorker {
    type Message = ();
    type Input = Command;
    type Output = Event;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        Self
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, _scope: &WorkerScope<Self>, _msg: Command, _id: HandlerId) {}
}

pub struct WorkerLink {
    bridge: RefCell<Option<WorkerBridge<TrainWorker>>>,
    dispatcher: UseReducerDispatcher<State>,
    /// The newest checkpoint and run state, to continue after a crash.
    checkpoint: RefCell<Option<Checkpoint>>,
    was_running: Cell<bool>,
    settings: RefCell<Settings>,
    /// Set after a crash: the replacement worker trains on the CPU, and says why.
    cpu_reason: RefCell<Option<String>>,
    restarts: Cell<u32>,
    /// This page's id: a worker's stored checkpoint is continued only by the page that
    /// wrote it.
    owner: String,
    /// Whether the current worker has started (see [`super::worker_start`]).
    start: StartWatch,
}

impl PartialEq for WorkerLink {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl WorkerLink {
    pub fn new(dispatcher: UseReducerDispatcher<State>) -> Self {
        Self {
            bridge: RefCell::new(None),
            dispatcher,
            checkpoint: RefCell::new(None),
            was_running: Cell::new(false),
            settings: RefCell::new(Settings::default()),
            cpu_reason: RefCell::new(None),
            restarts: Cell::new(0),
            owner: format!(
                "page-{:016x}",
                (js_sys::Math::random() * 2f64.powi(53)) as u64
            ),
            start: StartWatch::default(),
        }
    }

    /// Spawns a worker and initializes it with `settings` (continuing from `resume`).
    pub fn start(self: &Rc<Self>, settings: Settings, resume: Resume) {
        let weak = Rc::downgrade(self);
        let bridge = TrainWorker::spawner()
            .as_module(false)
            .callback(move |event| on_event(&weak, event))
            .spawn(&worker_path());
        *self.bridge.borrow_mut() = Some(bridge);
        let (generation, weak) = (self.start.started(), Rc::downgrade(self));
        gloo::timers::callback::Timeout::new(start_ms(), move || {
            if let Some(link) = weak.upgrade().filter(|l| l.start.timed_out(generation)) {
                link.bridge.borrow_mut().take();
                link.dispatcher
                    .dispatch(Action::Stopped(DID_NOT_START.into()));
            }
        })
        .forget();
        self.send_init(settings, resume);
    }

    /// (Re)initializes the device (as the settings ask) and the run.
    pub fn init(&self, settings: Settings, resume: Resume) {
        self.cpu_reason.borrow_mut().take();
        self.checkpoint.borrow_mut().take();
        self.was_running.set(false);
        self.send_init(settings, resume);
    }

    fn send_init(&self, settings: Settings, resume: Resume) {
        *self.settings.borrow_mut() = settings.clone();
        if self.bridge.borrow().is_none() {
            // The worker was given up on: the page stays "stopped" (reload to start again).
            return;
        }
        self.dispatcher.dispatch(Action::ChoosingDevice);
        let cpu_reason = self.cpu_reason.borrow().clone();
        self.send(Command::Init {
            settings,
            resume,
            play: self.was_running.replace(false),
            owner: self.owner.clone(),
            cpu_reason,
            data_url: data_url(),
            verdicts: super::verdict_store::load(),
        });
    }

    pub fn send(&self, command: Command) {
        match &command {
            Command::Reset { settings } => {
                *self.settings.borrow_mut() = settings.clone();
                *self.checkpoint.borrow_mut() = None;
            }
            Command::SetLive(live) => self.settings.borrow_mut().live = *live,
            _ => {}
        }
        if let Some(bridge) = self.bridge.borrow().as_ref() {
            bridge.send(command);
        }
    }

    /// A loaded model brought its own settings: they apply from now on, without a new run
    /// (the device choice stays the page's).
    fn adopt(&self, mut settings: Settings) {
        settings.backend = self.settings.borrow().backend;
        url::write(&settings);
        *self.settings.borrow_mut() = settings.clone();
        self.dispatcher.dispatch(Action::Settings {
            settings: Box::new(settings),
            restart: false,
        });
    }

    /// The worker died: start a new one on the CPU from the last checkpoint.
    fn restart_on_cpu(self: &Rc<Self>) {
        if self.restarts.replace(self.restarts.get() + 1) >= MAX_RESTARTS {
            self.bridge.borrow_mut().take();
            let message = "The training worker keeps crashing, so it was stopped. Reload the page \
                           (if this follows an update, your browser may hold old files: reload \
                           with the cache bypassed).";
            self.dispatcher.dispatch(Action::Stopped(message.into()));
            return;
        }
        *self.cpu_reason.borrow_mut() = Some("the training worker crashed".into());
        let settings = self.settings.borrow().clone();
        // Linear regression's checkpoint is a few numbers the page keeps; the other tasks'
        // the worker stored, and the new one reads it (it says from which step it continues).
        let resume = self
            .checkpoint
            .borrow()
            .clone()
            .map_or(Resume::Stored, Resume::LinReg);
        let link = self.clone();
        // Not from inside the old bridge's own callback.
        gloo::timers::callback::Timeout::new(0, move || {
            link.bridge.borrow_mut().take();
            link.start(settings, resume);
        })
        .forget();
    }
}

/// The absolute URL of `data/mnist/` next to the page (works under any subpath).
fn data_url() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    web_sys::Url::new_with_base(crate::data::mnist::DATA_DIR, &base)
        .map(|u| u.href())
        .unwrap_or_else(|_| crate::data::mnist::DATA_DIR.to_string())
}

fn on_event(link: &Weak<WorkerLink>, event: Event) {
    let Some(link) = link.upgrade() else { return };
    match event {
        Event::Loaded => link.start.loaded(),
        Event::Ready { backend } => link.dispatcher.dispatch(Action::Ready(backend)),
        Event::Resumed { step } => link.dispatcher.dispatch(Action::Resumed(step)),
        Event::Measured(measured) => super::verdict_store::store(&measured),
        Event::Notice(message) => link.dispatcher.dispatch(Action::Info(message)),
        Event::Snapshot(snapshot) => {
            *link.checkpoint.borrow_mut() = Some(snapshot.run.checkpoint.clone());
            link.was_running.set(snapshot.progress.running);
            link.dispatcher.dispatch(Action::Snapshot(snapshot));
        }
        Event::Task(mut event) => {
            if let Some(running) = event.running() {
                link.was_running.set(running);
            }
            if let Some(settings) = event.loaded_settings() {
                link.adopt(settings.clone());
                *settings = link.settings.borrow().clone();
            }
            link.dispatcher.dispatch(Action::Task(event))
        }
        // A crash: the worker logged the panic to the console; the page says what it did about
        // it (the new worker's notice: from which step training continues).
        Event::Error { fatal: true, .. } => link.restart_on_cpu(),
        Event::Error { message, .. } => link.dispatcher.dispatch(Action::Error(message)),
    }
}
