//! Small raster pictures (digits, weights) on a `<canvas>` at their own resolution, scaled up
//! by CSS with `image-rendering: pixelated`: one `putImageData`, no SVG rectangles.

use std::rc::Rc;

use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};
use yew::prelude::*;

/// Ink of the digits (the page's text colour) on white.
const INK: [f32; 3] = [29.0, 35.0, 48.0];
/// Weights: negative blue, positive red, zero white.
const NEGATIVE: [f32; 3] = [28.0, 110.0, 214.0];
const POSITIVE: [f32; 3] = [214.0, 40.0, 40.0];

#[derive(Properties, PartialEq)]
pub struct PixelsProps {
    pub width: u32,
    pub height: u32,
    /// RGBA, row-major, `width × height × 4` bytes.
    pub rgba: Rc<Vec<u8>>,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub title: AttrValue,
    #[prop_or_default]
    pub testid: Option<AttrValue>,
}

#[component]
pub fn Pixels(props: &PixelsProps) -> Html {
    let canvas = use_node_ref();
    {
        let canvas = canvas.clone();
        let deps = (props.rgba.clone(), props.width, props.height);
        use_effect_with(deps, move |(rgba, w, h)| {
            paint(&canvas, rgba, *w, *h);
        });
    }
    html! {
        <canvas ref={canvas} class={classes!("pixels", props.class.clone())} width={props.width.to_string()}
            height={props.height.to_string()} title={props.title.clone()} role="img" aria-label={props.title.clone()}
            data-testid={props.testid.clone()} />
    }
}

/// The 2D context of a canvas element.
pub fn context_2d(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// Puts RGBA pixels on the canvas (nothing if the sizes disagree).
pub fn paint(canvas: &NodeRef, rgba: &[u8], width: u32, height: u32) -> Option<()> {
    if rgba.len() != (width * height * 4) as usize || width == 0 {
        return None;
    }
    let canvas = canvas.cast::<HtmlCanvasElement>()?;
    let context = context_2d(&canvas)?;
    let data = ImageData::new_with_u8_clamped_array_and_sh(Clamped(rgba), width, height).ok()?;
    context.put_image_data(&data, 0.0, 0.0).ok()
}

/// `color` at weight `t` ∈ [0, 1] over white.
pub fn mix(color: [f32; 3], t: f32) -> [u8; 4] {
    let t = t.clamp(0.0, 1.0);
    let c = |i: usize| (255.0 + (color[i] - 255.0) * t).round() as u8;
    [c(0), c(1), c(2), 255]
}

/// A digit (raw 0–255, white on black as in MNIST) shown as dark ink on white.
pub fn digit_rgba(pixels: &[u8]) -> Rc<Vec<u8>> {
    Rc::new(
        pixels
            .iter()
            .flat_map(|&p| mix(INK, f32::from(p) / 255.0))
            .collect(),
    )
}

/// Weights in a diverging palette, scaled by their largest magnitude.
pub fn weights_rgba(weights: &[f32]) -> Rc<Vec<u8>> {
    let max = weights
        .iter()
        .filter(|w| w.is_finite())
        .fold(0f32, |m, w| m.max(w.abs()));
    let scale = if max > 0.0 { 1.0 / max } else { 0.0 };
    Rc::new(
        weights
            .iter()
            .flat_map(|&w| {
                let t = if w.is_finite() { w * scale } else { 0.0 };
                mix(if t < 0.0 { NEGATIVE } else { POSITIVE }, t.abs())
            })
            .collect(),
    )
}
