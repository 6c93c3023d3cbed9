//! The worker's state: the settings, the device, the run, and the snapshot it last sent.

use std::cell::RefCell;
use std::rc::Rc;

use burn::tensor::Device;

use crate::engine::trainer::LinRegTrainer;
use crate::protocol::{BackendInfo, BackendKind, Checkpoint, Event, Progress, Snapshot};
use crate::settings::Settings;

/// Samples per second over the recent past, from (time, samples) marks.
#[derive(Default)]
pub struct RateMeter {
    marks: Vec<(f64, u64)>,
}

impl RateMeter {
    pub fn mark(&mut self, now_ms: f64, samples: u64) {
        self.marks.push((now_ms, samples));
        // Keep about two seconds of history.
        while self.marks.len() > 2 && now_ms - self.marks[0].0 > 2_000.0 {
            self.marks.remove(0);
        }
    }

    pub fn clear(&mut self) {
        self.marks.clear();
    }

    pub fn per_sec(&self) -> f64 {
        match (self.marks.first(), self.marks.last()) {
            (Some(&(t0, s0)), Some(&(t1, s1))) if t1 > t0 => (s1 - s0) as f64 * 1000.0 / (t1 - t0),
            _ => 0.0,
        }
    }
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

#[derive(Default)]
pub struct Session {
    pub settings: Settings,
    pub device: Option<(Device, BackendInfo)>,
    pub trainer: Option<LinRegTrainer>,
    pub running: bool,
    pub loop_active: bool,
    /// Bumped by every reset: a loop or readback from an older run discards its results.
    pub generation: u64,
    pub rate: RateMeter,
    /// The last checkpoint read back: where a fallback to the CPU continues from.
    pub checkpoint: Option<Checkpoint>,
    /// Bumped by every Init: only the newest device choice is installed.
    pub init_ticket: u64,
}

pub type Shared = Rc<RefCell<Session>>;

impl Session {
    /// A fresh run (or `resume`) on the current device.
    pub fn reset(&mut self, settings: Settings, resume: Option<&Checkpoint>) {
        self.settings = settings;
        self.running = false;
        self.generation += 1;
        self.rate.clear();
        self.checkpoint = resume.cloned();
        self.trainer = self
            .device
            .as_ref()
            .map(|(device, _)| LinRegTrainer::new(&self.settings, device.clone(), resume));
    }

    pub fn progress(&self) -> Option<Progress> {
        let t = self.trainer.as_ref()?;
        let total = t.total_steps();
        let samples_per_sec = self.rate.per_sec();
        let remaining_samples =
            total.saturating_sub(t.steps_taken()) * self.settings.effective_batch() as u64;
        Some(Progress {
            epoch: t.epoch(),
            epochs: self.settings.epochs,
            step: t.steps_taken(),
            total_steps: total,
            samples_per_sec,
            eta_ms: (self.running && samples_per_sec > 0.0)
                .then(|| remaining_samples as f64 * 1000.0 / samples_per_sec),
            running: self.running,
            finished: t.is_finished(),
        })
    }
}

/// Reads back a snapshot and builds its event. On a readback failure (e.g. WebGPU device
/// lost) the run moves to the CPU from the last checkpoint, the events say so, and the
/// snapshot is read again there. Results of an older run (a Reset happened) are dropped.
pub async fn snapshot_events(shared: &Shared) -> Vec<Event> {
    let mut events = Vec::new();
    for _attempt in 0..2 {
        let (pending, progress, generation) = {
            let mut s = shared.borrow_mut();
            let (Some(progress), generation) = (s.progress(), s.generation) else {
                return events;
            };
            let Some(t) = s.trainer.as_mut() else {
                return events;
            };
            (t.prepare_readout(), progress, generation)
        };
        let result = pending.finish().await;
        let mut s = shared.borrow_mut();
        if s.generation != generation {
            return events;
        }
        match result {
            Ok(r) => {
                s.checkpoint = Some(r.checkpoint.clone());
                events.push(Event::Snapshot(Box::new(Snapshot { progress, run: r })));
                return events;
            }
            Err(e)
                if s.device
                    .as_ref()
                    .is_some_and(|(_, i)| i.kind == BackendKind::Cpu) =>
            {
                events.push(Event::Error {
                    message: e.to_string(),
                    fatal: false,
                });
                return events;
            }
            Err(e) => {
                drop(s);
                events.extend(fall_back_to_cpu(shared, &e.to_string()));
            }
        }
    }
    events
}

fn fall_back_to_cpu(shared: &Shared, why: &str) -> Vec<Event> {
    let mut s = shared.borrow_mut();
    let (device, info) = super::backend::device_failed(why);
    s.device = Some((device, info.clone()));
    let (settings, checkpoint) = (s.settings.clone(), s.checkpoint.clone());
    let was_running = s.running;
    s.reset(settings, checkpoint.as_ref());
    s.running = was_running;
    vec![
        Event::Error {
            message: format!(
                "The WebGPU device failed during training; continuing on the CPU from step {}.",
                checkpoint.map_or(0, |c| c.step)
            ),
            fatal: false,
        },
        Event::Ready { backend: info },
    ]
}
