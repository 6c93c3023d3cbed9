//! The page's reducer, natively (`cargo test`): what each action does to the state the page
//! renders, including the tasks' own parts (through the page registry) and a resumed run.

use std::rc::Rc;

use yew::Reducible;

use super::pages::TaskAction;
use super::state::{Action, MAX_HISTORY, State, WorkerStatus};
use crate::protocol::mnist::{DataProgress, DataStage};
use crate::protocol::reference::NeuronSnapshot;
use crate::protocol::{
    Checkpoint, CurvePoint, MnistEvent, ParamState, Progress, Readout, ReferenceEvent, Snapshot,
    TaskEvent,
};
use crate::settings::{Settings, Task};

fn state(task: Task) -> Rc<State> {
    Rc::new(State::new(Settings::for_task(task), Vec::new()))
}

fn reduce(s: Rc<State>, actions: impl IntoIterator<Item = Action>) -> Rc<State> {
    actions.into_iter().fold(s, |s, a| s.reduce(a))
}

/// A linear-regression snapshot at `step` whose train MSE is `step` (to tell points apart).
fn snapshot(step: u64, curve: &[u64]) -> Action {
    let point = |step: u64| CurvePoint {
        step,
        train_mse: step as f32,
        test_mse: 0.5,
    };
    Action::Snapshot(Box::new(Snapshot {
        progress: Progress {
            epoch: 1,
            epochs: 1,
            step,
            total_steps: 10_000,
            samples_per_sec: 0.0,
            eta_ms: None,
            running: true,
            finished: false,
        },
        run: Readout {
            w: 1.0,
            b: 0.0,
            train_mse: step as f32,
            test_mse: 0.5,
            curve: curve.iter().map(|&s| point(s)).collect(),
            path: Vec::new(),
            last_step: None,
            checkpoint: Checkpoint {
                step,
                w: 1.0,
                b: 0.0,
                state_w: ParamState::None,
                state_b: ParamState::None,
            },
        },
    }))
}

fn neuron(steps: u64, losses: &[(u64, f32)], loss: f32) -> Action {
    Action::Task(TaskEvent::Reference(ReferenceEvent::Neuron(Box::new(
        NeuronSnapshot {
            steps,
            w: vec![0.1],
            b: 0.0,
            y_hat: 0.5,
            loss,
            losses: losses.to_vec(),
            last: None,
        },
    ))))
}

fn steps(s: &State) -> Vec<u64> {
    s.history.iter().map(|p| p.step).collect()
}

#[test]
fn a_snapshot_adds_its_curve_points_then_where_the_run_stands() {
    let s = reduce(state(Task::LinearRegression), [snapshot(20, &[10])]);
    assert_eq!(steps(&s), [10, 20]);
    assert_eq!(s.snapshot.as_ref().map(|x| x.progress.step), Some(20));
    assert!(s.running() && !s.finished());
}

#[test]
fn the_curve_stays_bounded_and_keeps_the_newest_point() {
    let s = reduce(
        state(Task::LinearRegression),
        (1..=3 * MAX_HISTORY as u64).map(|i| snapshot(i, &[])),
    );
    assert!(s.history.len() <= MAX_HISTORY, "{} points", s.history.len());
    assert_eq!(
        s.history.last().map(|p| p.step),
        Some(3 * MAX_HISTORY as u64)
    );
}

#[test]
fn a_restart_clears_the_run_but_a_live_change_keeps_it() {
    let s = reduce(state(Task::LinearRegression), [snapshot(5, &[])]);
    let mut live = s.settings.clone();
    live.live.lr *= 2.0;
    let kept = reduce(
        s.clone(),
        [Action::Settings {
            settings: Box::new(live.clone()),
            restart: false,
        }],
    );
    assert_eq!(
        (steps(&kept), kept.settings.live.lr),
        (vec![5], live.live.lr)
    );
    let restarted = reduce(
        s,
        [Action::Settings {
            settings: Box::new(live),
            restart: true,
        }],
    );
    assert!(restarted.history.is_empty() && restarted.snapshot.is_none());
}

#[test]
fn new_data_settings_make_new_data_and_a_new_least_squares_fit() {
    let s = state(Task::LinearRegression);
    let mut other = s.settings.clone();
    other.seed += 1;
    let t = reduce(
        s.clone(),
        [Action::Settings {
            settings: Box::new(other),
            restart: true,
        }],
    );
    assert_ne!(s.data.x_train, t.data.x_train);
    assert_ne!(s.least_squares, t.least_squares);
}

#[test]
fn after_a_failure_the_run_rewinds_to_its_checkpoint_or_starts_over() {
    let s = reduce(state(Task::LinearRegression), [snapshot(30, &[10, 20])]);
    let rewound = reduce(s.clone(), [Action::Resumed(20)]);
    assert_eq!(steps(&rewound), [10, 20]);
    let over = reduce(s, [Action::Resumed(0)]);
    assert!(over.history.is_empty() && over.snapshot.is_none());
}

