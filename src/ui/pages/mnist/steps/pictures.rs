//! The pictures beside the network: the input image, and what the followed neuron or kernel
//! does with it — W's row (forward) or its gradient (backward) for an MLP, the channel's map
//! and the kernel for the CNN. Terms of the sub-step are marked in their chip's colour.

use std::rc::Rc;

use yew::prelude::*;

use super::link::{Hovered, hovered};
use super::picture::{Mark, Picture};
use crate::explain::nn_steps::{Stage, Target, Term};
use crate::protocol::SampleTrace;
use crate::protocol::mnist::SIDE;
use crate::ui::pages::mnist::pixels::{digit_rgba, weights_rgba};

#[derive(Properties)]
pub struct PicturesProps {
    pub trace: Rc<SampleTrace>,
    pub stage: Stage,
    pub terms: Rc<Vec<Term>>,
    pub hover: Hovered,
    pub on_hover: Callback<Hovered>,
    pub on_target: Callback<Target>,
}

impl PartialEq for PicturesProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.trace, &o.trace)
            && Rc::ptr_eq(&self.terms, &o.terms)
            && self.stage == o.stage
            && self.hover == o.hover
    }
}

/// Marks of the cells `cell_of(target)` picks: the followed one, the sub-step's terms in
/// their colours, and the hovered ones.
fn marks(
    p: &PicturesProps,
    focus: Option<usize>,
    cell_of: impl Fn(&Target) -> Option<usize>,
) -> Vec<Mark> {
    let mut out: Vec<Mark> = focus
        .map(|index| Mark {
            index,
            class: classes!("focus"),
        })
        .into_iter()
        .collect();
    for (i, term) in p.terms.iter().enumerate() {
        for index in term.targets.iter().filter_map(&cell_of) {
            out.push(Mark {
                index,
                class: classes!("tint", format!("term-c{}", i % 6)),
            });
        }
    }
    out.extend(p.hover.iter().filter_map(&cell_of).map(|index| Mark {
        index,
        class: classes!("linked"),
    }));
    out
}

fn pixel(t: &Target) -> Option<usize> {
    match *t {
        Target::Pixel(i) => Some(i),
        _ => None,
    }
}

#[component]
pub fn Pictures(props: &PicturesProps) -> Html {
    let t = &*props.trace;
    let pixel_hover = props
        .on_hover
        .reform(|i: Option<usize>| hovered(i.map(Target::Pixel).into_iter().collect()));
    let pixel_click = props.on_target.reform(Target::Pixel);
    let backward = !props.stage.is_forward();
    let input_focus = match &t.conv {
        Some(c) => Some(c.position.0 * SIDE + c.position.1),
        None => t.layers.first().map(|l| l.input),
    };
    let pixel_marks = marks(props, input_focus, pixel);
    let window = t.conv.as_ref().map(|c| {
        let (r, s, half) = (
            c.position.0 as isize,
            c.position.1 as isize,
            (c.kernel / 2) as isize,
        );
        let clip = |a: isize| a.clamp(0, SIDE as isize) as usize;
        let (r0, c0) = (clip(r - half), clip(s - half));
        (r0, c0, clip(r + half + 1) - r0, clip(s + half + 1) - c0)
    });
    let second = match (&t.conv, t.layers.first()) {
        (Some(c), _) => {
            let n = c.kernel;
            let tap = |t: &Target| match *t {
                Target::Tap(u, v) if u < n && v < n => Some(u * n + v),
                _ => None,
            };
            let (values, what) = if backward {
                (&c.d_k, "∂L/∂K")
            } else {
                (&c.k, "K")
            };
            html! {
                <>
                    <Picture side={SIDE} rgba={weights_rgba(&c.a)} testid="steps-conv-map" marks={pixel_marks.clone()}
                        caption={format!("channel {}: a = ReLU(K ⋆ x + b)", c.channel)}
                        on_hover={pixel_hover.clone()} on_click={Some(pixel_click.clone())} />
                    <Picture side={n} rgba={weights_rgba(values)} testid="steps-kernel" marks={marks(props, Some(c.tap.0 * n + c.tap.1), tap)}
                        caption={format!("kernel {}: {what} ({n}×{n})", c.channel)}
                        on_hover={props.on_hover.reform(move |i: Option<usize>| hovered(i.map(|i| Target::Tap(i / n, i % n)).into_iter().collect()))}
                        on_click={Some(props.on_target.reform(move |i: usize| Target::Tap(i / n, i % n)))} />
                </>
            }
        }
        (None, Some(l)) if l.w_row.len() == SIDE * SIDE => {
            let (values, what) = if backward {
                (&l.d_w_row, "∂L/∂W¹ row {j}: each weight's gradient")
            } else {
                (&l.w_row, "W¹ row {j}: neuron {j}'s weight per pixel")
            };
            html! {
                <Picture side={SIDE} rgba={weights_rgba(values)} testid="steps-row-image" marks={pixel_marks.clone()}
                    caption={what.replace("{j}", &l.neuron.to_string())}
                    on_hover={pixel_hover.clone()} on_click={Some(pixel_click.clone())} />
            }
        }
        _ => html! {},
    };
    html! {
        <div class="steps-pictures">
            <Picture side={SIDE} rgba={digit_rgba(&t.pixels)} testid="steps-input-image" marks={pixel_marks}
                window={window} caption={format!("input: a {} (28×28)", t.label)}
                on_hover={pixel_hover} on_click={Some(pixel_click)} />
            {second}
        </div>
    }
}
