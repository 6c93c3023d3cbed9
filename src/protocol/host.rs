//! The postMessage API between an embedding host page and the playground (docs/embedding.md).
//!
//! Host → playground: `{"type": "mlpg:command", "command": "play" | "pause" | "step" | "reset" |
//! "set" | "set-data", "settings": {"lr": 0.01, …}, "id": …}` (`set-data`: see
//! [`host_set_data`](super::host_set_data)). Anything else with that `type` is answered
//! with an `error` event and never executed; messages of other types are not ours and ignored.
//!
//! Playground → host: `{"type": "mlpg:event", "event": "ready" | "progress" | "step" |
//! "epoch-end" | "finished" | "error", "payload": {…}, "id": …}`.

use serde_json::{Map, Value, json};

pub use super::host_set_data::HostTable;
use super::host_set_data::parse_set_data;

pub const COMMAND_TYPE: &str = "mlpg:command";
pub const EVENT_TYPE: &str = "mlpg:event";

/// A validated command from the host page.
#[derive(Clone, Debug, PartialEq)]
pub enum HostCommand {
    Play,
    Pause,
    Step,
    /// A fresh run with the current settings.
    Reset,
    /// Settings by their URL-hash keys (values as hash text), e.g. `[("lr", "0.01")]`.
    Set(Vec<(String, String)>),
    /// A table for "Your data" (the page switches to that task).
    SetData(HostTable),
}

/// A command and the host's `id` (echoed in the reply), or why it was refused.
pub type Parsed = Result<(HostCommand, Option<Value>), (String, Option<Value>)>;

/// `None` when the message is not addressed to us (another library's message).
pub fn parse_command(data: &Value) -> Option<Parsed> {
    let object = data.as_object()?;
    if object.get("type").and_then(Value::as_str) != Some(COMMAND_TYPE) {
        return None;
    }
    let id = object.get("id").cloned();
    let refuse = |why: String| Some(Err((why, id.clone())));
    if let Some(key) = object
        .keys()
        .find(|k| !["type", "command", "settings", "id", "csv", "name"].contains(&k.as_str()))
    {
        return refuse(format!("unknown field “{}”", shown(key)));
    }
    let command = match object.get("command").and_then(Value::as_str) {
        Some("play") => HostCommand::Play,
        Some("pause") => HostCommand::Pause,
        Some("step") => HostCommand::Step,
        Some("reset") => HostCommand::Reset,
        Some("set") => match object.get("settings").map(settings_pairs) {
            Some(Ok(pairs)) => HostCommand::Set(pairs),
            Some(Err(why)) => return refuse(why),
            None => return refuse("“set” needs a “settings” object".into()),
        },
        Some("set-data") => match parse_set_data(object, settings_pairs) {
            Ok(table) => HostCommand::SetData(table),
            Err(why) => return refuse(why),
        },
        Some(other) => {
            return refuse(format!(
                "unknown command “{}” (play, pause, step, reset, set or set-data)",
                shown(other)
            ));
        }
        None => return refuse("“command” must be a string".into()),
    };
    let takes_settings = matches!(command, HostCommand::Set(_) | HostCommand::SetData(_));
    if object.contains_key("settings") && !takes_settings {
        return refuse("only “set” and “set-data” take “settings”".into());
    }
    let is_data = matches!(command, HostCommand::SetData(_));
    if !is_data && (object.contains_key("csv") || object.contains_key("name")) {
        return refuse("only “set-data” takes “csv” and “name”".into());
    }
    Some(Ok((command, id)))
}

/// `{"lr": 0.01, "optimizer": "adam", "test": true}` → hash pairs; values must be strings,
/// finite numbers or booleans.
fn settings_pairs(value: &Value) -> Result<Vec<(String, String)>, String> {
    let object = value
        .as_object()
        .ok_or("“settings” must be an object of URL-hash keys")?;
    if object.is_empty() {
        return Err("“settings” is empty".into());
    }
    object
        .iter()
        .map(|(key, v)| {
            let text = match v {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                Value::Bool(b) => u8::from(*b).to_string(),
                _ => {
                    return Err(format!(
                        "“{}” must be a string, number or boolean",
                        shown(key)
                    ));
                }
            };
            if text.contains(['&', '#', '=']) {
                return Err(format!(
                    "“{}” has a forbidden character (&, # or =)",
                    shown(key)
                ));
            }
            Ok((key.clone(), text))
        })
        .collect()
}

/// An event for the host page.
pub fn event(name: &str, payload: Value, id: Option<Value>) -> Value {
    let mut m = Map::new();
    m.insert("type".into(), json!(EVENT_TYPE));
    m.insert("event".into(), json!(name));
    m.insert("payload".into(), payload);
    if let Some(id) = id {
        m.insert("id".into(), id);
    }
    Value::Object(m)
}

fn shown(text: &str) -> String {
    text.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(v: Value) -> Option<Parsed> {
        parse_command(&v)
    }

    #[test]
    fn valid_commands() {
        let ok = parse(json!({"type": "mlpg:command", "command": "play", "id": 7})).unwrap();
        assert_eq!(ok, Ok((HostCommand::Play, Some(json!(7)))));
        let set = parse(json!({"type": "mlpg:command", "command": "set",
            "settings": {"lr": 0.05, "optimizer": "adam", "test": false}}));
        let Some(Ok((HostCommand::Set(pairs), None))) = set else {
            panic!("{set:?}")
        };
        assert!(pairs.contains(&("lr".into(), "0.05".into())));
        assert!(pairs.contains(&("test".into(), "0".into())));
    }

    #[test]
    fn other_messages_are_ignored_and_bad_ones_refused() {
        assert_eq!(parse(json!("hello")), None);
        assert_eq!(parse(json!({"type": "webpack", "command": "play"})), None);
        for bad in [
            json!({"type": "mlpg:command", "command": "explode"}),
            json!({"type": "mlpg:command"}),
            json!({"type": "mlpg:command", "command": "set"}),
            json!({"type": "mlpg:command", "command": "set", "settings": {"lr": [1]}}),
            json!({"type": "mlpg:command", "command": "set", "settings": {"lr": "1&task=x"}}),
            json!({"type": "mlpg:command", "command": "play", "extra": 1}),
            json!({"type": "mlpg:command", "command": "play", "settings": {"lr": 1}}),
        ] {
            let Some(Err((why, _))) = parse(bad.clone()) else {
                panic!("accepted {bad}")
            };
            assert!(!why.is_empty());
        }
    }

    #[test]
    fn events_carry_type_and_id() {
        let e = event("error", json!({"message": "no"}), Some(json!("a")));
        assert_eq!(e["type"], "mlpg:event");
        assert_eq!(e["id"], "a");
    }
}
