//! Property tests of the settings table and the URL hash it drives: every key in exactly one
//! row, any hash text parses without a panic into settings that round-trip, and random valid
//! settings of every task survive `to_hash` → `from_hash` and the embed API's `set`.
//!
//! Which fields each task uses is written out here by hand (not read from the table), so a
//! row with the wrong task list fails the round trip.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use ml_playground::data::table::design::Missing;
use ml_playground::settings::TableSettings;
use ml_playground::settings::embed::{PANELS, apply_pairs};
use ml_playground::settings::gpt::{GptSettings, TextData};
use ml_playground::settings::gpt_shape::FfnActivation;
use ml_playground::settings::table;
use ml_playground::settings::{
    Activation, BackendChoice, LinregSettings, Live, MnistSettings, ModelKind, NeuronSettings,
    OptimizerKind, Preprocess, Settings, Task, from_hash, to_hash,
};
use proptest::prelude::*;
use proptest::sample::select;

#[test]
fn every_key_is_in_exactly_one_row_and_no_panel_shares_a_name() {
    let rows = table::all_rows();
    let keys: BTreeSet<&str> = rows.iter().map(|r| r.key).collect();
    // A key is declared once per task; two tasks may each have their own row of one name when
    // it means the same there: `x` and `y` are the neuron's inputs and label and "Your data"'s
    // feature and target columns (the issue's `x=` / `y=`).
    for task in Task::ALL {
        let of_task: Vec<&str> = table::rows_of(task).map(|r| r.key).collect();
        let unique: BTreeSet<&str> = of_task.iter().copied().collect();
        assert_eq!(unique.len(), of_task.len(), "{task:?} declares a key twice");
    }
    let shared: Vec<&str> = rows
        .iter()
        .map(|r| r.key)
        .filter(|k| rows.iter().filter(|r| r.key == *k).count() > 1)
        .collect();
    assert!(
        shared.iter().all(|k| ["x", "y"].contains(k)),
        "declared by two tasks: {shared:?}"
    );
    for (panel, _) in PANELS {
        assert!(
            !keys.contains(panel),
            "“{panel}” is both a panel and a setting"
        );
    }
    for task in Task::ALL {
        let of_task: Vec<&str> = table::rows_of(task).map(|r| r.key).collect();
        assert_eq!(
            of_task.first(),
            Some(&"task"),
            "{task:?}: task leads the hash"
        );
        assert!(of_task.contains(&"backend"), "{task:?} has no backend row");
    }
    for row in &rows {
        assert!(!row.label.is_empty(), "{} has no label", row.key);
        assert!(
            Task::ALL
                .iter()
                .any(|&t| table::row_of(t, row.key).is_some()),
            "no task uses {}",
            row.key
        );
    }
    for task in Task::ALL {
        for key in task.spec().shared {
            assert!(
                table::SHARED.iter().any(|r| r.key == *key),
                "{task:?}: no shared row {key}"
            );
        }
    }
}

fn f64_in(low: f64, high: f64) -> impl Strategy<Value = f64> {
    prop_oneof![Just(low), Just(high), low..=high]
}

prop_compose! {
    /// Any valid value of every field (each within its declared range).
    fn any_fields()(
        (points, noise, seed, lr, batch_size, epochs) in (
            10usize..=10_000, f64_in(0.0, 10.0), 0u64..=u64::from(u32::MAX),
            f64_in(1e-6, 10.0), 1usize..=10_000, 1usize..=10_000),
        (optimizer, momentum, l1, l2, backend, show_test, walk, speed) in (
            select(OptimizerKind::ALL.to_vec()), f64_in(0.0, 0.999), f64_in(0.0, 10.0),
            f64_in(0.0, 10.0), select(BackendChoice::ALL.to_vec()), any::<bool>(),
            any::<bool>(), 0u32..=1_000),
        (model, hidden, filters, activation, preprocess, subset, lr_decay) in (
            select(vec![ModelKind::Mlp, ModelKind::Cnn]),
            proptest::collection::vec(1usize..=2_048, 0..=6), [1usize..=64, 1usize..=64],
            select(Activation::ALL.to_vec()), select(Preprocess::ALL.to_vec()),
            100usize..=60_000, f64_in(0.01, 1.0)),
        (xw, b, y) in (
            proptest::collection::vec((f64_in(-100.0, 100.0), f64_in(-100.0, 100.0)), 1..=8),
            f64_in(-100.0, 100.0), f64_in(0.0, 1.0)),
        gpt in any_gpt(),
        table in any_table(),
    ) -> Settings {
        let neuron = NeuronSettings {
            x: xw.iter().map(|p| p.0).collect(),
            w: xw.iter().map(|p| p.1).collect(),
            b,
            y,
        };
        Settings {
            task: Task::LinearRegression, seed, batch_size, epochs, optimizer, momentum, backend,
            live: Live { lr, l1, l2, speed },
            linreg: LinregSettings { points, noise, show_test, walk, race: Default::default() },
            mnist: MnistSettings { model, hidden, filters, activation, preprocess, subset, lr_decay },
            neuron,
            gpt,
            table,
        }
    }
}

