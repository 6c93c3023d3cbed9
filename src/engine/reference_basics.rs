//! Worked examples: the single neuron, MSE, the activations, softmax with cross-entropy,
//! and L1/L2 — each a few tensors queued for the one readback.

use burn::tensor::activation::{log_softmax, relu, sigmoid, softmax as softmax_of};
use burn::tensor::{Device, Tensor};

use super::neuron::forward_backward;
use super::readback::{Readback, Slot, Values};
use super::reference::vector;
use super::reference_inputs as input;
use crate::protocol::reference::{
    ActivationExample, NeuronForward, NeuronInput, RegularizationExample, SoftmaxExample,
};

pub(super) struct NeuronSlots {
    input: NeuronInput,
    z: Slot,
    y_hat: Slot,
    loss: Slot,
    grad_w: Slot,
    grad_b: Slot,
}

pub(super) fn neuron(rb: &mut Readback, n: &NeuronInput, device: &Device) -> NeuronSlots {
    let pass = forward_backward(
        &vector(&n.x, device),
        &vector(&n.w, device),
        &vector(&[n.b], device),
        n.y,
    );
    NeuronSlots {
        input: n.clone(),
        z: rb.add(&pass.z),
        y_hat: rb.add(&pass.y_hat),
        loss: rb.add(&pass.loss),
        grad_w: rb.add(&pass.grad_w),
        grad_b: rb.add(&pass.grad_b),
    }
}

impl NeuronSlots {
    pub(super) fn read(&self, v: &Values) -> NeuronForward {
        NeuronForward {
            input: self.input.clone(),
            z: v.scalar(self.z),
            y_hat: v.scalar(self.y_hat),
            loss: v.scalar(self.loss),
            grad_w: v.vec(self.grad_w).to_vec(),
            grad_b: v.scalar(self.grad_b),
        }
    }
}

pub(super) struct MseSlots([Slot; 3]);

/// MSE = (1/n) Σ (yᵢ − ŷᵢ)².
pub(super) fn mse(rb: &mut Readback, device: &Device) -> MseSlots {
    let (y, y_hat) = (
        vector(&input::MSE_Y, device),
        vector(&input::MSE_Y_HAT, device),
    );
    let mse = y.clone().sub(y_hat.clone()).square().mean();
    MseSlots([rb.add(&y), rb.add(&y_hat), rb.add(&mse)])
}

impl MseSlots {
    pub(super) fn read(&self, v: &Values) -> (Vec<f32>, Vec<f32>, f32) {
        let [y, y_hat, mse] = self.0;
        (v.vec(y).to_vec(), v.vec(y_hat).to_vec(), v.scalar(mse))
    }
}

pub(super) struct ActivationSlots([Slot; 7]);

/// a = f(z) and f'(z) = ∂(Σ f(z))/∂z by autodiff, for σ, ReLU and tanh.
pub(super) fn activations(rb: &mut Readback, device: &Device) -> ActivationSlots {
    let z = vector(&input::ACTIVATION_Z, device);
    let with_derivative = |rb: &mut Readback, f: fn(Tensor<1>) -> Tensor<1>| {
        let leaf = z.clone().autodiff().require_grad();
        let a = f(leaf.clone());
        let grads = a.clone().sum().backward();
        let d = leaf.grad(&grads).unwrap_or_else(|| z.zeros_like());
        (rb.add(&a), rb.add(&d))
    };
    let z_slot = rb.add(&z);
    let (s, ds) = with_derivative(rb, sigmoid);
    let (r, dr) = with_derivative(rb, relu);
    let (t, dt) = with_derivative(rb, Tensor::tanh);
    ActivationSlots([z_slot, s, ds, r, dr, t, dt])
}

impl ActivationSlots {
    pub(super) fn read(&self, v: &Values) -> ActivationExample {
        let g = |i: usize| v.vec(self.0[i]).to_vec();
        ActivationExample {
            z: g(0),
            sigmoid: g(1),
            d_sigmoid: g(2),
            relu: g(3),
            d_relu: g(4),
            tanh: g(5),
            d_tanh: g(6),
        }
    }
}

pub(super) struct SoftmaxSlots([Slot; 4]);

/// p = softmax(z), L = −log p_y (as −log_softmax, the stable form), ∂L/∂z by autodiff.
pub(super) fn softmax(rb: &mut Readback, device: &Device) -> SoftmaxSlots {
    let z = vector(&input::LOGITS, device);
    let leaf = z.clone().autodiff().require_grad();
    let probs = softmax_of(z.clone(), 0);
    let loss = log_softmax(leaf.clone(), 0)
        .narrow(0, input::LABEL, 1)
        .neg();
    let grads = loss.backward();
    let grad = leaf.grad(&grads).unwrap_or_else(|| z.zeros_like());
    SoftmaxSlots([rb.add(&z), rb.add(&probs), rb.add(&loss), rb.add(&grad)])
}

impl SoftmaxSlots {
    pub(super) fn read(&self, v: &Values) -> SoftmaxExample {
        let [z, p, l, g] = self.0;
        SoftmaxExample {
            logits: v.vec(z).to_vec(),
            label: input::LABEL,
            probs: v.vec(p).to_vec(),
            cross_entropy: v.scalar(l),
            grad: v.vec(g).to_vec(),
        }
    }
}

pub(super) struct RegularizationSlots([Slot; 5]);

/// λ₁ Σ|wᵢ| and λ₂ Σwᵢ², with their gradients by autodiff.
pub(super) fn regularization(rb: &mut Readback, device: &Device) -> RegularizationSlots {
    let w = vector(&input::REG_W, device);
    let penalty = |rb: &mut Readback, f: &dyn Fn(Tensor<1>) -> Tensor<1>| {
        let leaf = w.clone().autodiff().require_grad();
        let p = f(leaf.clone());
        let grads = p.backward();
        let g = leaf.grad(&grads).unwrap_or_else(|| w.zeros_like());
        (rb.add(&p), rb.add(&g))
    };
    let w_slot = rb.add(&w);
    let (l1, g1) = penalty(rb, &|w| w.abs().sum().mul_scalar(input::REG_L1));
    let (l2, g2) = penalty(rb, &|w| w.square().sum().mul_scalar(input::REG_L2));
    RegularizationSlots([w_slot, l1, g1, l2, g2])
}

impl RegularizationSlots {
    pub(super) fn read(&self, v: &Values) -> RegularizationExample {
        let [w, l1, g1, l2, g2] = self.0;
        RegularizationExample {
            w: v.vec(w).to_vec(),
            l1: input::REG_L1,
            l2: input::REG_L2,
            l1_penalty: v.scalar(l1),
            l2_penalty: v.scalar(l2),
            l1_grad: v.vec(g1).to_vec(),
            l2_grad: v.vec(g2).to_vec(),
        }
    }
}
