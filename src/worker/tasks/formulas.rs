//! The formula page as a [`TaskRun`] that never steps: its snapshot is every worked example,
//! computed by Burn on the session's device and read back in one go.

use burn::tensor::Device;

use crate::engine::checkpoint::PendingCheckpoint;
use crate::engine::reference::worked_examples;
use crate::protocol::reference::NeuronInput;
use crate::protocol::{Event, Hyper, Progress, ReferenceEvent};
use crate::worker::task_run::{Delivery, PendingSnapshot, TaskRun};

pub struct FormulasRun {
    pub input: NeuronInput,
    pub device: Device,
}

impl TaskRun for FormulasRun {
    fn step(&mut self) {}
    fn is_finished(&self) -> bool {
        true
    }
    fn steps_taken(&self) -> u64 {
        0
    }
    fn total_steps(&self) -> u64 {
        0
    }
    fn epoch(&self) -> usize {
        1
    }
    fn set_hyper(&mut self, _hyper: Hyper) {}
    fn steps_on_request(&self) -> bool {
        true
    }
    fn prepare_snapshot(&mut self, _progress: Progress) -> PendingSnapshot {
        let pending = worked_examples(&self.input, &self.device).finish();
        Box::pin(async move {
            let examples = pending.await?;
            Ok(Delivery::event(Event::from(ReferenceEvent::Examples(
                Box::new(examples),
            ))))
        })
    }
    fn prepare_checkpoint(&self, _owner: &str) -> Option<PendingCheckpoint> {
        None
    }
}
