//! The GPT learns: sort to exact answers on prompts it never trained on, names to a loss below
//! the uniform guess; and shapes it cannot build are corrected with a notice.

use std::rc::Rc;
use std::time::Instant;

use futures::executor::block_on;
use ml_playground::data::text::corpus::Corpus;
use ml_playground::data::text::source::TextSource;
use ml_playground::data::text::synthetic::SyntheticTask;
use ml_playground::engine::device;
use ml_playground::engine::gpt::adamw::AdamWHyper;
use ml_playground::engine::gpt::config::{FfnActivation, GptConfig};
use ml_playground::engine::gpt::schedule::LrSchedule;
use ml_playground::engine::gpt::trainer::{GptRecipe, GptTrainer};

fn recipe(
    layers: usize,
    heads: usize,
    d_model: usize,
    context: usize,
    batch: usize,
    steps: u64,
    lr: f64,
) -> GptRecipe {
    GptRecipe {
        config: GptConfig {
            vocab: 0,
            context,
            d_model,
            heads,
            layers,
            activation: FfnActivation::Gelu,
            dropout: 0.0,
        },
        batch,
        schedule: LrSchedule {
            peak: lr,
            warmup: steps / 10,
            total: steps,
            cosine: true,
        },
        adamw: AdamWHyper::default(),
        seed: 1,
    }
}

fn read(loss: burn::prelude::Tensor<1>) -> f32 {
    loss.into_data().try_to_vec::<f32>().unwrap()[0]
}

#[test]
fn sort_reaches_exact_answers_on_unseen_prompts() {
    let started = Instant::now();
    let task = SyntheticTask::Sort;
    let steps = 400;
    let (mut trainer, notices) = GptTrainer::new(
        recipe(2, 2, 32, 16, 64, steps, 5e-3),
        Rc::new(TextSource::synthetic(task)),
        device::cpu(),
    );
    assert!(notices.is_empty(), "{notices:?}");
    let validation = task.validation_set(1, 1000);
    let (correct_before, total) = block_on(trainer.evaluator().exact_match(&validation)).unwrap();
    let first = read(trainer.step().unwrap());
    for _ in 1..steps {
        trainer.step().unwrap();
    }
    let last = block_on(trainer.evaluator().examples_loss(&validation)).unwrap();
    let (correct, _) = block_on(trainer.evaluator().exact_match(&validation)).unwrap();
    eprintln!(
        "sort: loss {first:.3} → validation {last:.4}; exact {correct_before}/{total} → {correct}/{total} in {:.1?}",
        started.elapsed()
    );
    assert!(
        correct_before * 5 < total,
        "untrained: {correct_before}/{total}"
    );
    assert!(
        correct * 100 >= total * 95,
        "{correct}/{total} sorted exactly"
    );
    assert!(last < 0.1, "validation loss {last}");
}

#[test]
fn names_learn_below_the_uniform_guess() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/data/text/names.txt"
    ))
    .unwrap();
    let corpus = Corpus::names(&bytes, 1).unwrap();
    let (mut trainer, _) = GptTrainer::new(
        recipe(2, 2, 32, 16, 32, 200, 1e-2),
        Rc::new(TextSource::Corpus(corpus)),
        device::cpu(),
    );
    let before = block_on(trainer.evaluator().validation_loss(4)).unwrap();
    for _ in 0..200 {
        trainer.step().unwrap();
    }
    let after = block_on(trainer.evaluator().validation_loss(4)).unwrap();
    let uniform = 27f32.ln();
    let sample = block_on(trainer.evaluator().sample(".", 40, 1.0, None, 5)).unwrap();
    eprintln!(
        "names: validation {before:.3} → {after:.3} (uniform {uniform:.3}); sample {sample:?}"
    );
    assert!(
        (before - uniform).abs() < 0.1,
        "an untrained model guesses uniformly: {before}"
    );
    assert!(after < 2.6, "validation loss {after}");
    assert!(sample.chars().all(|c| c == '.' || c.is_ascii_lowercase()));
}

#[test]
fn shapes_it_cannot_build_are_corrected_with_a_notice() {
    let mut r = recipe(9, 3, 50, 4, 8, 10, 1e-3);
    r.config.dropout = f64::NAN;
    let (trainer, notices) = GptTrainer::new(
        r,
        Rc::new(TextSource::synthetic(SyntheticTask::Reverse)),
        device::cpu(),
    );
    let c = &trainer.recipe.config;
    assert_eq!(
        (c.layers, c.heads, c.d_model, c.context, c.dropout),
        (6, 3, 51, 12, 0.0)
    );
    assert_eq!(c.vocab, 11);
    let text = notices.join("\n");
    for part in [
        "layers 9 is outside 1–6",
        "d_model 50 is not divisible by 3 heads: using d_model 51",
        "context 8",
        "dropout NaN",
    ] {
        assert!(text.contains(part), "{part:?} in {text}");
    }
}

#[test]
fn another_task_s_examples_are_refused_with_a_message() {
    let (trainer, _) = GptTrainer::new(
        recipe(1, 1, 16, 16, 4, 10, 1e-3),
        Rc::new(TextSource::synthetic(SyntheticTask::Sort)),
        device::cpu(),
    );
    let add = SyntheticTask::Add.validation_set(1, 3);
    for e in [
        block_on(trainer.evaluator().exact_match(&add)).unwrap_err(),
        block_on(trainer.evaluator().examples_loss(&add)).unwrap_err(),
        block_on(trainer.evaluator().sample("9", 3, 1.0, None, 1)).unwrap_err(),
        block_on(trainer.evaluator().sample("", 3, 1.0, None, 1)).unwrap_err(),
    ] {
        assert!(
            e.0.contains("pick the task's own")
                || e.0.contains("not in the vocabulary")
                || e.0.contains("empty"),
            "{e}"
        );
    }
    assert_eq!(
        block_on(trainer.evaluator().exact_match(&[])).unwrap(),
        (0, 0)
    );
}

#[test]
fn the_schedule_warms_up_then_decays_to_a_tenth() {
    let s = LrSchedule {
        peak: 1.0,
        warmup: 10,
        total: 110,
        cosine: true,
    };
    assert_eq!(s.lr(0), 0.1);
    assert_eq!(s.lr(9), 1.0);
    assert_eq!(s.lr(10), 1.0);
    assert!((s.lr(60) - 0.55).abs() < 1e-12);
    assert!((s.lr(110) - 0.1).abs() < 1e-12);
    assert!((s.lr(500) - 0.1).abs() < 1e-12);
}
