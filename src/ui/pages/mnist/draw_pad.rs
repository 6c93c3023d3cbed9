//! Draw a digit: a canvas for mouse, pen and touch (pointer events), white ink on black like
//! MNIST. Each stroke (and, throttled, the drawing in progress) is preprocessed like MNIST
//! (`data::digit_prep`), shown at 28×28 and sent to the model.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{HtmlCanvasElement, PointerEvent};
use yew::prelude::*;

use super::draw_canvas::{PAD, clear_canvas, position, read_digit, stroke_to};
use super::draw_follow::DrawFollow;
use super::draw_probs::DrawProbs;
use super::pixels::Pixels;
use crate::protocol::mnist::SIDE;
use crate::protocol::{Command, MnistCommand, TraceSample};

/// While drawing, at most one prediction per this many milliseconds.
const THROTTLE_MS: f64 = 120.0;

#[derive(Properties, PartialEq)]
pub struct DrawPadProps {
    /// A model can answer (the data and the device are ready).
    pub ready: bool,
    /// Changes whenever the model may have changed (ask again for the same drawing).
    pub model_version: u64,
    pub probs: Option<Vec<f32>>,
    /// Predictions the worker has answered (`data-pending` on the pad: requests not answered
    /// yet, so a test knows when the drawing's own answer is shown).
    pub answered: u64,
    pub send: Callback<Command>,
    pub on_clear: Callback<()>,
    pub on_follow: Callback<TraceSample>,
}

#[component]
pub fn DrawPad(props: &DrawPadProps) -> Html {
    let canvas = use_node_ref();
    // The last point of the stroke in progress (None: not drawing).
    let last = use_mut_ref(|| None::<(f64, f64)>);
    let last_sent = use_mut_ref(|| 0f64);
    let digit = use_state(|| None::<Rc<Vec<u8>>>);
    // Predictions asked for, counted from the answers already in when the pad was made.
    let asked = use_mut_ref(|| props.answered);
    {
        let canvas = canvas.clone();
        use_effect_with((), move |_| clear_canvas(&canvas));
    }
    // Reads the pad, shows the 28×28 input and asks the model.
    let predict = {
        let (canvas, digit, send, ready) = (
            canvas.clone(),
            digit.clone(),
            props.send.clone(),
            props.ready,
        );
        let (last_sent, asked) = (last_sent.clone(), asked.clone());
        Rc::new(move || {
            let Some(c) = canvas.cast::<HtmlCanvasElement>() else {
                return;
            };
            *last_sent.borrow_mut() = js_sys::Date::now();
            match read_digit(&c) {
                Some(pixels) => {
                    if ready {
                        *asked.borrow_mut() += 1;
                        send.emit(Command::from(MnistCommand::Predict {
                            pixels: pixels.clone(),
                        }));
                    }
                    digit.set(Some(Rc::new(pixels)));
                }
                None => digit.set(None),
            }
        })
    };
    {
        // A newer model (or one that just became ready): ask again about the same drawing.
        let (digit, send, asked) = (digit.clone(), props.send.clone(), asked.clone());
        use_effect_with((props.model_version, props.ready), move |(_, ready)| {
            if let (Some(pixels), true) = ((*digit).clone(), *ready) {
                *asked.borrow_mut() += 1;
                send.emit(Command::from(MnistCommand::Predict {
                    pixels: pixels.to_vec(),
                }));
            }
        });
    }
    let on_down = {
        let (canvas, last) = (canvas.clone(), last.clone());
        Callback::from(move |e: PointerEvent| {
            let Some(c) = canvas.cast::<HtmlCanvasElement>() else {
                return;
            };
            e.prevent_default();
            let _ = c.set_pointer_capture(e.pointer_id());
            let p = position(&c, &e);
            stroke_to(&c, p, p);
            *last.borrow_mut() = Some(p);
        })
    };
    let on_move = {
        let (canvas, last, predict) = (canvas.clone(), last.clone(), predict.clone());
        Callback::from(move |e: PointerEvent| {
            let Some(from) = *last.borrow() else { return };
            let Some(c) = canvas.cast::<HtmlCanvasElement>() else {
                return;
            };
            let to = position(&c, &e);
            stroke_to(&c, from, to);
            *last.borrow_mut() = Some(to);
            if js_sys::Date::now() - *last_sent.borrow() > THROTTLE_MS {
                predict();
            }
        })
    };
    let on_end = end_stroke(&last, &predict);
    let clear = {
        let (canvas, digit, on_clear) = (canvas.clone(), digit.clone(), props.on_clear.clone());
        Callback::from(move |_: MouseEvent| {
            clear_canvas(&canvas);
            digit.set(None);
            on_clear.emit(());
        })
    };
    let input = (*digit)
        .as_ref()
        .map(|px| Rc::new(px.iter().flat_map(|&p| [p, p, p, 255]).collect::<Vec<u8>>()));
    html! {
        <div class="panel draw-panel">
            <div class="panel-head">
                <h2>{"Draw a digit"}</h2>
                <button data-testid="draw-clear" onclick={clear}>{"Clear"}</button>
            </div>
            <canvas ref={canvas} class="draw-pad" data-testid="draw-pad" data-pending={asked.borrow().saturating_sub(props.answered).to_string()} width={PAD.to_string()} height={PAD.to_string()}
                aria-label="Drawing pad: draw a digit with the mouse, a pen or a finger"
                onpointerdown={on_down} onpointermove={on_move} onpointerup={on_end.clone()}
                onpointercancel={on_end.clone()} onlostpointercapture={on_end} />
            <div class="draw-below">
                <figure class="draw-preview-box">
                    if let Some(rgba) = input {
                        <Pixels width={SIDE as u32} height={SIDE as u32} rgba={rgba} class="draw-preview"
                            testid="draw-preview" title="What the model sees: 28×28, centred like MNIST" />
                    } else {
                        <div class="draw-preview empty" data-testid="draw-preview"></div>
                    }
                    <figcaption>{"model input 28×28"}</figcaption>
                </figure>
                <DrawProbs probs={props.probs.clone()} />
            </div>
            <DrawFollow pixels={(*digit).clone()} probs={props.probs.clone()} ready={props.ready}
                on_follow={props.on_follow.clone()} />
            if !props.ready {
                <p class="hint">{"The model answers once MNIST is loaded."}</p>
            }
        </div>
    }
}

/// Ends the stroke in progress (if any) and predicts.
fn end_stroke(
    last: &Rc<RefCell<Option<(f64, f64)>>>,
    predict: &Rc<impl Fn() + 'static>,
) -> Callback<PointerEvent> {
    let (last, predict) = (last.clone(), predict.clone());
    Callback::from(move |_: PointerEvent| {
        if last.borrow_mut().take().is_some() {
            predict();
        }
    })
}
