//! The loss surface L(w, b) as a contour map (levels on a log scale), its minima, each run's
//! path across it one dot per step, and the last step's −α∇L as an arrow. Hover → (w, b, L).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use super::axes::Scale;
use super::contour::{log_levels, segments};
use super::surface_marks::{axes, path_html};
use crate::protocol::surface::{PathPoint, SurfaceGrid};

/// The SVG's size and the square plot inside it.
const VIEW_W: f64 = 400.0;
pub(super) const VIEW_H: f64 = 394.0;
pub(super) const LEFT: f64 = 54.0;
pub(super) const TOP: f64 = 10.0;
pub(super) const PLOT: f64 = 336.0;
/// Contour levels drawn.
const LEVELS: usize = 14;

/// One run's path: its label (the legend), its colour class and its points.
#[derive(Clone, Debug, PartialEq)]
pub struct SurfacePath {
    pub label: String,
    /// CSS class of its colour (`run-0`, `run-1`, `run-2`).
    pub class: &'static str,
    pub points: Rc<Vec<PathPoint>>,
    /// It went to NaN/∞ and stopped: a marker at its last finite point.
    pub diverged: bool,
}

#[derive(Properties, PartialEq)]
pub struct SurfaceProps {
    pub grid: Rc<SurfaceGrid>,
    pub paths: Vec<SurfacePath>,
    /// The least-squares point (ŵ, b̂).
    pub least_squares: Option<(f64, f64)>,
    /// The minimum with the penalty, when λ₁ or λ₂ is on.
    pub regularized: Option<(f64, f64)>,
    /// The last step's θ and θ − α∇L.
    pub arrow: Option<((f64, f64), (f64, f64))>,
}

/// What the pointer is over: a grid point or a path's dot.
fn describe(
    paths: &[SurfacePath],
    grid: &SurfaceGrid,
    (w, b): (f64, f64),
    (sx, sy): (&Scale, &Scale),
) -> Option<String> {
    // The newest dot of any path within 5 px (the nearest of equally new ones: the dots drawn
    // on top), else the grid point.
    let distance =
        |pt: &PathPoint| (sx.map(pt.w.into()) - sx.map(w)).hypot(sy.map(pt.b.into()) - sy.map(b));
    let nearest = paths
        .iter()
        .flat_map(|path| path.points.iter().map(move |pt| (path, pt)))
        .map(|(path, pt)| (distance(pt), path, pt))
        .filter(|(d, _, _)| *d < 5.0)
        .min_by(|a, b| b.2.step.cmp(&a.2.step).then(a.0.total_cmp(&b.0)));
    if let Some((_, path, pt)) = nearest {
        return Some(format!(
            "{}: after step {}, w = {:.4}, b = {:.4}",
            path.label, pt.step, pt.w, pt.b
        ));
    }
    let (_, _, gw, gb, l) = grid.nearest(w, b)?;
    Some(format!("w = {gw:.4}, b = {gb:.4}: L = {l:.5}"))
}

fn colour(k: usize) -> String {
    // Dark blue at the bottom of the bowl to amber at its rim.
    let t = k as f64 / (LEVELS - 1) as f64;
    let mix = |a: f64, b: f64| (a + (b - a) * t).round();
    format!(
        "rgb({},{},{})",
        mix(30.0, 235.0),
        mix(64.0, 160.0),
        mix(175.0, 40.0)
    )
}