prop_compose! {
    /// Any "Your data" part: names and sources with the characters a hash must escape.
    fn any_table()(
        data in "[a-zA-Z0-9 _,&=%#é/:.-]{0,16}",
        y in "[a-zA-Z0-9 _,&=%#é.-]{1,10}",
        x in proptest::collection::vec("[a-zA-Z0-9 _,&=%#é.-]{1,10}", 0..=5),
        missing in select(Missing::ALL.to_vec()),
    ) -> TableSettings {
        let x = x.into_iter().filter(|n| *n != y).collect();
        TableSettings { data, y, x, missing }
    }
}

prop_compose! {
    /// Any valid GPT part: heads dividing d_model, a context that holds the task's sequences.
    fn any_gpt()(
        (text, heads, layers, ffn, dropout) in (
            select(TextData::ALL.to_vec()), 1usize..=8, 1usize..=6,
            select(FfnActivation::ALL.to_vec()), f64_in(0.0, 0.5)),
        (width, context, steps, warmup, cosine, weight_decay, beta2) in (
            0.0f64..=1.0, 8usize..=128, 1u64..=100_000, 0u64..=10_000, any::<bool>(),
            f64_in(0.0, 1.0), f64_in(0.5, 0.9999)),
    ) -> GptSettings {
        // d_model: a multiple of the heads within 16–256.
        let (lo, hi) = (16usize.div_ceil(heads), 256 / heads);
        let d_model = heads * (lo + ((hi - lo) as f64 * width) as usize);
        let context = context.max(text.min_context());
        GptSettings {
            text, layers, heads, d_model, context, ffn, dropout, steps, warmup, cosine,
            weight_decay, beta2,
        }
    }
}

/// Random valid settings of `task`: its own fields random, every other field its default.
fn settings_of(task: Task) -> impl Strategy<Value = Settings> {
    any_fields().prop_map(move |r| {
        let mut s = Settings::for_task(task);
        s.backend = r.backend;
        match task {
            Task::LinearRegression => {
                (
                    s.linreg.points,
                    s.linreg.noise,
                    s.linreg.show_test,
                    s.linreg.walk,
                ) = (
                    r.linreg.points,
                    r.linreg.noise,
                    r.linreg.show_test,
                    r.linreg.walk,
                );
            }
            Task::Mnist => {
                (s.mnist.model, s.mnist.hidden, s.mnist.filters) =
                    (r.mnist.model, r.mnist.hidden.clone(), r.mnist.filters);
                (s.mnist.activation, s.mnist.preprocess) = (r.mnist.activation, r.mnist.preprocess);
                (s.mnist.subset, s.mnist.lr_decay) = (r.mnist.subset, r.mnist.lr_decay);
            }
            Task::Neuron | Task::Formulas => s.neuron = r.neuron.clone(),
            Task::Table => {
                s.table = r.table.clone();
                (s.seed, s.batch_size, s.epochs, s.live.l2, s.live.speed) =
                    (r.seed, r.batch_size, r.epochs, r.live.l2, r.live.speed);
                (s.live.lr, s.optimizer, s.momentum) = (r.live.lr, r.optimizer, r.momentum);
                return s;
            }
            Task::Gpt => {
                s.gpt = r.gpt.clone();
                (s.seed, s.batch_size, s.live.lr, s.live.speed) =
                    (r.seed, r.batch_size, r.live.lr, r.live.speed);
                return s;
            }
        }
        if matches!(task, Task::LinearRegression | Task::Mnist) {
            (s.seed, s.batch_size, s.epochs, s.live.l1, s.live.l2) =
                (r.seed, r.batch_size, r.epochs, r.live.l1, r.live.l2);
            s.live.speed = r.live.speed;
        }
        if task != Task::Formulas {
            (s.live.lr, s.optimizer, s.momentum) = (r.live.lr, r.optimizer, r.momentum);
        }
        s
    })
}

