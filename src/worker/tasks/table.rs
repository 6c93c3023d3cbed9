//! "Your data" as a [`TaskRun`]: each snapshot carries the parameters, the loss on both splits
//! (and, for a class target, the accuracy and the confusion matrix) and the last step with one
//! row followed.

use crate::engine::checkpoint::PendingCheckpoint;
use crate::engine::table::TableRun;
use crate::protocol::{Event, Hyper, Progress, TableEvent};
use crate::worker::task_run::{Delivery, PendingSnapshot, TaskRun, progress_from_inherent};

impl TaskRun for TableRun {
    progress_from_inherent!(TableRun);

    fn prepare_snapshot(&mut self, progress: Progress) -> PendingSnapshot {
        if self.is_classification() {
            let pending = self.prepare_class_readout();
            return Box::pin(async move {
                let snapshot = pending.finish(progress).await?;
                Ok(Delivery::event(Event::from(TableEvent::Classes(Box::new(
                    snapshot,
                )))))
            });
        }
        let pending = self.prepare_readout();
        Box::pin(async move {
            let snapshot = pending.finish(progress).await?;
            Ok(Delivery::event(Event::from(TableEvent::Snapshot(
                Box::new(snapshot),
            ))))
        })
    }

    fn prepare_checkpoint(&self, owner: &str) -> Option<PendingCheckpoint> {
        Some(TableRun::prepare_checkpoint(self, owner))
    }
}