#[component]
pub fn LossSurface(props: &SurfaceProps) -> Html {
    let g = &props.grid;
    let sx = Scale::new(g.w, (LEFT, LEFT + PLOT));
    let sy = Scale::new(g.b, (TOP + PLOT, TOP));
    let last = g.side.saturating_sub(1).max(1) as f64;
    let (gx, gy) = (
        |i: f64| LEFT + i / last * PLOT,
        |j: f64| TOP + PLOT - j / last * PLOT,
    );
    let contours = use_memo(g.clone(), |g| {
        log_levels(&g.values, LEVELS)
            .into_iter()
            .map(|level| {
                let mut d = String::new();
                for ((x0, y0), (x1, y1)) in segments(&g.values, g.side, level) {
                    d += &format!("M{:.1},{:.1}L{:.1},{:.1}", gx(x0), gy(y0), gx(x1), gy(y1));
                }
                (level, d)
            })
            .collect::<Vec<_>>()
    });
    let hovered = use_state(|| None::<String>);
    let onmousemove = {
        let (hovered, (sx, sy)) = (hovered.clone(), (sx, sy));
        let props_w = (g.w, g.b);
        let p = (props.paths.clone(), g.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(el) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
                return;
            };
            let r = el.get_bounding_client_rect();
            if r.width() <= 0.0 {
                return;
            }
            let fx = (e.client_x() as f64 - r.left()) / r.width();
            let fy = (e.client_y() as f64 - r.top()) / r.height();
            let w = props_w.0.0 + fx * (props_w.0.1 - props_w.0.0);
            let b = props_w.1.1 - fy * (props_w.1.1 - props_w.1.0);
            hovered.set(describe(&p.0, &p.1, (w, b), (&sx, &sy)));
        })
    };
    let onmouseleave = {
        let hovered = hovered.clone();
        Callback::from(move |_| hovered.set(None))
    };
    let pt = |w: f64, b: f64| (sx.map(w), sy.map(b));
    let marker = |(w, b): (f64, f64), class: &'static str, title: String| {
        let (x, y) = pt(w, b);
        html! { <g class={class}><title>{title}</title>
            <line x1={(x - 6.0).to_string()} x2={(x + 6.0).to_string()} y1={(y - 6.0).to_string()} y2={(y + 6.0).to_string()} />
            <line x1={(x - 6.0).to_string()} x2={(x + 6.0).to_string()} y1={(y + 6.0).to_string()} y2={(y - 6.0).to_string()} />
        </g> }
    };
    html! {
        <figure class="surface">
            <svg class="chart surface-chart" viewBox={format!("0 0 {VIEW_W} {VIEW_H}")} role="img"
                data-testid="loss-surface" aria-label="Contour map of the loss over w and b, with the optimizer's path">
                <defs>
                    <clipPath id="surface-clip"><rect x={LEFT.to_string()} y={TOP.to_string()} width={PLOT.to_string()} height={PLOT.to_string()} /></clipPath>
                    <marker id="surface-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M0,0L10,5L0,10z" class="surface-arrow-head" />
                    </marker>
                </defs>
                <rect class="surface-bg" x={LEFT.to_string()} y={TOP.to_string()} width={PLOT.to_string()} height={PLOT.to_string()} />
                <g class="contours" clip-path="url(#surface-clip)">
                    for (k, (level, d)) in contours.iter().enumerate() {
                        <path d={d.clone()} stroke={colour(k)} data-level={format!("{level:.4}")} />
                    }
                </g>
                { axes(&sx, &sy) }
                <g clip-path="url(#surface-clip)">
                    if let Some(m) = props.least_squares { { marker(m, "surface-min", format!("least squares: ŵ = {:.4}, b̂ = {:.4}", m.0, m.1)) } }
                    if let Some(m) = props.regularized { { marker(m, "surface-min regularized", format!("minimum with the penalty: w = {:.4}, b = {:.4}", m.0, m.1)) } }
                    for path in props.paths.iter() { { path_html(path, &pt) } }
                    if let Some((from, to)) = props.arrow.filter(|&(f, t)| {
                        // Shorter than its own head (near the minimum): not drawn.
                        let (a, b) = (pt(f.0, f.1), pt(t.0, t.1));
                        (a.0 - b.0).hypot(a.1 - b.1) >= 6.0
                    }) {
                        <line class="surface-gradient" data-testid="surface-gradient" marker-end="url(#surface-arrow)"
                            x1={format!("{:.1}", pt(from.0, from.1).0)} y1={format!("{:.1}", pt(from.0, from.1).1)}
                            x2={format!("{:.1}", pt(to.0, to.1).0)} y2={format!("{:.1}", pt(to.0, to.1).1)} />
                    }
                </g>
                <rect class="surface-hover-target" x={LEFT.to_string()} y={TOP.to_string()} width={PLOT.to_string()} height={PLOT.to_string()}
                    {onmousemove} {onmouseleave} />
            </svg>
            <figcaption data-testid="surface-hover">
                { (*hovered).clone().unwrap_or_else(|| "Point at the map: w, b and the loss there.".into()) }
            </figcaption>
        </figure>
    }
}
