//! A table the embedding page sent with `set-data`: read like a dropped file, the task switched
//! to "Your data", its columns adopted, then the host's settings applied over them.

use super::design_input::adopt;
use super::loader::read;
use super::view_state::Loaded;
use crate::protocol::host::HostTable;
use crate::settings::Settings;
use crate::settings::embed::apply_pairs;

/// The table and the settings to train on it, or what is wrong (the line and the column).
pub fn from_host(t: HostTable, current: &Settings) -> Result<(Loaded, Settings), String> {
    if let Some((key, _)) = t.settings.iter().find(|(k, _)| k == "task" || k == "data") {
        return Err(format!(
            "“set-data” brings its own table: leave “{key}” out of its settings"
        ));
    }
    let loaded = read(t.name, t.csv.as_bytes())?;
    let mut next = apply_pairs(current, &[("task".into(), "table".into())])?;
    next.table.data.clear();
    let next = adopt(&loaded, &next).unwrap_or(next);
    let next = if t.settings.is_empty() {
        next
    } else {
        apply_pairs(&next, &t.settings)?
    };
    Ok((loaded, next))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Task;

    fn table(csv: &str, settings: &[(&str, &str)]) -> HostTable {
        HostTable {
            csv: csv.into(),
            name: "lesson.csv".into(),
            settings: settings
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    const CSV: &str = "a,b,c\n1,2,3\n2,3,5\n3,5,8\n4,6,9\n5,8,13\n6,9,15\n";

    #[test]
    fn the_table_switches_the_task_and_takes_the_hosts_columns() {
        let (loaded, s) = from_host(table(CSV, &[]), &Settings::default()).unwrap();
        assert_eq!(
            (loaded.source.as_str(), loaded.table.rows.len()),
            ("lesson.csv", 6)
        );
        assert_eq!(
            (s.task, s.table.y.as_str(), s.table.x.len()),
            (Task::Table, "c", 2)
        );
        assert!(s.table.data.is_empty());
        let (_, s) = from_host(table(CSV, &[("y", "a"), ("x", "b"), ("lr", "0.2")]), &s).unwrap();
        assert_eq!(
            (s.table.y.as_str(), s.table.x.clone(), s.live.lr),
            ("a", vec!["b".to_string()], 0.2)
        );
    }

    #[test]
    fn bad_tables_and_settings_say_what_is_wrong() {
        let ragged = from_host(table("a,b\n1,2\n3\n", &[]), &Settings::default()).unwrap_err();
        assert!(ragged.starts_with("lesson.csv: line 3"), "{ragged}");
        let task = from_host(table(CSV, &[("task", "mnist")]), &Settings::default()).unwrap_err();
        assert!(task.contains("leave “task” out"), "{task}");
        let bad = from_host(table(CSV, &[("lr", "fast")]), &Settings::default()).unwrap_err();
        assert!(bad.contains("lr=fast"), "{bad}");
    }
}
