//! The run the worker drives: snapshots read the mean training loss since the last one, and
//! an evaluation is due at the start, every `eval_every` steps and at the end; a synthetic
//! task is scored by exact match on held-out prompts, a corpus gets a sample of text.

use std::rc::Rc;

use futures::executor::block_on;
use ml_playground::data::text::corpus::Corpus;
use ml_playground::data::text::source::TextSource;
use ml_playground::data::text::synthetic::SyntheticTask;
use ml_playground::engine::device::cpu;
use ml_playground::engine::gpt::model_file;
use ml_playground::engine::gpt::run::GptRun;
use ml_playground::settings::{Settings, Task, TextData};

fn small(data: TextData, steps: u64) -> Settings {
    let mut s = Settings::for_task(Task::Gpt);
    data.apply(&mut s);
    (s.gpt.layers, s.gpt.heads, s.gpt.d_model) = (1, 2, 16);
    (s.gpt.steps, s.batch_size) = (steps, 8);
    s
}

#[test]
fn evaluations_come_at_the_start_every_eval_every_steps_and_at_the_end() {
    let s = small(TextData::Sort, 60);
    let mut run = GptRun::new(
        &s,
        Rc::new(TextSource::synthetic(SyntheticTask::Sort)),
        cpu(),
    );
    assert_eq!(run.info.eval_every, 25, "steps / 40, at least 25");
    assert_eq!(run.info.vocab, ["0", "1", "2", "="]);
    assert_eq!(run.info.tokens_per_step, 6 * 8, "answers only");
    let first = block_on(run.prepare_readout().finish()).unwrap();
    assert!(first.train.is_none(), "no step yet");
    let e = first.evaluation.expect("an evaluation at step 0");
    let (right, of) = e.exact.unwrap();
    assert!(of > 50 && right * 4 < of, "{right}/{of} before training");
    assert_eq!(e.answers.len(), 6);
    assert!(
        e.answers
            .iter()
            .all(|a| a.prompt.len() == 7 && a.want.len() == 6 && a.got.len() == 6)
    );
    let mut losses = Vec::new();
    let mut evaluated = Vec::new();
    while !run.is_finished() {
        (0..10).for_each(|_| run.step());
        let r = block_on(run.prepare_readout().finish()).unwrap();
        losses.push(r.train.expect("ten steps' mean").loss);
        evaluated.extend(r.evaluation.map(|e| e.step));
    }
    assert_eq!(
        evaluated,
        [30, 60],
        "due after 25 steps (checked every 10) and at the end"
    );
    assert!(losses.iter().all(|l| l.is_finite()));
    run.step();
    assert_eq!(run.steps_taken(), 60, "a finished run does not step");
}

#[test]
fn a_corpus_run_is_evaluated_on_validation_text_and_writes_a_sample() {
    let bytes = std::fs::read("www/data/text/names.txt").unwrap();
    let s = small(TextData::Names, 30);
    let source = Rc::new(TextSource::Corpus(Corpus::names(&bytes, s.seed).unwrap()));
    let mut run = GptRun::new(&s, source, cpu());
    assert_eq!(run.info.vocab.len(), 27, "a–z and the boundary");
    assert!((run.info.uniform_loss - 27f64.ln()).abs() < 1e-9);
    assert_eq!(run.info.reference.as_ref().map(|r| r.0), Some(1.92));
    let e = block_on(run.prepare_readout().finish())
        .unwrap()
        .evaluation
        .unwrap();
    assert!(e.exact.is_none());
    let (loss, sample) = (e.validation_loss, e.sample.unwrap());
    assert!(
        (loss - 27f32.ln()).abs() < 0.2,
        "untrained: near uniform, {loss}"
    );
    assert_eq!(sample.chars().count(), 60);
    assert!(
        sample.chars().all(|c| c == '.' || c.is_ascii_lowercase()),
        "{sample:?}"
    );
}

#[test]
fn a_model_file_brings_back_the_run_and_bad_files_are_refused_with_a_message() {
    let s = small(TextData::Reverse, 30);
    let source = || Rc::new(TextSource::synthetic(SyntheticTask::Reverse));
    let mut run = GptRun::new(&s, source(), cpu());
    (0..4).for_each(|_| run.step());
    let saved = block_on(run.prepare_checkpoint("file").finish()).unwrap();
    let bytes = model_file::to_file(&saved);
    let (settings, checkpoint) = model_file::from_file(&bytes).unwrap();
    assert_eq!(settings, s, "the settings (shape, data) come back");
    let resumed = GptRun::resume(&settings, source(), cpu(), &checkpoint).unwrap();
    assert_eq!(resumed.steps_taken(), 4);
    let again = block_on(resumed.prepare_checkpoint("file").finish()).unwrap();
    assert_eq!(again.tensors, saved.tensors, "every weight and moment");
    for (bad, says) in [
        (b"hello".to_vec(), "not a tiny-GPT model file"),
        (bytes[..bytes.len() / 2].to_vec(), "damaged"),
    ] {
        let error = model_file::from_file(&bad).unwrap_err();
        assert!(error.contains(says), "{error}");
    }
}
