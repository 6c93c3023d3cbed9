//! LaTeX for vectors and matrices of Burn's numbers (4 significant digits, as in [`num`]).
//!
//! [`num`]: super::format::num

use super::format::{n32, num, p32};
use crate::protocol::reference::Matrix;

/// A row vector `[a, b, c]`.
pub fn row(values: &[f32]) -> String {
    let items: Vec<String> = values.iter().map(|&v| n32(v)).collect();
    format!(r"\left[{}\right]", items.join(r",\ "))
}

/// A row vector of f64 values.
pub fn row64(values: &[f64]) -> String {
    let items: Vec<String> = values.iter().map(|&v| num(v)).collect();
    format!(r"\left[{}\right]", items.join(r",\ "))
}

/// A column vector as a bracketed matrix.
pub fn column(values: &[f32]) -> String {
    let items: Vec<String> = values.iter().map(|&v| n32(v)).collect();
    format!(r"\begin{{bmatrix}}{}\end{{bmatrix}}", items.join(r"\\"))
}

/// A column vector of f64 values.
pub fn column64(values: &[f64]) -> String {
    let items: Vec<String> = values.iter().map(|&v| num(v)).collect();
    format!(r"\begin{{bmatrix}}{}\end{{bmatrix}}", items.join(r"\\"))
}

/// A matrix, row by row.
pub fn matrix(m: &Matrix) -> String {
    let rows: Vec<String> = (0..m.rows)
        .map(|i| {
            m.row(i)
                .iter()
                .map(|&v| n32(v))
                .collect::<Vec<_>>()
                .join(" & ")
        })
        .collect();
    format!(r"\begin{{bmatrix}}{}\end{{bmatrix}}", rows.join(r"\\"))
}

/// `a_1 b_1 + a_2 b_2 + …` written out: `0.1 \cdot 0.2 + …` (negative factors in parentheses).
pub fn dot_terms(a: &[f32], b: &[f32]) -> String {
    a.iter()
        .zip(b)
        .map(|(&x, &y)| format!(r"{} \cdot {}", p32(x), p32(y)))
        .collect::<Vec<_>>()
        .join(" + ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_vectors_and_matrices() {
        assert_eq!(row(&[0.5, -1.0]), r"\left[0.5,\ -1\right]");
        assert_eq!(column(&[1.0, 2.0]), r"\begin{bmatrix}1\\2\end{bmatrix}");
        let m = Matrix::new(2, 2, vec![1.0, 2.0, 3.0, 4.0]);
        assert_eq!(matrix(&m), r"\begin{bmatrix}1 & 2\\3 & 4\end{bmatrix}");
        assert_eq!(
            dot_terms(&[0.1, -2.0], &[3.0, 4.0]),
            r"0.1 \cdot 3 + \left(-2\right) \cdot 4"
        );
    }
}
