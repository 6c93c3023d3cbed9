//! A control's check and commit through its [settings-table row](crate::settings::table):
//! the same range and the same message as a link or the embed API's `set`.

use yew::prelude::*;

use crate::settings::Settings;
use crate::settings::table;

/// The row of `key` (every caller names a key of the table; a test checks them all).
fn row(key: &'static str) -> Option<&'static table::Row> {
    table::row(key)
}

/// Checks the text typed into `key`'s control; the error says what is expected.
pub fn row_check(key: &'static str) -> Callback<String, Option<String>> {
    Callback::from(move |text: String| {
        let row = row(key)?;
        let mut scratch = Settings::default();
        (row.set)(&mut scratch, text.trim()).err().map(sentence)
    })
}

/// Stores valid text of `key`'s control into a copy of `settings` and reports the result.
pub fn row_commit(
    key: &'static str,
    settings: &Settings,
    on_change: &Callback<Settings>,
) -> Callback<String> {
    let (settings, on_change) = (settings.clone(), on_change.clone());
    Callback::from(move |text: String| {
        let mut s = settings.clone();
        if row(key).is_some_and(|row| (row.set)(&mut s, text.trim()).is_ok()) {
            on_change.emit(s);
        }
    })
}

/// "expected a number from 1 to 9" → "Expected a number from 1 to 9."
fn sentence(reason: String) -> String {
    let mut chars = reason.chars();
    let first: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    format!("{first}{}.", chars.as_str())
}
