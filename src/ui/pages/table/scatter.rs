//! One feature against the target: the training and test rows in the table's own units, the
//! model's line and the least-squares line through them, and the row the step follows. With
//! several features the lines hold the others at their training means (x′ = 0), so each is
//! ŷ = b + w_j·(x_j − μ_j)/σ_j; with the powers x_j², x_j³, … among the features it is the
//! curve ŷ = b + Σ_p w_p·(x_jᵖ − μ_p)/σ_p. Large tables draw a seeded sample of the rows, and
//! say so.

use yew::prelude::*;

use crate::data::least_squares_multi::Fit;
use crate::data::rng::Rng;
use crate::data::table::design::Design;
use crate::data::table::powers::power_of;
use crate::protocol::table::TableSnapshot;
use crate::ui::charts::axes::{HEIGHT, Scale, WIDTH, axes, label, polyline, ticks};

/// At most this many rows are drawn.
pub const MAX_DOTS: usize = 2_000;

/// Which of `n` rows are drawn: all when `n ≤ cap`, else `cap` of them picked by `seed`
/// (sorted, so the drawing order is the table's).
pub fn sample_rows(n: usize, cap: usize, seed: u64) -> Vec<usize> {
    let mut rows: Vec<usize> = (0..n).collect();
    if n > cap {
        Rng::derived(seed, 0x5ca7).shuffle(&mut rows);
        rows.truncate(cap);
        rows.sort_unstable();
    }
    rows
}

/// Row `i`'s feature `j` back in the table's units (x = x′σ + μ).
fn raw(d: &Design, x: &[f32], i: usize, j: usize) -> f64 {
    let f = &d.features[j];
    f64::from(x[i * d.n_features() + j]) * f.sigma + f.mu
}

/// The features ŷ depends on along feature `j`: `(index, power)`, `j` itself (power 1) and
/// the powers `name^p` of its column among the features.
fn terms_of(d: &Design, j: usize) -> Vec<(usize, u32)> {
    let name = d.features[j].name.as_str();
    let powers = d
        .features
        .iter()
        .enumerate()
        .filter_map(|(k, g)| match power_of(&g.name) {
            Some((base, p)) if base == name && k != j => Some((k, p)),
            _ => None,
        });
    std::iter::once((j, 1)).chain(powers).collect()
}

#[derive(Properties, PartialEq)]
pub struct ScatterProps {
    pub design: std::rc::Rc<crate::protocol::table::TableData>,
    pub snapshot: Option<TableSnapshot>,
    pub exact: Option<Fit>,
    pub seed: u64,
}

