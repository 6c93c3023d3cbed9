//! A small raster (the 28×28 input, a row of W as an image, a channel's map) with marks laid
//! over it: the followed pixel, the hovered ones, the convolution window. Pointing at a pixel
//! reports it (hover) and clicking asks to follow it.

use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use crate::ui::pages::mnist::pixels::Pixels;

/// A highlighted cell: its index (row-major) and its classes ("focus", "linked", a term's
/// colour).
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub index: usize,
    pub class: Classes,
}

#[derive(Properties, PartialEq)]
pub struct PictureProps {
    pub side: usize,
    pub rgba: Rc<Vec<u8>>,
    pub testid: AttrValue,
    pub caption: AttrValue,
    #[prop_or_default]
    pub marks: Vec<Mark>,
    /// A rectangle (row, col, rows, cols) drawn over the picture, e.g. the kernel's window.
    #[prop_or_default]
    pub window: Option<(usize, usize, usize, usize)>,
    #[prop_or_default]
    pub on_hover: Callback<Option<usize>>,
    #[prop_or_default]
    pub on_click: Option<Callback<usize>>,
}

/// The cell of the frame under the pointer, if any. (The frame by its node: Yew delegates
/// events, so `currentTarget` is not the frame.)
fn cell_at(frame: &NodeRef, e: &MouseEvent, side: usize) -> Option<usize> {
    let el: Element = frame.cast()?;
    let rect = el.get_bounding_client_rect();
    if rect.width() <= 0.0 || rect.height() <= 0.0 {
        return None;
    }
    let fx = (f64::from(e.client_x()) - rect.left()) / rect.width();
    let fy = (f64::from(e.client_y()) - rect.top()) / rect.height();
    if !(0.0..1.0).contains(&fx) || !(0.0..1.0).contains(&fy) {
        return None;
    }
    let (c, r) = ((fx * side as f64) as usize, (fy * side as f64) as usize);
    Some(r.min(side - 1) * side + c.min(side - 1))
}

fn place(row: usize, col: usize, rows: usize, cols: usize, side: usize) -> String {
    let unit = 100.0 / side as f64;
    format!(
        "left: {:.3}%; top: {:.3}%; width: {:.3}%; height: {:.3}%",
        col as f64 * unit,
        row as f64 * unit,
        cols as f64 * unit,
        rows as f64 * unit
    )
}

#[component]
pub fn Picture(props: &PictureProps) -> Html {
    let side = props.side.max(1);
    let frame = use_node_ref();
    let on_move = {
        let (cb, frame) = (props.on_hover.clone(), frame.clone());
        Callback::from(move |e: MouseEvent| cb.emit(cell_at(&frame, &e, side)))
    };
    let on_leave = {
        let cb = props.on_hover.clone();
        Callback::from(move |_: MouseEvent| cb.emit(None))
    };
    let on_click = props.on_click.clone().map(|cb| {
        let frame = frame.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(i) = cell_at(&frame, &e, side) {
                cb.emit(i);
            }
        })
    });
    html! {
        <figure class="steps-picture">
            <div ref={frame} class={classes!("picture-frame", props.on_click.is_some().then_some("clickable"))}
                data-testid={props.testid.clone()} onmousemove={on_move} onmouseleave={on_leave} onclick={on_click}>
                <Pixels width={side as u32} height={side as u32} rgba={props.rgba.clone()} title={props.caption.clone()} />
                if let Some((r, c, h, w)) = props.window {
                    <div class="mark window" style={place(r, c, h, w, side)}></div>
                }
                for m in props.marks.iter().filter(|m| m.index < side * side) {
                    <div class={classes!("mark", m.class.clone())} data-index={m.index.to_string()}
                        style={place(m.index / side, m.index % side, 1, 1, side)}></div>
                }
            </div>
            <figcaption>{props.caption.clone()}</figcaption>
        </figure>
    }
}
