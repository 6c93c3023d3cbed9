//! The tiny GPT's messages: its data loading, its snapshots (training loss, evaluations,
//! samples) and the text a learner asks it to write.

use serde::{Deserialize, Serialize};

use super::Progress;
use super::gpt_follow::{FollowRequest, TokenTrace};
use super::mnist::ModelFile;
use crate::settings::{Settings, TextData};

/// Where loading a corpus stands.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TextDataState {
    Loading {
        file: String,
    },
    Ready,
    /// The file could not be used: what went wrong and what to do.
    Failed {
        file: String,
        message: String,
    },
}

/// What stays the same over a run: the tokenizer, the shape actually built, the lines of
/// the loss chart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GptInfo {
    pub data: TextData,
    /// Each token as shown (`⏎` for a newline, `␣` for a space), by id.
    pub vocab: Vec<String>,
    pub parameters: usize,
    /// Tokens the model reads per sequence.
    pub sequence_len: usize,
    /// Targets counted in the loss per step (answers only for the synthetic tasks).
    pub tokens_per_step: usize,
    /// Corrections made to the requested shape.
    pub notices: Vec<String>,
    /// ln |V|: the loss of a uniform guess.
    pub uniform_loss: f64,
    /// A published run's loss for this recipe, and its source.
    pub reference: Option<(f64, String)>,
    /// Steps between evaluations.
    pub eval_every: u64,
}

/// The mean training loss over the steps since the previous point.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct GptTrainPoint {
    pub step: u64,
    pub loss: f32,
}

/// One held-out prompt, the model's greedy answer and the right one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub prompt: String,
    pub got: String,
    pub want: String,
}

/// The model measured after `step` steps.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GptEvaluation {
    pub step: u64,
    pub validation_loss: f32,
    /// Synthetic tasks: (exactly right, held-out prompts), by greedy decoding.
    pub exact: Option<(usize, usize)>,
    /// A few of those answers.
    pub answers: Vec<Answer>,
    /// Text sampled from the model (corpora; every few hundred steps).
    pub sample: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GptSnapshot {
    pub progress: Progress,
    pub info: GptInfo,
    /// α of the next step (after warm-up and decay).
    pub lr: f64,
    pub train: Option<GptTrainPoint>,
    pub evaluation: Option<GptEvaluation>,
    /// The worker's WebAssembly memory in bytes (it only grows: a high-water mark of the heap).
    #[serde(default)]
    pub memory_bytes: u64,
}

/// Text the learner asked for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GptSample {
    pub prompt: String,
    pub text: String,
    /// p(next token | prompt) at temperature 1, by token id.
    pub next: Vec<f32>,
    /// The model's step when it wrote this.
    pub step: u64,
}

/// The attention weights for one input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GptAttention {
    /// The input's tokens as shown.
    pub tokens: Vec<String>,
    pub heads: usize,
    /// `maps[layer][head][query * T + key]`: the weight query t gives key j (0 for j > t).
    pub maps: Vec<Vec<Vec<f32>>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum GptEvent {
    Data(TextDataState),
    Snapshot(Box<GptSnapshot>),
    Sample(GptSample),
    Attention(Box<GptAttention>),
    /// One token followed through the next step.
    Follow(Box<TokenTrace>),
    /// "Save model": the file to download.
    ModelSaved(ModelFile),
    /// A model file was loaded: its settings now apply, and it continues from `step`.
    ModelLoaded {
        settings: Box<Settings>,
        step: u64,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum GptCommand {
    /// `count` tokens after `prompt` at `temperature`, from the `top_k` likeliest (0: all).
    Sample {
        prompt: String,
        count: usize,
        temperature: f64,
        top_k: usize,
    },
    /// Every layer's and head's attention weights for `text`.
    Attention { text: String },
    /// Follow one token of the next training batch through the next step.
    Follow(FollowRequest),
    /// The model as a file.
    Save,
    /// A model file's bytes.
    Load { bytes: Vec<u8> },
}
