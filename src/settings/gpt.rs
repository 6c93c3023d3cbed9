//! The tiny GPT's own settings: the data (which chooses its recipe), the Transformer's shape,
//! the schedule and AdamW's constants, with their rows.

use serde::{Deserialize, Serialize};

pub use super::gpt_recipe::TextData;
use super::gpt_shape::{self as config, FfnActivation, GptConfig};
use super::table::{Change::Restart, Row, TaskSpec, num, on_off, pick, r};
use super::value::choice;
use super::{Settings, Task};

/// Bounds of the GPT-only values (the shape's are in [`config`]).
pub mod range {
    pub const STEPS: (u64, u64) = (1, 100_000);
    pub const WARMUP: (u64, u64) = (0, 10_000);
    pub const WEIGHT_DECAY: (f64, f64) = (0.0, 1.0);
    pub const BETA_2: (f64, f64) = (0.5, 0.9999);
}

/// The GPT's part of the settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GptSettings {
    pub text: TextData,
    pub layers: usize,
    pub heads: usize,
    pub d_model: usize,
    /// T_max: the longest sequence the model reads.
    pub context: usize,
    pub ffn: FfnActivation,
    pub dropout: f64,
    /// Optimizer steps of the run.
    pub steps: u64,
    /// Linear warm-up steps before the peak α.
    pub warmup: u64,
    /// Cosine decay of α to α/10 over the run, after the warm-up.
    pub cosine: bool,
    /// AdamW's λ (matrices only).
    pub weight_decay: f64,
    pub beta2: f64,
}

impl Default for GptSettings {
    fn default() -> Self {
        TextData::Sort.recipe().0
    }
}

impl GptSettings {
    /// The shape these settings ask for (the vocabulary size comes from the data).
    pub fn config(&self) -> GptConfig {
        GptConfig {
            vocab: 1,
            context: self.context,
            d_model: self.d_model,
            heads: self.heads,
            layers: self.layers,
            activation: self.ffn,
            dropout: self.dropout,
        }
    }
}

/// The tiny GPT's starting point: the sort task's recipe, as fast as the device goes.
fn defaults() -> Settings {
    let mut s = Settings {
        task: Task::Gpt,
        epochs: 1,
        ..Settings::default()
    };
    s.live.speed = 0;
    TextData::Sort.apply(&mut s);
    s
}

fn text(s: &mut Settings, v: &str) -> Result<(), String> {
    choice(v, &TextData::ALL, TextData::key)?.apply(s);
    Ok(())
}

/// Heads that do not divide d_model, or a context too short for the task's sequences: the
/// nearest valid shape, and what changed.
pub fn mend(s: &mut Settings) -> Option<(&'static str, String)> {
    let asked = s.gpt.config();
    let (fixed, notices) = asked.clone().checked(s.gpt.text.min_context());
    if notices.is_empty() {
        return None;
    }
    let key = if fixed.d_model != asked.d_model {
        "d"
    } else {
        "ctx"
    };
    (s.gpt.d_model, s.gpt.context) = (fixed.d_model, fixed.context);
    Some((key, notices.join(" ")))
}

#[rustfmt::skip]
const ROWS: &[Row] = &[
    // First: the data chooses the recipe the other keys start from.
    r("text", "Data", Restart, true, (|s| Some(s.gpt.text.key().to_string()), text)),
    r("layers", "Layers", Restart, true, num!(gpt.layers, config::LAYERS)),
    r("heads", "Heads", Restart, true, num!(gpt.heads, config::HEADS)),
    r("d", "Width d_model", Restart, true, num!(gpt.d_model, config::D_MODEL)),
    r("ctx", "Context", Restart, true, num!(gpt.context, config::CONTEXT)),
    r("ffn", "FFN activation", Restart, true, pick!(gpt.ffn, FfnActivation)),
    r("dropout", "Dropout", Restart, true, num!(gpt.dropout, config::DROPOUT)),
    r("steps", "Steps", Restart, true, num!(gpt.steps, range::STEPS)),
    r("warmup", "Warm-up steps", Restart, true, num!(gpt.warmup, range::WARMUP)),
    r("cosine", "Cosine decay", Restart, true, on_off!(gpt.cosine)),
    r("wd", "Weight decay λ", Restart, true, num!(gpt.weight_decay, range::WEIGHT_DECAY)),
    r("beta2", "AdamW β₂", Restart, true, num!(gpt.beta2, range::BETA_2)),
];

pub const SPEC: TaskSpec = TaskSpec {
    key: "gpt",
    rows: ROWS,
    preset_first: true,
    shared: &["seed", "lr", "batch", "backend", "speed"],
    defaults,
    // Sequences per step: one "epoch" is the whole run.
    train_points: |s| s.batch_size.max(1) * s.gpt.steps as usize,
    mend,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::{from_hash, to_hash};

    #[test]
    fn each_data_set_starts_from_its_recipe_and_round_trips() {
        for data in TextData::ALL {
            let (s, notices) = from_hash(&format!("#task=gpt&text={}", data.key()));
            assert!(notices.is_empty(), "{notices:?}");
            assert_eq!(TextData::matching(&s), Some(data));
            assert_eq!(from_hash(&to_hash(&s)).0, s);
        }
        let (s, _) = from_hash("#task=gpt&layers=2&text=names");
        assert_eq!(
            (s.gpt.text, s.gpt.layers),
            (TextData::Names, 2),
            "text leads"
        );
    }

    #[test]
    fn impossible_shapes_get_the_nearest_valid_one_and_a_notice() {
        let (s, notices) = from_hash("#task=gpt&text=names&heads=3&d=64");
        assert_eq!((s.gpt.heads, s.gpt.d_model), (3, 66));
        assert_eq!(notices.len(), 1);
        assert_eq!(notices[0].key, "d");
        assert!(
            notices[0].message.contains("not divisible by 3"),
            "{notices:?}"
        );
        let (s, notices) = from_hash("#task=gpt&text=sort&ctx=8");
        assert_eq!(s.gpt.context, 12);
        assert_eq!(notices[0].key, "ctx");
    }
}
