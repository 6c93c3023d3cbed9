//! The confusion matrix as a heatmap: rows are the true classes (MNIST's digits, or a table's
//! class names), columns the predictions, colour the share of the row. Clicking a cell asks
//! for its test examples.

use yew::prelude::*;

use crate::protocol::mnist::CLASSES;

#[derive(Properties, PartialEq)]
pub struct ConfusionProps {
    /// `confusion[truth][predicted]` counts.
    pub confusion: Vec<Vec<u32>>,
    /// The cell whose examples are open.
    #[prop_or_default]
    pub selected: Option<(u8, u8)>,
    #[prop_or_default]
    pub on_cell: Callback<(u8, u8)>,
    /// The classes' names; empty: MNIST's digits 0–9.
    #[prop_or_default]
    pub labels: Vec<String>,
}

const CELL: f64 = 34.0;
/// Room for the digits' labels (a table's names get more).
const MARGIN: f64 = 44.0;

/// Fill of a cell: right answers in blue, mistakes in red; the stronger, the larger the share
/// of the row (mistakes on a square-root scale, so that 1 % is already visible).
fn fill(truth: usize, predicted: usize, rate: f64) -> (String, bool) {
    let (rgb, alpha) = if truth == predicted {
        ((59, 91, 219), rate)
    } else {
        ((201, 42, 42), rate.sqrt())
    };
    let alpha = alpha.clamp(0.0, 1.0);
    let color = format!("rgba({}, {}, {}, {alpha:.3})", rgb.0, rgb.1, rgb.2);
    (color, alpha > 0.55)
}

#[component]
pub fn ConfusionMatrix(props: &ConfusionProps) -> Html {
    let digits = props.labels.is_empty();
    let k = if digits { CLASSES } else { props.labels.len() };
    let name = |c: usize| {
        props
            .labels
            .get(c)
            .cloned()
            .unwrap_or_else(|| c.to_string())
    };
    let (noun, items) = if digits {
        ("digit", "test images")
    } else {
        ("class", "test rows")
    };
    let longest = props
        .labels
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0);
    let margin = if digits {
        MARGIN
    } else {
        (24.0 + 6.5 * longest as f64).clamp(MARGIN, 130.0)
    };
    let (left, top) = (margin, margin);
    let count = |t: usize, p: usize| {
        props
            .confusion
            .get(t)
            .and_then(|row| row.get(p))
            .copied()
            .unwrap_or(0)
    };
    let size = left + CELL * k as f64 + 8.0;
    // The last column's name, at 45°, reaches past the matrix.
    let width = if digits {
        size
    } else {
        size + 4.6 * longest as f64
    };
    let cell = |t: usize, p: usize| {
        let n = count(t, p);
        let row_total: u32 = (0..k).map(|q| count(t, q)).sum();
        let rate = if row_total == 0 {
            0.0
        } else {
            f64::from(n) / f64::from(row_total)
        };
        let (color, dark) = fill(t, p, rate);
        let (x, y) = (left + CELL * p as f64, top + CELL * t as f64);
        let onclick = {
            let on_cell = props.on_cell.clone();
            Callback::from(move |_: MouseEvent| on_cell.emit((t as u8, p as u8)))
        };
        let title = format!(
            "true {}, predicted {}: {n} {items} ({:.1} % of the true {}s){}",
            name(t),
            name(p),
            rate * 100.0,
            name(t),
            " — click to see them"
        );
        html! {
            <g class={classes!("cm-cell", (t == p).then_some("diag"), (n == 0).then_some("empty"))}
                data-testid={format!("confusion-cell-{t}-{p}")} data-count={n.to_string()} {onclick}>
                <title>{title}</title>
                <rect x={x.to_string()} y={y.to_string()} width={CELL.to_string()} height={CELL.to_string()} fill={color} />
                if n > 0 {
                    <text class={classes!("cm-count", dark.then_some("light"))} x={(x + CELL / 2.0).to_string()}
                        y={(y + CELL / 2.0 + 4.0).to_string()} text-anchor="middle">{n}</text>
                }
            </g>
        }
    };
    html! {
        <svg class="chart confusion" viewBox={format!("0 0 {width} {size}")} role="img" data-testid="confusion-matrix"
            aria-label={format!("Confusion matrix: true {noun} by row, predicted {noun} by column")}>
            <text class="axis-title" x={(left + CELL * k as f64 / 2.0).to_string()} y="12" text-anchor="middle">{format!("predicted {noun} →")}</text>
            <text class="axis-title" transform={format!("translate(12 {}) rotate(-90)", top + CELL * k as f64 / 2.0)} text-anchor="middle">{format!("true {noun} →")}</text>
            for d in 0..k {
                if digits {
                    <text class="tick" x={(left + CELL * (d as f64 + 0.5)).to_string()} y={(top - 8.0).to_string()} text-anchor="middle">{d}</text>
                } else {
                    <text class="tick" transform={format!("translate({} {}) rotate(-45)", left + CELL * (d as f64 + 0.5), top - 6.0)} text-anchor="start">{name(d)}</text>
                }
                <text class="tick" x={(left - 8.0).to_string()} y={(top + CELL * (d as f64 + 0.5) + 4.0).to_string()} text-anchor="end">{name(d)}</text>
            }
            for t in 0..k {
                for p in 0..k {
                    { cell(t, p) }
                }
            }
            <rect class="cm-frame" x={left.to_string()} y={top.to_string()} width={(CELL * k as f64).to_string()} height={(CELL * k as f64).to_string()} />
            if let Some((t, p)) = props.selected {
                <rect class="cm-selected" x={(left + CELL * f64::from(p)).to_string()} y={(top + CELL * f64::from(t)).to_string()}
                    width={CELL.to_string()} height={CELL.to_string()} />
            }
        </svg>
    }
}
