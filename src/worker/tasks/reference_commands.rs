//! The formula page's and the single neuron's requests: the worked examples (one command, one
//! event with every value), neuron snapshots, and several neuron steps at once.

use crate::engine::reference::worked_examples;
use crate::protocol::reference::NeuronInput;
use crate::protocol::{Event, ReferenceCommand, ReferenceEvent};
use crate::worker::session::{Shared, read_with_fallback, snapshot_events};

/// At most this many neuron steps per request.
const MAX_STEPS: u32 = 1_000;

pub fn handle(shared: &Shared, command: ReferenceCommand, send: impl Fn(Event) + 'static) {
    let shared = shared.clone();
    match command {
        ReferenceCommand::Examples { neuron } => {
            wasm_bindgen_futures::spawn_local(async move {
                examples(&shared, neuron).await.into_iter().for_each(send);
            });
        }
        ReferenceCommand::NeuronSteps { count } => {
            let stepped = match shared.borrow_mut().trainer.as_mut() {
                Some(run) if run.steps_on_request() && !run.is_finished() => {
                    (0..count.min(MAX_STEPS)).for_each(|_| run.step());
                    true
                }
                _ => false,
            };
            if stepped {
                wasm_bindgen_futures::spawn_local(async move {
                    snapshot_events(&shared).await.into_iter().for_each(send);
                    crate::worker::checkpointing::checkpoint(&shared, true);
                });
            }
        }
    }
}

/// Every worked example, computed on the session's device and read back in one go.
pub async fn examples(shared: &Shared, neuron: NeuronInput) -> Vec<Event> {
    read_with_fallback(
        shared,
        |s| {
            let (device, _) = s.device.as_ref()?;
            Some(worked_examples(&neuron, device).finish())
        },
        |_, examples| Event::from(ReferenceEvent::Examples(Box::new(examples))),
    )
    .await
}
