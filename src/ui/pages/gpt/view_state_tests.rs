//! The GPT's part of the page state, natively: snapshots, evaluations, samples, rewinds.

use std::rc::Rc;

use yew::Reducible;

use super::*;
use crate::protocol::gpt::{GptInfo, GptTrainPoint};
use crate::protocol::{Progress, TaskEvent};
use crate::settings::{Settings, Task, TextData};
use crate::ui::state::{Action, State};

fn snapshot(step: u64, loss: f32, evaluation: Option<GptEvaluation>) -> GptEvent {
    GptEvent::Snapshot(Box::new(GptSnapshot {
        progress: Progress {
            epoch: 1,
            epochs: 1,
            step,
            total_steps: 100,
            samples_per_sec: 0.0,
            eta_ms: None,
            running: true,
            finished: false,
        },
        info: GptInfo {
            data: TextData::Names,
            vocab: vec![".".into(), "a".into()],
            parameters: 10,
            sequence_len: 16,
            tokens_per_step: 512,
            notices: Vec::new(),
            uniform_loss: 2f64.ln(),
            reference: None,
            eval_every: 25,
        },
        lr: 1e-3,
        train: Some(GptTrainPoint { step, loss }),
        evaluation,
        memory_bytes: 0,
    }))
}

fn evaluation(step: u64, sample: Option<&str>) -> GptEvaluation {
    GptEvaluation {
        step,
        validation_loss: 1.0,
        exact: None,
        answers: Vec::new(),
        sample: sample.map(str::to_string),
    }
}

#[test]
fn snapshots_build_the_curves_and_keep_the_newest_sample_through_the_page_state() {
    let s = Rc::new(State::new(Settings::for_task(Task::Gpt), Vec::new()));
    let events = [
        snapshot(0, 3.0, Some(evaluation(0, Some("ab.")))),
        snapshot(10, 2.5, None),
        snapshot(25, 2.0, Some(evaluation(25, None))),
    ];
    let s = events
        .into_iter()
        .fold(s, |s, e| s.reduce(Action::Task(TaskEvent::Gpt(e))));
    let g = &s.views.gpt;
    assert_eq!(g.train_curve, vec![(0, 3.0), (10, 2.5), (25, 2.0)]);
    assert_eq!(
        g.evaluations.iter().map(|e| e.step).collect::<Vec<_>>(),
        [0, 25]
    );
    assert_eq!(
        g.sample,
        Some((0, "ab.".to_string())),
        "an evaluation without a sample keeps the last"
    );
    assert!(crate::ui::pages::ready(&s) || s.backend.is_none());
}

#[test]
fn a_rewind_drops_what_came_later_and_a_failed_load_is_not_ready() {
    let mut g = GptView::default();
    g.apply(snapshot(0, 3.0, Some(evaluation(0, Some("x")))));
    g.apply(snapshot(300, 2.0, Some(evaluation(300, Some("late")))));
    g.rewind(100);
    assert_eq!(g.train_curve, vec![(0, 3.0)]);
    assert_eq!(g.evaluations.len(), 1);
    assert_eq!(g.sample, None);
    g.apply(GptEvent::Data(TextDataState::Failed {
        file: "names.txt".into(),
        message: "damaged".into(),
    }));
    assert!(!g.data_ready());
    g.clear_run();
    assert!(
        g.train_curve.is_empty() && !g.data_ready(),
        "the data state outlives a run"
    );
}
