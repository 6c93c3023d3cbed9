//! Linear regression as a [`TaskRun`]: its checkpoint (w, b and their optimizer state)
//! travels in every snapshot.

use crate::engine::checkpoint::PendingCheckpoint;
use crate::engine::trainer::LinRegTrainer;
use crate::protocol::{Event, Hyper, Progress, Snapshot};
use crate::worker::session::Saved;
use crate::worker::task_run::{Delivery, PendingSnapshot, TaskRun, progress_from_inherent};

impl TaskRun for LinRegTrainer {
    progress_from_inherent!(LinRegTrainer);

    fn prepare_snapshot(&mut self, progress: Progress) -> PendingSnapshot {
        let pending = self.prepare_readout();
        Box::pin(async move {
            let run = pending.finish().await?;
            Ok(Delivery {
                saved: Some(Saved::LinReg(run.checkpoint.clone())),
                event: Event::Snapshot(Box::new(Snapshot { progress, run })),
                predictions: None,
            })
        })
    }
    fn prepare_checkpoint(&self, _owner: &str) -> Option<PendingCheckpoint> {
        None
    }
}
