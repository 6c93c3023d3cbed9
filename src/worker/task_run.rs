//! The seam between the worker and a training task: every task's run implements [`TaskRun`],
//! and [`tasks::build`](super::tasks::build) is the one place that knows which run a task has.
//! The session, the play loop and the command handler only speak this trait.

use futures::future::LocalBoxFuture;

use super::session::Saved;
use crate::engine::EngineError;
use crate::engine::checkpoint::PendingCheckpoint;
use crate::engine::gpt::run::GptRun;
use crate::engine::mnist::MnistTrainer;
use crate::protocol::{Event, Hyper, Progress};

/// A snapshot read back: the event for the page, and what the session keeps of it.
pub struct Delivery {
    pub event: Event,
    /// A checkpoint that travelled with the snapshot (linear regression's).
    pub saved: Option<Saved>,
    /// Predicted class of every test image, from a new evaluation (MNIST).
    pub predictions: Option<Vec<u8>>,
}

impl Delivery {
    pub fn event(event: Event) -> Self {
        Self {
            event,
            saved: None,
            predictions: None,
        }
    }
}

/// A queued snapshot: owns its tensor handles, so the run may step on while it is awaited.
pub type PendingSnapshot = LocalBoxFuture<'static, Result<Delivery, EngineError>>;

pub trait TaskRun {
    /// One optimizer step (nothing is read back).
    fn step(&mut self);
    fn is_finished(&self) -> bool;
    fn steps_taken(&self) -> u64;
    fn total_steps(&self) -> u64;
    /// 1-based epoch of the next step.
    fn epoch(&self) -> usize;
    /// New live values: the base learning rate (schedules apply on top) and regularization.
    fn set_hyper(&mut self, hyper: Hyper);
    /// Steps only on request (Step, several at once), never in the play loop.
    fn steps_on_request(&self) -> bool {
        false
    }
    /// Everything the page shows of the run now, queued for one readback.
    fn prepare_snapshot(&mut self, progress: Progress) -> PendingSnapshot;
    /// The run's checkpoint, queued; None where it travels with every snapshot.
    fn prepare_checkpoint(&self, owner: &str) -> Option<PendingCheckpoint>;
    /// The MNIST run, for MNIST's own requests (evaluate, examples, model files).
    fn mnist(&mut self) -> Option<&mut MnistTrainer> {
        None
    }
    /// The GPT run, for its own requests (text from a prompt).
    fn gpt(&mut self) -> Option<&mut GptRun> {
        None
    }
}

/// The progress half of [`TaskRun`] for a run type that has those methods itself (inside its
/// `impl TaskRun`; `Hyper` must be in scope).
macro_rules! progress_from_inherent {
    ($run:ty) => {
        fn step(&mut self) {
            <$run>::step(self);
        }
        fn is_finished(&self) -> bool {
            <$run>::is_finished(self)
        }
        fn steps_taken(&self) -> u64 {
            <$run>::steps_taken(self)
        }
        fn total_steps(&self) -> u64 {
            <$run>::total_steps(self)
        }
        fn epoch(&self) -> usize {
            <$run>::epoch(self)
        }
        fn set_hyper(&mut self, hyper: Hyper) {
            <$run>::set_hyper(self, hyper);
        }
    };
}
pub(crate) use progress_from_inherent;
