//! The page's part of a race: each run's curve, path and newest readout, and which run the
//! step-by-step panel follows. Plain data folded from the race's snapshots, tested natively.

use crate::history;
use crate::protocol::race::RaceSnapshot;
use crate::protocol::surface::PathPoint;
use crate::protocol::{CurvePoint, Progress, Readout, Snapshot};
use crate::ui::state::{MAX_HISTORY, MAX_PATH};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RaceView {
    pub runs: Vec<RaceLine>,
    /// The run the step-by-step panel, the scatter plot and the readouts follow.
    pub follow: usize,
    pub progress: Option<Progress>,
}

/// One run of the race, as the page has seen it.
#[derive(Clone, Debug, PartialEq)]
pub struct RaceLine {
    pub label: String,
    pub curve: Vec<CurvePoint>,
    pub path: Vec<PathPoint>,
    pub latest: Readout,
    pub diverged: bool,
}

impl RaceView {
    pub fn apply(&mut self, snapshot: RaceSnapshot) {
        if self.runs.len() != snapshot.runs.len() {
            self.runs.clear();
        }
        for (i, run) in snapshot.runs.into_iter().enumerate() {
            if self.runs.len() <= i {
                self.runs.push(RaceLine {
                    label: run.label.clone(),
                    curve: Vec::new(),
                    path: Vec::new(),
                    latest: run.readout.clone(),
                    diverged: false,
                });
            }
            let line = &mut self.runs[i];
            let r = &run.readout;
            for &p in r.curve.iter().chain(std::iter::once(&CurvePoint {
                step: r.checkpoint.step,
                train_mse: r.train_mse,
                test_mse: r.test_mse,
            })) {
                history::push(&mut line.curve, p, MAX_HISTORY);
            }
            for &p in &r.path {
                history::push(&mut line.path, p, MAX_PATH);
            }
            (line.label, line.diverged, line.latest) = (run.label, run.diverged, run.readout);
        }
        self.follow = self.follow.min(self.runs.len().saturating_sub(1));
        self.progress = Some(snapshot.progress);
    }

    /// The followed run as a solo run's snapshot, with its curve and path.
    pub fn followed(&self) -> Option<(Snapshot, &[CurvePoint], &[PathPoint])> {
        let line = self.runs.get(self.follow)?;
        let snapshot = Snapshot {
            progress: self.progress.clone()?,
            run: line.latest.clone(),
        };
        Some((snapshot, &line.curve, &line.path))
    }

    pub fn clear(&mut self) {
        self.runs.clear();
        self.progress = None;
    }

    pub fn rewind(&mut self, step: u64) {
        for line in &mut self.runs {
            history::rewind(&mut line.curve, step);
            history::rewind(&mut line.path, step);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::race::RaceRun;
    use crate::protocol::{Checkpoint, ParamState};

    fn readout(step: u64, w: f32) -> Readout {
        Readout {
            w,
            b: 0.0,
            train_mse: 1.0 / (step + 1) as f32,
            test_mse: 0.5,
            curve: Vec::new(),
            path: vec![PathPoint { step, w, b: 0.0 }],
            last_step: None,
            checkpoint: Checkpoint {
                step,
                w,
                b: 0.0,
                state_w: ParamState::None,
                state_b: ParamState::None,
            },
        }
    }

    fn snapshot(step: u64) -> RaceSnapshot {
        RaceSnapshot {
            progress: Progress {
                epoch: 1,
                epochs: 1,
                step,
                total_steps: 10,
                samples_per_sec: 0.0,
                eta_ms: None,
                running: true,
                finished: false,
            },
            runs: (0..3)
                .map(|i| RaceRun {
                    label: format!("run {i}"),
                    readout: readout(step, i as f32),
                    diverged: i == 2 && step > 1,
                })
                .collect(),
        }
    }

    #[test]
    fn each_run_keeps_its_own_curve_and_path_and_the_followed_one_is_a_snapshot() {
        let mut v = RaceView::default();
        for step in 0..4 {
            v.apply(snapshot(step));
        }
        assert_eq!(v.runs.len(), 3);
        assert!(
            v.runs
                .iter()
                .all(|l| l.path.len() == 4 && l.curve.len() == 4)
        );
        assert!(v.runs[2].diverged && !v.runs[1].diverged);
        v.follow = 1;
        let (s, curve, path) = v.followed().unwrap();
        assert_eq!((s.run.w, s.progress.step, curve.len()), (1.0, 3, 4));
        assert!(path.iter().all(|p| p.w == 1.0));
        v.rewind(1);
        assert_eq!(v.runs[0].path.len(), 2);
        v.clear();
        assert!(v.followed().is_none());
    }
}
