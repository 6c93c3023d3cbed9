//! Linear regression's race: two or three [`LinRegTrainer`]s on the same data from the same
//! initial weights, stepped together, each with its own settings. A run whose numbers go to
//! NaN/∞ stops (seen at its next readout); the others go on.

use std::cell::RefCell;
use std::rc::Rc;

use burn::tensor::Device;

use super::EngineError;
use super::trace_readout::PendingReadout;
use super::trainer::LinRegTrainer;
use crate::protocol::Hyper;
use crate::protocol::race::RaceRun;
use crate::settings::Settings;
use crate::settings::race::apply;

pub struct LinRegRace {
    base: Settings,
    runs: Vec<LinRegTrainer>,
    /// Which runs diverged (set by the readout that saw it).
    diverged: Rc<RefCell<Vec<bool>>>,
}

/// Every run's readout, queued.
pub struct PendingRace {
    pending: Vec<(String, PendingReadout)>,
    diverged: Rc<RefCell<Vec<bool>>>,
}

impl LinRegRace {
    pub fn new(s: &Settings, device: Device) -> Self {
        let race = &s.linreg.race;
        let runs: Vec<LinRegTrainer> = (0..race.runs.len())
            .map(|i| LinRegTrainer::new(&race.run_settings(s, i), device.clone(), None))
            .collect();
        Self {
            diverged: Rc::new(RefCell::new(vec![false; runs.len()])),
            base: s.clone(),
            runs,
        }
    }

    /// The run that decides the race's progress (the one with the most steps to take).
    fn longest(&self) -> Option<&LinRegTrainer> {
        self.runs.iter().max_by_key(|r| r.total_steps())
    }

    /// One step of every run that has not finished or diverged.
    pub fn step(&mut self) {
        let diverged = self.diverged.borrow();
        for (run, gone) in self.runs.iter_mut().zip(diverged.iter()) {
            if !gone {
                run.step();
            }
        }
    }

    pub fn is_finished(&self) -> bool {
        let diverged = self.diverged.borrow();
        self.runs
            .iter()
            .zip(diverged.iter())
            .all(|(r, &gone)| gone || r.is_finished())
    }

    pub fn steps_taken(&self) -> u64 {
        self.runs
            .iter()
            .map(LinRegTrainer::steps_taken)
            .max()
            .unwrap_or(0)
    }

    pub fn total_steps(&self) -> u64 {
        self.longest().map_or(0, LinRegTrainer::total_steps)
    }

    pub fn epoch(&self) -> usize {
        self.longest().map_or(1, LinRegTrainer::epoch)
    }

    /// A live change reaches every run except where the run sets that value itself.
    pub fn set_hyper(&mut self, hyper: Hyper) {
        let race = &self.base.linreg.race;
        for (i, run) in self.runs.iter_mut().enumerate() {
            let mut s = self.base.clone();
            (s.live.lr, s.live.l1, s.live.l2) = (hyper.lr, hyper.l1, hyper.l2);
            if let Some(own) = race.runs.get(i) {
                apply(&mut s, own);
            }
            run.set_hyper(Hyper::from(s.live));
        }
    }

    /// Queues every run's readout (each takes its recorded curve and path points).
    pub fn prepare_readouts(&mut self) -> PendingRace {
        let labels: Vec<String> = (0..self.runs.len())
            .map(|i| self.base.linreg.race.label(i))
            .collect();
        PendingRace {
            pending: labels
                .into_iter()
                .zip(self.runs.iter_mut().map(LinRegTrainer::prepare_readout))
                .collect(),
            diverged: self.diverged.clone(),
        }
    }
}

impl PendingRace {
    /// Reads every run back; a run with a non-finite w, b or loss is marked diverged.
    pub async fn finish(self) -> Result<Vec<RaceRun>, EngineError> {
        let mut runs = Vec::new();
        for (i, (label, pending)) in self.pending.into_iter().enumerate() {
            let readout = pending.finish().await?;
            let broken = ![readout.w, readout.b, readout.train_mse]
                .iter()
                .all(|v| v.is_finite());
            let mut flags = self.diverged.borrow_mut();
            flags[i] |= broken;
            runs.push(RaceRun {
                label,
                readout,
                diverged: flags[i],
            });
        }
        Ok(runs)
    }
}
