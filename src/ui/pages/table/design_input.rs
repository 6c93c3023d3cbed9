//! From the table the page read and the settings' columns to the design matrix the worker
//! trains on (and the columns a new table starts with).

use super::view_state::Loaded;
use crate::data::table::design::{DesignSpec, design};
use crate::data::table::powers::power_of;
use crate::data::table::summary::ColumnKind;
use crate::protocol::table::TableData;
use crate::settings::Settings;
use crate::settings::own_table::example_columns;

/// The design for the settings' target and features, or what to change.
pub fn build(loaded: &Loaded, s: &Settings) -> Result<TableData, String> {
    let t = &s.table;
    let target = loaded.summaries.iter().find(|c| c.name == t.y);
    if target.is_none() {
        return Err(format!(
            "Pick a target column: the table has no column {:?}.",
            t.y
        ));
    }
    if t.x.is_empty() {
        return Err("Pick at least one feature column (the boxes in the table's header).".into());
    }
    let spec = DesignSpec {
        target: t.y.clone(),
        features: t.x.clone(),
        missing: t.missing,
        seed: s.seed,
        test_fraction: 0.2,
    };
    let design = design(&loaded.table, &loaded.summaries, &spec).map_err(|e| e.to_string())?;
    Ok(TableData {
        spec,
        source: loaded.source.clone(),
        design,
    })
}

/// The settings' columns if the table has them (or the columns of their powers); else a built-in table's own choice, else its
/// last number column as the target and its other number columns as the features.
pub fn adopt(loaded: &Loaded, s: &Settings) -> Option<Settings> {
    let names: Vec<&str> = loaded.summaries.iter().map(|c| c.name.as_str()).collect();
    let t = &s.table;
    // A feature is a column, or a power `col^k` of one.
    let known =
        |x: &str| names.contains(&x) || power_of(x).is_some_and(|(b, _)| names.contains(&b));
    if names.contains(&t.y.as_str()) && t.x.iter().all(|x| known(x)) {
        return None;
    }
    let mut next = s.clone();
    if let Some((y, x)) = example_columns(&loaded.source) {
        next.table.y = y.into();
        next.table.x = x.iter().map(|x| x.to_string()).collect();
        return Some(next);
    }
    let numeric: Vec<&str> = loaded
        .summaries
        .iter()
        .filter(|c| c.kind == ColumnKind::Numeric)
        .map(|c| c.name.as_str())
        .collect();
    let y = numeric.last().or(names.last())?.to_string();
    next.table.x = numeric
        .iter()
        .filter(|n| **n != y)
        .map(|n| n.to_string())
        .collect();
    next.table.y = y;
    Some(next)
}
