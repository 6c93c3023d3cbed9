//! "Follow one token" in the browser, on WebGPU and on the CPU: the trace — read back
//! asynchronously, as the worker reads it — against the f64 oracle, after one AdamW step.

use std::rc::Rc;

use burn::tensor::Device;
use ml_playground::data::text::source::TextSource;
use ml_playground::data::text::synthetic::SyntheticTask;
use ml_playground::engine::gpt::trainer::GptTrainer;
use ml_playground::protocol::BackendKind;
use ml_playground::protocol::gpt_follow::FollowRequest;
use ml_playground::settings::BackendChoice;
use ml_playground::worker::backend::choose;
use wasm_bindgen_test::{console_log, wasm_bindgen_test};

use crate::burn_params::{batch_view, named};
use crate::follow_check::check;
use crate::gpt::{flat, read, recipe};
use crate::oracle::{Focus, Shape, run_followed};

async fn follow_matches_the_oracle(device: Device, name: &str) {
    let len = SyntheticTask::Reverse.sequence_len();
    let source = Rc::new(TextSource::synthetic(SyntheticTask::Reverse));
    let (mut trainer, _) = GptTrainer::new(recipe(len), source, device);
    trainer.step();
    let request = FollowRequest {
        sequence: 1,
        position: 6,
        layer: 0,
        head: 1,
        row: 5,
        col: 3,
    };
    let batch = trainer.next_batch().expect("a batch");
    let params = read(
        named(trainer.model())
            .into_iter()
            .map(|n| flat(n, None))
            .collect(),
    )
    .await;
    let tr = trainer
        .prepare_follow(request)
        .expect("a batch")
        .finish()
        .await
        .expect("read back");
    assert_eq!(tr.request, request);
    let want = run_followed(
        &params,
        &Shape {
            layers: 2,
            heads: 2,
            gelu: true,
        },
        &batch_view(&batch),
        Some(Focus {
            b: 1,
            l: 0,
            h: 1,
            t: 6,
        }),
    );
    check(&tr, &want.followed, want.loss, &want.grads["b0.attn.q.w"]);
    console_log!(
        "follow one token on {name}: step {}, ∂L/∂W_Q[5,{}] = {} (through t: {}), θ {} → {}",
        tr.step,
        tr.entry.column,
        tr.entry.grad,
        tr.entry.through_token,
        tr.entry.theta,
        tr.entry.theta_new
    );
}

#[wasm_bindgen_test]
async fn following_a_token_matches_the_oracle_on_webgpu() {
    let (device, info) = choose(BackendChoice::WebGpu).await;
    assert_eq!(
        info.kind,
        BackendKind::WebGpu,
        "expected WebGPU here: {info:?}"
    );
    follow_matches_the_oracle(device, "WebGPU").await;
}

#[wasm_bindgen_test]
async fn following_a_token_matches_the_oracle_on_the_cpu() {
    let (device, _) = choose(BackendChoice::Cpu).await;
    follow_matches_the_oracle(device, "the CPU").await;
}
