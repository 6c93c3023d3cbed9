//! Linear regression's race as a [`TaskRun`]: one snapshot carries every run.

use crate::engine::checkpoint::PendingCheckpoint;
use crate::engine::race::LinRegRace;
use crate::protocol::race::RaceSnapshot;
use crate::protocol::{Event, Hyper, Progress, TaskEvent};
use crate::worker::task_run::{Delivery, PendingSnapshot, TaskRun, progress_from_inherent};

impl TaskRun for LinRegRace {
    progress_from_inherent!(LinRegRace);

    fn prepare_snapshot(&mut self, progress: Progress) -> PendingSnapshot {
        let pending = self.prepare_readouts();
        Box::pin(async move {
            let runs = pending.finish().await?;
            let snapshot = RaceSnapshot { progress, runs };
            Ok(Delivery::event(Event::Task(TaskEvent::Race(Box::new(
                snapshot,
            )))))
        })
    }
    fn prepare_checkpoint(&self, _owner: &str) -> Option<PendingCheckpoint> {
        None
    }
}
