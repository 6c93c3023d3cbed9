//! Where a language model's batches come from: a synthetic task or a shipped corpus.

use super::batch::{self, TokenBatch};
use super::corpus::Corpus;
use super::synthetic::{Split, SyntheticTask};
use super::vocab::Vocab;
use crate::data::rng::Rng;

#[derive(Clone, Debug)]
pub enum TextSource {
    Synthetic { task: SyntheticTask, vocab: Vocab },
    Corpus(Corpus),
}

impl TextSource {
    pub fn synthetic(task: SyntheticTask) -> Self {
        Self::Synthetic {
            task,
            vocab: Vocab::of(task.alphabet()),
        }
    }

    pub fn vocab(&self) -> &Vocab {
        match self {
            Self::Synthetic { vocab, .. } => vocab,
            Self::Corpus(c) => &c.vocab,
        }
    }

    /// The length of the sequences the model reads for a context of `context` tokens: a
    /// synthetic task's examples have their own length.
    pub fn sequence_len(&self, context: usize) -> usize {
        match self {
            Self::Synthetic { task, .. } => task.sequence_len(),
            Self::Corpus(_) => context,
        }
    }

    /// The shortest context the source can use (a synthetic example must fit whole).
    pub fn min_context(&self) -> usize {
        match self {
            Self::Synthetic { task, .. } => task.sequence_len(),
            Self::Corpus(_) => 1,
        }
    }

    /// A batch of `batch` sequences from `split`; None if the split is shorter than one
    /// sequence.
    pub fn batch(
        &self,
        split: Split,
        batch: usize,
        context: usize,
        rng: &mut Rng,
    ) -> Option<TokenBatch> {
        match self {
            Self::Synthetic { task, vocab } => {
                Some(batch::synthetic(*task, vocab, batch, rng, split))
            }
            Self::Corpus(c) => {
                let stream = match split {
                    Split::Train => &c.train,
                    Split::Validation => &c.validation,
                };
                batch::windows(stream, batch, context, rng)
            }
        }
    }
}
