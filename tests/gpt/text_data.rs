//! The shipped corpora, the tokenizer and the synthetic tasks.

use std::collections::BTreeSet;

use ml_playground::data::rng::Rng;
use ml_playground::data::text::batch;
use ml_playground::data::text::corpus::{BOUNDARY, Corpus, CorpusKind};
use ml_playground::data::text::synthetic::{Split, SyntheticTask, split_of};
use ml_playground::data::text::vocab::Vocab;
use proptest::prelude::*;
use sha2::{Digest, Sha256};

fn shipped(file: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/www/data/text/{file}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn the_shipped_text_is_the_documented_text() {
    let sums = String::from_utf8(shipped("SHA256SUMS")).unwrap();
    for line in sums.lines() {
        let (hash, file) = line.split_once("  ").unwrap();
        let got = format!("{:x}", Sha256::digest(shipped(file)));
        assert_eq!(got, hash, "{file}");
        // The worker checks each download against the same sum.
        let kind = [CorpusKind::Names, CorpusKind::Shakespeare]
            .into_iter()
            .find(|&k| Corpus::file(k) == file)
            .unwrap();
        assert_eq!(Corpus::sha256(kind), hash, "{file}");
    }
    assert_eq!(sums.lines().count(), 2);
}

#[test]
fn shakespeare_is_65_characters_split_90_10_in_order() {
    let c = Corpus::shakespeare(&shipped("tinyshakespeare.txt")).unwrap();
    assert_eq!(c.vocab.len(), 65);
    assert_eq!(c.train.len() + c.validation.len(), 1_115_394);
    assert_eq!(c.train.len(), 1_003_854);
    assert!(c.vocab.decode(&c.train[..14]).starts_with("First Citizen:"));
}

#[test]
fn names_are_split_by_name_with_the_boundary_token() {
    let c = Corpus::names(&shipped("names.txt"), 1).unwrap();
    assert_eq!(c.names, Some((28_829, 3_204)));
    assert_eq!(c.vocab.len(), 27);
    assert_eq!(c.vocab.chars()[0], BOUNDARY);
    let text = |ids: &[u32]| c.vocab.decode(ids);
    let train: BTreeSet<String> = text(&c.train)
        .split('.')
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    let validation: Vec<String> = text(&c.validation)
        .split('.')
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    // Every name of the file is in one split or the other (29,494 distinct: some repeat).
    let all = String::from_utf8(shipped("names.txt")).unwrap();
    let distinct: BTreeSet<&str> = all.lines().collect();
    assert_eq!(distinct.len(), 29_494);
    let both: BTreeSet<&str> = train
        .iter()
        .map(String::as_str)
        .chain(validation.iter().map(String::as_str))
        .collect();
    assert_eq!(both, distinct);
    // Another seed, another split; the same seed, the same.
    assert_eq!(
        Corpus::names(&shipped("names.txt"), 1).unwrap().train,
        c.train
    );
    assert_ne!(
        Corpus::names(&shipped("names.txt"), 2).unwrap().train,
        c.train
    );
}

#[test]
fn bad_text_files_are_refused_with_a_message() {
    let e = Corpus::shakespeare(b"\xff\xfe not text").unwrap_err();
    assert!(e.contains("not UTF-8") && e.contains("Reload"), "{e}");
    assert!(
        Corpus::shakespeare(b"short")
            .unwrap_err()
            .contains("at least 100")
    );
    assert!(
        Corpus::names(b"ann\nbo.b\n", 1)
            .unwrap_err()
            .contains("line 2")
    );
    assert!(
        Corpus::names(b"ann\nbob\n", 1)
            .unwrap_err()
            .contains("at least 10")
    );
}

#[test]
fn synthetic_examples_are_right_and_split_by_prompt() {
    assert_eq!(SyntheticTask::Sort.answer("201102="), Some("001122".into()));
    assert_eq!(
        SyntheticTask::Reverse.answer("381904="),
        Some("409183".into())
    );
    assert_eq!(SyntheticTask::Add.answer("23+45="), Some("068".into()));
    assert_eq!(SyntheticTask::Add.answer("99+99="), Some("198".into()));
    for task in SyntheticTask::ALL {
        let mut rng = Rng::new(3);
        for split in [Split::Train, Split::Validation] {
            for _ in 0..500 {
                let e = task.draw(&mut rng, split);
                assert_eq!(e.text.len(), task.example_len());
                assert_eq!(split_of(e.prompt()), split);
                assert_eq!(task.answer(e.prompt()).as_deref(), Some(e.answer()));
            }
        }
        let v = task.validation_set(1, 200);
        assert!(v.iter().all(|e| split_of(e.prompt()) == Split::Validation));
        assert_eq!(
            v.iter().map(|e| &e.text).collect::<BTreeSet<_>>().len(),
            v.len()
        );
    }
    // Sort has 3⁶ = 729 prompts; about a tenth validate.
    let all_sort = SyntheticTask::Sort.validation_set(1, 1000).len();
    assert!((50..=100).contains(&all_sort), "{all_sort}");
}

#[test]
fn only_the_answer_counts_in_a_synthetic_batch() {
    let task = SyntheticTask::Add;
    let vocab = Vocab::of(task.alphabet());
    let b = batch::synthetic(task, &vocab, 4, &mut Rng::new(1), Split::Train);
    assert_eq!((b.batch, b.len), (4, 8));
    // "23+45=068": targets 5, 6, 7 predict 0, 6, 8 (the inputs end at '=', '0', '6').
    assert_eq!(&b.weights[..8], &[0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0]);
    assert_eq!(b.counted(), 12);
    assert_eq!(vocab.decode(&b.inputs[5..6]), "=");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn encode_then_decode_is_the_text(text in "[a-z .,\n]{0,40}") {
        let vocab = Vocab::of("abcdefghijklmnopqrstuvwxyz .,\n");
        prop_assert_eq!(vocab.decode(&vocab.encode(&text).unwrap()), text);
    }

    #[test]
    fn unknown_characters_are_named_not_panicked_on(text in "\\PC{0,20}") {
        let vocab = Vocab::of("abc");
        match vocab.encode(&text) {
            Ok(ids) => prop_assert_eq!(vocab.decode(&ids), text),
            Err(e) => prop_assert!(!"abc".contains(e.ch) && e.to_string().contains("not in the vocabulary")),
        }
    }

    #[test]
    fn any_prompt_text_gets_an_answer_or_none(text in "[0-9+=a]{0,12}") {
        for task in SyntheticTask::ALL {
            if let Some(answer) = task.answer(&text) {
                prop_assert_eq!(text.len() + answer.len(), task.example_len());
            }
        }
    }

    #[test]
    fn windows_are_shifted_by_one(len in 1usize..20, extra in 0usize..50, seed in any::<u64>()) {
        let stream: Vec<u32> = (0..(len + 1 + extra) as u32).collect();
        let b = batch::windows(&stream, 3, len, &mut Rng::new(seed)).unwrap();
        for (x, y) in b.inputs.iter().zip(&b.targets) {
            prop_assert_eq!(x + 1, *y);
        }
        prop_assert!(batch::windows(&stream[..len], 1, len, &mut Rng::new(seed)).is_none());
    }
}
