//! MNIST snapshots: running training metrics and finished evaluations, read back
//! asynchronously.

use super::session::{Shared, fall_back_to_cpu};
use crate::protocol::mnist::MnistSnapshot;
use crate::protocol::{Event, MnistEvent};

/// The MNIST form of [`super::session::snapshot_events`]: running metrics and finished evaluations. After a
/// device failure the run restarts on the CPU (its weights were on the lost device).
pub async fn snapshot_events(shared: &Shared) -> Vec<Event> {
    let mut events = Vec::new();
    for _attempt in 0..2 {
        let (pending, snapshot, generation) = {
            let mut s = shared.borrow_mut();
            let (Some(progress), generation) = (s.progress(), s.generation) else {
                return events;
            };
            let Some(t) = s.mnist() else { return events };
            let snapshot = MnistSnapshot {
                progress,
                epoch_samples: t.epoch_samples(),
                epoch_total: t.subset() as u64,
                train: None,
                evaluations: Vec::new(),
            };
            (t.prepare_readout(), snapshot, generation)
        };
        let result = pending.finish().await;
        let mut s = shared.borrow_mut();
        if s.generation != generation {
            return events;
        }
        match result {
            Ok(r) => {
                if r.predictions.is_some() {
                    s.predictions = r.predictions;
                }
                let snapshot = MnistSnapshot {
                    train: r.train,
                    evaluations: r.evaluations,
                    ..snapshot
                };
                events.push(Event::Mnist(MnistEvent::Snapshot(Box::new(snapshot))));
                return events;
            }
            Err(e) if s.on_cpu() => {
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
