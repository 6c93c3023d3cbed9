//! The "Your data" layout: the table's source and the settings on the left; the columns, the
//! training and its curves in the middle; one row's step, written out, on the right.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::class_fit::ClassFitPanel;
use super::class_math::ClassMath;
use super::columns::ColumnsPanel;
use super::controls::TableControls;
use super::design_input::{adopt, build};
use super::fit::FitPanel;
use super::loader;
use super::math::RowMath;
use super::scatter::FeatureScatter;
use super::source::SourcePanel;
use super::view_state::{Loaded, TableAction};
use crate::data::least_squares_multi;
use crate::data::table::design::Target;
use crate::protocol::{Command, TableCommand};
use crate::settings::Settings;
use crate::settings::own_table::example_columns;
use crate::ui::embed::Show;
use crate::ui::pages::TaskAction;
use crate::ui::pages::race;
use crate::ui::pages::surface::{Gradient, SurfacePanel};
use crate::ui::run_buttons::RunButtons;
use crate::ui::state::{State, WorkerStatus};
use crate::ui::transport::reset_callback;

#[derive(Properties, PartialEq)]
pub struct TablePageProps {
    pub state: UseReducerHandle<State>,
    pub send: Callback<Command>,
    pub on_settings: Callback<Settings>,
}

fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

