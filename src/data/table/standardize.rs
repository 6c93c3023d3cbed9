//! The training μ and σ of every input column, and the standardized matrices
//! x' = (x − μ) / σ of the training and test rows.

use super::design::Standardized;
use super::inputs::Input;
use super::{TableError, parse::Table};

/// The standardized input columns and matrices.
pub struct Stats {
    /// Each input column's name, μ and σ.
    pub features: Vec<Standardized>,
    /// Training rows × input columns, row-major.
    pub x_train: Vec<f32>,
    /// Test rows × input columns, row-major.
    pub x_test: Vec<f32>,
    /// Missing cells filled with the training mean.
    pub filled_cells: usize,
}

/// Standardizes every input column with its training μ and σ (a missing number becomes μ,
/// so 0); `train` and `test` are table row indices.
pub fn standardize(
    table: &Table,
    inputs: &[Input],
    train: &[usize],
    test: &[usize],
) -> Result<Stats, TableError> {
    let width: usize = inputs.iter().map(Input::width).sum();
    let mut stats = Stats {
        features: Vec::with_capacity(width),
        x_train: vec![0.0; train.len() * width],
        x_test: vec![0.0; test.len() * width],
        filled_cells: 0,
    };
    let columns = inputs
        .iter()
        .flat_map(|input| (0..input.width()).map(move |k| (input, k)));
    for (c, (input, k)) in columns.enumerate() {
        let (name, one_hot_of) = input.name(k);
        let present: Vec<f64> = train
            .iter()
            .filter_map(|&r| input.value(table, r, k))
            .collect();
        let Some(&first) = present.first() else {
            return Err(TableError::in_column(
                &name,
                format!(
                    "column \"{name}\" has no value in the training rows — fill some of its \
                     cells, or leave it out of the features"
                ),
            ));
        };
        let mu = present.iter().sum::<f64>() / present.len() as f64;
        let var = present.iter().map(|x| (x - mu).powi(2)).sum::<f64>() / train.len() as f64;
        let constant = present.iter().all(|&x| x == first) || var <= 0.0;
        let sigma = match (constant, &one_hot_of) {
            (false, _) => var.sqrt(),
            (true, Some(_)) => 1.0,
            (true, None) => {
                return Err(TableError::in_column(
                    &name,
                    format!(
                        "column \"{name}\" is constant (every training row is {first}) — leave it \
                         out of the features"
                    ),
                ));
            }
        };
        if !(mu.is_finite() && sigma.is_finite()) {
            return Err(TableError::in_column(
                &name,
                format!(
                    "column \"{name}\" has numbers too large to standardize — rescale it (e.g. \
                     to thousands), or leave it out of the features"
                ),
            ));
        }
        for (rows, x) in [(train, &mut stats.x_train), (test, &mut stats.x_test)] {
            for (i, &r) in rows.iter().enumerate() {
                let v = input.value(table, r, k).unwrap_or_else(|| {
                    stats.filled_cells += 1;
                    mu
                });
                x[i * width + c] = ((v - mu) / sigma) as f32;
            }
        }
        stats.features.push(Standardized {
            name,
            mu,
            sigma,
            one_hot_of,
        });
    }
    Ok(stats)
}
