//! The page: state, the worker link, the header and footer; the task's own layout in between.

use std::rc::Rc;

use yew::prelude::*;

use super::backend_badge::BackendBadge;
use super::embed::{EmbedHost, ShareDialog, Show};
use super::nav::Nav;
use super::notices::Notices;
use super::pages;
use super::state::{Action, State};
use super::url;
use super::worker_bridge::WorkerLink;
use crate::protocol::{Command, Resume};
use crate::settings::{Change, EmbedOptions, Settings, Task, classify};

/// The one message a settings change sends to the worker, as the settings table classifies
/// it (a new device is handled by the caller: it sets the worker up again).
pub(super) fn command_for(old: &Settings, new: &Settings) -> Option<Command> {
    match classify(old, new) {
        Change::Device | Change::Restart => Some(Command::Reset {
            settings: new.clone(),
        }),
        Change::Live => Some(Command::SetLive(new.live)),
        Change::View | Change::None => None,
    }
}

#[component]
pub fn App() -> Html {
    // How a tutorial embeds the page (`embed`, `hide`, `autoplay`, `origin`): fixed per load.
    let options: Rc<EmbedOptions> = (*use_memo((), |_| Rc::new(url::embed_options()))).clone();
    let sharing = use_state(|| false);
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
            link.start(settings, Resume::Start);
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
            if classify(&old, &new) == Change::Device {
                state.dispatch(Action::Settings {
                    settings: Box::new(new.clone()),
                    restart: true,
                });
                link.init(new, Resume::Start);
                return;
            }
            let command = command_for(&old, &new);
            let restart = matches!(command, Some(Command::Reset { .. }));
            state.dispatch(Action::Settings {
                settings: Box::new(new),
                restart,
            });
            if let Some(command) = command {
                link.send(command);
            }
        })
    };
    // One callback for the app's life: a new one each render would make every component
    // that takes it re-render with every snapshot (the GPT's attention maps are thousands of
    // SVG cells).
    let send = {
        let link = (*link).clone();
        (*use_memo((), move |_| Callback::from(move |c: Command| link.send(c)))).clone()
    };

    let on_task = {
        let on_settings = on_settings.clone();
        let (backend, neuron) = (state.settings.backend, state.settings.neuron.clone());
        Callback::from(move |task: Task| {
            // The task's defaults, on the same device; `command_for` makes it a new run.
            // The neuron's x, w, b, y go along between the neuron and the formula page.
            let mut settings = Settings::for_task(task);
            settings.backend = backend;
            if matches!(task, Task::Neuron | Task::Formulas) {
                settings.neuron = neuron.clone();
            }
            on_settings.emit(settings);
        })
    };

    let s = &*state;
    let dispatch = state.dispatcher();
    let share = |open: bool| {
        let sharing = sharing.clone();
        Callback::from(move |_: ()| sharing.set(open))
    };
    html! {
        <ContextProvider<Rc<EmbedOptions>> context={options.clone()}>
        <div class={classes!("page", options.embed.then_some("embed"))}>
            <EmbedHost state={state.clone()} send={send.clone()} on_settings={on_settings.clone()} options={options.clone()} />
            <header class="top">
                <div class="brand">
                    <span class="logo">{"∂"}</span>
                    <div>
                        <h1>{"ML Playground"}</h1>
                        if !options.embed {
                            <p class="tagline">{"Train real models in your browser and watch the mathematics move."}</p>
                        }
                    </div>
                </div>
                <Show name="tabs"><Nav task={s.settings.task} on_select={on_task} /></Show>
                <BackendBadge backend={s.backend.clone()} status={s.status.clone()} send={send.clone()} />
                <Show name="share">
                    <button class="share-button" data-testid="share-open" onclick={share(true).reform(|_: MouseEvent| ())}>{"Share / Embed"}</button>
                </Show>
            </header>
            if *sharing {
                <ShareDialog settings={s.settings.clone()} on_close={share(false)} />
            }
            <Notices notices={s.notices.clone()} errors={s.errors.clone()} infos={s.infos.clone()} dispatch={dispatch} />
            { pages::page(&state, &send, &on_settings) }
            <footer class="footer">
                if options.embed {
                    <a class="open-full" href={url::full_page_link()} target="_blank" rel="noopener" data-testid="open-full">{"Open the full playground ↗"}</a>
                } else {
                    {"Built with Burn (WebGPU / CPU), Yew and Rust → WebAssembly. Everything runs on your machine; nothing is uploaded. "}
                }
                <span data-testid="mnist-attribution">
                    <a href="http://yann.lecun.com/exdb/mnist/" target="_blank" rel="noopener">{"MNIST"}</a>
                    {": Y. LeCun, C. Cortes, C. J. C. Burges — CC BY-SA 3.0."}
                </span>
            </footer>
        </div>
        </ContextProvider<Rc<EmbedOptions>>>
    }
}
