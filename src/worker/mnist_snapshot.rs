//! MNIST snapshots: running training metrics and finished evaluations, read back
//! asynchronously. After a device failure the run restarts on the CPU (its weights were on
//! the lost device).

use super::session::{Shared, read_with_fallback};
use crate::protocol::mnist::MnistSnapshot;
use crate::protocol::{Event, MnistEvent};

pub async fn snapshot_events(shared: &Shared) -> Vec<Event> {
    read_with_fallback(
        shared,
        |s| {
            let progress = s.progress()?;
            let t = s.mnist()?;
            let snapshot = MnistSnapshot {
                progress,
                epoch_samples: t.epoch_samples(),
                epoch_total: t.subset() as u64,
                train: None,
                evaluations: Vec::new(),
            };
            let pending = t.prepare_readout();
            Some(async move { pending.finish().await.map(|r| (snapshot, r)) })
        },
        |s, (snapshot, r)| {
            if r.predictions.is_some() {
                s.predictions = r.predictions;
            }
            let snapshot = MnistSnapshot {
                train: r.train,
                evaluations: r.evaluations,
                ..snapshot
            };
            Event::Mnist(MnistEvent::Snapshot(Box::new(snapshot)))
        },
    )
    .await
}
