//! Property tests of the postMessage command parser (`protocol::host::parse_command`), 10,000
//! cases each: any JSON (deeply nested, odd numbers, any Unicode) never panics; a message whose
//! `type` is not exactly "mlpg:command" is not ours (None); every message of that type is
//! answered (Some) with the host's `id` echoed, and a refusal says why; valid commands parse to
//! what was sent; a `set` value with & # = or that is not a string, number or boolean is
//! refused naming its key. Also: the browser's JSON step (text → `serde_json::Value`) refuses
//! nesting deeper than serde_json's limit with an error instead of overflowing the stack.
#![cfg(not(target_arch = "wasm32"))]

use ml_playground::protocol::host::{COMMAND_TYPE, HostCommand, parse_command};
use proptest::prelude::*;
use serde_json::{Map, Number, Value, json};

/// A string strategy whose regex is compiled once (a `&str` strategy compiles it per value).
fn regex(pattern: &str) -> proptest::string::RegexGeneratorStrategy<String> {
    proptest::string::string_regex(pattern).unwrap()
}

/// Numbers a host may send: any integer or finite float, extremes included.
fn number() -> impl Strategy<Value = Value> {
    let odd = [
        0.0,
        -0.0,
        5e-324,
        f64::MIN_POSITIVE,
        1e21,
        1e308,
        f64::MAX,
        -f64::MAX,
    ];
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |x| Number::from_f64(x).map(Value::Number)),
        proptest::sample::select(odd.to_vec()).prop_map(Value::from),
    ]
}

/// Strings that matter to the parser, and any Unicode.
fn text() -> impl Strategy<Value = String> {
    let near = [
        "mlpg:command",
        "MLPG:command",
        "mlpg:command ",
        "mlpg:event",
        "type",
        "command",
        "settings",
        "id",
        "play",
        "pause",
        "step",
        "reset",
        "set",
        "lr",
        "",
        "\u{0}",
        "é\u{301}",
    ];
    prop_oneof![
        proptest::sample::select(near.to_vec()).prop_map(String::from),
        regex("\\PC{0,12}"),
        regex(".{0,4}")
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        number(),
        text().prop_map(Value::from)
    ]
}

/// Any JSON value: nested arrays and objects, and chains up to 500 deep.
fn any_json() -> impl Strategy<Value = Value> {
    let tree = leaf().prop_recursive(8, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            proptest::collection::btree_map(text(), inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    });
    let deep =
        (leaf(), proptest::collection::vec(any::<bool>(), 0..500)).prop_map(|(leaf, wraps)| {
            // Built by hand: `json!` would serialize (copy) the value at every level.
            wraps.into_iter().fold(leaf, |v, array| match array {
                true => Value::Array(vec![v]),
                false => Value::Object(Map::from_iter([("settings".to_string(), v)])),
            })
        });
    prop_oneof![3 => tree, 1 => deep]
}

/// A message with our fields (each present or not, valid or random) and maybe others.
fn command_like() -> impl Strategy<Value = Map<String, Value>> {
    let command = prop_oneof![text().prop_map(Value::from), any_json()];
    let settings = prop_oneof![
        proptest::collection::btree_map(text(), any_json(), 0..4)
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        any_json()
    ];
    let extra = proptest::collection::btree_map(text(), any_json(), 0..3);
    (
        proptest::option::of(command),
        proptest::option::of(settings),
        proptest::option::of(any_json()),
        extra,
    )
        .prop_map(|(command, settings, id, extra)| {
            let mut m: Map<String, Value> = extra.into_iter().collect();
            for (key, v) in [("command", command), ("settings", settings), ("id", id)] {
                v.map(|v| m.insert(key.into(), v));
            }
            m
        })
}

/// A valid `set` value and the hash text it must become.
fn setting() -> impl Strategy<Value = (Value, String)> {
    prop_oneof![
        regex("[^&#=]{0,12}").prop_map(|s| (Value::from(s.clone()), s)),
        any::<bool>().prop_map(|b| (Value::from(b), if b { "1" } else { "0" }.to_string())),
        any::<i64>().prop_map(|n| (Value::from(n), n.to_string())),
        any::<u64>().prop_map(|n| (Value::from(n), n.to_string())),
        // Floats as serde_json writes them: checked below to read back to the same number.
        any::<f64>().prop_filter_map("finite", |x| Number::from_f64(x)
            .map(|n| (Value::Number(n.clone()), n.to_string()))),
    ]
}

