//! The embed API's `set` command: settings applied by their table rows, strictly.

use super::table;
use super::value::{one_of, shown};
use super::{Settings, Task};

/// `current` with the host's settings (URL-hash keys and values) applied through the
/// [settings table](super::table), or every reason they cannot be: an unknown key or a bad
/// value is refused, never defaulted (unlike a link). `preset` applies over the task's
/// defaults, like a link with `preset=`.
pub fn apply_pairs(current: &Settings, pairs: &[(String, String)]) -> Result<Settings, String> {
    let given = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let task = match given("task") {
        Some(key) => Task::from_key(key).ok_or_else(|| {
            let keys: Vec<&str> = Task::ALL.iter().map(|t| t.key()).collect();
            format!("“task={}” is not a task ({}).", shown(key), one_of(&keys))
        })?,
        None => current.task,
    };
    let leading = table::leading_key(task);
    let mut s = if task == current.task && leading.and_then(given).is_none() {
        current.clone()
    } else {
        Settings::for_task(task)
    };
    s.backend = current.backend;
    let mut problems = Vec::new();
    let ordered = pairs
        .iter()
        .filter(|(k, _)| Some(k.as_str()) == leading)
        .chain(
            pairs
                .iter()
                .filter(|(k, _)| Some(k.as_str()) != leading && k != "task"),
        );
    for (key, value) in ordered {
        let Some(row) = table::row_of(task, key) else {
            problems.push(format!(
                "“{}” is not a setting of the {} task.",
                shown(key),
                task.key()
            ));
            continue;
        };
        if let Err(expected) = (row.set)(&mut s, value) {
            problems.push(format!(
                "“{key}={}” is not valid ({expected}).",
                shown(value)
            ));
        }
    }
    if let Some((_, message)) = (s.task.spec().mend)(&mut s) {
        problems.push(message);
    }
    if problems.is_empty() {
        Ok(s)
    } else {
        Err(problems.join(" "))
    }
}
