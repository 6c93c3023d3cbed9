//! The registry of task pages: each task's tab, its page, its part of the page state and what
//! it reports to a host page. A task's page is in its own folder here; its entries in this
//! file are all a new task adds to the UI (the header, the tabs, the reducer and the embed API
//! read them).

pub mod gpt;
mod linreg;
pub mod mnist;
pub mod neuron;
pub mod race;
pub mod reference;
pub mod surface;
pub mod table;

use serde_json::{Value, json};
use yew::prelude::*;

use super::state::{State, WorkerStatus};
use crate::protocol::{Command, Progress, TaskEvent};
use crate::settings::{Settings, Task};
use gpt::{GptPage, GptView};
use linreg::LinregPage;
use mnist::{MnistPage, MnistPart, MnistView};
use neuron::NeuronPage;
use reference::{FormulasPage, ReferenceView};
use table::{TableAction, TablePage, TableView};

/// A task's tab: its label and the tooltip that says what it teaches.
pub struct Tab {
    pub task: Task,
    pub label: &'static str,
    pub title: &'static str,
}

/// The tabs, in the order the header shows them.
pub const TABS: [Tab; 6] = [
    Tab {
        task: Task::LinearRegression,
        label: "Linear regression",
        title: "y = 2x + 1 + noise: two parameters, every number of every step",
    },
    Tab {
        task: Task::Neuron,
        label: "Single neuron",
        title: "Logistic regression on one sample: sigmoid and cross-entropy, step by step",
    },
    Tab {
        task: Task::Mnist,
        label: "MNIST digits",
        title: "Handwritten digits: MLPs and a small CNN, trained in your browser",
    },
    Tab {
        task: Task::Gpt,
        label: "Tiny GPT",
        title: "A Transformer language model trained in your browser: sort digits, invent names, write Shakespeare",
    },
    Tab {
        task: Task::Table,
        label: "Your data",
        title: "Your own table (CSV) or a classic one: pick the columns, train a regression or a classifier, follow one row",
    },
    Tab {
        task: Task::Formulas,
        label: "Formulas",
        title: "Every formula, typeset, with a worked example computed live by Burn",
    },
];

/// The page of `state.settings.task`, between the header and the footer.
pub fn page(
    state: &UseReducerHandle<State>,
    send: &Callback<Command>,
    on_settings: &Callback<Settings>,
) -> Html {
    let (state, send, on_settings) = (state.clone(), send.clone(), on_settings.clone());
    match state.settings.task {
        Task::LinearRegression => html! { <LinregPage {state} {send} {on_settings} /> },
        Task::Neuron => html! { <NeuronPage {state} {send} {on_settings} /> },
        Task::Mnist => html! { <MnistPage {state} {send} {on_settings} /> },
        Task::Gpt => html! { <GptPage {state} {send} {on_settings} /> },
        Task::Table => html! { <TablePage {state} {send} {on_settings} /> },
        Task::Formulas => html! { <FormulasPage {state} {on_settings} /> },
    }
}

/// Each task's part of the page state: plain data folded from its own events.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TaskViews {
    pub mnist: MnistView,
    /// The formula page's worked examples and the single neuron's run.
    pub reference: ReferenceView,
    pub gpt: GptView,
    pub table: TableView,
    /// The newest loss surface the worker computed (the page shows it while it is current).
    pub surface: Option<std::rc::Rc<crate::protocol::surface::SurfaceGrid>>,
    /// Linear regression's race, when one runs.
    pub race: race::RaceView,
}

/// What a task's page does to its own part of the state.
#[derive(Clone, Debug, PartialEq)]
pub enum TaskAction {
    /// MNIST: something closed, cleared or dealt with by the page.
    MnistClear(MnistPart),
    /// Single neuron: steps were requested (the Step buttons wait for the answer).
    NeuronPending,
    /// Tiny GPT: the saved model was handed to the browser.
    GptSaved,
    /// "Your data": a table is being read, was read, or could not be.
    Table(TableAction),
    /// The race: the step-by-step panel follows run `i`.
    RaceFollow(usize),
}

