//! Scales, "nice" ticks and axes for the SVG charts.

use yew::prelude::*;

/// Chart size in SVG units and its inner margins.
pub const WIDTH: f64 = 480.0;
pub const HEIGHT: f64 = 300.0;
pub const LEFT: f64 = 48.0;
pub const RIGHT: f64 = 12.0;
pub const TOP: f64 = 12.0;
pub const BOTTOM: f64 = 36.0;

/// A linear map from a data interval to a pixel interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub d0: f64,
    pub d1: f64,
    pub r0: f64,
    pub r1: f64,
}

impl Scale {
    pub fn new((d0, d1): (f64, f64), (r0, r1): (f64, f64)) -> Self {
        let d1 = if (d1 - d0).abs() < 1e-12 {
            d0 + 1.0
        } else {
            d1
        };
        Self { d0, d1, r0, r1 }
    }

    pub fn x() -> (f64, f64) {
        (LEFT, WIDTH - RIGHT)
    }

    pub fn y() -> (f64, f64) {
        (HEIGHT - BOTTOM, TOP)
    }

    pub fn map(&self, v: f64) -> f64 {
        self.r0 + (v - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
    }
}

/// About `count` round tick values covering [lo, hi].
pub fn ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    let span = (hi - lo).abs().max(1e-12);
    let raw = span / count.max(1) as f64;
    let base = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * base)
        .find(|s| span / s <= count as f64)
        .unwrap_or(10.0 * base);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last).map(|i| i as f64 * step).collect()
}

/// An SVG path through `points` (already in pixels): `M x,y L x,y …`.
pub fn polyline(points: impl Iterator<Item = (f64, f64)>) -> String {
    let mut d = String::new();
    for (i, (px, py)) in points.enumerate() {
        d += &format!("{}{px:.1},{py:.1} ", if i == 0 { "M" } else { "L" });
    }
    d
}

/// Short tick label.
pub fn label(v: f64) -> String {
    if v == 0.0 {
        return "0".into();
    }
    let a = v.abs();
    if !(1e-3..1e5).contains(&a) {
        format!("{v:.0e}")
    } else if a >= 100.0 || v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Axes with grid lines; `fmt_y` labels the y ticks (for a log scale, say).
pub fn axes(
    x: &Scale,
    y: &Scale,
    x_ticks: &[f64],
    y_ticks: &[f64],
    x_title: &str,
    fmt_y: &dyn Fn(f64) -> String,
) -> Html {
    let (left, right) = (x.r0, x.r1);
    let (bottom, top) = (y.r0, y.r1);
    html! {
        <g class="axes">
            for t in y_ticks.iter().copied() {
                <g>
                    <line class="grid" x1={left.to_string()} x2={right.to_string()} y1={y.map(t).to_string()} y2={y.map(t).to_string()} />
                    <text class="tick" x={(left - 6.0).to_string()} y={(y.map(t) + 4.0).to_string()} text-anchor="end">{fmt_y(t)}</text>
                </g>
            }
            for t in x_ticks.iter().copied() {
                <text class="tick" x={x.map(t).to_string()} y={(bottom + 16.0).to_string()} text-anchor="middle">{label(t)}</text>
            }
            <line class="axis" x1={left.to_string()} x2={right.to_string()} y1={bottom.to_string()} y2={bottom.to_string()} />
            <line class="axis" x1={left.to_string()} x2={left.to_string()} y1={bottom.to_string()} y2={top.to_string()} />
            <text class="axis-title" x={((left + right) / 2.0).to_string()} y={(HEIGHT - 4.0).to_string()} text-anchor="middle">{x_title}</text>
        </g>
    }
}
