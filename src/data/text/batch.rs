//! Batches of token sequences: inputs, the targets (the inputs shifted by one) and each
//! target's weight in the loss (1 where it counts, 0 where it does not).

use super::synthetic::{Split, SyntheticTask};
use super::vocab::Vocab;
use crate::data::rng::Rng;

/// `batch` sequences of `len` tokens, row-major (`inputs[b * len + t]`).
#[derive(Clone, Debug, PartialEq)]
pub struct TokenBatch {
    pub batch: usize,
    pub len: usize,
    pub inputs: Vec<u32>,
    /// `targets[b * len + t]` is the token after `inputs[b * len + t]`.
    pub targets: Vec<u32>,
    /// 1 where the target counts in the loss, else 0.
    pub weights: Vec<f32>,
}

impl TokenBatch {
    /// The number of targets that count.
    pub fn counted(&self) -> usize {
        self.weights.iter().filter(|&&w| w > 0.0).count()
    }
}

/// `batch` windows of `len + 1` tokens at random offsets in `stream` (nanoGPT's `get_batch`);
/// every target counts. None if the stream is shorter than one window.
pub fn windows(stream: &[u32], batch: usize, len: usize, rng: &mut Rng) -> Option<TokenBatch> {
    let starts = stream.len().checked_sub(len + 1)? + 1;
    let mut out = TokenBatch {
        batch,
        len,
        inputs: Vec::with_capacity(batch * len),
        targets: Vec::with_capacity(batch * len),
        weights: vec![1.0; batch * len],
    };
    for _ in 0..batch {
        let start = rng.below(starts);
        out.inputs.extend_from_slice(&stream[start..start + len]);
        out.targets
            .extend_from_slice(&stream[start + 1..start + len + 1]);
    }
    Some(out)
}

/// `batch` examples of `task` from `split`: only the answer's targets count.
pub fn synthetic(
    task: SyntheticTask,
    vocab: &Vocab,
    batch: usize,
    rng: &mut Rng,
    split: Split,
) -> TokenBatch {
    let examples: Vec<_> = (0..batch).map(|_| task.draw(rng, split)).collect();
    of_examples(
        vocab,
        task.sequence_len(),
        examples.iter().map(|e| (e.text.as_str(), e.prompt_len)),
    )
}

/// A batch of whole examples (`text`, prompt length): the targets from the prompt's last
/// character on (the ones that predict the answer) count.
pub fn of_examples<'a>(
    vocab: &Vocab,
    len: usize,
    examples: impl Iterator<Item = (&'a str, usize)>,
) -> TokenBatch {
    let mut out = TokenBatch {
        batch: 0,
        len,
        inputs: Vec::new(),
        targets: Vec::new(),
        weights: Vec::new(),
    };
    for (text, prompt_len) in examples {
        let ids = vocab.encode(text).unwrap_or_default();
        if ids.len() != len + 1 {
            continue;
        }
        out.batch += 1;
        out.inputs.extend_from_slice(&ids[..len]);
        out.targets.extend_from_slice(&ids[1..]);
        out.weights
            .extend((0..len).map(|t| if t + 1 >= prompt_len { 1.0 } else { 0.0 }));
    }
    out
}