/// The start of `key` as a refusal shows it.
fn shown(key: &str) -> String {
    key.chars().take(40).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn any_json_never_panics(v in any_json()) {
        let _ = parse_command(&v);
        let message = json!({"type": COMMAND_TYPE, "command": "set", "settings": v.clone(), "id": v});
        prop_assert!(parse_command(&message).is_some());
    }

    #[test]
    fn other_types_are_not_ours(fields in command_like(), kind in prop_oneof![any_json(), text().prop_map(Value::from)],
        has_type in any::<bool>(), other in any_json()) {
        let mut m = fields;
        if has_type { m.insert("type".into(), kind); }
        if m.get("type") == Some(&json!(COMMAND_TYPE)) { m.remove("type"); }
        prop_assert_eq!(parse_command(&Value::Object(m)), None);
        if !other.is_object() { prop_assert_eq!(parse_command(&other), None); }
    }

    #[test]
    fn every_command_is_answered_with_its_id(fields in command_like()) {
        let mut m = fields;
        m.insert("type".into(), json!(COMMAND_TYPE));
        let id = m.get("id").cloned();
        match parse_command(&Value::Object(m)) {
            None => prop_assert!(false, "not answered"),
            Some(Ok((command, echoed))) => {
                prop_assert_eq!(echoed, id);
                if let HostCommand::Set(pairs) = command {
                    prop_assert!(!pairs.is_empty());
                    prop_assert!(pairs.iter().all(|(_, v)| !v.contains(['&', '#', '='])));
                }
            }
            Some(Err((why, echoed))) => {
                prop_assert!(!why.trim().is_empty());
                prop_assert_eq!(echoed, id);
            }
        }
    }

    #[test]
    fn valid_commands_parse_to_what_was_sent(
        kind in 0usize..5, id in proptest::option::of(any_json()),
        pairs in proptest::collection::btree_map(regex("\\PC{0,10}"), setting(), 1..6),
    ) {
        let name = ["play", "pause", "step", "reset", "set"][kind];
        let mut m = Map::new();
        m.insert("type".into(), json!(COMMAND_TYPE));
        m.insert("command".into(), json!(name));
        id.clone().map(|id| m.insert("id".into(), id));
        if name == "set" {
            let settings = pairs.iter().map(|(k, (v, _))| (k.clone(), v.clone())).collect();
            m.insert("settings".into(), Value::Object(settings));
        }
        let Some(Ok((command, echoed))) = parse_command(&Value::Object(m)) else {
            return Err(TestCaseError::fail(format!("{name} refused")));
        };
        prop_assert_eq!(echoed, id);
        let expected = match name {
            "play" => HostCommand::Play,
            "pause" => HostCommand::Pause,
            "step" => HostCommand::Step,
            "reset" => HostCommand::Reset,
            _ => HostCommand::Set(pairs.iter().map(|(k, (_, text))| (k.clone(), text.clone())).collect()),
        };
        let mut command = command;
        if let HostCommand::Set(got) = &mut command {
            got.sort();
            for ((_, text), (_, (v, _))) in got.iter().zip(&pairs) {
                if v.is_f64() {
                    prop_assert_eq!(text.parse::<f64>().ok(), v.as_f64(), "{}", text);
                }
            }
        }
        prop_assert_eq!(command, expected);
    }

    #[test]
    fn a_forbidden_or_non_scalar_value_is_refused_by_key(
        good in proptest::collection::btree_map("[a-z]{1,6}", setting(), 0..4),
        key in regex("\\PC{0,50}"),
        bad in prop_oneof![
            (regex("\\PC{0,5}"), proptest::sample::select(vec!['&', '#', '=']), regex("\\PC{0,5}"))
                .prop_map(|(a, c, b)| Value::from(format!("{a}{c}{b}"))),
            Just(Value::Null),
            proptest::collection::vec(leaf(), 0..3).prop_map(Value::Array),
            Just(json!({"lr": 1})),
        ],
    ) {
        let mut settings: Map<String, Value> = good.into_iter().map(|(k, (v, _))| (k, v)).collect();
        settings.insert(key.clone(), bad);
        let message = json!({"type": COMMAND_TYPE, "command": "set", "settings": settings, "id": 1});
        let Some(Err((why, id))) = parse_command(&message) else {
            return Err(TestCaseError::fail("accepted"));
        };
        prop_assert_eq!(id, Some(json!(1)));
        prop_assert!(why.contains(&format!("“{}”", shown(&key))), "{} for {:?}", why, key);
        prop_assert!(why.contains("forbidden character") || why.contains("must be a string"), "{}", why);
    }
}

/// In the browser a message is turned into text by `JSON.stringify` and read by serde_json;
/// nesting past serde_json's limit (128) is an error (answered as "cannot be read as JSON"),
/// never a stack overflow.
#[test]
fn the_browsers_json_step_refuses_deep_nesting_with_an_error() {
    for depth in [1, 100, 127, 128, 129, 1_000, 100_000] {
        let text = format!(
            r#"{{"type":"mlpg:command","command":"set","settings":{{"lr":{}1{}}}}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        );
        match serde_json::from_str::<Value>(&text) {
            Ok(v) => {
                assert!(depth < 128, "{depth} levels read");
                let Some(Err((why, _))) = parse_command(&v) else {
                    panic!("an array accepted as a setting")
                };
                assert!(why.contains("“lr”"), "{why}");
            }
            Err(e) => assert!(
                depth >= 127 && e.to_string().contains("recursion"),
                "{depth}: {e}"
            ),
        }
    }
}