#[component]
pub fn FeatureScatter(props: &ScatterProps) -> Html {
    let d = &props.design.design;
    let n = d.n_features();
    let picked = use_state(|| 0usize);
    let j = (*picked).min(n.saturating_sub(1));
    let on_pick = {
        let picked = picked.clone();
        Callback::from(move |e: Event| {
            picked.set(crate::ui::controls::select_value(e).parse().unwrap_or(0));
        })
    };
    if n == 0 {
        return html! {};
    }
    let (n_train, n_test) = (d.n_train(), d.n_test());
    let rows = sample_rows(n_train + n_test, MAX_DOTS, props.seed);
    let point = |r: usize| -> (f64, f64, bool) {
        if r < n_train {
            (raw(d, &d.x_train, r, j), f64::from(d.y_train[r]), true)
        } else {
            let i = r - n_train;
            (raw(d, &d.x_test, i, j), f64::from(d.y_test[i]), false)
        }
    };
    let dots: Vec<(f64, f64, bool)> = rows.iter().map(|&r| point(r)).collect();
    let bounds = |f: fn(&(f64, f64, bool)) -> f64| {
        let (lo, hi) = dots
            .iter()
            .map(f)
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                (lo.min(v), hi.max(v))
            });
        let pad = (hi - lo) * 0.06 + 1e-9;
        (lo - pad, hi + pad)
    };
    let ((x0, x1), (y0, y1)) = (bounds(|p| p.0), bounds(|p| p.1));
    // Room above the points for the legend.
    let y1 = y1 + (y1 - y0) * 0.12;
    let (x, y) = (
        Scale::new((x0, x1), Scale::x()),
        Scale::new((y0, y1), Scale::y()),
    );
    let f = &d.features[j];
    // ŷ along feature j, the others at their means (x′ = 0): the feature and its powers.
    let terms = terms_of(d, j);
    let curve = |w: &dyn Fn(usize) -> Option<f64>, b: f64, class: &'static str| -> Html {
        let weights: Option<Vec<(f64, u32, usize)>> =
            terms.iter().map(|&(k, p)| Some((w(k)?, p, k))).collect();
        let Some(weights) = weights.filter(|_| b.is_finite()) else {
            return html! {};
        };
        let y_hat = |v: f64| {
            weights.iter().fold(b, |acc, &(w, p, k)| {
                let g = &d.features[k];
                acc + w * (v.powi(p as i32) - g.mu) / g.sigma
            })
        };
        let steps = if terms.len() == 1 { 1 } else { 80 };
        let points = (0..=steps).map(|i| {
            let v = x0 + (x1 - x0) * i as f64 / steps as f64;
            (x.map(v), y.map(y_hat(v)))
        });
        let d = polyline(points);
        html! { <path class={class} d={d} fill="none" clip-path="url(#table-scatter-clip)" /> }
    };
    let model = props.snapshot.as_ref().map(|s| {
        let w = |k: usize| s.w.get(k).map(|&w| f64::from(w)).filter(|w| w.is_finite());
        curve(&w, f64::from(s.b), "fit")
    });
    let least = props
        .exact
        .as_ref()
        .map(|e| curve(&|k| e.w.get(k).copied(), e.b, "ls"));
    let followed = props
        .snapshot
        .as_ref()
        .and_then(|s| s.last.as_ref())
        .and_then(|t| Some((f64::from(*t.x.get(j)?) * f.sigma + f.mu, f64::from(t.y))));
    let dot = |&(a, b, train): &(f64, f64, bool)| {
        html! {
            <circle class={if train { "pt train" } else { "pt test" }} r="3.2" cx={x.map(a).to_string()} cy={y.map(b).to_string()} />
        }
    };
    let note = if rows.len() < n_train + n_test {
        format!(
            "A seeded sample of {} of the {} rows is drawn.",
            rows.len(),
            n_train + n_test
        )
    } else if n > terms.len() {
        "The model's line holds the other features at their training means.".to_string()
    } else {
        String::new()
    };
    html! {
        <div class="panel">
            <h2>{format!("{} against {}", d.target_name, f.name)}</h2>
            <label class="field">{"feature "}
                <select data-testid="table-scatter-feature" onchange={on_pick}>
                    for (k, feature) in d.features.iter().enumerate() {
                        <option value={k.to_string()} selected={k == j}>{feature.name.clone()}</option>
                    }
                </select>
            </label>
            <svg class="chart" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" data-testid="table-scatter"
                data-dots={dots.len().to_string()}
                aria-label={format!("Scatter plot of {} against {}, with the model's line and the least-squares line", d.target_name, f.name)}>
                { axes(&x, &y, &ticks(x0, x1, 5), &ticks(y0, y1, 5), &f.name, &label) }
                { for dots.iter().map(dot) }
                if let Some((a, b)) = followed {
                    <circle class="pt batch" r="6" cx={x.map(a).to_string()} cy={y.map(b).to_string()} data-testid="table-scatter-followed" />
                }
                <clipPath id="table-scatter-clip">
                    <rect x={x.r0.to_string()} y={y.r1.to_string()} width={(x.r1 - x.r0).to_string()} height={(y.r0 - y.r1).to_string()} />
                </clipPath>
                { least.unwrap_or_default() }
                { model.unwrap_or_default() }
                <g class="legend" transform="translate(60 20)">
                    <circle class="pt train" r="3.2" cx="0" cy="0" /><text x="8" y="4">{"train"}</text>
                    <circle class="pt test" r="3.2" cx="54" cy="0" /><text x="62" y="4">{"test"}</text>
                    <circle class="pt batch" r="6" cx="104" cy="0" /><text x="114" y="4">{"followed row"}</text>
                    <line class="fit" x1="206" x2="226" y1="0" y2="0" /><text x="232" y="4">{"model"}</text>
                    <line class="ls" x1="280" x2="300" y1="0" y2="0" /><text x="306" y="4">{"least squares"}</text>
                </g>
            </svg>
            if !note.is_empty() { <p class="hint" data-testid="table-scatter-note">{note}</p> }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::sample_rows;

    #[test]
    fn small_tables_are_drawn_whole_and_large_ones_sampled_by_the_seed() {
        assert_eq!(sample_rows(5, 10, 1), vec![0, 1, 2, 3, 4]);
        let a = sample_rows(10_000, 2_000, 7);
        assert_eq!(a.len(), 2_000);
        assert!(a.windows(2).all(|w| w[0] < w[1]) && *a.last().unwrap() < 10_000);
        assert_eq!(a, sample_rows(10_000, 2_000, 7));
        assert_ne!(a, sample_rows(10_000, 2_000, 8));
    }
}
