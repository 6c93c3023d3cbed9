//! Yielding to the worker's event loop between training bursts, without a timer's delay.
//!
//! `setTimeout(0)` called from inside a timer callback is clamped to ≥ 4 ms once timers nest
//! five deep (HTML's timer rules, in workers too), so a loop that steps for 12 ms and then waits
//! on a zero timeout sits idle a quarter of the time. A message posted through a
//! `MessageChannel` is delivered as the next task with no clamp, and still lets the queued
//! commands (Pause, hyper-parameter changes) run first.

use std::cell::RefCell;

use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::MessageChannel;

thread_local! {
    /// One channel for the worker's lifetime (None if the browser refused to make one).
    static CHANNEL: RefCell<Option<MessageChannel>> = RefCell::new(MessageChannel::new().ok());
}

/// Resolves in the worker's next task (a zero timeout when no channel is available).
pub async fn yield_now() {
    let promise = CHANNEL.with(|channel| {
        let channel = channel.borrow();
        let channel = channel.as_ref()?;
        Some(js_sys::Promise::new(&mut |resolve, _reject| {
            channel.port1().set_onmessage(Some(resolve.unchecked_ref()));
            // Posting a null cannot fail (it is always cloneable).
            let _ = channel.port2().post_message(&JsValue::NULL);
        }))
    });
    match promise {
        Some(promise) => {
            let _ = JsFuture::from(promise).await;
        }
        None => TimeoutFuture::new(0).await,
    }
}
