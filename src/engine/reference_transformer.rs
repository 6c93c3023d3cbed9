//! Worked examples of the transformer's pieces: scaled dot-product attention and the
//! position-wise feed-forward network.

use burn::tensor::Device;
use burn::tensor::activation::{relu, softmax};

use super::readback::{Readback, Slot, Values};
use super::reference::{MatSlot, matrix, vector};
use super::reference_inputs as input;
use crate::protocol::reference::{AttentionExample, FfnExample};

pub(super) struct AttentionSlots([MatSlot; 6]);

/// S = QKᵀ/√d_k, A = softmax(S) row by row, out = AV.
///
/// # Shapes
/// Q, K, V `[2, 2]` (rows are tokens) → S, A, out `[2, 2]`.
pub(super) fn attention(rb: &mut Readback, device: &Device) -> AttentionSlots {
    let q = matrix(&input::ATTENTION_Q, device);
    let k = matrix(&input::ATTENTION_K, device);
    let v = matrix(&input::ATTENTION_V, device);
    let d_k = k.dims()[1] as f64;
    let scores = q
        .clone()
        .matmul(k.clone().transpose())
        .div_scalar(d_k.sqrt());
    let weights = softmax(scores.clone(), 1);
    let out = weights.clone().matmul(v.clone());
    AttentionSlots([&q, &k, &v, &scores, &weights, &out].map(|t| MatSlot::add(rb, t)))
}

impl AttentionSlots {
    pub(super) fn read(&self, v: &Values) -> AttentionExample {
        let [q, k, val, scores, weights, out] = &self.0;
        AttentionExample {
            q: q.read(v),
            k: k.read(v),
            v: val.read(v),
            scores: scores.read(v),
            weights: weights.read(v),
            out: out.read(v),
        }
    }
}

pub(super) struct FfnSlots([MatSlot; 2], [Slot; 6]);

/// FFN(x) = max(0, xW₁ + b₁) W₂ + b₂.
///
/// # Shapes
/// x `[1, 2]`, W₁ `[2, 3]`, b₁ `[3]`, W₂ `[3, 2]`, b₂ `[2]` → `[1, 2]`.
pub(super) fn ffn(rb: &mut Readback, device: &Device) -> FfnSlots {
    let x = vector(&input::FFN_X, device).unsqueeze::<2>();
    let (w1, b1) = (
        matrix(&input::FFN_W1, device),
        vector(&input::FFN_B1, device),
    );
    let (w2, b2) = (
        matrix(&input::FFN_W2, device),
        vector(&input::FFN_B2, device),
    );
    let hidden_pre = x
        .clone()
        .matmul(w1.clone())
        .add(b1.clone().unsqueeze::<2>());
    let hidden = relu(hidden_pre.clone());
    let out = hidden
        .clone()
        .matmul(w2.clone())
        .add(b2.clone().unsqueeze::<2>());
    let vectors = [
        rb.add(&x),
        rb.add(&b1),
        rb.add(&hidden_pre),
        rb.add(&hidden),
        rb.add(&b2),
        rb.add(&out),
    ];
    FfnSlots([MatSlot::add(rb, &w1), MatSlot::add(rb, &w2)], vectors)
}

impl FfnSlots {
    pub(super) fn read(&self, v: &Values) -> FfnExample {
        let g = |i: usize| v.vec(self.1[i]).to_vec();
        FfnExample {
            x: g(0),
            w1: self.0[0].read(v),
            b1: g(1),
            hidden_pre: g(2),
            hidden: g(3),
            w2: self.0[1].read(v),
            b2: g(4),
            out: g(5),
        }
    }
}