#[component]
pub fn TablePage(props: &TablePageProps) -> Html {
    let state = &props.state;
    let s = &**state;
    let v = &s.views.table;
    let act = {
        let state = state.clone();
        Callback::from(move |a: TableAction| {
            state.dispatch(crate::ui::state::Action::TaskView(TaskAction::Table(a)))
        })
    };
    // A table arrived: shown, and the settings' columns adopted if it lacks them.
    let on_read = {
        let (act, on_settings, settings) =
            (act.clone(), props.on_settings.clone(), s.settings.clone());
        Callback::from(
            move |(result, linked): (Result<Loaded, String>, bool)| match result {
                Ok(loaded) => {
                    let mut next = settings.clone();
                    if !linked {
                        next.table.data.clear();
                    }
                    let next = adopt(&loaded, &next).unwrap_or(next);
                    act.emit(TableAction::Loaded(loaded));
                    if next != settings {
                        on_settings.emit(next);
                    }
                }
                Err(message) => act.emit(TableAction::Failed {
                    source: String::new(),
                    message,
                }),
            },
        )
    };
    // `data=` names a built-in table or a link: fetched whenever it changes.
    {
        let (act, on_read) = (act.clone(), on_read.clone());
        let shown = v.loaded.as_ref().map(|l| l.source.clone());
        use_effect_with(s.settings.table.data.clone(), move |data| {
            if !data.is_empty() && shown.as_deref() != Some(data.as_str()) {
                match loader::resolve(data, &origin()) {
                    Ok(url) => {
                        act.emit(TableAction::Reading(data.clone()));
                        let source = data.clone();
                        spawn_local(async move {
                            on_read.emit((loader::fetch(source, url).await, true))
                        });
                    }
                    Err(message) => act.emit(TableAction::Failed {
                        source: data.clone(),
                        message,
                    }),
                }
            }
        });
    }
    let design = {
        let key = (v.loaded.clone(), s.settings.table.clone(), s.settings.seed);
        use_memo(key, |(loaded, _, _)| {
            loaded.as_ref().map(|l| build(l, &s.settings).map(Rc::new))
        })
    };
    let exact = {
        let key = (
            design
                .as_ref()
                .clone()
                .and_then(|d| d.ok())
                .map(|d| Rc::as_ptr(&d) as usize),
            s.settings.live.l2.to_bits(),
        );
        let design = design.clone();
        use_memo(key, move |_| {
            let d = design.as_ref().clone()?.ok()?;
            least_squares_multi::fit(
                &d.design.x_train,
                &d.design.y_train,
                d.design.n_features(),
                s.settings.live.l2,
            )
        })
    };
    // The worker trains on the design the settings ask for: sent when it changes and to every
    // new worker (after a crash the replacement needs it again).
    {
        let send = props.send.clone();
        let ready = s.status == WorkerStatus::Ready;
        let data = design.as_ref().clone().and_then(|d| d.ok());
        let key = (data.as_ref().map(|d| Rc::as_ptr(d) as usize), ready);
        use_effect_with(key, move |_| {
            if let (Some(d), true) = (data, ready) {
                send.emit(Command::from(TableCommand::Data(Box::new((*d).clone()))));
            }
        });
    }
    let on_example = {
        let (settings, on) = (s.settings.clone(), props.on_settings.clone());
        Callback::from(move |name: String| {
            let mut next = settings.clone();
            next.table.data = name.clone();
            if let Some((y, x)) = example_columns(&name) {
                next.table.y = y.into();
                next.table.x = x.iter().map(|x| x.to_string()).collect();
            }
            on.emit(next);
        })
    };
    let on_busy = act.reform(TableAction::Reading);
    let snapshot = v.snapshot.clone();
    let progress = v.progress();
    let (running, finished) = (
        progress.is_some_and(|p| p.running),
        progress.is_some_and(|p| p.finished),
    );
    let ready = crate::ui::pages::ready(s);
    let step_cmd = {
        let send = props.send.clone();
        Callback::from(move |_: MouseEvent| send.emit(Command::Step))
    };
    let example =
        (!s.settings.table.data.is_empty()).then(|| AttrValue::from(s.settings.table.data.clone()));
    let trained = design.as_ref().clone().and_then(|d| d.ok());
    let problem = design.as_ref().clone().and_then(|d| d.err());
    html! {
        <main class="layout table-task">
            <Show name="controls"><aside class="panel controls-panel">
                <TableControls settings={s.settings.clone()} on_change={props.on_settings.clone()}>
                    <SourcePanel {example} reading={v.reading.clone()} loaded_from={v.loaded.as_ref().map(|l| AttrValue::from(l.source.clone()))}
                        {on_example} on_read={on_read.reform(|r| (r, false))} {on_busy} />
                </TableControls>
            </aside></Show>
            <section class="center">
                if let Some(loaded) = v.loaded.clone() {
                    <div class="panel">
                        <h2>{format!("The table: {}", if loaded.source.is_empty() { "yours" } else { loaded.source.as_str() })}</h2>
                        <ColumnsPanel {loaded} settings={s.settings.clone()} on_change={props.on_settings.clone()} />
                        if let Some(p) = problem.clone() {
                            <p class="table-error" role="alert" data-testid="table-design-error">{p}</p>
                        }
                        if let Some(d) = trained.as_ref() {
                            <p class="hint" data-testid="table-design">{design_note(d)}</p>
                        }
                    </div>
                } else {
                    <div class="panel"><p class="empty-note">{"Choose a built-in table, drop a CSV file, or paste one: its columns appear here."}</p></div>
                }
                if let Some(d) = trained {
                    <div class="panel">
                        <Show name="transport"><div class="transport"><div class="buttons">
                            <RunButtons send={props.send.clone()} {ready} {running} {finished}
                                on_step={step_cmd} step_title="One optimizer step on one batch of rows"
                                on_reset={reset_callback(&props.send, state)} reset_title="Same settings, same seed: fresh weights, back to step 0" />
                        </div></div></Show>
                    </div>
                    if let Some(classes) = class_names(&d) {
                        <ClassFitPanel snapshot={v.classes.clone()} curve={v.class_curve.clone()} data={d.clone()} {classes} />
                    } else {
                        <FitPanel snapshot={snapshot.clone()} curve={v.curve.clone()} data={d.clone()} exact={(*exact).clone()} />
                        <Show name="charts">
                            <FeatureScatter design={d.clone()} snapshot={snapshot.clone()} exact={(*exact).clone()} seed={s.settings.seed} />
                        </Show>
                        if d.design.n_features() == 1 {
                            <Show name="surface"><div class="panel surface-block" data-testid="surface-panel">
                                <h2>{"Loss surface and the optimizer's path"}</h2>
                                <p class="hint">{format!("w multiplies the standardized “{}”; the loss is the MSE on the {} training rows plus λ₂w².", d.design.features[0].name, d.design.n_train())}</p>
                                <SurfacePanel x={Rc::new(d.design.x_train.clone())} y={Rc::new(d.design.y_train.clone())}
                                    penalty={(0.0, s.settings.live.l2)} start={v.path.first().map(|p| (f64::from(p.w), f64::from(p.b)))}
                                    ready={s.status == WorkerStatus::Ready && s.backend.is_some()}
                                    grid={s.views.surface.clone()} paths={race::solo_path(&v.path)}
                                    gradient={snapshot.as_ref().and_then(|t| t.last.as_ref()).and_then(Gradient::of_row_step)} send={props.send.clone()} />
                            </div></Show>
                        }
                    }
                }
            </section>
            <Show name="math"><section class="panel math">
                if let Some(classes) = class_names_of(&design) {
                    <ClassMath step={v.classes.clone().and_then(|c| c.last)} {classes} />
                } else {
                    <RowMath step={snapshot.and_then(|s| s.last)} />
                }
            </section></Show>
        </main>
    }
}

/// The class names when the target is a class (softmax regression); None for a number.
fn class_names(d: &crate::protocol::table::TableData) -> Option<Vec<String>> {
    match &d.design.target {
        Target::Classes(names) => Some(names.clone()),
        Target::Numeric => None,
    }
}

fn class_names_of(
    design: &Option<Result<Rc<crate::protocol::table::TableData>, String>>,
) -> Option<Vec<String>> {
    design.as_ref()?.as_ref().ok().and_then(|d| class_names(d))
}

fn design_note(d: &crate::protocol::table::TableData) -> String {
    let x = &d.design;
    let mut note = format!(
        "Training on {} rows, testing on {}; {} feature column{}{}.",
        x.n_train(),
        x.n_test(),
        x.n_features(),
        if x.n_features() == 1 { "" } else { "s" },
        if x.features.iter().any(|f| f.one_hot_of.is_some()) {
            " after one-hot encoding"
        } else {
            ""
        }
    );
    if x.dropped_rows > 0 {
        note.push_str(&format!(
            " {} rows with a missing value were dropped.",
            x.dropped_rows
        ));
    }
    if x.filled_cells > 0 {
        note.push_str(&format!(
            " {} missing cells were filled with their column's training mean.",
            x.filled_cells
        ));
    }
    note
}
