//! Play / Pause / Step / Reset, and the walk through the four sub-steps of one iteration.

use yew::prelude::*;

use super::embed::use_hidden;
use super::run_buttons::RunButtons;
use super::state::{Action, State};
use super::url;
use crate::protocol::Command;

#[derive(Properties, PartialEq)]
pub struct TransportProps {
    pub state: UseReducerHandle<State>,
    pub send: Callback<Command>,
}

pub const SUB_STEP_NAMES: [&str; 4] = ["forward", "loss", "backward", "update"];

/// "Reset": the page clears the run's views and the worker starts the run over (both tasks).
pub fn reset_callback(
    send: &Callback<Command>,
    state: &UseReducerHandle<State>,
) -> Callback<MouseEvent> {
    let (send, state) = (send.clone(), state.clone());
    Callback::from(move |_: MouseEvent| {
        let settings = state.settings.clone();
        state.dispatch(Action::Settings {
            settings: Box::new(settings.clone()),
            restart: true,
        });
        send.emit(Command::Reset { settings });
    })
}

#[component]
pub fn Transport(props: &TransportProps) -> Html {
    // Walking the sub-steps only makes sense beside the math panel.
    let math_hidden = use_hidden("math");
    let s = &*props.state;
    let ready = s.backend.is_some() && s.snapshot.is_some();
    let (running, finished) = (s.running(), s.finished());
    let step = {
        let (send, state) = (props.send.clone(), props.state.clone());
        Callback::from(move |_: MouseEvent| {
            send.emit(Command::Step);
            state.dispatch(Action::SubStepFirst);
        })
    };
    let reset = reset_callback(&props.send, &props.state);
    let next = {
        let (send, state) = (props.send.clone(), props.state.clone());
        let has_step = s
            .snapshot
            .as_ref()
            .is_some_and(|s| s.run.last_step.is_some());
        Callback::from(move |_: MouseEvent| {
            if has_step && state.sub_step < 3 {
                state.dispatch(Action::SubStepNext);
            } else {
                // Past "update" (or before any step): run the next iteration, start at "forward".
                send.emit(Command::Step);
                state.dispatch(Action::SubStepFirst);
            }
        })
    };
    let prev = {
        let state = props.state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::SubStepPrev))
    };
    let toggle_walk = {
        let state = props.state.clone();
        Callback::from(move |_: Event| {
            let on = !state.walk_sub_steps;
            // The sub-step mode is part of a link to this page.
            let mut s = state.settings.clone();
            s.linreg.walk = on;
            url::write(&s);
            state.dispatch(Action::SetWalk(on))
        })
    };
    html! {
        <div class="transport">
            <div class="buttons">
                <RunButtons send={props.send.clone()} {ready} {running} {finished} on_step={step}
                    step_title="One optimizer step (forward, loss, backward, update)"
                    on_reset={reset} reset_title="Same settings, same seed: back to step 0" />
            </div>
            if !math_hidden {
                <label class="walk">
                    <input type="checkbox" data-testid="walk-sub-steps" checked={s.walk_sub_steps} onchange={toggle_walk} />
                    {"Walk the sub-steps of one iteration"}
                </label>
            }
            if s.walk_sub_steps && !math_hidden {
                <div class="substeps" role="group" aria-label="Sub-steps">
                    <button data-testid="substep-prev" disabled={s.sub_step == 0 || running} onclick={prev}>{"◀ previous"}</button>
                    for (i, name) in SUB_STEP_NAMES.iter().enumerate() {
                        <span class={classes!("substep-pill", (i == s.sub_step).then_some("current"))}
                            data-testid={format!("substep-pill-{name}")}>{format!("{} {name}", i + 1)}</span>
                    }
                    <button data-testid="substep-next" disabled={!ready || running || finished && s.sub_step == 3} onclick={next}>{"next ▶"}</button>
                </div>
            }
        </div>
    }
}
