//! The page: state, the worker link, and the layout.

use std::rc::Rc;

use yew::prelude::*;

use super::backend_badge::BackendBadge;
use super::charts::{LossChart, ScatterPlot};
use super::controls::Controls;
use super::export_dialog::ExportDialog;
use super::math_panel::MathPanel;
use super::nav::Nav;
use super::notices::Notices;
use super::params_panel::ParamsPanel;
use super::progress::ProgressBar;
use super::state::{Action, State};
use super::transport::Transport;
use super::url;
use super::worker_bridge::WorkerLink;
use crate::protocol::{Command, Hyper};
use crate::settings::Settings;

/// What a settings change requires of the worker.
fn command_for(old: &Settings, new: &Settings) -> Option<Command> {
    let live = |s: &Settings| {
        (
            s.lr.to_bits(),
            s.l1.to_bits(),
            s.l2.to_bits(),
            s.speed,
            s.show_test,
        )
    };
    let mut rest_old = old.clone();
    let mut rest_new = new.clone();
    for s in [&mut rest_old, &mut rest_new] {
        (s.lr, s.l1, s.l2, s.speed, s.show_test) = (0.0, 0.0, 0.0, 0, true);
    }
    if rest_old != rest_new {
        Some(Command::Reset {
            settings: new.clone(),
        })
    } else if live(old) != live(new) {
        Some(Command::SetLive {
            hyper: Hyper {
                lr: new.lr,
                l1: new.l1,
                l2: new.l2,
            },
            speed: new.speed,
        })
    } else {
        None
    }
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        let (settings, notices) = url::read();
        State::new(settings, notices)
    });
    let link = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| Rc::new(WorkerLink::new(dispatcher)))
    };
    {
        let (link, settings) = ((*link).clone(), state.settings.clone());
        use_effect_with((), move |_| {
            url::write(&settings);
            link.start(settings, None);
        });
    }

    let on_settings = {
        let (link, state) = ((*link).clone(), state.clone());
        Callback::from(move |new: Settings| {
            let old = state.settings.clone();
            if new == old {
                return;
            }
            url::write(&new);
            if new.backend != old.backend {
                state.dispatch(Action::Settings {
                    settings: new.clone(),
                    restart: true,
                });
                link.init(new, None);
                return;
            }
            let command = command_for(&old, &new);
            let restart = matches!(command, Some(Command::Reset { .. }));
            state.dispatch(Action::Settings {
                settings: new,
                restart,
            });
            if let Some(command) = command {
                link.send(command);
            }
        })
    };
    let send = {
        let link = (*link).clone();
        Callback::from(move |c: Command| link.send(c))
    };

    let s = &*state;
    let dispatch = state.dispatcher();
    // While walking forward/loss/backward, the line is still the one before the update.
    let fit = s.snapshot.as_ref().map(|snap| match &snap.run.last_step {
        Some(t) if s.walk_sub_steps && s.sub_step < 3 => (t.w.theta, t.b.theta),
        _ => (snap.run.w, snap.run.b),
    });
    html! {
        <div class="page">
            <header class="top">
                <div class="brand">
                    <span class="logo">{"∂"}</span>
                    <div>
                        <h1>{"ML Playground"}</h1>
                        <p class="tagline">{"Train real models in your browser and watch the mathematics move."}</p>
                    </div>
                </div>
                <Nav task={s.settings.task} />
                <BackendBadge backend={s.backend.clone()} status={s.status.clone()} />
            </header>
            <Notices notices={s.notices.clone()} errors={s.errors.clone()} dispatch={dispatch.clone()} />
            <main class="layout">
                <aside class="panel controls-panel">
                    <Controls settings={s.settings.clone()} on_change={on_settings.clone()} running={s.running()} />
                </aside>
                <section class="center">
                    <div class="panel">
                        <Transport state={state.clone()} send={send.clone()} />
                        <ProgressBar snapshot={s.snapshot.clone()} settings={s.settings.clone()} />
                    </div>
                    <div class="charts">
                        <div class="panel">
                            <h2>{"Data and fitted line"}</h2>
                            <ScatterPlot data={s.data.clone()} snapshot={s.snapshot.clone()}
                                least_squares={s.least_squares} show_test={s.settings.show_test} {fit} />
                        </div>
                        <div class="panel">
                            <h2>{"Loss (MSE) per step"}</h2>
                            <LossChart history={s.history.clone()} data={s.data.clone()} least_squares={s.least_squares} />
                        </div>
                    </div>
                    <ParamsPanel snapshot={s.snapshot.clone()} least_squares={s.least_squares} />
                </section>
                <section class="panel math">
                    <MathPanel state={state.clone()} send={send.clone()} />
                </section>
            </main>
            if s.exporting {
                if let Some(trace) = s.snapshot.as_ref().and_then(|s| s.run.last_step.clone()) {
                    <ExportDialog trace={trace} dispatch={dispatch.clone()} />
                }
            }
            <footer class="footer">
                {"Built with Burn (WebGPU / CPU), Yew and Rust → WebAssembly. Everything runs on your machine; nothing is uploaded. "}
                {"MNIST (coming next): Y. LeCun, C. Cortes, C. J. C. Burges, CC BY-SA 3.0."}
            </footer>
        </div>
    }
}
