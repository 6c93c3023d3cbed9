//! Worked examples of layers: a dense layer on a batch, and backpropagation through a 3-2-1
//! network.

use burn::tensor::activation::sigmoid;
use burn::tensor::{Device, Tensor};

use super::neuron::binary_cross_entropy;
use super::readback::{Readback, Slot, Values};
use super::reference::{MatSlot, matrix, vector};
use super::reference_inputs as input;
use crate::protocol::reference::{BackpropExample, DenseExample};

pub(super) struct DenseSlots([MatSlot; 4], Slot);

/// Z = XW + b (b added to every row), A = σ(Z).
///
/// # Shapes
/// X `[2, 3]`, W `[3, 2]`, b `[2]` → Z, A `[2, 2]`.
pub(super) fn dense(rb: &mut Readback, device: &Device) -> DenseSlots {
    let x = matrix(&input::DENSE_X, device);
    let w = matrix(&input::DENSE_W, device);
    let b = vector(&input::DENSE_B, device);
    let z = x.clone().matmul(w.clone()).add(b.clone().unsqueeze::<2>());
    let a = sigmoid(z.clone());
    let slots = [&x, &w, &z, &a].map(|t| MatSlot::add(rb, t));
    DenseSlots(slots, rb.add(&b))
}

impl DenseSlots {
    pub(super) fn read(&self, v: &Values) -> DenseExample {
        let [x, w, z, a] = &self.0;
        DenseExample {
            x: x.read(v),
            w: w.read(v),
            b: v.vec(self.1).to_vec(),
            z: z.read(v),
            a: a.read(v),
        }
    }
}

pub(super) struct BackpropSlots {
    w: [MatSlot; 2],
    grad_w: [MatSlot; 2],
    /// x, b₁, b₂, z₁, a₁, z₂, ŷ, L, δ₁ (autodiff), δ₂ (autodiff), δ₁ (formula).
    vectors: [Slot; 11],
}

/// z₁ = W₁x + b₁, a₁ = σ(z₁), z₂ = W₂a₁ + b₂, ŷ = σ(z₂), L = BCE(ŷ, y); backward by autodiff,
/// and δ₁ once more by the formula (W₂ᵀ δ₂) ⊙ σ'(z₁) from autodiff's δ₂.
///
/// # Shapes
/// x `[3, 1]`, W₁ `[2, 3]`, b₁ `[2, 1]`, W₂ `[1, 2]`, b₂ `[1, 1]`.
pub(super) fn backprop(rb: &mut Readback, device: &Device) -> BackpropSlots {
    let column = |v: &[f32]| vector(v, device).reshape([v.len(), 1]);
    let x = column(&input::BACKPROP_X);
    let (w1, b1) = (
        matrix(&input::BACKPROP_W1, device),
        column(&input::BACKPROP_B1),
    );
    let (w2, b2) = (
        matrix(&input::BACKPROP_W2, device),
        column(&input::BACKPROP_B2),
    );
    let leaf = |t: &Tensor<2>| t.clone().autodiff().require_grad();
    let (w1_l, b1_l, w2_l, b2_l) = (leaf(&w1), leaf(&b1), leaf(&w2), leaf(&b2));
    let z1 = w1_l.clone().matmul(x.clone()).add(b1_l.clone());
    let a1 = sigmoid(z1.clone());
    let z2 = w2_l.clone().matmul(a1.clone()).add(b2_l.clone());
    let y_hat = sigmoid(z2.clone());
    let loss = binary_cross_entropy(z2.clone().reshape([1]), input::BACKPROP_Y);
    let grads = loss.backward();
    let grad = |l: &Tensor<2>, t: &Tensor<2>| l.grad(&grads).unwrap_or_else(|| t.zeros_like());
    let (delta1, delta2) = (grad(&b1_l, &b1), grad(&b2_l, &b2));
    let (grad_w1, grad_w2) = (grad(&w1_l, &w1), grad(&w2_l, &w2));
    let a1 = a1.without_autodiff();
    let sigma_prime = a1.clone().mul(a1.clone().neg().add_scalar(1.0));
    let delta1_formula = w2
        .clone()
        .transpose()
        .matmul(delta2.clone())
        .mul(sigma_prime);
    let vectors = [
        rb.add(&x),
        rb.add(&b1),
        rb.add(&b2),
        rb.add(&z1),
        rb.add(&a1),
        rb.add(&z2),
        rb.add(&y_hat),
        rb.add(&loss),
        rb.add(&delta1),
        rb.add(&delta2),
        rb.add(&delta1_formula),
    ];
    BackpropSlots {
        w: [MatSlot::add(rb, &w1), MatSlot::add(rb, &w2)],
        grad_w: [MatSlot::add(rb, &grad_w1), MatSlot::add(rb, &grad_w2)],
        vectors,
    }
}

impl BackpropSlots {
    pub(super) fn read(&self, v: &Values) -> BackpropExample {
        let g = |i: usize| v.vec(self.vectors[i]).to_vec();
        let s = |i: usize| v.scalar(self.vectors[i]);
        BackpropExample {
            x: g(0),
            y: input::BACKPROP_Y,
            w1: self.w[0].read(v),
            b1: g(1),
            w2: self.w[1].read(v),
            b2: g(2),
            z1: g(3),
            a1: g(4),
            z2: s(5),
            y_hat: s(6),
            loss: s(7),
            delta1: g(8),
            delta2: g(9),
            delta1_formula: g(10),
            grad_w1: self.grad_w[0].read(v),
            grad_w2: self.grad_w[1].read(v),
        }
    }
}
