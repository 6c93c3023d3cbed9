//! Property tests of every number formatter a learner reads: the LaTeX one (`num`, `paren`,
//! `n32`) always typesets and reads back to the 4 significant digits it shows; the plain-text
//! one (`plain`, used in chips, strips and readouts) never shows LaTeX source and reads back
//! the same way; neither panics on any f64 (NaN, ±∞, subnormals).
#![cfg(not(target_arch = "wasm32"))]

use ml_playground::explain::format::{n32, num, paren};
use ml_playground::explain::mathml::to_mathml;
use ml_playground::explain::nn_text::plain;
use proptest::prelude::*;

/// The value of `num`'s output: `d.ddd` or `d.ddd \times 10^{e}`.
fn read_latex(s: &str) -> f64 {
    match s.split_once(r" \times 10^{") {
        Some((mantissa, exponent)) => {
            // Parsed as text: 10^e alone underflows for subnormals.
            let e: i32 = exponent.trim_end_matches('}').parse().unwrap();
            format!("{mantissa}e{e}").parse().unwrap()
        }
        None => s.parse().unwrap(),
    }
}

/// Within half a unit of the 4th significant digit.
fn shown_to_4_digits(shown: f64, x: f64) -> bool {
    (shown - x).abs() <= 5e-4 * x.abs() * (1.0 + 1e-9)
}

fn any_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        -1e6f64..1e6,
        -1.0f64..1.0,
        (-1.0f64..1.0, -320i32..300).prop_map(|(m, e)| m * 10f64.powi(e)),
        Just(f64::MIN_POSITIVE / 8.0),
        Just(-0.0),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn num_typesets_and_reads_back(x in any_f64()) {
        let s = num(x);
        prop_assert!(to_mathml(&s).is_ok(), "{x:e} → {s}");
        if x.is_finite() {
            let shown = read_latex(&s);
            prop_assert!(shown_to_4_digits(shown, x), "{x:e} shown as {s}");
        }
        let p = paren(x);
        prop_assert!(to_mathml(&p).is_ok(), "{x:e} → {p}");
        prop_assert_eq!(p.starts_with(r"\left("), x < 0.0);
    }

    #[test]
    fn plain_text_never_shows_latex_and_reads_back(x in any_f64()) {
        let s = plain(x);
        prop_assert!(!s.contains('\\') && !s.contains('{') && !s.contains('}'), "{x:e} → {s}");
        if x.is_finite() {
            let shown: f64 = s.replace('−', "-").parse().unwrap();
            prop_assert!(shown_to_4_digits(shown, x), "{x:e} shown as {s}");
        }
    }

    #[test]
    fn every_f32_typesets(bits in any::<u32>()) {
        let x = f32::from_bits(bits);
        prop_assert!(to_mathml(&n32(x)).is_ok(), "{x:e} → {}", n32(x));
    }
}

#[test]
fn the_cases_proptest_found_stay_fixed() {
    // Subnormals: 10^magnitude underflowed to 0, so the mantissa was ∞.
    for x in [5e-324, -2.5e-320, f64::MIN_POSITIVE / 8.0] {
        assert!(
            shown_to_4_digits(read_latex(&num(x)), x),
            "{x:e} → {}",
            num(x)
        );
    }
}
