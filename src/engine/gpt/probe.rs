//! Probes: zero-valued leaves added to a forward pass's intermediates. Adding 0 changes no
//! value, and autodiff's gradient of a probe is the gradient of the intermediate it was added
//! to — how "follow one token" gets ∂L/∂q, ∂L/∂S, ∂L/∂A from Burn rather than by hand.

use burn::prelude::*;

use super::config::GptConfig;

/// The probes of one block's attention and of the logits.
///
/// # Shapes
/// q `[batch, heads, T, d_k]`; scores and weights `[batch, heads, T, T]`; context and
/// attention_out `[batch, T, d_model]`; logits `[batch, T, V]`.
#[derive(Clone, Debug)]
pub struct Probes {
    pub layer: usize,
    pub q: Tensor<4>,
    pub scores: Tensor<4>,
    pub weights: Tensor<4>,
    pub context: Tensor<3>,
    pub attention_out: Tensor<3>,
    pub logits: Tensor<3>,
}

impl Probes {
    /// Zeros that require a gradient, on `device` (an autodiff device).
    pub fn new(config: &GptConfig, batch: usize, t: usize, layer: usize, device: &Device) -> Self {
        let (h, d) = (config.heads, config.d_model);
        let leaf4 = |dims: [usize; 4]| Tensor::<4>::zeros(dims, device).require_grad();
        let leaf3 = |dims: [usize; 3]| Tensor::<3>::zeros(dims, device).require_grad();
        Self {
            layer,
            q: leaf4([batch, h, t, d / h]),
            scores: leaf4([batch, h, t, t]),
            weights: leaf4([batch, h, t, t]),
            context: leaf3([batch, t, d]),
            attention_out: leaf3([batch, t, d]),
            logits: leaf3([batch, t, config.vocab]),
        }
    }
}

/// `x + probe`, or `x` without one.
pub fn probed<const D: usize>(x: Tensor<D>, probe: Option<&Tensor<D>>) -> Tensor<D> {
    match probe {
        Some(p) => x + p.clone(),
        None => x,
    }
}
