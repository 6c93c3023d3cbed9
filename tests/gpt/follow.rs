//! "Follow one token": every number of the trace against the f64 oracle — the forward pass of
//! the followed head (q, S, A, c, o), the logits and loss, the gradients of those
//! intermediates, W_Q's entry (through the token and in full) and its AdamW step.

use std::rc::Rc;

use futures::executor::block_on;
use ml_playground::data::text::source::TextSource;
use ml_playground::data::text::synthetic::SyntheticTask;
use ml_playground::engine::device;
use ml_playground::engine::gpt::config::FfnActivation;
use ml_playground::engine::gpt::trainer::GptTrainer;
use ml_playground::protocol::gpt_follow::FollowRequest;

use super::burn_params::{batch_view, params};
use super::follow_check::check;
use super::model_oracle::recipe;
use super::oracle::{self, Focus, Shape};

fn follow(steps_before: usize, request: FollowRequest) {
    let source = Rc::new(TextSource::synthetic(SyntheticTask::Reverse));
    let len = SyntheticTask::Reverse.sequence_len();
    let (mut trainer, _) = GptTrainer::new(
        recipe(len, FfnActivation::Gelu, 1e-2),
        source,
        device::cpu(),
    );
    for _ in 0..steps_before {
        trainer.step();
    }
    let batch = trainer.next_batch().unwrap();
    let before = params(trainer.model());
    let tr = block_on(trainer.prepare_follow(request).unwrap().finish()).unwrap();
    assert_eq!(tr.request, request, "in range, not clamped");
    assert_eq!(tr.step, steps_before as u64 + 1);
    assert_eq!(tr.entry.t, steps_before as u32 + 1);
    let focus = Focus {
        b: request.sequence,
        l: request.layer,
        h: request.head,
        t: request.position,
    };
    let shape = Shape {
        layers: 2,
        heads: 2,
        gelu: true,
    };
    let want = oracle::run_followed(&before, &shape, &batch_view(&batch), Some(focus));
    let w_q = &want.grads[&format!("b{}.attn.q.w", request.layer)];
    check(&tr, &want.followed, want.loss, w_q);
    // The preview left the run alone: its next step is the step followed.
    let loss = trainer.step().unwrap();
    let l = loss.into_data().try_to_vec::<f32>().unwrap()[0];
    assert_eq!(l, tr.forward.loss);
    let after = params(trainer.model());
    let (i, c) = (tr.entry.row, tr.entry.column);
    let got = after[&format!("b{}.attn.q.w", request.layer)].1[i * tr.d_model + c];
    assert_eq!(
        got as f32, tr.entry.theta_new,
        "the step took the previewed update"
    );
}

#[test]
fn the_first_step_of_the_last_block_matches_the_oracle() {
    follow(
        0,
        FollowRequest {
            sequence: 1,
            position: 7,
            layer: 1,
            head: 1,
            row: 3,
            col: 5,
        },
    );
}

#[test]
fn a_later_step_of_the_first_block_matches_the_oracle() {
    follow(
        2,
        FollowRequest {
            sequence: 2,
            position: 4,
            layer: 0,
            head: 0,
            row: 11,
            col: 2,
        },
    );
}

#[test]
fn out_of_range_requests_are_clamped() {
    let source = Rc::new(TextSource::synthetic(SyntheticTask::Sort));
    let len = SyntheticTask::Sort.sequence_len();
    let (trainer, _) = GptTrainer::new(
        recipe(len, FfnActivation::Relu, 1e-2),
        source,
        device::cpu(),
    );
    let big = FollowRequest {
        sequence: 99,
        position: 99,
        layer: 9,
        head: 9,
        row: 999,
        col: 999,
    };
    let t = trainer.next_batch().unwrap().len;
    let tr = block_on(trainer.prepare_follow(big).unwrap().finish()).unwrap();
    let r = tr.request;
    assert_eq!((r.sequence, r.position, r.layer, r.head), (2, t - 1, 1, 1));
    assert_eq!((r.row, r.col), (15, 7));
    assert_eq!(tr.entry.t, 1);
    assert_eq!((tr.entry.m_before, tr.entry.v_before), (0.0, 0.0));
    assert_eq!(tr.forward.weights.len(), t);
    assert_eq!(tr.tokens.len(), t);
}

/// The value at `key` ("forward.k[3][0]", "entry.grad") of the exported document.
fn lookup<'a>(doc: &'a serde_json::Value, key: &str) -> Option<&'a serde_json::Value> {
    let mut v = doc;
    for part in key.split('.') {
        let (name, rest) = part.split_once('[').unwrap_or((part, ""));
        v = v.get(name)?;
        for index in rest.split('[').filter(|s| !s.is_empty()) {
            v = v.get(index.trim_end_matches(']').parse::<usize>().ok()?)?;
        }
    }
    Some(v)
}

#[test]
fn every_sub_step_typesets_and_its_numbers_are_the_exports() {
    use ml_playground::explain::gpt_follow::{gpt_steps, tex_token};
    use ml_playground::explain::gpt_follow_export::export_value;
    use ml_playground::explain::mathml::to_mathml;
    let source = Rc::new(TextSource::synthetic(SyntheticTask::Add));
    let len = SyntheticTask::Add.sequence_len();
    let (mut trainer, _) = GptTrainer::new(
        recipe(len, FfnActivation::Relu, 1e-2),
        source,
        device::cpu(),
    );
    trainer.step();
    for request in [
        FollowRequest::default(),
        FollowRequest {
            sequence: 1,
            position: 9,
            layer: 1,
            head: 1,
            row: 4,
            col: 3,
        },
    ] {
        let tr = block_on(trainer.prepare_follow(request).unwrap().finish()).unwrap();
        let steps = gpt_steps(&tr).unwrap();
        assert_eq!(steps.len(), 18);
        let doc = export_value(&tr);
        let mut keyed = 0;
        for s in &steps {
            for l in s.symbolic.iter().chain(&s.substituted) {
                to_mathml(&l.latex).unwrap_or_else(|e| panic!("{}: {e}", s.title));
            }
            for term in &s.terms {
                if let Some(key) = &term.key {
                    let v = lookup(&doc, key).and_then(serde_json::Value::as_f64);
                    let v = v.unwrap_or_else(|| panic!("{}: {key} is not in the export", s.title));
                    assert_eq!(v as f32, term.value as f32, "{}: {key}", s.title);
                    keyed += 1;
                }
            }
        }
        assert!(keyed > 40, "{keyed} numbers carry their key");
    }
    for c in (32u8..127).map(char::from).chain(['⏎', '␣']) {
        to_mathml(&tex_token(&c.to_string())).unwrap_or_else(|e| panic!("{c:?}: {e}"));
    }
}
