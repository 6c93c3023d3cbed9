//! Polynomial features of one column: a feature named `hours^3` is the column `hours` cubed
//! (then standardized like any input). A column whose name really is `hours^3` is that column:
//! an exact name always wins.

use super::inputs::{Input, find};
use super::summary::{ColumnKind, ColumnSummary};
use super::{TableError, parse::Table};

/// The highest power a feature may take.
pub const MAX_DEGREE: u32 = 5;

/// `("hours", 3)` for `"hours^3"`; `None` for a name without a power suffix. The power is
/// not checked here (see [`MAX_DEGREE`]).
pub fn power_of(name: &str) -> Option<(&str, u32)> {
    let (base, power) = name.rsplit_once('^')?;
    let digits = !power.is_empty() && power.len() <= 3 && power.bytes().all(|b| b.is_ascii_digit());
    (digits && !base.is_empty()).then(|| (base, power.parse().unwrap_or(0)))
}

/// `x` with the powers 2…`degree` of `base` (after `base`, which is added if missing); every
/// other power feature goes. `base: None` (or `degree` < 2) only removes them.
pub fn with_powers(x: &[String], base: Option<&str>, degree: u32) -> Vec<String> {
    let mut out: Vec<String> = x
        .iter()
        .filter(|n| power_of(n).is_none())
        .cloned()
        .collect();
    let Some(base) = base.filter(|_| degree >= 2) else {
        return out;
    };
    let at = match out.iter().position(|n| n == base) {
        Some(i) => i + 1,
        None => {
            out.push(base.to_string());
            out.len()
        }
    };
    let powers = (2..=degree.min(MAX_DEGREE)).map(|k| format!("{base}^{k}"));
    out.splice(at..at, powers);
    out
}

/// The column `x` raises to powers, and the highest power (1 when there is none).
pub fn powers_in(x: &[String]) -> (Option<&str>, u32) {
    x.iter()
        .filter_map(|n| power_of(n))
        .fold((None, 1), |(_, d), (base, k)| (Some(base), d.max(k)))
}

/// The input for the feature `name` if it is a power `base^k` (and no column has that exact
/// name); `Ok(None)` for any other name; an error naming the feature when the power cannot be.
pub(super) fn power_input(
    table: &Table,
    summaries: &[ColumnSummary],
    name: &str,
    target: &str,
) -> Result<Option<Input>, TableError> {
    if table.names.iter().any(|n| n == name) {
        return Ok(None);
    }
    let Some((base, power)) = power_of(name) else {
        return Ok(None);
    };
    let (col, summary) = find(table, summaries, base)?;
    let refuse = |why: String| Err(TableError::in_column(name, why));
    if base == target {
        return refuse(format!(
            "\"{name}\" is a power of the target — a feature cannot be made from the target"
        ));
    }
    if summary.kind != ColumnKind::Numeric {
        return refuse(format!(
            "\"{base}\" holds classes, not numbers — only a number column has powers"
        ));
    }
    if !(2..=MAX_DEGREE).contains(&power) {
        return refuse(format!(
            "\"{name}\": powers go from 2 to {MAX_DEGREE} — choose a lower degree"
        ));
    }
    Ok(Some(Input::Power {
        col,
        name: base.to_string(),
        power,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn power_names_are_read() {
        assert_eq!(power_of("hours^3"), Some(("hours", 3)));
        assert_eq!(power_of("a^b^2"), Some(("a^b", 2)));
        for plain in ["hours", "^2", "hours^", "hours^x", "hours^1234"] {
            assert_eq!(power_of(plain), None, "{plain}");
        }
    }

    #[test]
    fn powers_are_added_after_their_column_and_replaced() {
        let x = with_powers(&names(&["a", "b"]), Some("a"), 3);
        assert_eq!(x, names(&["a", "a^2", "a^3", "b"]));
        assert_eq!(powers_in(&x), (Some("a"), 3));
        assert_eq!(with_powers(&x, Some("b"), 2), names(&["a", "b", "b^2"]));
        assert_eq!(with_powers(&x, None, 4), names(&["a", "b"]));
        assert_eq!(
            with_powers(&names(&["b"]), Some("c"), 9),
            names(&["b", "c", "c^2", "c^3", "c^4", "c^5"])
        );
        assert_eq!(powers_in(&names(&["b"])), (None, 1));
    }
}
