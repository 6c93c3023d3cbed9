//! The confusion matrix `m[truth][predicted]` and the accuracy read off its diagonal.

/// Counts `m[t][p]`: how many examples with true class `t` were predicted as class `p`.
///
/// The matrix is `classes × classes`. Pairs whose label or prediction is `≥ classes` are
/// ignored; if the slices differ in length, only the first `min(len)` pairs are counted.
pub fn confusion_matrix(labels: &[u8], predicted: &[u8], classes: usize) -> Vec<Vec<u32>> {
    let mut m = vec![vec![0u32; classes]; classes];
    for (&t, &p) in labels.iter().zip(predicted) {
        let (t, p) = (t as usize, p as usize);
        if t < classes && p < classes {
            m[t][p] = m[t][p].saturating_add(1);
        }
    }
    m
}

/// Accuracy = Σᵢ m[i][i] / Σᵢⱼ m[i][j], the fraction of examples on the diagonal.
///
/// 0 when the matrix is empty or counts nothing. Ragged rows are read as they are (a
/// missing diagonal entry counts as 0).
pub fn accuracy(confusion: &[Vec<u32>]) -> f64 {
    let total: u64 = confusion
        .iter()
        .flat_map(|row| row.iter().map(|&c| c as u64))
        .sum();
    if total == 0 {
        return 0.0;
    }
    let correct: u64 = confusion
        .iter()
        .enumerate()
        .map(|(i, row)| row.get(i).copied().unwrap_or(0) as u64)
        .sum();
    correct as f64 / total as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Truth rows [3 1 0], [0 1 1], [0 2 2] (hand-counted from the pairs below).
    #[test]
    fn counts_pairs_and_ignores_out_of_range_ones() {
        let labels = [0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 0, 1];
        let predicted = [0, 0, 0, 1, 1, 2, 1, 1, 2, 2, 0, 7];
        let m = confusion_matrix(&labels, &predicted, 3);
        assert_eq!(m, vec![vec![3, 1, 0], vec![0, 1, 1], vec![0, 2, 2]]);
        assert_eq!(accuracy(&m), 6.0 / 10.0);
    }

    #[test]
    fn empty_inputs_give_zero_counts_and_zero_accuracy() {
        assert_eq!(confusion_matrix(&[], &[], 2), vec![vec![0, 0], vec![0, 0]]);
        assert!(confusion_matrix(&[1, 2], &[1, 2], 0).is_empty());
        assert_eq!(accuracy(&[]), 0.0);
        assert_eq!(accuracy(&[vec![0, 0], vec![0, 0]]), 0.0);
    }

    #[test]
    fn ragged_matrix_does_not_panic() {
        assert_eq!(accuracy(&[vec![2, 1], vec![1]]), 0.5);
    }
}
