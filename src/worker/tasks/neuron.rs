//! The single neuron as a [`TaskRun`]: it steps only on request, so it is never finished and
//! its step count is its total (one sample: every step is an epoch of it).

use crate::engine::checkpoint::PendingCheckpoint;
use crate::engine::neuron_run::NeuronRun;
use crate::protocol::{Event, Hyper, Progress, ReferenceEvent};
use crate::worker::task_run::{Delivery, PendingSnapshot, TaskRun};

impl TaskRun for NeuronRun {
    fn step(&mut self) {
        NeuronRun::step(self);
    }
    fn is_finished(&self) -> bool {
        false
    }
    fn steps_taken(&self) -> u64 {
        NeuronRun::steps_taken(self)
    }
    fn total_steps(&self) -> u64 {
        NeuronRun::steps_taken(self)
    }
    fn epoch(&self) -> usize {
        1
    }
    fn set_hyper(&mut self, hyper: Hyper) {
        self.set_lr(hyper.lr);
    }
    fn steps_on_request(&self) -> bool {
        true
    }
    fn prepare_snapshot(&mut self, _progress: Progress) -> PendingSnapshot {
        let pending = self.prepare_readout();
        Box::pin(async move {
            let snapshot = pending.finish().await?;
            Ok(Delivery::event(Event::from(ReferenceEvent::Neuron(
                Box::new(snapshot),
            ))))
        })
    }
    fn prepare_checkpoint(&self, owner: &str) -> Option<PendingCheckpoint> {
        Some(NeuronRun::prepare_checkpoint(self, owner))
    }
}
