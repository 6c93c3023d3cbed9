//! The formula page's Transformer example: a freshly initialized tiny GPT (the sort task,
//! 2 blocks of 2 heads, d_model 16, seed 42) followed at one token through its first step —
//! the same trace the GPT tab shows, used when that tab has not followed one yet.

use std::rc::Rc;

use burn::tensor::Device;

use super::gpt::adamw::AdamWHyper;
use super::gpt::config::{FfnActivation, GptConfig};
use super::gpt::follow::PendingFollow;
use super::gpt::schedule::LrSchedule;
use super::gpt::trainer::{GptRecipe, GptTrainer};
use crate::data::text::source::TextSource;
use crate::data::text::synthetic::SyntheticTask;
use crate::protocol::gpt_follow::FollowRequest;

/// The example's model and what it follows: the answer's first digit (position 6).
pub fn fresh_follow(device: &Device) -> Option<PendingFollow> {
    let task = SyntheticTask::Sort;
    let recipe = GptRecipe {
        config: GptConfig {
            vocab: 0,
            context: task.sequence_len(),
            d_model: 16,
            heads: 2,
            layers: 2,
            activation: FfnActivation::Gelu,
            dropout: 0.0,
        },
        batch: 4,
        schedule: LrSchedule {
            peak: 2e-3,
            warmup: 0,
            total: 1,
            cosine: false,
        },
        adamw: AdamWHyper::default(),
        seed: 42,
    };
    let source = Rc::new(TextSource::synthetic(task));
    let (trainer, _) = GptTrainer::new(recipe, source, device.clone());
    let request = FollowRequest {
        position: 6,
        ..FollowRequest::default()
    };
    trainer.prepare_follow(request).ok()
}
