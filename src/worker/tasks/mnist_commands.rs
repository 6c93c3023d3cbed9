//! The MNIST requests: loading the data, evaluation, confusion-matrix cells, drawn digits and
//! model files. Each answers with events; none blocks the play loop.

use wasm_bindgen_futures::spawn_local;

use super::mnist_loader;
use crate::engine::mnist::model_file::EXTENSION;
use crate::protocol::mnist::ModelFile;
use crate::protocol::{Event, MnistCommand, MnistEvent};
use crate::worker::session::{Session, Shared, snapshot_events, snapshot_events_with};

/// Starts loading MNIST if the settings need it; when it arrives, the run is prepared and
/// its first snapshot sent.
pub fn ensure_data(shared: &Shared, send: impl Fn(Event) + Clone + 'static) {
    {
        let mut s = shared.borrow_mut();
        if !s.needs_mnist() {
            return;
        }
        s.loading = true;
    }
    let data_url = shared.borrow().data_url.clone();
    let shared = shared.clone();
    spawn_local(async move {
        let report = {
            let send = send.clone();
            move |p| send(Event::from(MnistEvent::Data(p)))
        };
        let result = mnist_loader::load(&data_url, report).await;
        shared.borrow_mut().loading = false;
        match result {
            Ok(data) => {
                let (resumed, why_not) = {
                    let mut s = shared.borrow_mut();
                    s.mnist_data = Some(data);
                    // A run continued after a crash was waiting for its data.
                    let (settings, saved) = (s.settings.clone(), s.checkpoint.clone());
                    (saved.is_some(), s.reset(settings, saved.as_ref()))
                };
                if resumed {
                    // The replacement worker stores its own checkpoint.
                    crate::worker::checkpointing::checkpoint(&shared, true);
                }
                if let Some(why) = why_not {
                    // The page was told "continuing from step N": it starts over after all.
                    send(Event::Resumed { step: 0 });
                    send(Event::Error {
                        message: crate::worker::resumption::starts_over(&why),
                        fatal: false,
                    });
                }
                snapshot_events(&shared).await.into_iter().for_each(&send);
                crate::worker::auto_backend::settle(&shared, send.clone());
                crate::worker::resumption::play_if_asked(&shared, send);
            }
            Err((progress, message)) => {
                send(Event::from(MnistEvent::Data(progress)));
                send(Event::Error {
                    message,
                    fatal: false,
                });
            }
        }
    });
}

fn error(message: impl ToString) -> Event {
    Event::Error {
        message: message.to_string(),
        fatal: false,
    }
}

/// Answers one MNIST request (ignored when no MNIST run is prepared).
pub fn handle(shared: &Shared, command: MnistCommand, send: impl Fn(Event) + 'static) {
    let mut s = shared.borrow_mut();
    let predictions = s.predictions.clone();
    let labels = s.mnist_data.clone();
    let Some(t) = s.mnist() else {
        return send(error("MNIST is still loading; try again in a moment."));
    };
    match command {
        MnistCommand::Evaluate => {
            drop(s);
            let shared = shared.clone();
            let queue = |s: &mut Session| {
                if let Some(t) = s.mnist() {
                    t.queue_evaluation();
                }
            };
            spawn_local(async move {
                let events = snapshot_events_with(&shared, queue).await;
                events.into_iter().for_each(send)
            });
        }
        MnistCommand::Examples {
            truth,
            predicted,
            limit,
        } => {
            let (Some(predictions), Some(data)) = (predictions, labels) else {
                return send(error(
                    "Evaluate the model first: the confusion matrix comes from an evaluation.",
                ));
            };
            let cell: Vec<usize> = data
                .test
                .labels
                .iter()
                .zip(&predictions)
                .enumerate()
                .filter(|(_, (l, p))| (**l, **p) == (truth, predicted))
                .map(|(i, _)| i)
                .collect();
            let total = cell.len();
            let pending = t.examples(cell.into_iter().take(limit.min(100)).collect());
            spawn_local(async move {
                send(match pending.await {
                    Ok(examples) => Event::from(MnistEvent::Examples {
                        truth,
                        predicted,
                        total,
                        examples,
                    }),
                    Err(e) => error(e),
                })
            });
        }
        MnistCommand::Predict { pixels } => match t.predict(&pixels) {
            Ok(pending) => spawn_local(async move {
                send(match pending.await {
                    Ok(probs) => Event::from(MnistEvent::Prediction { probs }),
                    Err(e) => error(e),
                })
            }),
            Err(e) => send(error(e)),
        },
        MnistCommand::Save => {
            let name = format!("mnist-{}-step{}.{EXTENSION}", t.describe(), t.steps_taken());
            let pending = t.save();
            spawn_local(async move {
                send(match pending.await {
                    Ok(bytes) => Event::from(MnistEvent::ModelSaved(ModelFile {
                        file_name: name,
                        bytes,
                    })),
                    Err(e) => error(e),
                })
            });
        }
        MnistCommand::Load { bytes } => match t.load(&bytes) {
            Ok(mut loaded) => {
                // The device and pace stay this page's choice.
                (loaded.settings.backend, loaded.settings.live.speed) =
                    (s.settings.backend, s.settings.live.speed);
                let (settings, step) = (loaded.settings.clone(), loaded.step);
                s.running = false;
                s.generation += 1;
                s.predictions = None;
                s.settings = settings.clone();
                if let Some(t) = s.mnist() {
                    t.adopt(loaded);
                }
                drop(s);
                send(Event::from(MnistEvent::ModelLoaded {
                    settings: Box::new(settings),
                    step,
                }));
                // The loaded model is the run now: the previous one's checkpoint must not
                // come back after a failure.
                crate::worker::checkpointing::forget(shared);
                let shared = shared.clone();
                spawn_local(async move {
                    snapshot_events(&shared).await.into_iter().for_each(send);
                    crate::worker::checkpointing::checkpoint(&shared, true);
                });
            }
            Err(e) => send(error(e)),
        },
        MnistCommand::Trace { sample, focus } => match t.trace(sample, focus) {
            Ok(pending) => spawn_local(async move {
                send(match pending.await {
                    Ok(trace) => Event::from(MnistEvent::Trace(Box::new(trace))),
                    Err(e) => error(e),
                })
            }),
            Err(e) => send(error(e)),
        },
    }
}
