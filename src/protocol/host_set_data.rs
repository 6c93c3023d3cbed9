//! The host's `set-data` command: a small table sent by the page that embeds the playground,
//! `{"type": "mlpg:command", "command": "set-data", "csv": "x,y\n1,2\n…", "name": "lesson.csv",
//! "settings": {"y": "y", "x": "x"}}`. The text is parsed in the page like a dropped file;
//! `name` (optional) is what messages call it; `settings` (optional) apply after the table's
//! columns are adopted, as with `set`.

use serde_json::{Map, Value};

/// The most text `set-data` takes (a larger table: link it with `data=` or drop the file).
pub const MAX_SET_DATA_BYTES: usize = 1 << 20;

/// What messages call a table without a `name`.
pub const UNNAMED: &str = "the host page's table";

/// A table from the host, still unparsed.
#[derive(Clone, Debug, PartialEq)]
pub struct HostTable {
    pub csv: String,
    pub name: String,
    /// Settings by their URL-hash keys, applied after the table is read.
    pub settings: Vec<(String, String)>,
}

/// `set-data`'s fields, or why they are refused.
pub fn parse_set_data(
    object: &Map<String, Value>,
    settings: impl Fn(&Value) -> Result<Vec<(String, String)>, String>,
) -> Result<HostTable, String> {
    let csv = match object.get("csv") {
        Some(Value::String(text)) => text.clone(),
        Some(_) => return Err("“csv” must be the table's text (a string)".into()),
        None => {
            return Err(
                "“set-data” needs a “csv” string: the table's text with its header row".into(),
            );
        }
    };
    if csv.len() > MAX_SET_DATA_BYTES {
        return Err(format!(
            "the table is {:.1} MB; “set-data” takes at most 1 MB — put the file on your site and link it with data=",
            csv.len() as f64 / 1e6
        ));
    }
    let name = match object.get("name") {
        None => UNNAMED.to_string(),
        Some(Value::String(n)) if !n.trim().is_empty() => n.chars().take(80).collect(),
        Some(_) => return Err("“name” must be a non-empty string".into()),
    };
    let settings = match object.get("settings") {
        None => Vec::new(),
        Some(v) => settings(v)?,
    };
    Ok(HostTable {
        csv,
        name,
        settings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::host::{HostCommand, parse_command};
    use serde_json::json;

    #[test]
    fn a_table_with_a_name_and_settings_is_accepted() {
        let parsed = parse_command(&json!({"type": "mlpg:command", "command": "set-data",
            "csv": "a,b\n1,2\n", "name": "lesson.csv", "settings": {"y": "b"}, "id": 3}));
        let Some(Ok((HostCommand::SetData(t), Some(id)))) = parsed else {
            panic!("{parsed:?}")
        };
        assert_eq!(
            (t.csv.as_str(), t.name.as_str(), id),
            ("a,b\n1,2\n", "lesson.csv", json!(3))
        );
        assert_eq!(t.settings, vec![("y".to_string(), "b".to_string())]);
        let plain =
            parse_command(&json!({"type": "mlpg:command", "command": "set-data", "csv": "a\n1"}));
        let Some(Ok((HostCommand::SetData(t), None))) = plain else {
            panic!("{plain:?}")
        };
        assert_eq!((t.name.as_str(), t.settings.len()), (UNNAMED, 0));
    }

    #[test]
    fn bad_tables_are_refused_with_the_reason() {
        let big = "a\n".repeat(MAX_SET_DATA_BYTES / 2 + 1);
        for (bad, says) in [
            (
                json!({"type": "mlpg:command", "command": "set-data"}),
                "needs a “csv”",
            ),
            (
                json!({"type": "mlpg:command", "command": "set-data", "csv": 5}),
                "must be the table's text",
            ),
            (
                json!({"type": "mlpg:command", "command": "set-data", "csv": big}),
                "at most 1 MB",
            ),
            (
                json!({"type": "mlpg:command", "command": "set-data", "csv": "a", "name": ""}),
                "“name”",
            ),
            (
                json!({"type": "mlpg:command", "command": "set-data", "csv": "a", "settings": 1}),
                "“settings”",
            ),
            (
                json!({"type": "mlpg:command", "command": "play", "csv": "a"}),
                "only “set-data”",
            ),
        ] {
            let Some(Err((why, _))) = parse_command(&bad) else {
                panic!("accepted {bad}")
            };
            assert!(why.contains(says), "{why}");
        }
    }
}
