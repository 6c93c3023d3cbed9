//! Turns what the page shows into the host page's events: `ready` once a device is ready,
//! `step` and `progress` when the step count moves, `epoch-end` when an epoch completes,
//! `finished` at the end of a run and `error` for each new problem. Plain data in, JSON out.

use serde_json::{Value, json};

use super::Progress;
use super::host::event;

/// What the page shows now, as the host page may see it.
pub struct Observed<'a> {
    pub ready: bool,
    pub task: &'a str,
    pub backend: Option<&'a str>,
    /// The settings as a URL hash (what a link to this state would carry).
    pub settings: String,
    pub progress: Option<&'a Progress>,
    /// Task-specific numbers (e.g. w, b, test MSE; or losses and accuracies).
    pub metrics: Value,
    /// The page's current problems, newest last.
    pub errors: &'a [String],
}

/// What the host has been told so far.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HostWatch {
    ready: bool,
    step: Option<u64>,
    running: bool,
    epoch: usize,
    finished: bool,
    last_error: Option<String>,
}

fn progress_payload(p: &Progress) -> Value {
    let fraction = if p.total_steps == 0 {
        0.0
    } else {
        p.step as f64 / p.total_steps as f64
    };
    json!({
        "epoch": p.epoch, "epochs": p.epochs, "step": p.step, "totalSteps": p.total_steps,
        "fraction": fraction, "samplesPerSec": p.samples_per_sec, "etaMs": p.eta_ms,
        "running": p.running,
    })
}

impl HostWatch {
    /// The events since the last call.
    pub fn update(&mut self, o: &Observed) -> Vec<Value> {
        let mut events = Vec::new();
        if o.ready && !self.ready {
            let payload = json!({"task": o.task, "backend": o.backend, "settings": o.settings});
            events.push(event("ready", payload, None));
        }
        self.ready = o.ready;
        if let Some(p) = o.progress {
            if self.step.is_some_and(|s| p.step < s) {
                // A new run: its epochs and end are news again.
                (self.epoch, self.finished) = (0, false);
            }
            if self.step != Some(p.step) || self.running != p.running {
                if self.step != Some(p.step) {
                    let payload = json!({"step": p.step, "epoch": p.epoch, "metrics": o.metrics});
                    events.push(event("step", payload, None));
                }
                events.push(event("progress", progress_payload(p), None));
            }
            // Epoch e has ended once epoch e + 1 runs, or when the run is finished.
            let ended = if p.finished {
                p.epochs
            } else {
                p.epoch.saturating_sub(1)
            };
            if ended > self.epoch && p.step > 0 {
                let payload = json!({"epoch": ended, "step": p.step, "metrics": o.metrics});
                events.push(event("epoch-end", payload, None));
                self.epoch = ended;
            }
            if p.finished && !self.finished {
                let payload = json!({"step": p.step, "metrics": o.metrics});
                events.push(event("finished", payload, None));
            }
            (self.step, self.running, self.finished) = (Some(p.step), p.running, p.finished);
        }
        if let Some(last) = o.errors.last()
            && self.last_error.as_ref() != Some(last)
        {
            events.push(event("error", json!({"message": last}), None));
            self.last_error = Some(last.clone());
        }
        events
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn progress(step: u64, epoch: usize, running: bool, finished: bool) -> Progress {
        Progress {
            epoch,
            epochs: 2,
            step,
            total_steps: 10,
            samples_per_sec: 100.0,
            eta_ms: None,
            running,
            finished,
        }
    }

    fn names(events: &[Value]) -> Vec<String> {
        events
            .iter()
            .map(|e| e["event"].as_str().unwrap().to_string())
            .collect()
    }

    #[test]
    fn a_run_reports_ready_steps_epochs_and_the_end_once() {
        let mut w = HostWatch::default();
        let errors: Vec<String> = Vec::new();
        let at = |w: &mut HostWatch, p: Option<Progress>, errors: &[String]| {
            names(&w.update(&Observed {
                ready: true,
                task: "linreg",
                backend: Some("CPU"),
                settings: "#task=linreg".into(),
                progress: p.as_ref(),
                metrics: json!({}),
                errors,
            }))
        };
        assert_eq!(at(&mut w, None, &errors), ["ready"]);
        assert_eq!(
            at(&mut w, Some(progress(0, 1, true, false)), &errors),
            ["step", "progress"]
        );
        assert_eq!(
            at(&mut w, Some(progress(0, 1, true, false)), &errors),
            Vec::<String>::new()
        );
        assert_eq!(
            at(&mut w, Some(progress(6, 2, true, false)), &errors),
            ["step", "progress", "epoch-end"]
        );
        let end = at(&mut w, Some(progress(10, 2, false, true)), &errors);
        assert_eq!(end, ["step", "progress", "epoch-end", "finished"]);
        assert!(at(&mut w, Some(progress(10, 2, false, true)), &errors).is_empty());
        let errors = vec!["boom".to_string()];
        assert_eq!(
            at(&mut w, Some(progress(0, 1, false, false)), &errors),
            ["step", "progress", "error"]
        );
        assert!(at(&mut w, Some(progress(0, 1, false, false)), &errors).is_empty());
    }
}