#[test]
fn errors_keep_the_newest_five_and_dismissing_a_missing_one_changes_nothing() {
    let s = reduce(
        state(Task::Mnist),
        (0..7).map(|i| Action::Error(format!("e{i}"))),
    );
    assert_eq!(s.errors, ["e2", "e3", "e4", "e5", "e6"]);
    let same = s.clone().reduce(Action::DismissError(9));
    assert!(Rc::ptr_eq(&s, &same));
    let fewer = s.reduce(Action::DismissError(0));
    assert_eq!(fewer.errors.first().map(String::as_str), Some("e3"));
}

#[test]
fn the_sub_step_walk_stays_within_its_four_steps() {
    let s = reduce(
        state(Task::LinearRegression),
        [Action::SetWalk(true), Action::SubStepPrev],
    );
    assert_eq!(
        (s.sub_step, s.walk_sub_steps, s.settings.linreg.walk),
        (0, true, true)
    );
    let s = reduce(s, (0..9).map(|_| Action::SubStepNext));
    assert_eq!(s.sub_step, 3);
    assert_eq!(s.reduce(Action::SubStepFirst).sub_step, 0);
}

#[test]
fn the_worker_status_follows_its_events() {
    let s = state(Task::LinearRegression);
    assert_eq!(s.status, WorkerStatus::Starting);
    assert_eq!(
        s.reduce(Action::ChoosingDevice).status,
        WorkerStatus::ChoosingDevice
    );
}

#[test]
fn a_notice_of_the_worker_is_no_error_and_can_be_dismissed() {
    let s = reduce(
        state(Task::LinearRegression),
        [
            Action::Info("Training moved to WebGPU".into()),
            Action::Info("second".into()),
        ],
    );
    assert!(s.errors.is_empty());
    assert_eq!(s.infos, ["Training moved to WebGPU", "second"]);
    let s = reduce(s, [Action::DismissInfo(0), Action::DismissInfo(7)]);
    assert_eq!(s.infos, ["second"]);
}

#[test]
fn a_stopped_worker_leaves_no_device_and_one_message() {
    let s = reduce(
        state(Task::LinearRegression),
        [
            Action::Ready(crate::protocol::BackendInfo::cpu("chosen", None)),
            snapshot(3, &[]),
            Action::Stopped("reload".into()),
        ],
    );
    assert!(
        !s.running(),
        "a crash while playing leaves no Pause to press"
    );
    assert_eq!(
        (s.status.clone(), s.backend.is_none()),
        (WorkerStatus::Stopped, true)
    );
    assert_eq!(s.errors, ["reload"]);
    let s = reduce(s, (0..6).map(|i| Action::Error(format!("e{i}"))));
    let s = s.reduce(Action::Stopped("reload".into()));
    assert_eq!(s.errors.len(), 5, "the cap holds for the stop message too");
    assert!(!super::pages::ready(&s), "nothing can start");
}

#[test]
fn a_tasks_own_events_reach_its_part_of_the_state() {
    let data = |stage| {
        Action::Task(TaskEvent::Mnist(MnistEvent::Data(DataProgress {
            stage,
            file: "t10k-labels-idx1-ubyte.gz".into(),
            loaded_bytes: 1,
            total_bytes: 1,
            images: 1,
            total_images: 1,
        })))
    };
    let s = reduce(state(Task::Mnist), [data(DataStage::Downloading)]);
    assert!(!s.views.mnist.data_ready());
    let s = reduce(s, [data(DataStage::Ready)]);
    assert!(s.views.mnist.data_ready());
    // A new run keeps the data it has.
    let settings = s.settings.clone();
    let s = reduce(
        s,
        [Action::Settings {
            settings: Box::new(settings),
            restart: true,
        }],
    );
    assert!(s.views.mnist.data_ready());
}

#[test]
fn the_neuron_waits_for_its_steps_and_rewinds_its_losses() {
    let s = reduce(
        state(Task::Neuron),
        [Action::TaskView(TaskAction::NeuronPending)],
    );
    assert!(s.views.reference.pending);
    let s = reduce(s, [neuron(3, &[(1, 0.9), (2, 0.8), (3, 0.7)], 0.6)]);
    assert!(!s.views.reference.pending);
    assert_eq!(
        s.views.reference.losses,
        [(1, 0.9), (2, 0.8), (3, 0.7), (4, 0.6)]
    );
    let s = reduce(s, [Action::Resumed(2)]);
    assert_eq!(s.views.reference.losses, [(1, 0.9), (2, 0.8)]);
}

#[test]
fn a_settings_change_sends_one_live_update_or_one_restart() {
    use super::app::command_for;
    use crate::protocol::Command;
    let old = Settings::for_task(Task::LinearRegression);
    let mut new = old.clone();
    new.live.lr = 0.5;
    new.live.speed = 3;
    match command_for(&old, &new) {
        Some(Command::SetLive(live)) => assert_eq!((live.lr, live.speed), (0.5, 3)),
        other => panic!("a live change sent {other:?}"),
    }
    new.linreg.points += 10;
    assert!(
        matches!(command_for(&old, &new), Some(Command::Reset { settings }) if settings == new)
    );
    assert_eq!(command_for(&old, &old), None);
}
