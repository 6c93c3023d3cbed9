//! The GPT layout: settings on the left; training, its curves and the text the model writes
//! in the middle; the vocabulary and the recipe's facts on the right.

use yew::prelude::*;

use super::attention::AttentionMaps;
use super::controls::GptControls;
use super::data_state::DataState;
use super::follow::FollowToken;
use super::loss_chart::{Curve, Level, StepChart};
use super::readouts::Readouts;
use super::recipe_notes::RecipeNotes;
use super::samples::Samples;
use super::vocab::Vocabulary;
use super::writer::Writer;
use crate::protocol::{Command, GptCommand};
use crate::settings::Settings;
use crate::ui::embed::Show;
use crate::ui::model_file::ModelFilePanel;
use crate::ui::pages::{TaskAction, ready};
use crate::ui::run_buttons::RunButtons;
use crate::ui::state::{Action, State};
use crate::ui::transport::reset_callback;

#[derive(Properties, PartialEq)]
pub struct GptPageProps {
    pub state: UseReducerHandle<State>,
    pub send: Callback<Command>,
    pub on_settings: Callback<Settings>,
}

#[component]
pub fn GptPage(props: &GptPageProps) -> Html {
    let state = &props.state;
    let s = &**state;
    let g = &s.views.gpt;
    let ready = ready(s);
    let snapshot = g.snapshot.clone();
    let info = snapshot.as_ref().map(|snap| snap.info.clone());
    let progress = snapshot.as_ref().map(|snap| &snap.progress);
    let (running, finished) = (
        progress.is_some_and(|p| p.running),
        progress.is_some_and(|p| p.finished),
    );
    let step_cmd = {
        let send = props.send.clone();
        Callback::from(move |_: MouseEvent| send.emit(Command::Step))
    };
    let retry = {
        let (send, settings) = (props.send.clone(), s.settings.clone());
        Callback::from(move |()| {
            send.emit(Command::Reset {
                settings: settings.clone(),
            })
        })
    };
    let synthetic = s.settings.gpt.text.synthetic().is_some();
    let steps = s.settings.gpt.steps;
    let train: Vec<(f64, f64)> = g
        .train_curve
        .iter()
        .map(|&(st, l)| (st as f64, f64::from(l)))
        .collect();
    let validation: Vec<(f64, f64)> = g
        .evaluations
        .iter()
        .map(|e| (e.step as f64, f64::from(e.validation_loss)))
        .collect();
    let mut levels = Vec::new();
    if let Some(i) = &info {
        levels.push(Level {
            value: i.uniform_loss,
            label: format!("uniform guess ln {} = {:.2}", i.vocab.len(), i.uniform_loss),
        });
        if let Some((l, source)) = &i.reference {
            levels.push(Level {
                value: *l,
                label: source.clone(),
            });
        }
    }
    let loss_curves = vec![
        Curve {
            class: "train",
            label: "train",
            points: train,
            dots: false,
        },
        Curve {
            class: "test",
            label: "validation",
            points: validation,
            dots: true,
        },
    ];
    let exact: Vec<(f64, f64)> = g
        .evaluations
        .iter()
        .filter_map(|e| {
            e.exact
                .map(|(c, n)| (e.step as f64, c as f64 / n.max(1) as f64))
        })
        .collect();
    // The inputs the prompt box and the attention maps start from: a held-out example of a
    // synthetic task (its prompt; the whole model input), a corpus's own opening.
    let held_out = s
        .settings
        .gpt
        .text
        .synthetic()
        .and_then(|task| task.validation_set(s.settings.seed, 1).pop());
    let (example, attention_example) = match (&held_out, s.settings.gpt.text) {
        (Some(e), _) => (
            e.prompt().to_string(),
            e.text[..e.text.len() - 1].to_string(),
        ),
        (None, crate::settings::TextData::Names) => (".".to_string(), ".emma.olivia".to_string()),
        (None, _) => ("ROMEO:".to_string(), "ROMEO:\nWhat light".to_string()),
    };
    let last = g.last_evaluation().cloned();
    html! {
        <main class="layout gpt">
            <Show name="controls"><aside class="panel controls-panel">
                <GptControls settings={s.settings.clone()} on_change={props.on_settings.clone()}
                    parameters={info.as_ref().map(|i| i.parameters)} />
            </aside></Show>
            <section class="center">
                <DataState data={g.data.clone()} on_retry={retry} />
                if let Some(i) = info.as_ref().filter(|i| !i.notices.is_empty()) {
                    <div class="panel notice-panel" data-testid="gpt-notices" role="status">
                        for n in i.notices.iter() { <p>{n.clone()}</p> }
                    </div>
                }
                <div class="panel">
                    <Show name="transport"><div class="transport"><div class="buttons">
                        <RunButtons send={props.send.clone()} {ready} {running} {finished}
                            on_step={step_cmd} step_title="One AdamW step on one batch"
                            on_reset={reset_callback(&props.send, state)} reset_title="Same settings, same seed: fresh weights, back to step 0" />
                    </div></div></Show>
                    <Show name="progress">
                        <Readouts snapshot={snapshot.clone()} train_loss={g.train_curve.last().map(|p| p.1)}
                            evaluation={last.clone()} settings={s.settings.clone()} />
                    </Show>
                </div>
                <Show name="charts"><div class="charts">
                    <div class="panel">
                        <h2>{"Loss (cross-entropy per token)"}</h2>
                        <StepChart curves={loss_curves} {levels} {steps} testid="gpt-loss-chart"
                            aria="Training and validation loss over steps, with the uniform guess" />
                    </div>
                    if !synthetic {
                        <Show name="samples"><div class="panel sample-cell">
                            <h2>{"What it writes as it trains"}</h2>
                            <Samples sample={g.sample.clone()} evaluation={last.clone()} {synthetic} />
                        </div></Show>
                    }
                    if synthetic {
                        <div class="panel">
                            <h2>{"Exact match on held-out prompts"}</h2>
                            <StepChart curves={vec![Curve { class: "test", label: "exact match", points: exact, dots: true }]}
                                {steps} percent=true testid="gpt-exact-chart" aria="Share of held-out prompts answered exactly right" />
                        </div>
                    }
                </div></Show>
                if synthetic {
                    <Show name="samples"><div class="panel">
                        <h2>{"Answers to prompts it never trained on"}</h2>
                        <Samples sample={g.sample.clone()} evaluation={last.clone()} {synthetic} />
                    </div></Show>
                }
                <Show name="attention"><div class="panel">
                    <h2>{"Attention maps"}</h2>
                    <AttentionMaps attention={g.attention.clone()} {ready} example={attention_example}
                        evaluated_at={g.last_evaluation().map(|e| e.step)} send={props.send.clone()} />
                </div></Show>
                <Show name="follow">
                    <FollowToken trace={g.follow.clone()} {ready} send={props.send.clone()}
                        run_step={progress.map(|p| p.step)}
                        layers={s.settings.gpt.layers} heads={s.settings.gpt.heads} />
                </Show>
                <Show name="writer"><div class="panel">
                    <h2>{"Let it write"}</h2>
                    <Writer vocab={info.as_ref().map(|i| i.vocab.clone()).unwrap_or_default()} {ready}
                        answer={g.asked.clone()} example={example} send={props.send.clone()} />
                </div></Show>
            </section>
            <section class="side">
                <Show name="vocab"><div class="panel">
                    <h2>{"Vocabulary"}</h2>
                    if let Some(i) = &info {
                        <Vocabulary vocab={i.vocab.clone()} />
                    } else {
                        <p class="empty-note">{"Shown when the data is ready."}</p>
                    }
                </div></Show>
                <Show name="weights">
                    <ModelFilePanel {ready} saved={g.saved.clone()} status={g.model_status.clone()}
                        on_save={props.send.reform(|()| Command::from(GptCommand::Save))}
                        on_load={props.send.reform(|bytes| Command::from(GptCommand::Load { bytes }))}
                        on_downloaded={{
                            let dispatch = state.dispatcher();
                            Callback::from(move |()| dispatch.dispatch(Action::TaskView(TaskAction::GptSaved)))
                        }}
                        accept=".mlpg" dispatch={state.dispatcher()}
                        hint="Save every weight with its AdamW moments, the step and the settings (shape, data, tokenizer) to a file; load one to continue training from there." />
                </Show>
                <Show name="recipe"><RecipeNotes settings={s.settings.clone()} /></Show>
            </section>
        </main>
    }
}
