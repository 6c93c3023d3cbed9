//! Step / 10 steps / Reset, and the walk through forward → loss → backward → update.

use yew::prelude::*;

use crate::protocol::{Command, ReferenceCommand};
use crate::ui::pages::TaskAction;
use crate::ui::state::{Action, State};
use crate::ui::transport::{SUB_STEP_NAMES, reset_callback};

#[derive(Properties, PartialEq)]
pub struct NeuronTransportProps {
    pub state: UseReducerHandle<State>,
    pub send: Callback<Command>,
}

#[component]
pub fn NeuronTransport(props: &NeuronTransportProps) -> Html {
    let s = &*props.state;
    let ready =
        s.backend.is_some() && s.views.reference.neuron.is_some() && !s.views.reference.pending;
    let has_step = s
        .views
        .reference
        .neuron
        .as_ref()
        .is_some_and(|n| n.last.is_some());
    let steps = |count: u32| {
        let (send, state) = (props.send.clone(), props.state.clone());
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::TaskView(TaskAction::NeuronPending));
            state.dispatch(Action::SubStepFirst);
            send.emit(if count == 1 {
                Command::Step
            } else {
                Command::from(ReferenceCommand::NeuronSteps { count })
            });
        })
    };
    let next = {
        let (state, step) = (props.state.clone(), steps(1));
        Callback::from(move |e: MouseEvent| {
            if has_step && state.sub_step < 3 {
                state.dispatch(Action::SubStepNext);
            } else {
                step.emit(e);
            }
        })
    };
    let prev = {
        let state = props.state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::SubStepPrev))
    };
    let toggle_walk = {
        let state = props.state.clone();
        Callback::from(move |_: Event| state.dispatch(Action::SetWalk(!state.walk_sub_steps)))
    };
    html! {
        <div class="transport">
            <div class="buttons">
                <button class="primary" data-testid="neuron-step" disabled={!ready} onclick={steps(1)}
                    title="One optimizer step: forward, loss, backward, update — computed by Burn">{"Step ›"}</button>
                <button data-testid="neuron-step-10" disabled={!ready} onclick={steps(10)}
                    title="Ten optimizer steps at once">{"10 steps »"}</button>
                <button data-testid="neuron-reset" disabled={s.backend.is_none()} onclick={reset_callback(&props.send, &props.state)}
                    title="Back to the starting w and b, step 0">{"↺ Reset"}</button>
            </div>
            <label class="walk">
                <input type="checkbox" data-testid="neuron-walk" checked={s.walk_sub_steps} onchange={toggle_walk} />
                {"Walk the sub-steps of one step"}
            </label>
            if s.walk_sub_steps {
                <div class="substeps" role="group" aria-label="Sub-steps">
                    <button data-testid="neuron-substep-prev" disabled={s.sub_step == 0} onclick={prev}>{"◀ previous"}</button>
                    for (i, name) in SUB_STEP_NAMES.iter().enumerate() {
                        <span class={classes!("substep-pill", (i == s.sub_step && has_step).then_some("current"))}
                            data-testid={format!("neuron-substep-pill-{name}")}>{format!("{} {name}", i + 1)}</span>
                    }
                    <button data-testid="neuron-substep-next" disabled={!ready} onclick={next}>{"next ▶"}</button>
                </div>
            }
        </div>
    }
}
