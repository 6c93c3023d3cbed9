//! What the formula page and the single-neuron page show: the worked examples, the neuron's
//! latest snapshot and its loss history.

use std::rc::Rc;

use crate::protocol::ReferenceEvent;
use crate::protocol::reference::{NeuronSnapshot, WorkedExamples};

/// At most this many loss points; older ones are thinned by half when full.
const MAX_LOSSES: usize = 400;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReferenceView {
    pub examples: Option<Rc<WorkedExamples>>,
    pub neuron: Option<Rc<NeuronSnapshot>>,
    /// (step, loss at the start of that step), oldest first; step 0's entry is the start.
    pub losses: Vec<(u64, f32)>,
    /// Steps were requested and their snapshot has not arrived yet.
    pub pending: bool,
}

impl ReferenceView {
    pub fn apply(&mut self, event: ReferenceEvent) {
        match event {
            ReferenceEvent::Examples(e) => self.examples = Some(Rc::new(*e)),
            ReferenceEvent::Neuron(snapshot) => {
                self.pending = false;
                if snapshot.steps < self.neuron.as_ref().map_or(0, |n| n.steps) {
                    self.losses.clear();
                }
                for &(step, loss) in &snapshot.losses {
                    self.push(step, loss);
                }
                // The loss where the neuron stands now (before its next step).
                self.push(snapshot.steps + 1, snapshot.loss);
                self.neuron = Some(Rc::new(*snapshot));
            }
        }
    }

    fn push(&mut self, step: u64, loss: f32) {
        crate::history::push(&mut self.losses, (step, loss), MAX_LOSSES);
    }

    /// The neuron continues from `step` (after a failure): later losses are dropped (the
    /// entry `step + 1` is the loss where it stands, and comes with the next snapshot).
    pub fn rewind(&mut self, step: u64) {
        crate::history::rewind(&mut self.losses, step);
        self.pending = false;
    }

    /// A new neuron run (settings changed, or Reset).
    pub fn clear_run(&mut self) {
        self.neuron = None;
        self.losses.clear();
        self.pending = false;
    }
}
