//! The drawing pad's canvas: its context, strokes, pointer positions, and reading the
//! drawing back as an MNIST-like digit.

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, PointerEvent};
use yew::prelude::*;

use crate::data::digit_prep::prepare;

/// The pad's size in canvas pixels (shown at this size, or smaller on narrow screens).
pub const PAD: u32 = 280;
/// Stroke width in canvas pixels: about MNIST's stroke once a digit is scaled to 20 pixels.
const STROKE: f64 = 20.0;

/// The pad's 2D context, made for frequent reading back (`willReadFrequently`).
fn pad_context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"willReadFrequently".into(), &true.into()).ok()?;
    canvas
        .get_context_with_context_options("2d", &options)
        .ok()??
        .dyn_into()
        .ok()
}

pub fn clear_canvas(canvas: &NodeRef) {
    if let Some(ctx) = canvas
        .cast::<HtmlCanvasElement>()
        .and_then(|c| pad_context(&c))
    {
        ctx.set_fill_style_str("#000");
        ctx.fill_rect(0.0, 0.0, f64::from(PAD), f64::from(PAD));
    }
}

/// The pointer's position in canvas pixels.
pub fn position(canvas: &HtmlCanvasElement, e: &PointerEvent) -> (f64, f64) {
    let rect = canvas.get_bounding_client_rect();
    let sx = f64::from(canvas.width()) / rect.width().max(1.0);
    let sy = f64::from(canvas.height()) / rect.height().max(1.0);
    (
        (f64::from(e.client_x()) - rect.left()) * sx,
        (f64::from(e.client_y()) - rect.top()) * sy,
    )
}

/// The canvas as ink 0–1 (the red channel of white-on-black), then MNIST's preprocessing.
pub fn read_digit(canvas: &HtmlCanvasElement) -> Option<Vec<u8>> {
    let ctx = pad_context(canvas)?;
    let (w, h) = (canvas.width() as usize, canvas.height() as usize);
    let data = ctx
        .get_image_data(0.0, 0.0, w as f64, h as f64)
        .ok()?
        .data();
    let ink: Vec<f32> = data
        .chunks_exact(4)
        .map(|px| f32::from(px[0]) / 255.0)
        .collect();
    prepare(&ink, w, h)
}

pub fn stroke_to(canvas: &HtmlCanvasElement, from: (f64, f64), to: (f64, f64)) {
    if let Some(ctx) = pad_context(canvas) {
        ctx.set_stroke_style_str("#fff");
        ctx.set_line_width(STROKE);
        ctx.set_line_cap("round");
        ctx.set_line_join("round");
        ctx.begin_path();
        ctx.move_to(from.0, from.1);
        ctx.line_to(to.0 + 0.01, to.1);
        ctx.stroke();
    }
}
