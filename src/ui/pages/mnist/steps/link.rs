//! Linking terms to what they refer to: the targets under the pointer, and the focus a click
//! on a pixel, neuron or kernel tap asks for.

use std::rc::Rc;

use crate::explain::nn_steps::Target;
use crate::protocol::mnist::SIDE;
use crate::protocol::{SampleTrace, TraceFocus};

/// The targets under the pointer (a hovered chip may name a tap and a pixel).
pub type Hovered = Rc<Vec<Target>>;

pub fn hovered(targets: Vec<Target>) -> Hovered {
    Rc::new(targets)
}

/// Does the hover touch any of `targets`?
pub fn touches(hover: &Hovered, targets: &[Target]) -> bool {
    targets.iter().any(|t| hover.contains(t))
}

/// The focus a click on `target` asks for, keeping the rest of what the trace follows.
pub fn focus_for(t: &SampleTrace, target: Target) -> TraceFocus {
    let mut focus = TraceFocus::default();
    if let Some(c) = &t.conv {
        focus.channel = Some(c.channel);
        focus.position = Some(c.position);
    }
    match target {
        Target::Pixel(i) => match &t.conv {
            Some(_) => focus.position = Some((i / SIDE, i % SIDE)),
            None => {
                focus.layer = Some(0);
                focus.neuron = t.layers.first().map(|l| l.neuron);
                focus.input = Some(i);
            }
        },
        Target::Neuron { layer, neuron } => {
            focus.layer = Some(layer);
            focus.neuron = Some(neuron);
        }
        Target::Tap(u, v) => {
            if let Some(c) = &t.conv {
                focus.tap = Some((u, v));
                focus.position = Some(c.position);
            }
        }
    }
    focus
}

/// The CNN's channel `channel`, at its most active position.
pub fn channel_focus(channel: usize) -> TraceFocus {
    TraceFocus {
        channel: Some(channel),
        ..TraceFocus::default()
    }
}
