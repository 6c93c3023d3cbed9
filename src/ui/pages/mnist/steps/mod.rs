//! "Follow one sample": one MNIST sample through the network, one sub-step at a time, with
//! Burn's numbers, linked pictures and the export. The trace comes from the worker; nothing
//! here touches a tensor.

mod chips;
mod follow;
mod link;
pub(crate) mod nav;
mod network;
mod panel;
mod picture;
mod pictures;
mod sample_view;
mod strip;
pub(crate) mod substep;

pub use follow::FollowSample;

use crate::protocol::{TraceFocus, TraceSample};

thread_local! {
    static SERIAL: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A fresh request number.
pub fn next_serial() -> u64 {
    SERIAL.with(|s| {
        s.set(s.get() + 1);
        s.get()
    })
}

/// What the learner asked to follow; `serial` changes with every request (a click on the same
/// sample asks again).
#[derive(Clone, Debug, PartialEq)]
pub struct TraceRequest {
    pub sample: TraceSample,
    pub focus: TraceFocus,
    pub serial: u64,
}
