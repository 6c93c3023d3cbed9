//! The tiny GPT as a [`TaskRun`]: snapshots carry the training loss since the last one, the
//! evaluations due, and the run's fixed facts (its vocabulary, shape and reference lines).

use crate::engine::checkpoint::PendingCheckpoint;
use crate::engine::gpt::run::GptRun;
use crate::protocol::gpt::GptSnapshot;
use crate::protocol::{Event, GptEvent, Hyper, Progress};
use crate::worker::task_run::{Delivery, PendingSnapshot, TaskRun};

/// The worker's WebAssembly memory in bytes (64 KiB pages).
fn memory_bytes() -> u64 {
    std::arch::wasm32::memory_size::<0>() as u64 * 65_536
}

impl TaskRun for GptRun {
    fn step(&mut self) {
        GptRun::step(self);
    }
    fn is_finished(&self) -> bool {
        GptRun::is_finished(self)
    }
    fn steps_taken(&self) -> u64 {
        GptRun::steps_taken(self)
    }
    fn total_steps(&self) -> u64 {
        GptRun::total_steps(self)
    }
    fn epoch(&self) -> usize {
        1
    }
    fn set_hyper(&mut self, hyper: Hyper) {
        self.set_lr(hyper.lr);
    }
    fn prepare_snapshot(&mut self, progress: Progress) -> PendingSnapshot {
        let (info, lr) = (self.info.clone(), self.lr());
        let pending = self.prepare_readout();
        Box::pin(async move {
            let r = pending.finish().await?;
            let snapshot = GptSnapshot {
                progress,
                info,
                lr,
                train: r.train,
                evaluation: r.evaluation,
                memory_bytes: memory_bytes(),
            };
            Ok(Delivery::event(Event::from(GptEvent::Snapshot(Box::new(
                snapshot,
            )))))
        })
    }
    fn prepare_checkpoint(&self, owner: &str) -> Option<PendingCheckpoint> {
        Some(GptRun::prepare_checkpoint(self, owner))
    }
    fn gpt(&mut self) -> Option<&mut GptRun> {
        Some(self)
    }
}
