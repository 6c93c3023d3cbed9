//! The linear-regression layout: controls, transport, scatter and loss charts, parameters, math.

use std::rc::Rc;

use yew::prelude::*;

use super::race::{self, RacePanel};
use super::surface::{Gradient, SurfacePanel};
use crate::data::linreg::initial_weights;

use crate::protocol::Command;
use crate::settings::Settings;
use crate::ui::charts::{LossChart, ScatterPlot};
use crate::ui::controls::Controls;
use crate::ui::embed::Show;
use crate::ui::export_dialog::ExportDialog;
use crate::ui::math_panel::MathPanel;
use crate::ui::params_panel::ParamsPanel;
use crate::ui::progress::ProgressBar;
use crate::ui::state::{State, WorkerStatus};
use crate::ui::transport::Transport;

#[derive(Properties, PartialEq)]
pub struct PageProps {
    pub state: UseReducerHandle<State>,
    pub send: Callback<Command>,
    pub on_settings: Callback<Settings>,
}

#[component]
pub fn LinregPage(props: &PageProps) -> Html {
    let (state, send, on_settings) = (&props.state, &props.send, &props.on_settings);
    let s = &**state;
    let dispatch = state.dispatcher();
    // While walking forward/loss/backward, the line is still the one before the update.
    let fit = s.snapshot.as_ref().map(|snap| match &snap.run.last_step {
        Some(t) if s.walk_sub_steps && s.sub_step < 3 => (t.w.theta, t.b.theta),
        _ => (snap.run.w, snap.run.b),
    });
    let racing = s.settings.linreg.race.is_on() && !s.views.race.runs.is_empty();
    let (paths, curves) = if racing {
        (race::paths(&s.views.race), race::curves(&s.views.race))
    } else {
        (race::solo_path(&s.path), Vec::new())
    };
    let (w0, b0) = initial_weights(s.settings.seed);
    let start = (f64::from(w0), f64::from(b0));
    html! {
        <>
            <main class="layout">
                <Show name="controls"><aside class="panel controls-panel">
                    <Controls settings={s.settings.clone()} on_change={on_settings.clone()} running={s.running()} />
                </aside></Show>
                <section class="center">
                    <div class="panel">
                        <Show name="transport"><Transport state={state.clone()} send={send.clone()} /></Show>
                        <Show name="progress"><ProgressBar snapshot={s.snapshot.clone()} settings={s.settings.clone()} /></Show>
                    </div>
                    <Show name="race"><RacePanel state={state.clone()} on_settings={on_settings.clone()} /></Show>
                    <Show name="charts"><div class="charts">
                        <div class="panel">
                            <h2>{"Data and fitted line"}</h2>
                            <ScatterPlot data={s.data.clone()} snapshot={s.snapshot.clone()}
                                least_squares={s.least_squares} show_test={s.settings.linreg.show_test} {fit} />
                        </div>
                        <div class="panel">
                            <h2>{"Loss (MSE) per step"}</h2>
                            <LossChart history={s.history.clone()} data={s.data.clone()} least_squares={s.least_squares} race={curves} />
                        </div>
                    </div></Show>
                    <Show name="surface"><div class="panel surface-block" data-testid="surface-panel">
                        <h2>{"Loss surface and the optimizer's path"}</h2>
                        <SurfacePanel x={Rc::new(s.data.x_train.clone())} y={Rc::new(s.data.y_train.clone())}
                            penalty={(s.settings.live.l1, s.settings.live.l2)} start={Some(start)}
                            ready={s.status == WorkerStatus::Ready && s.backend.is_some()}
                            grid={s.views.surface.clone()} paths={paths}
                            gradient={s.snapshot.as_ref().and_then(|t| t.run.last_step.as_ref()).map(Gradient::from)} send={send.clone()} />
                    </div></Show>
                    <Show name="params"><ParamsPanel snapshot={s.snapshot.clone()} least_squares={s.least_squares} /></Show>
                </section>
                <Show name="math"><section class="panel math">
                    <MathPanel state={state.clone()} send={send.clone()} />
                </section></Show>
            </main>
            if s.exporting {
                if let Some(trace) = s.snapshot.as_ref().and_then(|s| s.run.last_step.clone()) {
                    <ExportDialog trace={trace} dispatch={dispatch.clone()} />
                }
            }
        </>
    }
}
