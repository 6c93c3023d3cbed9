//! Burn's forward pass, loss, gradients and AdamW steps of a small GPT against the oracle.

use std::collections::BTreeMap;
use std::rc::Rc;

use burn::module::Module;
use burn::optim::GradientsParams;
use ml_playground::data::text::batch::TokenBatch;
use ml_playground::data::text::source::TextSource;
use ml_playground::data::text::synthetic::SyntheticTask;
use ml_playground::engine::device;
use ml_playground::engine::gpt::adamw::AdamWHyper;
use ml_playground::engine::gpt::config::{FfnActivation, GptConfig};
use ml_playground::engine::gpt::loss::{BatchTensors, masked_cross_entropy};
use ml_playground::engine::gpt::schedule::LrSchedule;
use ml_playground::engine::gpt::trainer::{GptRecipe, GptTrainer};

use super::adamw_oracle::{AdamWOracle, rel};
use super::burn_params::{batch_view, grads, params};
use super::oracle::{self, Oracle, Params, Shape};

pub fn recipe(task_len: usize, activation: FfnActivation, lr: f64) -> GptRecipe {
    GptRecipe {
        config: GptConfig {
            vocab: 0,
            context: task_len,
            d_model: 16,
            heads: 2,
            layers: 2,
            activation,
            dropout: 0.0,
        },
        batch: 3,
        schedule: LrSchedule {
            peak: lr,
            warmup: 0,
            total: 10,
            cosine: false,
        },
        adamw: AdamWHyper::default(),
        seed: 7,
    }
}

fn oracle_of(p: &Params, activation: FfnActivation, batch: &TokenBatch) -> Oracle {
    let shape = Shape {
        layers: 2,
        heads: 2,
        gelu: activation == FfnActivation::Gelu,
    };
    oracle::run(p, &shape, &batch_view(batch))
}

/// ∂L/∂b_K is 0 in exact arithmetic (adding a constant to every key of a query leaves its
/// softmax unchanged); Burn's f32 leaves rounding noise there, which Adam would normalize.
fn is_key_bias(name: &str) -> bool {
    name.ends_with("attn.k.b")
}

fn check(activation: FfnActivation) {
    let source = Rc::new(TextSource::synthetic(SyntheticTask::Sort));
    let len = SyntheticTask::Sort.sequence_len();
    let (mut trainer, notices) =
        GptTrainer::new(recipe(len, activation, 1e-2), source, device::cpu());
    assert!(notices.is_empty(), "{notices:?}");
    let hyper = trainer.recipe.adamw;
    let ad = device::cpu().autodiff();
    let mut adamw = AdamWOracle::new(
        hyper.beta_1,
        hyper.beta_2,
        hyper.epsilon,
        hyper.weight_decay,
    );
    let mut worst = BTreeMap::<&str, f64>::new();
    for t in 1..=3_i32 {
        let batch = trainer.next_batch().expect("a batch");
        let before = params(trainer.model());
        let want = oracle_of(&before, activation, &batch);
        // Burn's forward, loss and gradients at the same parameters.
        let tensors = BatchTensors::new(&batch, &ad);
        let logits = trainer.model().forward(tensors.inputs.clone());
        let loss = masked_cross_entropy(logits.clone(), &tensors);
        let z: Vec<f64> = logits
            .to_data()
            .try_to_vec::<f32>()
            .unwrap()
            .into_iter()
            .map(f64::from)
            .collect();
        let l = f64::from(loss.to_data().try_to_vec::<f32>().unwrap()[0]);
        let got = grads(trainer.model(), &loss.backward());
        let e = rel(&z, &want.logits);
        assert!(e < 1e-5, "step {t}: logits differ by {e:e} of their scale");
        assert!(
            (l - want.loss).abs() < 1e-6 * want.loss,
            "step {t}: loss {l} vs {}",
            want.loss
        );
        for (name, g) in &got {
            let w = &want.grads[name];
            if is_key_bias(name) {
                let noise = g.iter().fold(0.0_f64, |a, x| a.max(x.abs()));
                assert!(noise < 1e-7, "{name}: Burn's ∂L/∂b_K is {noise:e}, not ~0");
                continue;
            }
            let e = rel(g, w);
            let w = worst.entry("gradient").or_insert(0.0);
            *w = w.max(e);
            assert!(
                e < 1e-4,
                "step {t}: ∂L/∂{name} differs by {e:e} of its scale"
            );
        }
        // AdamW in f64, θ(1 − αλ) − α m̂/(√v̂ + ε), from Burn's gradients (just checked): Adam's
        // first steps divide g by |g| + ε, so a gradient of ~ε would turn f32 rounding into a
        // different update; conditioned on the same g, the update itself is checked.
        let lr = trainer.lr();
        trainer.step_on(&batch);
        let after = params(trainer.model());
        for (name, (shape, theta)) in &before {
            let delta_want = adamw.delta(name, shape.len(), theta, &got[name], t, lr);
            if is_key_bias(name) {
                continue; // Adam would normalize the rounding noise of a zero gradient.
            }
            let delta_got: Vec<f64> = after[name]
                .1
                .iter()
                .zip(theta)
                .map(|(a, b)| a - b)
                .collect();
            let e = rel(&delta_got, &delta_want);
            let w = worst.entry("update").or_insert(0.0);
            *w = w.max(e);
            assert!(e < 1e-4, "step {t}: Δ{name} differs by {e:e} of its scale");
        }
    }
    eprintln!("{activation:?}: worst relative errors {worst:?}");
}

#[test]
fn gelu_gpt_matches_the_oracle_for_three_adamw_steps() {
    check(FfnActivation::Gelu);
}

#[test]
fn relu_gpt_matches_the_oracle_for_three_adamw_steps() {
    check(FfnActivation::Relu);
}

#[test]
fn gradients_params_cover_every_parameter() {
    let source = Rc::new(TextSource::synthetic(SyntheticTask::Add));
    let len = SyntheticTask::Add.sequence_len();
    let (trainer, _) = GptTrainer::new(
        recipe(len, FfnActivation::Gelu, 1e-2),
        source,
        device::cpu(),
    );
    let batch = trainer.next_batch().unwrap();
    let ad = device::cpu().autodiff();
    let tensors = BatchTensors::new(&batch, &ad);
    let loss = masked_cross_entropy(trainer.model().forward(tensors.inputs.clone()), &tensors);
    let g = GradientsParams::from_grads(loss.backward(), trainer.model());
    assert_eq!(
        trainer.model().num_params(),
        trainer.recipe.config.parameter_count()
    );
    // 2 embeddings + per block 2 LayerNorms (γ, β) and 6 linears (W, b) + final LN + head.
    assert_eq!(g.len(), 2 + 2 * (4 + 12) + 2 + 2);
}
