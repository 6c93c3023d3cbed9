//! The loss-surface chart's marks: a run's path (its line, one dot per step, its end or where
//! it diverged) and the square plot's axes.

use yew::prelude::*;

use super::axes::{Scale, label, ticks};
use super::loss_surface::{LEFT, PLOT, SurfacePath, TOP, VIEW_H};

pub(super) fn path_html(path: &SurfacePath, pt: &dyn Fn(f64, f64) -> (f64, f64)) -> Html {
    let points: Vec<(f64, f64)> = path
        .points
        .iter()
        .filter(|p| p.w.is_finite() && p.b.is_finite())
        .map(|p| pt(p.w.into(), p.b.into()))
        .collect();
    let line = super::axes::polyline(points.iter().copied());
    let dots: String = points
        .iter()
        .map(|(x, y)| format!("M{x:.1},{y:.1}h0"))
        .collect();
    // A diverged run usually left the map: its marker sits where it crossed the frame.
    let inside = |(x, y): (f64, f64)| {
        (
            x.clamp(LEFT + 5.0, LEFT + PLOT - 5.0),
            y.clamp(TOP + 5.0, TOP + PLOT - 5.0),
        )
    };
    let end = points
        .last()
        .copied()
        .map(|p| if path.diverged { inside(p) } else { p });
    html! {
        <g class={classes!("surface-path", path.class)} data-testid="surface-path" data-run={path.label.clone()}
            data-points={points.len().to_string()}>
            <path class="surface-line" d={line} />
            // One dot per step, drawn as zero-length round-capped segments of one path (one
            // element however long the run: the page stays responsive with three runs).
            <path class="surface-dots" d={dots} />
            if let Some((x, y)) = end {
                <circle class={if path.diverged { "surface-end diverged" } else { "surface-end" }} r="4.5"
                    cx={format!("{x:.1}")} cy={format!("{y:.1}")} />
                if path.diverged {
                    <text class="surface-diverged" text-anchor={if x > LEFT + PLOT / 2.0 { "end" } else { "start" }}
                        x={format!("{:.1}", if x > LEFT + PLOT / 2.0 { x - 8.0 } else { x + 8.0 })} y={format!("{:.1}", (y + 4.0).clamp(TOP + 12.0, TOP + PLOT - 4.0))}>
                        {format!("{} diverged", path.label)}
                    </text>
                }
            }
        </g>
    }
}

pub(super) fn axes(sx: &Scale, sy: &Scale) -> Html {
    let (bottom, right) = (TOP + PLOT, LEFT + PLOT);
    html! {
        <g class="axes">
            for t in ticks(sx.d0, sx.d1, 5) {
                <text class="tick" x={sx.map(t).to_string()} y={(bottom + 16.0).to_string()} text-anchor="middle">{label(t)}</text>
            }
            for t in ticks(sy.d0, sy.d1, 5) {
                <text class="tick" x={(LEFT - 6.0).to_string()} y={(sy.map(t) + 4.0).to_string()} text-anchor="end">{label(t)}</text>
            }
            <rect class="surface-frame" x={LEFT.to_string()} y={TOP.to_string()} width={PLOT.to_string()} height={PLOT.to_string()} />
            <text class="axis-title" x={((LEFT + right) / 2.0).to_string()} y={(VIEW_H - 6.0).to_string()} text-anchor="middle">{"w (slope)"}</text>
            <text class="axis-title" transform={format!("translate(14 {}) rotate(-90)", TOP + PLOT / 2.0)} text-anchor="middle">{"b (intercept)"}</text>
        </g>
    }
}
