//! Play / Pause / Step / Reset as for linear regression, plus "Evaluate now".

use yew::prelude::*;

use crate::protocol::{Command, MnistCommand};
use crate::ui::run_buttons::RunButtons;
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
    let ready =
        s.status == WorkerStatus::Ready && s.backend.is_some() && s.views.mnist.data_ready();
    let progress = s.views.mnist.snapshot.as_ref().map(|snap| &snap.progress);
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
                <RunButtons send={props.send.clone()} {ready} {running} {finished}
                    on_step={command(Command::Step)} step_title="One optimizer step on one batch"
                    on_reset={reset} reset_title="Same settings, same seed: fresh weights, back to step 0" />
                <button class="secondary" data-testid="evaluate" disabled={!ready}
                    onclick={command(Command::from(MnistCommand::Evaluate))}
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
