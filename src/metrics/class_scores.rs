//! Per-class precision, recall and F1 from a confusion matrix, and their macro average.
//!
//! For class `i` of a confusion matrix `m[truth][predicted]`:
//! - true positives  `tp = m[i][i]`,
//! - false positives `fp = Σ_{t≠i} m[t][i]` (column `i` off the diagonal),
//! - false negatives `fn = Σ_{p≠i} m[i][p]` (row `i` off the diagonal).
//!
//! A ratio 0/0 (a class never predicted, or never present) is defined as 0, as is F1 when
//! precision + recall = 0. This matches scikit-learn's `zero_division=0`.

/// The scores of one class.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClassScore {
    /// The class index (the row/column of the confusion matrix).
    pub class: usize,
    /// tp / (tp + fp): of the examples predicted as this class, the fraction that are.
    pub precision: f64,
    /// tp / (tp + fn): of the examples of this class, the fraction found.
    pub recall: f64,
    /// 2 · precision · recall / (precision + recall), their harmonic mean.
    pub f1: f64,
    /// tp + fn: how many examples truly belong to this class (the row sum).
    pub support: u32,
}

/// `a / b`, with 0/0 (and anything over 0) defined as 0.
fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 { a / b } else { 0.0 }
}

/// One [`ClassScore`] per row of the confusion matrix, in class order.
///
/// Ragged or non-square matrices do not panic: a missing entry counts as 0.
pub fn class_scores(confusion: &[Vec<u32>]) -> Vec<ClassScore> {
    let entry = |t: usize, p: usize| -> u64 {
        confusion
            .get(t)
            .and_then(|row| row.get(p))
            .map_or(0, |&c| c as u64)
    };
    (0..confusion.len())
        .map(|i| {
            let tp = entry(i, i);
            let row: u64 = confusion[i].iter().map(|&c| c as u64).sum();
            let column: u64 = (0..confusion.len()).map(|t| entry(t, i)).sum();
            let (tp, fp, fn_) = (tp as f64, (column - tp) as f64, (row - tp) as f64);
            let precision = ratio(tp, tp + fp);
            let recall = ratio(tp, tp + fn_);
            ClassScore {
                class: i,
                precision,
                recall,
                f1: ratio(2.0 * precision * recall, precision + recall),
                support: u32::try_from(row).unwrap_or(u32::MAX),
            }
        })
        .collect()
}

/// The unweighted means (precision, recall, F1) over the given classes — every class counts
/// the same, whatever its support. (0, 0, 0) for no classes.
///
/// The macro F1 is the mean of the per-class F1s (scikit-learn's definition), not the F1 of
/// the mean precision and mean recall.
pub fn macro_average(scores: &[ClassScore]) -> (f64, f64, f64) {
    if scores.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    let n = scores.len() as f64;
    let mean = |f: fn(&ClassScore) -> f64| scores.iter().map(f).sum::<f64>() / n;
    (mean(|s| s.precision), mean(|s| s.recall), mean(|s| s.f1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    fn assert_score(s: &ClassScore, precision: f64, recall: f64, f1: f64, support: u32) {
        assert!(
            close(s.precision, precision),
            "{s:?}: precision {precision}"
        );
        assert!(close(s.recall, recall), "{s:?}: recall {recall}");
        assert!(close(s.f1, f1), "{s:?}: f1 {f1}");
        assert_eq!(s.support, support, "{s:?}");
    }

    /// Rows = truth: [3 1 0], [0 1 1], [0 2 2].
    /// Class 0: tp 3, fp 0, fn 1 → P 1, R 3/4, F1 = 2·(3/4)/(7/4) = 6/7.
    /// Class 1: tp 1, fp 3, fn 1 → P 1/4, R 1/2, F1 = 2·(1/8)/(3/4) = 1/3.
    /// Class 2: tp 2, fp 1, fn 2 → P 2/3, R 1/2, F1 = 2·(1/3)/(7/6) = 4/7.
    #[test]
    fn hand_computed_three_class_example() {
        let m = vec![vec![3, 1, 0], vec![0, 1, 1], vec![0, 2, 2]];
        let s = class_scores(&m);
        assert_eq!(s.len(), 3);
        assert_eq!(s.iter().map(|c| c.class).collect::<Vec<_>>(), [0, 1, 2]);
        assert_score(&s[0], 1.0, 3.0 / 4.0, 6.0 / 7.0, 4);
        assert_score(&s[1], 1.0 / 4.0, 1.0 / 2.0, 1.0 / 3.0, 2);
        assert_score(&s[2], 2.0 / 3.0, 1.0 / 2.0, 4.0 / 7.0, 4);
        // P̄ = (1 + 1/4 + 2/3)/3 = 23/36, R̄ = (3/4 + 1/2 + 1/2)/3 = 7/12,
        // F̄1 = (6/7 + 1/3 + 4/7)/3 = 37/63.
        let (p, r, f1) = macro_average(&s);
        assert!(close(p, 23.0 / 36.0) && close(r, 7.0 / 12.0) && close(f1, 37.0 / 63.0));
    }

    /// Class 2 is never predicted (column 2 is zero): 0/0 precision → 0, and F1 → 0.
    /// Class 1 never occurs (row 1 is zero) and is never predicted: everything 0.
    #[test]
    fn class_never_predicted_or_absent_scores_zero() {
        let m = vec![vec![2, 0, 0], vec![0, 0, 0], vec![1, 0, 0]];
        let s = class_scores(&m);
        assert_score(&s[0], 2.0 / 3.0, 1.0, 4.0 / 5.0, 2);
        assert_score(&s[1], 0.0, 0.0, 0.0, 0);
        assert_score(&s[2], 0.0, 0.0, 0.0, 1);
        assert!(s.iter().all(|c| c.f1.is_finite()));
    }

    #[test]
    fn empty_and_ragged_inputs_do_not_panic() {
        assert!(class_scores(&[]).is_empty());
        assert_eq!(macro_average(&[]), (0.0, 0.0, 0.0));
        let s = class_scores(&[vec![1], vec![1, 1, 5]]);
        assert_score(&s[0], 1.0 / 2.0, 1.0, 2.0 / 3.0, 1);
        assert_score(&s[1], 1.0, 1.0 / 7.0, 1.0 / 4.0, 7);
    }
}
