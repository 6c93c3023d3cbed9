//! The hosts' messages the property tests draw: numbers, strings that matter to the parser,
//! any JSON, messages with our fields, and valid `set` values.

use proptest::prelude::*;
use serde_json::{Map, Number, Value};

/// A string strategy whose regex is compiled once (a `&str` strategy compiles it per value).
pub fn regex(pattern: &str) -> proptest::string::RegexGeneratorStrategy<String> {
    proptest::string::string_regex(pattern).unwrap()
}

/// Numbers a host may send: any integer or finite float, extremes included.
pub fn number() -> impl Strategy<Value = Value> {
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
pub fn text() -> impl Strategy<Value = String> {
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

pub fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        number(),
        text().prop_map(Value::from)
    ]
}

/// Any JSON value: nested arrays and objects, and chains up to 500 deep.
pub fn any_json() -> impl Strategy<Value = Value> {
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
pub fn command_like() -> impl Strategy<Value = Map<String, Value>> {
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
pub fn setting() -> impl Strategy<Value = (Value, String)> {
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
pub fn shown(key: &str) -> String {
    key.chars().take(40).collect()
}
