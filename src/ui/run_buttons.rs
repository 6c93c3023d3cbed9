//! Play / Pause, Step and Reset: the buttons every training task's transport starts with.

use yew::prelude::*;

use crate::protocol::Command;

#[derive(Properties, PartialEq)]
pub struct RunButtonsProps {
    pub send: Callback<Command>,
    /// A device and a prepared run (and the task's data).
    pub ready: bool,
    pub running: bool,
    pub finished: bool,
    /// What Step does (it sends `Command::Step`, and may do more).
    pub on_step: Callback<MouseEvent>,
    pub step_title: AttrValue,
    pub on_reset: Callback<MouseEvent>,
    pub reset_title: AttrValue,
}

#[component]
pub fn RunButtons(p: &RunButtonsProps) -> Html {
    let command = |c: Command| {
        let send = p.send.clone();
        Callback::from(move |_: MouseEvent| send.emit(c.clone()))
    };
    let (ready, running, finished) = (p.ready, p.running, p.finished);
    html! {
        <>
            if running {
                <button class="primary" data-testid="pause" onclick={command(Command::Pause)}>{"❚❚ Pause"}</button>
            } else {
                <button class="primary" data-testid="play" disabled={!ready || finished}
                    onclick={command(Command::Play)}>{"▶ Play"}</button>
            }
            <button data-testid="step" disabled={!ready || running || finished} onclick={p.on_step.clone()}
                title={p.step_title.clone()}>{"Step ›"}</button>
            <button data-testid="reset" disabled={!ready} onclick={p.on_reset.clone()}
                title={p.reset_title.clone()}>{"↺ Reset"}</button>
        </>
    }
}
