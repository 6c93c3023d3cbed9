//! Play / Pause / Step / Reset as for linear regression, plus "Evaluate now".

use yew::prelude::*;

use crate::protocol::{Command, MnistCommand};
use crate::ui::state::{State, WorkerStatus};
use crate::ui::transport::reset_callback;

#[derive(Properties, PartialEq)]
pub struct MnistTransportProps {
    pub state: UseReducerHandle<State>,
    pub send: Callback<Command>,
}

#[component]
pub fn MnistTransport(props: &MnistTransportProps) -> Html {
    let s = &*props.state;
    let ready = s.status == WorkerStatus::Ready && s.backend.is_some() && s.mnist.data_ready();
    let progress = s.mnist.snapshot.as_ref().map(|snap| &snap.progress);
    let running = progress.is_some_and(|p| p.running);
    let finished = progress.is_some_and(|p| p.finished);
    let command = |c: Command| {
        let send = props.send.clone();
        Callback::from(move |_: MouseEvent| send.emit(c.clone()))
    };
    let reset = reset_callback(&props.send, &props.state);
    html! {
        <div class="transport">
            <div class="buttons">
                if running {
                    <button class="primary" data-testid="pause" onclick={command(Command::Pause)}>{"❚❚ Pause"}</button>
                } else {
                    <button class="primary" data-testid="play" disabled={!ready || finished}
                        onclick={command(Command::Play)}>{"▶ Play"}</button>
                }
                <button data-testid="step" disabled={!ready || running || finished} onclick={command(Command::Step)}
                    title="One optimizer step on one batch">{"Step ›"}</button>
                <button data-testid="reset" disabled={!ready} onclick={reset}
                    title="Same settings, same seed: fresh weights, back to step 0">{"↺ Reset"}</button>
                <button class="secondary" data-testid="evaluate" disabled={!ready}
                    onclick={command(Command::Mnist(MnistCommand::Evaluate))}
                    title="Test accuracy, confusion matrix, per-class scores and gallery on the 10,000 test images, now">
                    {"◎ Evaluate now"}
                </button>
            </div>
            <span class="hint transport-hint">
                {"The model is evaluated on the 10,000 test images at the end of every epoch."}
            </span>
        </div>
    }
}
