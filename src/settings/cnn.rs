//! The CNN's filter counts, as written in the URL and the editor: `16-32` (first and second
//! convolution). Both convolutions are 5×5 with "same" zero padding, each followed by ReLU and
//! a 2×2 max-pool, so the dense head sees `filters[1] × 7 × 7` values whatever the counts.

/// Filters per convolution: at least 1, at most this many.
pub const MAX_FILTERS: usize = 64;

/// The default CNN (the "small CNN" preset): 16 then 32 filters.
pub const DEFAULT_FILTERS: [usize; 2] = [16, 32];

pub fn filters_to_text(filters: [usize; 2]) -> String {
    format!("{}-{}", filters[0], filters[1])
}

/// Parses `8-16` (also accepts a comma or a space); says what is wrong otherwise.
pub fn filters_from_text(text: &str) -> Result<[usize; 2], String> {
    let parts: Vec<&str> = text
        .split(['-', ',', ' '])
        .filter(|p| !p.trim().is_empty())
        .collect();
    let count = |p: &str| match p.trim().parse::<usize>() {
        Ok(n) if (1..=MAX_FILTERS).contains(&n) => Ok(n),
        _ => Err(format!(
            "“{}” is not a filter count: use whole numbers from 1 to {MAX_FILTERS}, e.g. 16-32",
            p.chars().take(20).collect::<String>()
        )),
    };
    match parts.as_slice() {
        [first, second] => Ok([count(first)?, count(second)?]),
        _ => Err(format!(
            "give two filter counts, one per convolution, e.g. 16-32 (got {})",
            parts.len()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_round_trip_and_reject_nonsense() {
        assert_eq!(filters_from_text("8-16"), Ok([8, 16]));
        assert_eq!(filters_from_text("8, 16"), Ok([8, 16]));
        assert_eq!(filters_to_text([16, 32]), "16-32");
        assert!(
            filters_from_text("8")
                .unwrap_err()
                .contains("two filter counts")
        );
        assert!(filters_from_text("8-16-32").is_err());
        assert!(filters_from_text("0-16").unwrap_err().contains("“0”"));
        assert!(filters_from_text("8-65").is_err());
    }
}
