//! The confusion matrix as a heatmap: rows are the true digits, columns the predictions,
//! colour the share of the row. Clicking a cell asks for its test images.

use yew::prelude::*;

use crate::protocol::mnist::CLASSES;

#[derive(Properties, PartialEq)]
pub struct ConfusionProps {
    /// `confusion[truth][predicted]` counts.
    pub confusion: Vec<Vec<u32>>,
    /// The cell whose examples are open.
    pub selected: Option<(u8, u8)>,
    pub on_cell: Callback<(u8, u8)>,
}

const CELL: f64 = 34.0;
const LEFT: f64 = 44.0;
const TOP: f64 = 44.0;

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
    let count = |t: usize, p: usize| {
        props
            .confusion
            .get(t)
            .and_then(|row| row.get(p))
            .copied()
            .unwrap_or(0)
    };
    let size = LEFT + CELL * CLASSES as f64 + 8.0;
    let cell = |t: usize, p: usize| {
        let n = count(t, p);
        let row_total: u32 = (0..CLASSES).map(|q| count(t, q)).sum();
        let rate = if row_total == 0 {
            0.0
        } else {
            f64::from(n) / f64::from(row_total)
        };
        let (color, dark) = fill(t, p, rate);
        let (x, y) = (LEFT + CELL * p as f64, TOP + CELL * t as f64);
        let onclick = {
            let on_cell = props.on_cell.clone();
            Callback::from(move |_: MouseEvent| on_cell.emit((t as u8, p as u8)))
        };
        let title = format!(
            "true {t}, predicted {p}: {n} test images ({:.1} % of the {t}s) — click to see them",
            rate * 100.0
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
        <svg class="chart confusion" viewBox={format!("0 0 {size} {size}")} role="img" data-testid="confusion-matrix"
            aria-label="Confusion matrix: true digit by row, predicted digit by column">
            <text class="axis-title" x={(LEFT + CELL * 5.0).to_string()} y="12" text-anchor="middle">{"predicted digit →"}</text>
            <text class="axis-title" transform={format!("translate(12 {}) rotate(-90)", TOP + CELL * 5.0)} text-anchor="middle">{"true digit →"}</text>
            for d in 0..CLASSES {
                <text class="tick" x={(LEFT + CELL * (d as f64 + 0.5)).to_string()} y={(TOP - 8.0).to_string()} text-anchor="middle">{d}</text>
                <text class="tick" x={(LEFT - 8.0).to_string()} y={(TOP + CELL * (d as f64 + 0.5) + 4.0).to_string()} text-anchor="end">{d}</text>
            }
            for t in 0..CLASSES {
                for p in 0..CLASSES {
                    { cell(t, p) }
                }
            }
            <rect class="cm-frame" x={LEFT.to_string()} y={TOP.to_string()} width={(CELL * 10.0).to_string()} height={(CELL * 10.0).to_string()} />
            if let Some((t, p)) = props.selected {
                <rect class="cm-selected" x={(LEFT + CELL * f64::from(p)).to_string()} y={(TOP + CELL * f64::from(t)).to_string()}
                    width={CELL.to_string()} height={CELL.to_string()} />
            }
        </svg>
    }
}
