//! LaTeX → MathML Core (rendered natively by the browser; no CDN, no JavaScript).

use math_core::{LatexToMathML, MathCoreConfig, MathDisplay};

/// Converts a display formula. The error says which formula failed and why.
pub fn to_mathml(latex: &str) -> Result<String, String> {
    let converter = LatexToMathML::new(MathCoreConfig::default())
        .map_err(|e| format!("formula renderer misconfigured: {e:?}"))?;
    converter
        .convert_with_local_state(latex, MathDisplay::Block)
        .map(|r| r.mathml)
        .map_err(|e| format!("cannot typeset “{latex}”: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_a_fraction() {
        let m = to_mathml(r"\frac{\partial L}{\partial w} = -\frac{2}{n}").unwrap();
        assert!(m.starts_with("<math") && m.contains("<mfrac>"), "{m}");
    }

    #[test]
    fn bad_latex_is_an_error_not_a_panic() {
        assert!(to_mathml(r"\frac{1}{").is_err());
    }
}
