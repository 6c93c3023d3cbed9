//! Reading one setting's value from text: the checks every row of the
//! [settings table](super::table) shares. Each returns what was expected when the text is not
//! a valid value, never panics, and accepts exactly what the canonical writer produces.

use std::fmt::Display;
use std::str::FromStr;

/// A number within the inclusive range `(low, high)` (NaN and ±∞ are never within it).
pub fn number<T>(text: &str, (low, high): (T, T)) -> Result<T, String>
where
    T: FromStr + PartialOrd + Display + Copy,
{
    match text.parse::<T>() {
        Ok(v) if v >= low && v <= high => Ok(v),
        _ => Err(format!("expected a number from {low} to {high}")),
    }
}

/// `1` / `true` or `0` / `false`.
pub fn flag(text: &str) -> Result<bool, String> {
    match text {
        "1" | "true" => Ok(true),
        "0" | "false" => Ok(false),
        _ => Err("expected 0 or 1".into()),
    }
}

/// How a flag is written in a canonical hash.
pub fn flag_text(on: bool) -> String {
    u8::from(on).to_string()
}

/// One of `all`, by its key.
pub fn choice<T: Copy>(text: &str, all: &[T], key: fn(T) -> &'static str) -> Result<T, String> {
    all.iter()
        .copied()
        .find(|&v| key(v) == text)
        .ok_or_else(|| {
            let keys: Vec<&str> = all.iter().map(|&v| key(v)).collect();
            format!("expected {}", one_of(&keys))
        })
}

/// `a, b or c`.
pub fn one_of(keys: &[&str]) -> String {
    match keys {
        [] => String::new(),
        [only] => (*only).to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// A value as shown in a notice: plain text, at most 40 characters.
pub fn shown(value: &str) -> String {
    value.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_outside_the_range_or_not_finite_are_refused() {
        assert_eq!(number("0.5", (0.0, 1.0)), Ok(0.5));
        for bad in ["NaN", "inf", "-inf", "1.5", "", "0x1", " 0.5"] {
            assert!(number::<f64>(bad, (0.0, 1.0)).is_err(), "{bad}");
        }
        assert_eq!(
            number::<usize>("-1", (1, 9)).unwrap_err(),
            "expected a number from 1 to 9"
        );
    }

    #[test]
    fn choices_name_every_key_when_refused() {
        let key = |v: u8| ["a", "b", "c"][usize::from(v)];
        assert_eq!(choice("b", &[0, 1, 2], key), Ok(1));
        assert_eq!(
            choice("d", &[0, 1, 2], key).unwrap_err(),
            "expected a, b or c"
        );
        assert_eq!(one_of(&["x", "y"]), "x or y");
        assert_eq!((flag("1"), flag("false")), (Ok(true), Ok(false)));
        assert!(flag("yes").is_err());
    }
}