fn any_task_settings() -> impl Strategy<Value = Settings> {
    select(Task::ALL.to_vec()).prop_flat_map(settings_of)
}

/// `key=value` pairs of a hash, for the embed API.
fn pairs_of(hash: &str) -> Vec<(String, String)> {
    hash.trim_start_matches('#')
        .split('&')
        .map(|p| p.split_once('=').unwrap())
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    /// Any text: no panic, and what comes out is canonical (its hash reads back unchanged).
    #[test]
    fn any_hash_text_parses_into_settings_that_round_trip(text in ".{0,80}") {
        let (s, _) = from_hash(&text);
        let (back, notices) = from_hash(&to_hash(&s));
        prop_assert_eq!(back, s);
        prop_assert!(notices.is_empty(), "{:?}", notices);
    }

    /// Real keys with hostile values: no panic, each notice names a key that was given.
    #[test]
    fn real_keys_with_any_values_never_panic(
        pairs in proptest::collection::vec(
            (select(table::all_rows().iter().map(|r| r.key).collect::<Vec<_>>()), "[^&#]{0,24}"), 0..8)
    ) {
        let hash: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let (s, notices) = from_hash(&hash.join("&"));
        for n in &notices {
            prop_assert!(pairs.iter().any(|(k, _)| *k == n.key), "{:?}", n);
            prop_assert!(n.message.chars().count() < 300, "{}", n.message);
        }
        prop_assert_eq!(from_hash(&to_hash(&s)).0, s);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn valid_settings_of_every_task_round_trip(s in any_task_settings()) {
        let hash = to_hash(&s);
        let (back, notices) = from_hash(&hash);
        prop_assert!(notices.is_empty(), "{}: {:?}", hash, notices);
        prop_assert_eq!(&back, &s, "{}", hash);
        prop_assert_eq!(to_hash(&back), hash);
    }

    /// The embed API's `set` with every key of a task's hash reaches exactly those settings,
    /// whatever the page showed before (same task, any values).
    #[test]
    fn the_embed_set_of_a_whole_hash_reaches_it(
        (before, target) in select(Task::ALL.to_vec())
            .prop_flat_map(|t| (settings_of(t), settings_of(t)))
    ) {
        let mut target = target;
        target.backend = before.backend; // `set` never changes the device.
        let after = apply_pairs(&before, &pairs_of(&to_hash(&target)));
        prop_assert_eq!(after, Ok(target));
    }

    /// Setting one row changes that row's value and no other row's.
    #[test]
    fn each_row_writes_only_its_own_value(
        (a, b) in select(Task::ALL.to_vec()).prop_flat_map(|t| (settings_of(t), settings_of(t)))
    ) {
        // A preset row (the GPT's `text`) sets the other rows by design.
        let preset = table::leading_key(a.task);
        for row in table::rows_of(a.task).filter(|r| r.key != "task" && Some(r.key) != preset) {
            let Some(value) = (row.get)(&b) else { continue };
            let mut c = a.clone();
            prop_assert_eq!((row.set)(&mut c, &value), Ok(()));
            prop_assert_eq!((row.get)(&c), Some(value), "{}", row.key);
            for other in table::rows_of(a.task).filter(|o| o.key != row.key) {
                prop_assert_eq!((other.get)(&c), (other.get)(&a), "{} changed {}", row.key, other.key);
            }
        }
    }
}
