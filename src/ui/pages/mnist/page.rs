//! The MNIST layout: settings on the left; loading, training and evaluation in the middle;
//! drawing, the model file and the first layer's weights on the right.

use yew::prelude::*;

use super::cell_examples::CellExamplesPanel;
use super::class_scores::ClassScores;
use super::controls::MnistControls;
use super::curves::Curves;
use super::data_panel::DataPanel;
use super::draw_pad::DrawPad;
use super::gallery::Gallery;
use super::progress::MnistProgress;
use super::steps::{FollowSample, TraceRequest, next_serial};
use super::transport::MnistTransport;
use super::view_state::MnistPart;
use super::weights::WeightsGrid;
use crate::protocol::{Command, MnistCommand, TraceFocus, TraceSample};
use crate::settings::Settings;
use crate::ui::charts::ConfusionMatrix;
use crate::ui::embed::Show;
use crate::ui::model_file::ModelFilePanel;
use crate::ui::pages::TaskAction;
use crate::ui::state::{Action, State, WorkerStatus};

/// Test images shown for a confusion-matrix cell.
const CELL_LIMIT: usize = 24;

#[derive(Properties, PartialEq)]
pub struct MnistPageProps {
    pub state: UseReducerHandle<State>,
    pub send: Callback<Command>,
    pub on_settings: Callback<Settings>,
}

#[component]
pub fn MnistPage(props: &MnistPageProps) -> Html {
    let state = &props.state;
    let s = &**state;
    let m = &s.views.mnist;
    let ready = s.status == WorkerStatus::Ready && s.backend.is_some() && m.data_ready();
    let last = m.last_evaluation();
    let last_rc = m.evaluations.last().cloned();
    let clear = |part: MnistPart| {
        let dispatch = state.dispatcher();
        Callback::from(move |_: ()| {
            dispatch.dispatch(Action::TaskView(TaskAction::MnistClear(part)))
        })
    };
    let on_cell = {
        let send = props.send.clone();
        Callback::from(move |(truth, predicted): (u8, u8)| {
            send.emit(Command::from(MnistCommand::Examples {
                truth,
                predicted,
                limit: CELL_LIMIT,
            }))
        })
    };
    let retry = {
        let (send, settings) = (props.send.clone(), s.settings.clone());
        Callback::from(move |()| {
            send.emit(Command::Reset {
                settings: settings.clone(),
            })
        })
    };
    // "Follow one sample": what the learner picked (gallery, confusion cell or drawing).
    let request = use_state(|| None::<TraceRequest>);
    let on_follow = {
        let set = request.setter();
        use_callback((), move |sample: TraceSample, _| {
            set.set(Some(TraceRequest {
                sample,
                focus: TraceFocus::default(),
                serial: next_serial(),
            }))
        })
    };
    let on_request = {
        let set = request.setter();
        use_callback((), move |r: TraceRequest, _| set.set(Some(r)))
    };
    // Each evaluation may follow new training: the drawn digit is asked about again.
    let model_version = m.evaluations.len() as u64;
    html! {
        <main class="layout mnist">
            <Show name="controls"><aside class="panel controls-panel">
                <MnistControls settings={s.settings.clone()} on_change={props.on_settings.clone()} />
            </aside></Show>
            <section class="center">
                if !m.data_ready() {
                    <DataPanel data={m.data.clone()} on_retry={retry} />
                }
                <div class="panel">
                    <Show name="transport"><MnistTransport state={state.clone()} send={props.send.clone()} /></Show>
                    <Show name="progress"><MnistProgress snapshot={m.snapshot.clone()} settings={s.settings.clone()} /></Show>
                </div>
                <Show name="charts"><Curves train={m.train_curve.clone()} evaluations={m.evaluations.clone()} /></Show>
                <Show name="evaluation">
                <div class="eval-row">
                    <div class="panel">
                        <h2>{"Confusion matrix"}</h2>
                        if let Some(e) = last {
                            <p class="hint">{"Rows: the true digit; columns: the model's answer. Blue: right; red: mistakes, stronger for a larger share of the row. Click a cell to see its images."}</p>
                            <ConfusionMatrix confusion={e.confusion.clone()} on_cell={on_cell}
                                selected={m.cell.as_ref().map(|c| (c.truth, c.predicted))} />
                        } else {
                            <p class="empty-note">{"Shown after the first evaluation (end of an epoch, or “Evaluate now”)."}</p>
                        }
                    </div>
                    <div class="panel">
                        <h2>{"Precision, recall and F1 per digit"}</h2>
                        if let Some(e) = last {
                            <ClassScores confusion={e.confusion.clone()} />
                        } else {
                            <p class="empty-note">{"Computed from the confusion matrix after the first evaluation."}</p>
                        }
                    </div>
                </div>
                if let Some(cell) = m.cell.clone() {
                    <CellExamplesPanel {cell} on_close={clear(MnistPart::Cell)} on_follow={on_follow.clone()} />
                }
                <Gallery evaluation={last_rc.clone()} on_follow={on_follow.clone()} />
                </Show>
            </section>
            <section class="side">
                <Show name="draw"><DrawPad {ready} {model_version} probs={m.drawn_probs.clone()} answered={m.predictions} send={props.send.clone()}
                    on_clear={clear(MnistPart::Drawing)} on_follow={on_follow.clone()} /></Show>
                <Show name="weights">
                <ModelFilePanel {ready} saved={m.saved.clone()} status={m.model_status.clone()}
                    on_save={props.send.reform(|()| Command::from(MnistCommand::Save))}
                    on_load={props.send.reform(|bytes| Command::from(MnistCommand::Load { bytes }))}
                    on_downloaded={clear(MnistPart::Saved)} accept=".mlpg,.bin"
                    hint="Save the trained weights (with the architecture and settings) to a file; load one to continue or to evaluate it."
                    dispatch={state.dispatcher()} />
                <WeightsGrid evaluation={last_rc} model={s.settings.mnist.model} />
                </Show>
            </section>
            <Show name="math"><div class="steps-row">
                <FollowSample request={(*request).clone()} trace={m.trace.clone()} errors={s.errors.clone()}
                    run_step={m.snapshot.as_ref().map(|snap| snap.progress.step)} evaluations={m.evaluations.len()}
                    {ready} send={props.send.clone()} {on_request} />
            </div></Show>
        </main>
    }
}
