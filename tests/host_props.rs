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
use serde_json::{Map, Value, json};
#[path = "host_props/strategies.rs"]
mod strategies;
use strategies::*;

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
