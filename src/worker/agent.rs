//! The gloo-worker glue: one [`TrainWorker`] per page, commands in, events out.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_worker::{HandlerId, Worker, WorkerScope};
use wasm_bindgen_futures::spawn_local;

use super::session::{Session, Shared, snapshot_events};
use super::{auto_backend, backend, checkpointing, resumption, run_loop, tasks};
use crate::protocol::{Command, Event, Resume};
use crate::settings::BackendChoice;

pub struct TrainWorker {
    session: Shared,
}

thread_local! {
    /// Where a panic report goes: a panic aborts the wasm instance, so the hook tells the UI
    /// first (the UI then restarts training on the CPU from its last checkpoint).
    static REPORT_TO: RefCell<Option<(WorkerScope<TrainWorker>, HandlerId)>> = const { RefCell::new(None) };
}

fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = format!("The training worker crashed: {info}");
        web_sys::console::error_1(&message.clone().into());
        REPORT_TO.with(|slot| {
            if let Ok(slot) = slot.try_borrow()
                && let Some((scope, id)) = slot.as_ref()
            {
                scope.respond(
                    *id,
                    Event::Error {
                        message,
                        fatal: true,
                    },
                );
            }
        });
    }));
}

impl Worker for TrainWorker {
    type Message = ();
    type Input = Command;
    type Output = Event;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        install_panic_hook();
        Self {
            session: Rc::new(RefCell::new(Session::default())),
        }
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn connected(&mut self, scope: &WorkerScope<Self>, id: HandlerId) {
        REPORT_TO.with(|slot| *slot.borrow_mut() = Some((scope.clone(), id)));
        scope.respond(id, Event::Loaded);
    }

    fn received(&mut self, scope: &WorkerScope<Self>, command: Command, id: HandlerId) {
        let shared = self.session.clone();
        let scope = scope.clone();
        let send = move |event: Event| scope.respond(id, event);
        match command {
            Command::Init {
                settings,
                resume,
                play,
                owner,
                cpu_reason,
                data_url,
                verdicts,
            } => spawn_local(async move {
                // Stop the current run while the device is chosen; commands that arrive
                // meanwhile update `s.settings`, and a newer Init supersedes this one.
                let (ticket, generation, choice) = {
                    let mut s = shared.borrow_mut();
                    (s.data_url, s.owner) = (data_url, owner);
                    s.init_ticket += 1;
                    s.device = None;
                    s.cpu_only = cpu_reason.is_some();
                    for v in verdicts {
                        if !s.verdicts.iter().any(|m| m.key == v.key) {
                            s.verdicts.push(v);
                        }
                    }
                    s.reset(settings, None);
                    (s.init_ticket, s.generation, s.settings.backend)
                };
                let crashed = cpu_reason.is_some();
                let (device, mut info) = match cpu_reason {
                    Some(reason) => backend::cpu(reason),
                    // Ready at once; the faster device is measured in the background.
                    None if choice == BackendChoice::Auto => backend::cpu_while_measuring(),
                    None => backend::choose(choice).await,
                };
                let fresh_start = resume == Resume::Start;
                let found = resumption::find(&shared, resume).await;
                let resumed = {
                    let mut s = shared.borrow_mut();
                    if s.init_ticket != ticket {
                        return;
                    }
                    s.device = Some((device, info.clone()));
                    // A Reset while choosing means a fresh run, not the resumed one.
                    let fresh = s.generation != generation;
                    let (saved, why_not) = match found {
                        Ok(saved) => (saved.filter(|_| !fresh), None),
                        Err(why) => (None, Some(why)),
                    };
                    let settings = s.settings.clone();
                    let why_not = s.reset(settings, saved.as_ref()).or(why_not);
                    s.play_when_ready = play && !fresh;
                    let step = saved.filter(|_| why_not.is_none()).map(|c| c.step());
                    (crashed && !fresh).then_some((step, why_not))
                };
                if let Some((step, why_not)) = resumed {
                    info.reason = info
                        .reason
                        .map(|r| format!("{r}; {}", resumption::badge_note(step)));
                    if let Some((_, b)) = shared.borrow_mut().device.as_mut() {
                        b.reason = info.reason.clone();
                    }
                    send(Event::Resumed {
                        step: step.unwrap_or(0),
                    });
                    send(Event::Error {
                        message: resumption::notice(step.unwrap_or(0), why_not),
                        fatal: false,
                    });
                    // The replacement stores its own checkpoint (this page, the CPU).
                    checkpointing::checkpoint(&shared, true);
                } else if fresh_start {
                    checkpointing::forget(&shared);
                }
                send(Event::Ready { backend: info });
                tasks::ensure_data(&shared, send.clone());
                snapshot_events(&shared).await.into_iter().for_each(&send);
                auto_backend::settle(&shared, send.clone());
                resumption::play_if_asked(&shared, send);
            }),
            Command::Reset { settings } => {
                {
                    let mut s = shared.borrow_mut();
                    s.play_when_ready = false;
                    s.reset(settings, None);
                }
                checkpointing::forget(&shared);
                tasks::ensure_data(&shared, send.clone());
                auto_backend::settle(&shared, send.clone());
                spawn_local(
                    async move { snapshot_events(&shared).await.into_iter().for_each(send) },
                );
            }
            Command::MeasureAgain => auto_backend::measure_again(&shared, send),
            Command::Task(command) => tasks::handle(&shared, command, send),
            Command::Play => run_loop::start(&shared, send),
            Command::Pause => {
                let mut s = shared.borrow_mut();
                (s.running, s.play_when_ready) = (false, false);
            }
            Command::Step => {
                let stepped = {
                    let mut s = shared.borrow_mut();
                    let idle = !s.running;
                    match s.trainer.as_mut() {
                        Some(t) if idle && !t.is_finished() => {
                            t.step();
                            true
                        }
                        _ => false,
                    }
                };
                if stepped {
                    spawn_local(async move {
                        snapshot_events(&shared).await.into_iter().for_each(send);
                        checkpointing::checkpoint(&shared, true);
                    });
                }
            }
            Command::SetLive(live) => {
                let mut s = shared.borrow_mut();
                s.settings.live = live;
                if let Some(t) = s.trainer.as_mut() {
                    t.set_hyper(live.into());
                }
            }
        }
    }
}
