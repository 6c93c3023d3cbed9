//! The tiny GPT's data sets and the recipe each starts from: choosing the data chooses its
//! recipe (the preset), and every setting can be changed after.

use serde::{Deserialize, Serialize};

use super::gpt_shape::FfnActivation;
use super::{Settings, gpt::GptSettings};
use crate::data::text::corpus::CorpusKind;
use crate::data::text::synthetic::SyntheticTask;

/// What the model learns to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TextData {
    /// Six digits from {0,1,2}, sorted (minGPT's demo).
    Sort,
    /// Six digits, reversed.
    Reverse,
    /// Two two-digit numbers and their three-digit sum.
    Add,
    /// 32k names, one per line, between boundary tokens (makemore).
    Names,
    /// Tiny Shakespeare, 1.1 MB of plays (char-rnn, nanoGPT).
    Shakespeare,
}

impl TextData {
    pub const ALL: [TextData; 5] = [
        Self::Sort,
        Self::Reverse,
        Self::Add,
        Self::Names,
        Self::Shakespeare,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::Sort => "sort",
            Self::Reverse => "reverse",
            Self::Add => "add",
            Self::Names => "names",
            Self::Shakespeare => "shakespeare",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Sort => "sort 6 digits",
            Self::Reverse => "reverse 6 digits",
            Self::Add => "add two numbers",
            Self::Names => "names (32k)",
            Self::Shakespeare => "tiny Shakespeare",
        }
    }

    /// The synthetic task behind it, if it is one.
    pub fn synthetic(self) -> Option<SyntheticTask> {
        match self {
            Self::Sort => Some(SyntheticTask::Sort),
            Self::Reverse => Some(SyntheticTask::Reverse),
            Self::Add => Some(SyntheticTask::Add),
            Self::Names | Self::Shakespeare => None,
        }
    }

    /// The corpus behind it, if it is one.
    pub fn corpus(self) -> Option<CorpusKind> {
        match self {
            Self::Names => Some(CorpusKind::Names),
            Self::Shakespeare => Some(CorpusKind::Shakespeare),
            _ => None,
        }
    }

    /// The shortest context its sequences fit in.
    pub fn min_context(self) -> usize {
        self.synthetic().map_or(1, SyntheticTask::sequence_len)
    }

    /// The loss a published run of this recipe reached (the chart's reference line), and
    /// where it comes from.
    pub fn reference(self) -> Option<(f64, &'static str)> {
        match self {
            Self::Names => Some((1.92, "makemore's Transformer: test loss ≈ 1.92")),
            Self::Shakespeare => Some((1.88, "nanoGPT on the CPU, 2,000 iterations: val ≈ 1.88")),
            _ => None,
        }
    }

    /// Its recipe: the model, the batch and the schedule (the seed, backend and speed are kept).
    /// - sort, reverse: minGPT's gpt-nano (3 layers, 3 heads, d 48), batch 64, 500 steps at
    ///   α 2·10⁻³ (minGPT trains 2,000 at 5·10⁻⁴; sort is exact here by step ≈ 130);
    /// - add: the same model, three times the steps;
    /// - names: makemore's default Transformer (4 layers, 4 heads, d 64, context 16), batch 32,
    ///   α 3·10⁻³ (measured here: validation 2.148 after 3,000 steps, 2.179 at 10⁻³);
    /// - Shakespeare: nanoGPT's CPU setting (4 layers, 4 heads, d 128, context 64, batch 12,
    ///   2,000 iterations, α 10⁻³ with 100 warm-up steps and cosine decay).
    ///
    /// AdamW as nanoGPT's Shakespeare recipe: β₂ = 0.99, weight decay 0.1.
    pub fn apply(self, s: &mut Settings) {
        let (gpt, batch, lr) = self.recipe();
        s.gpt = gpt;
        s.batch_size = batch;
        s.live.lr = lr;
    }

    /// The GPT's part of the recipe, its batch size and its peak α.
    pub fn recipe(self) -> (GptSettings, usize, f64) {
        let (layers, heads, d_model, context, batch, steps, lr) = match self {
            Self::Sort | Self::Reverse => (3, 3, 48, 16, 64, 500, 2e-3),
            Self::Add => (3, 3, 48, 16, 64, 1_500, 2e-3),
            Self::Names => (4, 4, 64, 16, 32, 3_000, 3e-3),
            Self::Shakespeare => (4, 4, 128, 64, 12, 2_000, 1e-3),
        };
        let gpt = GptSettings {
            text: self,
            layers,
            heads,
            d_model,
            context,
            ffn: FfnActivation::Gelu,
            dropout: 0.0,
            steps,
            warmup: 100,
            cosine: true,
            weight_decay: 0.1,
            beta2: 0.99,
        };
        (gpt, batch, lr)
    }

    /// The data whose recipe these settings are exactly, if any.
    pub fn matching(s: &Settings) -> Option<TextData> {
        let mut t = s.clone();
        s.gpt.text.apply(&mut t);
        (t == *s).then_some(s.gpt.text)
    }
}
