//! The race's panel: one compact row per run (its settings, step, loss; the followed one
//! picked by a radio button), and the buttons that start or end a race.

use yew::prelude::*;

use super::class;
use crate::settings::Settings;
use crate::settings::race::Race;
use crate::ui::pages::TaskAction;
use crate::ui::state::{Action, State};

/// Races a learner can start with one click (the same as the `race=` links).
const QUICK: [(&str, &str); 3] = [
    ("SGD · momentum · Adam", "optimizer:sgd,momentum,adam"),
    ("α = 0.01 · 0.1 · 0.5", "lr:0.01,0.1,0.5"),
    ("batch 1 · 10 · 80", "batch:1,10,80"),
];

#[derive(Properties, PartialEq)]
pub struct RacePanelProps {
    pub state: UseReducerHandle<State>,
    pub on_settings: Callback<Settings>,
}

fn row(s: &State, i: usize, dispatch: &UseReducerDispatcher<State>) -> Html {
    let run = s.settings.linreg.race.run_settings(&s.settings, i);
    let line = s.views.race.runs.get(i);
    let follow = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::TaskView(TaskAction::RaceFollow(i))))
    };
    let step = line.map_or(0, |l| l.latest.checkpoint.step);
    let mse = line.map(|l| l.latest.train_mse);
    html! {
        <tr class={classes!(class(i), (s.views.race.follow == i).then_some("followed"))} data-testid={format!("race-row-{i}")}>
            <td><input type="radio" name="race-follow" checked={s.views.race.follow == i} onchange={follow}
                data-testid={format!("race-follow-{i}")} title="The step-by-step panel, the scatter plot and the readouts follow this run" /></td>
            <td><span class={classes!("key", "path", class(i))} />{s.settings.linreg.race.label(i)}</td>
            <td>{run.optimizer.key()}</td>
            <td>{run.live.lr.to_string()}</td>
            <td>{run.batch_size.to_string()}</td>
            <td data-testid={format!("race-step-{i}")}>{step.to_string()}</td>
            <td data-testid={format!("race-mse-{i}")}>{mse.map_or_else(|| "–".into(), |m| format!("{m:.5}"))}
                if line.is_some_and(|l| l.diverged) { <span class="race-diverged">{" diverged"}</span> }</td>
        </tr>
    }
}

#[component]
pub fn RacePanel(p: &RacePanelProps) -> Html {
    let s = &*p.state;
    let race = &s.settings.linreg.race;
    let start = |text: Option<&'static str>| {
        let (on_settings, settings) = (p.on_settings.clone(), s.settings.clone());
        Callback::from(move |_| {
            let mut next = settings.clone();
            next.linreg.race = text.and_then(|t| Race::parse(t).ok()).unwrap_or_default();
            on_settings.emit(next);
        })
    };
    let dispatch = p.state.dispatcher();
    html! {
        <div class="panel race" data-testid="race-panel">
            <div class="race-head">
                <h2>{"Race"}</h2>
                <span class="muted">{"Same data, same initial weights, started together:"}</span>
                for (name, text) in QUICK {
                    <button class={classes!("secondary", (race.write().as_deref() == Some(text)).then_some("active"))}
                        data-testid={format!("race-start-{}", text.split(':').next().unwrap_or(""))} onclick={start(Some(text))}>{name}</button>
                }
                if race.is_on() { <button class="secondary" data-testid="race-end" onclick={start(None)}>{"End the race"}</button> }
            </div>
            if race.is_on() {
                <div class="scroll-x"><table class="race-runs">
                    <thead><tr><th title="followed by the step-by-step panel">{"follow"}</th><th>{"run"}</th><th>{"optimizer"}</th><th>{"α"}</th><th>{"batch"}</th><th>{"step"}</th><th>{"train MSE"}</th></tr></thead>
                    <tbody>
                        for i in 0..race.runs.len() {
                            { row(s, i, &dispatch) }
                        }
                    </tbody>
                </table></div>
                for (i, line) in s.views.race.runs.iter().enumerate().filter(|(_, l)| l.diverged) {
                    <p class="race-diverged" data-testid={format!("race-diverged-{i}")}>
                        {format!("{}: diverged by step {} (w, b or the loss became NaN/∞) — stopped; the others go on.", line.label, line.latest.checkpoint.step)}
                    </p>
                }
                <p class="muted hint">{"Live changes (α, λ₁, λ₂, speed) reach every run except where a run sets that value itself. The link: "}<code data-testid="race-link">{format!("race={}", race.write().unwrap_or_default())}</code></p>
            }
        </div>
    }
}
