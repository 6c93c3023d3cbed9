//! The GPT's requests and data: fetching its corpus when a run needs one, and text from a
//! prompt (a sample and the next token's probabilities) on the run's current model.

use wasm_bindgen_futures::spawn_local;

use super::gpt_loader;
use crate::data::text::corpus::Corpus;
use crate::engine::gpt::model_file::{self, EXTENSION};
use crate::protocol::gpt::{GptSample, TextDataState};
use crate::protocol::mnist::ModelFile;
use crate::protocol::{Event, GptCommand, GptEvent};
use crate::worker::session::{Saved, Shared, snapshot_events};

/// Most tokens one request may sample.
const MAX_TOKENS: usize = 500;

/// Fetches the corpus the settings need if it is missing; then the run is prepared and its
/// first snapshot sent. A failure is a message naming the file; Reset ("Try again") asks again.
pub fn ensure_data(shared: &Shared, send: impl Fn(Event) + Clone + 'static) {
    let kind = {
        let mut s = shared.borrow_mut();
        if s.settings.task != crate::settings::Task::Gpt || s.texts.loading {
            return;
        }
        let Some(kind) = s.texts.missing(&s.settings) else {
            return;
        };
        s.texts.loading = true;
        kind
    };
    let file = Corpus::file(kind).to_string();
    let text_url = format!(
        "{}text/",
        shared.borrow().data_url.trim_end_matches("mnist/")
    );
    let shared = shared.clone();
    spawn_local(async move {
        send(Event::from(GptEvent::Data(TextDataState::Loading {
            file: file.clone(),
        })));
        let result = gpt_loader::load(&text_url, kind).await;
        shared.borrow_mut().texts.loading = false;
        match result {
            Ok(bytes) => {
                {
                    let mut s = shared.borrow_mut();
                    s.texts.bytes.insert(Corpus::file(kind), bytes.into());
                    let (settings, saved) = (s.settings.clone(), s.checkpoint.clone());
                    s.reset(settings, saved.as_ref());
                }
                send(Event::from(GptEvent::Data(TextDataState::Ready)));
                snapshot_events(&shared).await.into_iter().for_each(&send);
                crate::worker::auto_backend::settle(&shared, send.clone());
                crate::worker::resumption::play_if_asked(&shared, send);
            }
            Err(message) => send(Event::from(GptEvent::Data(TextDataState::Failed {
                file,
                message,
            }))),
        }
    });
}

fn error(message: impl ToString) -> Event {
    Event::Error {
        message: message.to_string(),
        fatal: false,
    }
}

/// Answers one GPT request (a notice when no GPT run is prepared).
pub fn handle(shared: &Shared, command: GptCommand, send: impl Fn(Event) + Clone + 'static) {
    let mut s = shared.borrow_mut();
    let Some(run) = s.trainer.as_mut().and_then(|t| t.gpt()) else {
        return send(error("The model is not ready yet; try again in a moment."));
    };
    match command {
        GptCommand::Sample {
            prompt,
            count,
            temperature,
            top_k,
        } => {
            let model = run.trainer().evaluator();
            let step = run.steps_taken();
            let seed = run.trainer().recipe.seed ^ step;
            drop(s);
            spawn_local(async move {
                let result = async {
                    let ids = model.prompt_ids(&prompt)?;
                    let next = model.next_probs(&ids, 1.0).await?;
                    let top_k = (top_k > 0).then_some(top_k);
                    let count = count.min(MAX_TOKENS);
                    let text = model
                        .sample(&prompt, count, temperature, top_k, seed)
                        .await?;
                    Ok::<_, crate::engine::EngineError>(GptSample {
                        prompt: prompt.clone(),
                        text,
                        next,
                        step,
                    })
                };
                send(match result.await {
                    Ok(sample) => Event::from(GptEvent::Sample(sample)),
                    Err(e) => error(format!("{e}.")),
                })
            });
        }
        GptCommand::Save => {
            let name = format!(
                "gpt-{}-{}x{}h-d{}-step{}.{EXTENSION}",
                run.info.data.key(),
                run.settings().gpt.layers,
                run.settings().gpt.heads,
                run.settings().gpt.d_model,
                run.steps_taken()
            );
            let pending = run.prepare_checkpoint("model-file");
            drop(s);
            spawn_local(async move {
                send(match pending.finish().await {
                    Ok(c) => Event::from(GptEvent::ModelSaved(ModelFile {
                        file_name: name,
                        bytes: model_file::to_file(&c),
                    })),
                    Err(e) => error(e),
                })
            });
        }
        GptCommand::Load { bytes } => match model_file::from_file(&bytes) {
            Ok((mut settings, checkpoint)) => {
                // The device and pace stay this page's choice.
                (settings.backend, settings.live.speed) =
                    (s.settings.backend, s.settings.live.speed);
                let step = checkpoint.step;
                let why_not = s.reset(settings.clone(), Some(&Saved::Run(checkpoint)));
                drop(s);
                if let Some(why) = why_not {
                    return send(error(format!(
                        "The model file could not be continued: {why}."
                    )));
                }
                send(Event::from(GptEvent::ModelLoaded {
                    settings: Box::new(settings),
                    step,
                }));
                // The loaded model is the run now: its checkpoint (kept by the reset) replaces
                // the previous run's, in the worker now and in storage once it is written.
                // A corpus still to fetch is fetched, and the run continued from it then.
                ensure_data(shared, send.clone());
                let shared = shared.clone();
                spawn_local(async move {
                    snapshot_events(&shared).await.into_iter().for_each(&send);
                    crate::worker::checkpointing::checkpoint(&shared, true);
                });
            }
            Err(e) => send(error(e)),
        },
        GptCommand::Attention { text } => {
            let model = run.trainer().evaluator();
            drop(s);
            spawn_local(async move {
                send(match model.attention_maps(&text).await {
                    Ok(maps) => Event::from(GptEvent::Attention(Box::new(maps))),
                    Err(e) => error(format!("{e}.")),
                })
            });
        }
        GptCommand::Follow(request) => {
            let pending = run.trainer().prepare_follow(request);
            drop(s);
            spawn_local(async move {
                let trace = match pending {
                    Ok(p) => p.finish().await,
                    Err(e) => Err(e),
                };
                send(match trace {
                    Ok(t) => Event::from(GptEvent::Follow(Box::new(t))),
                    Err(e) => error(format!("Could not follow the token: {e}.")),
                })
            });
        }
    }
}
