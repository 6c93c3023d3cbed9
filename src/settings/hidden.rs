//! The MLP's hidden layer sizes as text: `256-128-64` in the URL and the editor.

use super::mnist::range;

/// Hidden sizes as written in the URL and the editor: `256-128-64` (empty: no hidden layer).
pub fn hidden_to_text(hidden: &[usize]) -> String {
    hidden
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join("-")
}

/// Parses `256-128-64` (also accepts commas or spaces); says what is wrong otherwise.
pub fn hidden_from_text(text: &str) -> Result<Vec<usize>, String> {
    let (low, high) = range::HIDDEN_UNITS;
    let parts: Vec<&str> = text
        .split(['-', ',', ' '])
        .filter(|p| !p.trim().is_empty())
        .collect();
    if parts.len() > range::HIDDEN_LAYERS {
        return Err(format!(
            "at most {} hidden layers (got {})",
            range::HIDDEN_LAYERS,
            parts.len()
        ));
    }
    parts
        .iter()
        .map(|p| match p.trim().parse::<usize>() {
            Ok(n) if (low..=high).contains(&n) => Ok(n),
            _ => Err(format!(
                "“{}” is not a layer size: use whole numbers from {low} to {high}, e.g. 256-128-64",
                p.chars().take(20).collect::<String>()
            )),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_text_round_trips_and_rejects_nonsense() {
        assert_eq!(hidden_from_text("256-128-64"), Ok(vec![256, 128, 64]));
        assert_eq!(hidden_from_text("32, 16"), Ok(vec![32, 16]));
        assert_eq!(hidden_from_text(""), Ok(vec![]));
        assert_eq!(hidden_to_text(&[256, 128, 64]), "256-128-64");
        assert!(hidden_from_text("12-x").unwrap_err().contains("“x”"));
        assert!(hidden_from_text("0").is_err());
        assert!(hidden_from_text("1-1-1-1-1-1-1").is_err());
    }
}
