//! The page's state: one `Reducible` and its `Action`s (as in yew's `function_todomvc`).

use std::rc::Rc;

use yew::Reducible;

use super::pages::{TaskAction, TaskViews};
use crate::data::least_squares::{self, LeastSquares};
use crate::data::linreg::{LinRegData, generate};
use crate::history;
use crate::protocol::surface::PathPoint;
use crate::protocol::{BackendInfo, CurvePoint, Snapshot, TaskEvent};
use crate::settings::{Notice, Settings};

/// At most this many points per curve; older ones are thinned out by half when full.
pub const MAX_HISTORY: usize = 600;
/// At most this many points of the optimizer's path across the loss surface.
pub const MAX_PATH: usize = 1_200;

/// What the worker is doing, as far as the page knows.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkerStatus {
    Starting,
    ChoosingDevice,
    Ready,
    /// It kept crashing and was given up on: nothing can train until the page is reloaded.
    Stopped,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub settings: Settings,
    pub notices: Vec<Notice>,
    pub status: WorkerStatus,
    pub backend: Option<BackendInfo>,
    pub data: LinRegData,
    pub least_squares: Option<LeastSquares>,
    pub snapshot: Option<Snapshot>,
    pub history: Vec<CurvePoint>,
    /// (w, b) step by step: the optimizer's path across the loss surface.
    pub path: Vec<PathPoint>,
    /// In the sub-step walk: which of forward, loss, backward, update is shown (0–3).
    pub sub_step: usize,
    /// Walking the four sub-steps one at a time instead of whole iterations.
    pub walk_sub_steps: bool,
    /// Problems reported by the worker, newest last.
    pub errors: Vec<String>,
    /// What the worker did on its own that the learner should know (e.g. it moved the run
    /// to the faster device), each dismissible.
    pub infos: Vec<String>,
    /// The export dialog is open.
    pub exporting: bool,
    /// Each task's own part (MNIST's views, the neuron's run, …).
    pub views: TaskViews,
}

pub enum Action {
    /// Settings changed; `restart` means the run must start over with them.
    Settings {
        settings: Box<Settings>,
        restart: bool,
    },
    ChoosingDevice,
    Ready(BackendInfo),
    /// The worker was given up on (it kept crashing); `why` says what to do.
    Stopped(String),
    Snapshot(Box<Snapshot>),
    Error(String),
    DismissError(usize),
    Info(String),
    DismissInfo(usize),
    DismissNotice(usize),
    SetWalk(bool),
    SubStepNext,
    SubStepPrev,
    SubStepFirst,
    SetExporting(bool),
    /// A task's own message from the worker (MNIST's data, the neuron's snapshots, …).
    Task(TaskEvent),
    /// What a task's page does to its own part of the state.
    TaskView(TaskAction),
    /// After a failure the run continues from this step (0: it started over).
    Resumed(u64),
}

impl State {
    pub fn new(settings: Settings, notices: Vec<Notice>) -> Self {
        let walk = settings.linreg.walk;
        let data = generate(settings.linreg.points, settings.linreg.noise, settings.seed);
        Self {
            least_squares: least_squares::fit(&data.x_train, &data.y_train),
            data,
            settings,
            notices,
            status: WorkerStatus::Starting,
            backend: None,
            snapshot: None,
            history: Vec::new(),
            path: Vec::new(),
            sub_step: 0,
            walk_sub_steps: walk,
            errors: Vec::new(),
            infos: Vec::new(),
            exporting: false,
            views: TaskViews::default(),
        }
    }

    pub fn running(&self) -> bool {
        self.snapshot.as_ref().is_some_and(|s| s.progress.running)
    }

    pub fn finished(&self) -> bool {
        self.snapshot.as_ref().is_some_and(|s| s.progress.finished)
    }

