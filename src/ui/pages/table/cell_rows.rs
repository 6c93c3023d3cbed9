//! The test rows behind one cell of the confusion matrix: their lines in the file and their
//! features in the table's own units (x = x′σ + μ).

use yew::prelude::*;

use crate::explain::format::num;
use crate::protocol::table::TableData;

/// At most this many rows are listed.
const SHOWN: usize = 20;

/// The test rows whose class is `truth` and whose predicted class is `predicted`.
pub fn cell_rows(truth: &[f32], predicted: &[u8], (t, p): (u8, u8)) -> Vec<usize> {
    truth
        .iter()
        .zip(predicted)
        .enumerate()
        .filter(|(_, (y, q))| **y as u8 == t && **q == p)
        .map(|(i, _)| i)
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct CellRowsProps {
    pub data: std::rc::Rc<TableData>,
    pub predicted: Vec<u8>,
    pub cell: (u8, u8),
    pub classes: Vec<String>,
}

#[component]
pub fn CellRows(props: &CellRowsProps) -> Html {
    let d = &props.data.design;
    let n = d.n_features();
    let rows = cell_rows(&d.y_test, &props.predicted, props.cell);
    let name = |c: u8| {
        props
            .classes
            .get(usize::from(c))
            .cloned()
            .unwrap_or_default()
    };
    let (t, p) = props.cell;
    let raw = |i: usize, j: usize| {
        let f = &d.features[j];
        num(f64::from(d.x_test[i * n + j]) * f.sigma + f.mu)
    };
    html! {
        <div class="cell-rows" data-testid="table-cell-rows" data-rows={rows.len().to_string()}>
            <p class="hint">{format!("{} test row{} of class {} predicted as {}{}", rows.len(), if rows.len() == 1 { "" } else { "s" }, name(t), name(p),
                if rows.is_empty() { "." } else { ":" })}</p>
            if !rows.is_empty() {
                <div class="table-scroll"><table class="weights">
                    <thead><tr><th>{"line"}</th>
                        for f in d.features.iter() { <th>{f.name.clone()}</th> }
                    </tr></thead>
                    <tbody>
                        for &i in rows.iter().take(SHOWN) {
                            <tr>
                                <td>{d.lines_test.get(i).copied().unwrap_or(0)}</td>
                                for j in 0..n { <td>{raw(i, j)}</td> }
                            </tr>
                        }
                    </tbody>
                </table></div>
                if rows.len() > SHOWN { <p class="hint">{format!("…and {} more.", rows.len() - SHOWN)}</p> }
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::cell_rows;

    #[test]
    fn a_cell_holds_the_rows_of_its_truth_and_prediction() {
        let truth = [0.0, 1.0, 1.0, 2.0, 1.0];
        let predicted = [0, 1, 2, 2, 1];
        assert_eq!(cell_rows(&truth, &predicted, (1, 1)), vec![1, 4]);
        assert_eq!(cell_rows(&truth, &predicted, (1, 2)), vec![2]);
        assert!(cell_rows(&truth, &predicted, (0, 2)).is_empty());
    }
}
