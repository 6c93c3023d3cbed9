//! The tiny GPT in the browser, on WebGPU and on the CPU, against the native tests' f64 oracle:
//! the logits, the loss, every parameter's gradient and AdamW's update, for two steps.

use std::collections::BTreeMap;
use std::rc::Rc;

use burn::tensor::{Device, Transaction};
use ml_playground::data::text::source::TextSource;
use ml_playground::data::text::synthetic::SyntheticTask;
use ml_playground::engine::gpt::adamw::AdamWHyper;
use ml_playground::engine::gpt::config::{FfnActivation, GptConfig};
use ml_playground::engine::gpt::loss::{BatchTensors, masked_cross_entropy};
use ml_playground::engine::gpt::schedule::LrSchedule;
use ml_playground::engine::gpt::trainer::{GptRecipe, GptTrainer};
use ml_playground::protocol::BackendKind;
use ml_playground::settings::BackendChoice;
use ml_playground::worker::backend::choose;
use wasm_bindgen_test::{console_log, wasm_bindgen_test};

use crate::adamw_oracle::{AdamWOracle, rel};
use crate::burn_params::{Named, batch_view, named};
use crate::oracle::{self as gpt_oracle, Shape};

pub fn recipe(len: usize) -> GptRecipe {
    GptRecipe {
        config: GptConfig {
            vocab: 0,
            context: len,
            d_model: 16,
            heads: 2,
            layers: 2,
            activation: FfnActivation::Gelu,
            dropout: 0.0,
        },
        batch: 3,
        schedule: LrSchedule {
            peak: 1e-2,
            warmup: 0,
            total: 10,
            cosine: false,
        },
        adamw: AdamWHyper::default(),
        seed: 7,
    }
}

/// The values of every named tensor (and of `extra`), read in one asynchronous transaction.
pub async fn read(
    tensors: Vec<(String, Vec<usize>, burn::tensor::Tensor<1>)>,
) -> BTreeMap<String, (Vec<usize>, Vec<f64>)> {
    let mut tx = Transaction::default();
    for (_, _, t) in &tensors {
        tx = tx.register(t.clone());
    }
    let data = tx.execute_async().await.expect("async readback");
    tensors
        .into_iter()
        .zip(data)
        .map(|((name, shape, _), d)| {
            let v = d.convert::<f32>().try_to_vec::<f32>().expect("f32");
            (name, (shape, v.into_iter().map(f64::from).collect()))
        })
        .collect()
}

pub fn flat(
    n: Named,
    grads: Option<&burn::tensor::Gradients>,
) -> (String, Vec<usize>, burn::tensor::Tensor<1>) {
    match n {
        Named::Mat(name, t) => {
            let shape = t.dims().to_vec();
            let t = grads.map_or(t.clone().inner(), |g| {
                t.grad(g).unwrap_or_else(|| t.inner().zeros_like())
            });
            (
                name,
                shape.clone(),
                t.reshape([shape.iter().product::<usize>()]),
            )
        }
        Named::Vec(name, t) => {
            let shape = t.dims().to_vec();
            let t = grads.map_or(t.clone().inner(), |g| {
                t.grad(g).unwrap_or_else(|| t.inner().zeros_like())
            });
            (name, shape, t)
        }
    }
}

async fn gpt_matches_the_oracle(device: Device, name: &str) {
    let len = SyntheticTask::Sort.sequence_len();
    let source = Rc::new(TextSource::synthetic(SyntheticTask::Sort));
    let (mut trainer, _) = GptTrainer::new(recipe(len), source, device.clone());
    let hyper = trainer.recipe.adamw;
    let ad = device.autodiff();
    let (mut worst_g, mut worst_u) = (0.0_f64, 0.0_f64);
    let mut adamw = AdamWOracle::new(
        hyper.beta_1,
        hyper.beta_2,
        hyper.epsilon,
        hyper.weight_decay,
    );
    for t in 1..=2_i32 {
        let batch = trainer.next_batch().expect("a batch");
        let tensors = BatchTensors::new(&batch, &ad);
        let logits = trainer.model().forward(tensors.inputs.clone());
        let loss = masked_cross_entropy(logits.clone(), &tensors);
        let grads = loss.backward();
        let mut all: Vec<_> = named(trainer.model())
            .into_iter()
            .map(|n| flat(n, None))
            .collect();
        let before_names = all.len();
        all.extend(named(trainer.model()).into_iter().map(|n| {
            let (k, s, t) = flat(n, Some(&grads));
            (format!("grad {k}"), s, t)
        }));
        let [b, tt, vv] = logits.dims();
        all.push((
            "logits".into(),
            vec![b, tt, vv],
            logits.inner().reshape([b * tt * vv]),
        ));
        all.push(("loss".into(), vec![1], loss.inner()));
        let got = read(all).await;
        let params: BTreeMap<_, _> = got
            .iter()
            .filter(|(k, _)| !k.starts_with("grad ") && *k != "logits" && *k != "loss")
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        assert_eq!(params.len(), before_names);
        let want = gpt_oracle::run(
            &params,
            &Shape {
                layers: 2,
                heads: 2,
                gelu: true,
            },
            &batch_view(&batch),
        );
        let e = rel(&got["logits"].1, &want.logits);
        assert!(
            e < 1e-4,
            "{name} step {t}: logits differ by {e:e} of their scale"
        );
        let l = got["loss"].1[0];
        assert!(
            (l - want.loss).abs() < 1e-5 * want.loss,
            "{name} step {t}: loss {l} vs {}",
            want.loss
        );
        for (k, w) in &want.grads {
            if k.ends_with("attn.k.b") {
                continue; // 0 in exact arithmetic: Burn's value is f32 rounding noise.
            }
            let e = rel(&got[&format!("grad {k}")].1, w);
            worst_g = worst_g.max(e);
            assert!(
                e < 1e-4,
                "{name} step {t}: ∂L/∂{k} differs by {e:e} of its scale"
            );
        }
        let lr = trainer.lr();
        trainer.step_on(&batch);
        let after = read(
            named(trainer.model())
                .into_iter()
                .map(|n| flat(n, None))
                .collect(),
        )
        .await;
        for (k, (shape, theta)) in &params {
            // Conditioned on Burn's gradient, as natively (Adam divides g by |g| + ε).
            let want_delta =
                adamw.delta(k, shape.len(), theta, &got[&format!("grad {k}")].1, t, lr);
            if k.ends_with("attn.k.b") {
                continue;
            }
            let got_delta: Vec<f64> = after[k].1.iter().zip(theta).map(|(a, b)| a - b).collect();
            let e = rel(&got_delta, &want_delta);
            worst_u = worst_u.max(e);
            assert!(
                e < 1e-4,
                "{name} step {t}: Δ{k} differs by {e:e} of its scale"
            );
        }
    }
    console_log!(
        "GPT on {name}: worst relative error, gradients {worst_g:e}, AdamW updates {worst_u:e}"
    );
}

#[wasm_bindgen_test]
async fn the_gpt_matches_the_oracle_on_webgpu() {
    let (device, info) = choose(BackendChoice::WebGpu).await;
    assert_eq!(
        info.kind,
        BackendKind::WebGpu,
        "expected WebGPU here: {info:?}"
    );
    gpt_matches_the_oracle(device, "WebGPU").await;
}

#[wasm_bindgen_test]
async fn the_gpt_matches_the_oracle_on_the_cpu() {
    let (device, _) = choose(BackendChoice::Cpu).await;
    gpt_matches_the_oracle(device, "the CPU").await;
}