impl TaskViews {
    pub fn apply(&mut self, event: TaskEvent) {
        match event {
            TaskEvent::Mnist(e) => self.mnist.apply(e),
            TaskEvent::Reference(e) => self.reference.apply(e),
            TaskEvent::Gpt(e) => self.gpt.apply(e),
            TaskEvent::Table(e) => self.table.apply(e),
            TaskEvent::Surface(grid) => self.surface = Some(std::rc::Rc::new(grid)),
            TaskEvent::Race(snapshot) => self.race.apply(*snapshot),
        }
    }

    pub fn act(&mut self, action: TaskAction) {
        match action {
            TaskAction::MnistClear(part) => self.mnist.clear(part),
            TaskAction::NeuronPending => self.reference.pending = true,
            TaskAction::GptSaved => self.gpt.saved = None,
            TaskAction::Table(a) => self.table.act(a),
            TaskAction::RaceFollow(i) => {
                self.race.follow = i.min(self.race.runs.len().saturating_sub(1))
            }
        }
    }

    /// A new run: what belonged to the old one goes.
    pub fn clear_run(&mut self) {
        self.mnist.clear_run();
        self.reference.clear_run();
        self.gpt.clear_run();
        self.table.clear_run();
        self.race.clear();
    }

    /// The worker was given up on: no task's run is running any more.
    pub fn stop(&mut self) {
        if let Some(snapshot) = self.mnist.snapshot.as_mut() {
            snapshot.progress.running = false;
        }
        if let Some(snapshot) = self.gpt.snapshot.as_mut() {
            snapshot.progress.running = false;
        }
        self.table.stop();
    }

    /// After a failure the run continues from `step`: what came later goes.
    pub fn rewind(&mut self, step: u64) {
        self.mnist.rewind(step);
        self.reference.rewind(step);
        self.gpt.rewind(step);
        self.table.rewind(step);
        self.race.rewind(step);
    }
}

/// The run's progress, whichever task shows it.
pub fn progress(s: &State) -> Option<&Progress> {
    match s.settings.task {
        Task::Mnist => s.views.mnist.snapshot.as_ref().map(|m| &m.progress),
        Task::Gpt => s.views.gpt.snapshot.as_ref().map(|g| &g.progress),
        Task::Table => s.views.table.progress(),
        _ => s.snapshot.as_ref().map(|r| &r.progress),
    }
}

/// Whether training can start: a device, and the task's data.
pub fn ready(s: &State) -> bool {
    s.status == WorkerStatus::Ready
        && s.backend.is_some()
        && (s.settings.task != Task::Mnist || s.views.mnist.data_ready())
        && (s.settings.task != Task::Gpt
            || (s.views.gpt.data_ready() && s.views.gpt.snapshot.is_some()))
        && (s.settings.task != Task::Table || s.views.table.progress().is_some())
}

/// The numbers a host page gets in its `state` event (`metrics`).
pub fn host_metrics(s: &State) -> Value {
    match s.settings.task {
        Task::Mnist => {
            let train = s.views.mnist.train_curve.last();
            let eval = s.views.mnist.last_evaluation();
            json!({
                "trainLoss": train.map(|t| t.loss), "trainAccuracy": train.map(|t| t.accuracy),
                "testLoss": eval.map(|e| e.test_loss), "testAccuracy": eval.map(|e| e.accuracy),
            })
        }
        Task::Gpt => {
            let g = &s.views.gpt;
            let eval = g.last_evaluation();
            json!({
                "trainLoss": g.train_curve.last().map(|p| p.1),
                "validationLoss": eval.map(|e| e.validation_loss),
                "exactMatch": eval.and_then(|e| e.exact).map(|(c, n)| c as f64 / n.max(1) as f64),
            })
        }
        Task::Table => s.views.table.host_metrics(),
        _ => {
            let mut metrics = s.snapshot.as_ref().map_or(json!({}), |r| {
                json!({"w": r.run.w, "b": r.run.b, "trainMse": r.run.train_mse, "testMse": r.run.test_mse})
            });
            if !s.views.race.runs.is_empty() {
                // A race: every run by its index; the numbers above are the followed run's.
                metrics["followedRun"] = json!(s.views.race.follow);
                metrics["race"] = s.views.race.runs.iter().enumerate().map(|(i, l)| json!({
                    "run": i, "label": l.label, "step": l.latest.checkpoint.step, "w": l.latest.w,
                    "b": l.latest.b, "trainMse": l.latest.train_mse, "diverged": l.diverged,
                })).collect();
            }
            metrics
        }
    }
}
