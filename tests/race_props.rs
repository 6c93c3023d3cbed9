//! `race=` links: property tests of the parser (never panics, at most three runs, every run
//! valid, the written form reads back the same) and the examples of the issue.

use ml_playground::settings::race::{KEYS, MAX_RUNS, Race};
use ml_playground::settings::{OptimizerKind, Settings, from_hash, to_hash};
use proptest::prelude::*;

#[test]
fn the_issues_examples() {
    let r = Race::parse("optimizer:sgd,momentum,adam").unwrap();
    assert_eq!(r.runs.len(), 3);
    assert_eq!(r.label(2), "optimizer=adam");
    let base = Settings::default();
    assert_eq!(r.run_settings(&base, 1).optimizer, OptimizerKind::Momentum);
    assert!(
        !r.run_settings(&base, 1).linreg.race.is_on(),
        "a run is not itself a race"
    );

    let r = Race::parse("lr:0.01,0.1,0.5").unwrap();
    assert_eq!(r.run_settings(&base, 2).live.lr, 0.5);
    assert!(r.overrides(0, "lr") && !r.overrides(0, "l2"));

    let r = Race::parse("optimizer=sgd,lr=0.1;optimizer=adam,lr=0.01").unwrap();
    assert_eq!(r.varied, None);
    let adam = r.run_settings(&base, 1);
    assert_eq!((adam.optimizer, adam.live.lr), (OptimizerKind::Adam, 0.01));
    assert_eq!(
        r.write().unwrap(),
        "optimizer=sgd,lr=0.1;optimizer=adam,lr=0.01"
    );
}

#[test]
fn the_valid_part_of_a_link_is_used_and_the_rest_named() {
    let (s, notices) = from_hash("#task=linreg&race=optimizer:sgd,rmsprop,adam,momentum,sgd");
    assert_eq!(s.linreg.race.runs.len(), 3, "{:?}", s.linreg.race);
    assert_eq!(notices.len(), 1, "{notices:?}");
    let n = &notices[0].message;
    assert!(
        n.contains("rmsprop") && n.contains("at most 3 runs race: optimizer=sgd"),
        "{n}"
    );

    let (s, notices) = from_hash("#task=linreg&race=optimizer=adam,seed=3;lr=0.5,colour=red");
    assert_eq!(
        s.linreg.race.runs,
        vec![
            vec![("optimizer".into(), "adam".into())],
            vec![("lr".into(), "0.5".into())]
        ]
    );
    assert!(
        notices[0].message.contains("“seed” cannot be raced")
            && notices[0].message.contains("“colour”"),
        "{notices:?}"
    );

    // Nothing valid: no race, and the notice says why.
    let (s, notices) = from_hash("#task=linreg&race=seed:1,2");
    assert!(!s.linreg.race.is_on());
    assert!(
        notices[0].message.contains("cannot be raced"),
        "{notices:?}"
    );
    let (s, notices) = from_hash("#task=linreg&race=lr:-1,0.1");
    assert!(
        !s.linreg.race.is_on() && notices[0].message.contains("two or three"),
        "{notices:?}"
    );
}

#[test]
fn the_race_round_trips_through_the_hash() {
    let (s, notices) = from_hash("#task=linreg&race=lr:0.01,0.1,0.5&epochs=5");
    assert!(notices.is_empty(), "{notices:?}");
    let hash = to_hash(&s);
    assert!(hash.contains("&race=lr:0.01,0.1,0.5"), "{hash}");
    assert_eq!(from_hash(&hash).0, s);
    // No race, no key.
    assert!(!to_hash(&Settings::default()).contains("race"));
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("sgd".to_string()),
        Just("adam".to_string()),
        Just("momentum".to_string()),
        (0.0001f64..2.0).prop_map(|v| format!("{v:.4}")),
        (1usize..200).prop_map(|v| v.to_string()),
        "[a-z0-9.=:;,-]{0,6}",
    ]
}

proptest! {
    #[test]
    fn any_text_reads_without_panicking(text in "[a-z0-9.=:;,_ -]{0,40}") {
        match Race::parse(&text) {
            Ok(r) => {
                prop_assert!((2..=MAX_RUNS).contains(&r.runs.len()));
                prop_assert!(r.runs.iter().flatten().all(|(k, _)| KEYS.contains(&k.as_str())));
            }
            Err(why) => prop_assert!(!why.is_empty()),
        }
    }

    #[test]
    fn a_written_race_reads_back_the_same(
        runs in prop::collection::vec(prop::collection::vec((prop::sample::select(KEYS.to_vec()), value()), 1..3), 2..5)
    ) {
        let text = runs.iter().map(|r| r.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(",")).collect::<Vec<_>>().join(";");
        if let Ok(race) = Race::parse(&text) {
            let written = race.write().unwrap();
            let again = Race::parse(&written).unwrap();
            prop_assert_eq!(&again.runs, &race.runs);
            prop_assert!(again.dropped.is_empty());
        }
    }
}
