//! Numbers written for formulas: short, exact enough to check by hand, LaTeX-safe.

/// `x` with 4 significant digits; scientific notation (`1.23 \times 10^{-5}`) when tiny or huge.
pub fn num(x: f64) -> String {
    if x == 0.0 {
        return "0".into();
    }
    if !x.is_finite() {
        return if x.is_nan() {
            r"\text{NaN}".into()
        } else if x > 0.0 {
            r"\infty".into()
        } else {
            r"-\infty".into()
        };
    }
    let magnitude = x.abs().log10().floor() as i32;
    if (-4..4).contains(&magnitude) {
        let decimals = (3 - magnitude).max(0) as usize;
        trim(format!("{x:.decimals$}"))
    } else {
        let mut magnitude = magnitude;
        // In two halves: 10^magnitude alone underflows to 0 for subnormal x.
        let half = magnitude / 2;
        let mut mantissa = x / 10f64.powi(half) / 10f64.powi(magnitude - half);
        // 9.9996 would print as "10.000": carry into the exponent instead.
        if format!("{:.3}", mantissa.abs()).starts_with("10") {
            mantissa /= 10.0;
            magnitude += 1;
        }
        format!(
            r"{} \times 10^{{{magnitude}}}",
            trim(format!("{mantissa:.3}"))
        )
    }
}

/// Like [`num`], but negative numbers are wrapped in parentheses (for products and sums).
pub fn paren(x: f64) -> String {
    if x < 0.0 {
        format!(r"\left({}\right)", num(x))
    } else {
        num(x)
    }
}

/// `num` of an `f32`, widened exactly.
pub fn n32(x: f32) -> String {
    num(f64::from(x))
}

/// `paren` of an `f32`.
pub fn p32(x: f32) -> String {
    paren(f64::from(x))
}

fn trim(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Indices of the rows to write out for a batch of `n`: all when short, else the first three
/// and the last (with `\dots` between).
pub fn shown_rows(n: usize) -> (Vec<usize>, bool) {
    if n <= 5 {
        ((0..n).collect(), false)
    } else {
        (vec![0, 1, 2, n - 1], true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(num(0.0), "0");
        assert_eq!(num(1.0), "1");
        assert_eq!(num(2.0), "2");
        assert_eq!(num(-0.53217), "-0.5322");
        assert_eq!(num(123.456), "123.5");
        assert_eq!(num(0.00123456), "0.001235");
        assert_eq!(num(0.0005672), "0.0005672");
        assert_eq!(num(f64::from(1e-8_f32)), r"1 \times 10^{-8}");
        assert_eq!(num(-9.99996e-6), r"-1 \times 10^{-5}");
        assert_eq!(num(1.5e-5), r"1.5 \times 10^{-5}");
        assert_eq!(num(-2.5e6), r"-2.5 \times 10^{6}");
        assert_eq!(paren(-1.0), r"\left(-1\right)");
        assert_eq!(paren(1.0), "1");
    }

    #[test]
    fn rows() {
        assert_eq!(shown_rows(3), (vec![0, 1, 2], false));
        assert_eq!(shown_rows(10), (vec![0, 1, 2, 9], true));
    }
}