    fn push_history(&mut self, s: &Snapshot) {
        for &point in &s.run.curve {
            self.push_point(point);
        }
        self.push_point(CurvePoint {
            step: s.progress.step,
            train_mse: s.run.train_mse,
            test_mse: s.run.test_mse,
        });
        for &point in &s.run.path {
            history::push(&mut self.path, point, MAX_PATH);
        }
    }

    /// In a race, the followed run is what the solo views show (snapshot, curve, path).
    fn follow_race(&mut self) {
        if let Some((snapshot, curve, path)) = self.views.race.followed() {
            (self.history, self.path) = (curve.to_vec(), path.to_vec());
            self.snapshot = Some(snapshot);
        }
    }

    /// The newest five problems are kept.
    fn push_error(&mut self, message: String) {
        self.errors.push(message);
        if self.errors.len() > 5 {
            self.errors.remove(0);
        }
    }

    fn push_point(&mut self, point: CurvePoint) {
        history::push(&mut self.history, point, MAX_HISTORY);
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Settings { settings, restart } => {
                let data_changed = (settings.linreg.points, settings.linreg.noise, settings.seed)
                    != (
                        s.settings.linreg.points,
                        s.settings.linreg.noise,
                        s.settings.seed,
                    );
                if data_changed {
                    s.data = generate(settings.linreg.points, settings.linreg.noise, settings.seed);
                    s.least_squares = least_squares::fit(&s.data.x_train, &s.data.y_train);
                }
                if restart {
                    s.history.clear();
                    s.path.clear();
                    s.snapshot = None;
                    s.sub_step = 0;
                    s.views.clear_run();
                }
                s.settings = *settings;
            }
            Action::ChoosingDevice => s.status = WorkerStatus::ChoosingDevice,
            Action::Stopped(why) => {
                // No device: every control that needs one is disabled, and nothing runs (a
                // crash while playing left `running` in the last snapshots: no Pause either).
                (s.status, s.backend) = (WorkerStatus::Stopped, None);
                s.views.stop();
                if let Some(snapshot) = s.snapshot.as_mut() {
                    snapshot.progress.running = false;
                }
                s.push_error(why);
            }
            Action::Ready(info) => {
                s.status = WorkerStatus::Ready;
                s.backend = Some(info);
            }
            Action::Snapshot(snapshot) => {
                s.push_history(&snapshot);
                s.snapshot = Some(*snapshot);
            }
            Action::Error(message) => s.push_error(message),
            Action::Info(message) => s.infos.push(message),
            Action::DismissInfo(i) if i < s.infos.len() => {
                s.infos.remove(i);
            }
            Action::DismissError(i) if i < s.errors.len() => {
                s.errors.remove(i);
            }
            Action::DismissNotice(i) if i < s.notices.len() => {
                s.notices.remove(i);
            }
            Action::DismissError(_) | Action::DismissNotice(_) | Action::DismissInfo(_) => {
                return self;
            }
            Action::SetWalk(on) => {
                s.walk_sub_steps = on;
                s.settings.linreg.walk = on;
                s.sub_step = 0;
            }
            Action::SubStepNext => s.sub_step = (s.sub_step + 1).min(3),
            Action::SubStepPrev => s.sub_step = s.sub_step.saturating_sub(1),
            Action::SubStepFirst => s.sub_step = 0,
            Action::SetExporting(on) => s.exporting = on,
            Action::Task(event) => {
                let race = matches!(event, TaskEvent::Race(_));
                s.views.apply(event);
                if race {
                    s.follow_race();
                }
            }
            Action::TaskView(action) => {
                let follow = matches!(action, TaskAction::RaceFollow(_));
                s.views.act(action);
                if follow {
                    s.follow_race();
                }
            }
            Action::Resumed(0) => {
                // Nothing could be continued: the run starts over.
                s.history.clear();
                s.path.clear();
                s.snapshot = None;
                s.sub_step = 0;
                s.views.clear_run();
            }
            Action::Resumed(step) => {
                history::rewind(&mut s.history, step);
                history::rewind(&mut s.path, step);
                s.views.rewind(step);
            }
        }
        Rc::new(s)
    }
}
