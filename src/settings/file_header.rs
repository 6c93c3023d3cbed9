//! The settings inside a model file's header, versioned.
//!
//! - Format 2 (now): the settings as their canonical URL hash, read back through the
//!   [settings table](super::table) with the same checks as a link — but strictly: a value a
//!   link would replace by its default makes the file refused, with the reason.
//! - Format 1 (the release of 2026-11-26): the settings as a JSON object of the struct's
//!   field names. [`hash_from_v1`] migrates it to the hash form by naming each field's key,
//!   so it never depends on today's struct.

use serde_json::Value;

use super::Settings;
use super::hash::{from_hash, to_hash};

/// The header's form of `settings` (format 2).
pub fn to_header(settings: &Settings) -> String {
    to_hash(settings)
}

/// Settings from a header's hash, or every reason they are not valid.
pub fn from_header(hash: &str) -> Result<Settings, String> {
    let (settings, notices) = from_hash(hash);
    if notices.is_empty() {
        Ok(settings)
    } else {
        let reasons: Vec<String> = notices
            .into_iter()
            .map(|n| n.message.replace("; using the default", "; the default is"))
            .collect();
        Err(reasons.join(" "))
    }
}

/// Format 1's field names and the hash key each became.
const V1_KEYS: [(&str, &str); 22] = [
    ("task", "task"),
    ("points", "points"),
    ("noise", "noise"),
    ("seed", "seed"),
    ("lr", "lr"),
    ("batch_size", "batch"),
    ("epochs", "epochs"),
    ("optimizer", "optimizer"),
    ("momentum", "momentum"),
    ("l1", "l1"),
    ("l2", "l2"),
    ("backend", "backend"),
    ("show_test", "test"),
    ("walk", "walk"),
    ("speed", "speed"),
    ("model", "model"),
    ("hidden", "hidden"),
    ("filters", "filters"),
    ("activation", "act"),
    ("preprocess", "prep"),
    ("subset", "subset"),
    ("lr_decay", "decay"),
];

/// Format 1's settings object as a hash (fields it lacks keep their defaults; unknown fields
/// are dropped), or why it is not one.
pub fn hash_from_v1(settings: &Value) -> Result<String, String> {
    let object = settings
        .as_object()
        .ok_or("its settings are not a JSON object")?;
    let mut pairs = Vec::new();
    for (field, key) in V1_KEYS {
        if let Some(value) = object.get(field) {
            pairs.push(format!("{key}={}", v1_text(value, "-")?));
        }
    }
    if let Some(neuron) = object.get("neuron").and_then(Value::as_object) {
        for key in ["x", "w", "b", "y"] {
            if let Some(value) = neuron.get(key) {
                pairs.push(format!("{key}={}", v1_text(value, ",")?));
            }
        }
    }
    Ok(format!("#{}", pairs.join("&")))
}

/// A format-1 value as hash text: serde's variant names lower-cased (`Adam` → `adam`,
/// `LinearRegression` → `linreg`), flags as 0/1, lists joined by `separator`.
fn v1_text(value: &Value, separator: &str) -> Result<String, String> {
    match value {
        Value::String(s) if s == "LinearRegression" => Ok("linreg".into()),
        Value::String(s) => Ok(s.to_ascii_lowercase()),
        Value::Number(n) => Ok(n.to_string()),
        Value::Bool(b) => Ok(u8::from(*b).to_string()),
        Value::Array(items) => {
            let items: Result<Vec<String>, String> =
                items.iter().map(|v| v1_text(v, separator)).collect();
            Ok(items?.join(separator))
        }
        _ => Err(format!("a setting holds {value}, not a value")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::{ModelKind, OptimizerKind, Preprocess, Task};

    /// The settings object as the release of 2026-11-26 wrote it (from a real model file).
    const V1: &str = r#"{"task":"Mnist","points":100,"noise":0.2,"seed":7,"lr":0.001,
        "batch_size":64,"epochs":5,"optimizer":"Adam","momentum":0.9,"l1":0.0,"l2":0.0,
        "backend":"Auto","show_test":true,"walk":false,"speed":0,"model":"Mlp","hidden":[16],
        "filters":[16,32],"activation":"Relu","preprocess":"Unit","subset":60000,
        "lr_decay":1.0,"neuron":{"x":[0.1,0.2,0.3,0.4],"w":[0.1,0.2,0.3,0.4],"b":0.5,"y":1.0}}"#;

    #[test]
    fn format_one_migrates_to_the_same_settings() {
        let v1: Value = serde_json::from_str(V1).unwrap();
        let s = from_header(&hash_from_v1(&v1).unwrap()).unwrap();
        let mut expected = Settings::mnist_default();
        (expected.mnist.hidden, expected.seed) = (vec![16], 7);
        assert_eq!(s, expected);
        assert_eq!(
            (s.mnist.model, s.optimizer),
            (ModelKind::Mlp, OptimizerKind::Adam)
        );
        assert_eq!(s.mnist.preprocess, Preprocess::Unit);
    }

    #[test]
    fn format_two_round_trips_and_bad_values_are_refused() {
        let s = Settings::mnist_default();
        assert_eq!(from_header(&to_header(&s)), Ok(s));
        let e = from_header("#task=mnist&lr=99&hidden=0").unwrap_err();
        assert!(e.contains("lr=99") && e.contains("hidden=0"), "{e}");
        let v1: Value = serde_json::from_str(r#"{"task":"Mnist","batch_size":0}"#).unwrap();
        assert!(from_header(&hash_from_v1(&v1).unwrap()).is_err());
        let v1: Value = serde_json::from_str(r#"{"task":"LinearRegression","hidden":{}}"#).unwrap();
        assert!(hash_from_v1(&v1).is_err());
        let linreg =
            from_header(&hash_from_v1(&serde_json::json!({"task": "LinearRegression"})).unwrap());
        assert_eq!(linreg.map(|s| s.task), Ok(Task::LinearRegression));
    }
}
