//! MNIST as a [`TaskRun`]: snapshots carry the running training metrics and the evaluations
//! finished since the last one.

use crate::engine::checkpoint::PendingCheckpoint;
use crate::engine::mnist::MnistTrainer;
use crate::protocol::mnist::MnistSnapshot;
use crate::protocol::{Event, Hyper, MnistEvent, Progress};
use crate::worker::task_run::{Delivery, PendingSnapshot, TaskRun, progress_from_inherent};

impl TaskRun for MnistTrainer {
    progress_from_inherent!(MnistTrainer);

    fn prepare_snapshot(&mut self, progress: Progress) -> PendingSnapshot {
        let (epoch_samples, epoch_total) = (self.epoch_samples(), self.subset() as u64);
        let pending = self.prepare_readout();
        Box::pin(async move {
            let r = pending.finish().await?;
            let snapshot = MnistSnapshot {
                progress,
                epoch_samples,
                epoch_total,
                train: r.train,
                evaluations: r.evaluations,
            };
            Ok(Delivery {
                event: Event::from(MnistEvent::Snapshot(Box::new(snapshot))),
                saved: None,
                predictions: r.predictions,
            })
        })
    }
    fn prepare_checkpoint(&self, owner: &str) -> Option<PendingCheckpoint> {
        Some(MnistTrainer::prepare_checkpoint(self, owner))
    }
    fn mnist(&mut self) -> Option<&mut MnistTrainer> {
        Some(self)
    }
}
