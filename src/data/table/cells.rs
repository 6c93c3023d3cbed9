//! One cell's text: is it missing, and which number does it hold.

/// The texts that mean "no value", compared case-insensitively after trimming.
pub const MISSING_MARKERS: [&str; 7] = ["", "na", "n/a", "nan", "null", "?", "-"];

/// Whether `cell` holds no value: empty, or one of [`MISSING_MARKERS`] (any case).
pub fn is_missing(cell: &str) -> bool {
    let cell = cell.trim();
    MISSING_MARKERS
        .iter()
        .any(|marker| cell.eq_ignore_ascii_case(marker))
}

/// The finite number written in `cell`, if it is one: digits with an optional sign, one
/// decimal point (`,` instead of `.` when `decimal_comma`) and an optional exponent, such
/// as `-2.5`, `+3`, `1e-3`. Thousands separators, `inf` and `NaN` are not numbers.
pub fn number(cell: &str, decimal_comma: bool) -> Option<f64> {
    let cell = cell.trim();
    let point = if decimal_comma { ',' } else { '.' };
    let mut digits = false;
    for c in cell.chars() {
        match c {
            '0'..='9' => digits = true,
            '+' | '-' | 'e' | 'E' => {}
            c if c == point => {}
            _ => return None,
        }
    }
    if !digits {
        return None;
    }
    let value: f64 = if decimal_comma {
        cell.replace(',', ".").parse().ok()?
    } else {
        cell.parse().ok()?
    };
    value.is_finite().then_some(value)
}

/// Whether `cell` looks like a number written with a decimal comma (`3,5`, `-0,25e3`):
/// digits, one `,` between digits, no `.`.
pub fn looks_decimal_comma(cell: &str) -> bool {
    let cell = cell.trim();
    match cell.split_once(',') {
        Some((whole, fraction)) => {
            whole
                .trim_start_matches(['+', '-'])
                .ends_with(|c: char| c.is_ascii_digit())
                && fraction.starts_with(|c: char| c.is_ascii_digit())
                && number(cell, true).is_some()
        }
        None => false,
    }
}

/// Whether `cell` is a number written with a decimal point (`3.5`, not `3` or `1e5`).
pub fn has_decimal_point(cell: &str) -> bool {
    cell.contains('.') && number(cell, false).is_some()
}
