//! The product's parameters by the oracle's names, and Burn's gradients of them (a native test:
//! the synchronous reads are fine on the CPU backend).

use std::collections::BTreeMap;

use burn::prelude::*;
use burn::tensor::Gradients;
use ml_playground::data::text::batch::TokenBatch;
use ml_playground::engine::gpt::model::Gpt;

use super::oracle::{Batch, Params};

/// The product's batch as the oracle reads it (borrowed, nothing converted).
pub fn batch_view(b: &TokenBatch) -> Batch<'_> {
    Batch {
        batch: b.batch,
        len: b.len,
        inputs: &b.inputs,
        targets: &b.targets,
        weights: &b.weights,
    }
}

pub enum Named {
    Mat(String, Tensor<2>),
    Vec(String, Tensor<1>),
}

/// Every parameter of `model`, named as the oracle names them.
pub fn named(model: &Gpt) -> Vec<Named> {
    let mut out = vec![
        Named::Mat("tok".into(), model.token_embedding.weight.val()),
        Named::Mat("pos".into(), model.position_embedding.weight.val()),
    ];
    let linear = |out: &mut Vec<Named>, name: String, l: &burn::nn::Linear| {
        out.push(Named::Mat(format!("{name}.w"), l.weight.val()));
        out.push(Named::Vec(
            format!("{name}.b"),
            l.bias.as_ref().expect("bias").val(),
        ));
    };
    let norm = |out: &mut Vec<Named>, name: String, n: &burn::nn::LayerNorm| {
        out.push(Named::Vec(format!("{name}.g"), n.gamma.val()));
        out.push(Named::Vec(
            format!("{name}.b"),
            n.beta.as_ref().expect("beta").val(),
        ));
    };
    for (l, block) in model.blocks.iter().enumerate() {
        norm(&mut out, format!("b{l}.ln1"), &block.ln_1);
        linear(&mut out, format!("b{l}.attn.q"), &block.attention.query);
        linear(&mut out, format!("b{l}.attn.k"), &block.attention.key);
        linear(&mut out, format!("b{l}.attn.v"), &block.attention.value);
        linear(&mut out, format!("b{l}.attn.o"), &block.attention.output);
        norm(&mut out, format!("b{l}.ln2"), &block.ln_2);
        linear(&mut out, format!("b{l}.ffn_in"), &block.ffn_in);
        linear(&mut out, format!("b{l}.ffn_out"), &block.ffn_out);
    }
    norm(&mut out, "lnf".into(), &model.ln_f);
    linear(&mut out, "head".into(), &model.head);
    out
}

fn values<const D: usize>(t: &Tensor<D>) -> Vec<f64> {
    t.to_data()
        .convert::<f32>()
        .try_to_vec::<f32>()
        .expect("f32")
        .into_iter()
        .map(f64::from)
        .collect()
}

pub fn params(model: &Gpt) -> Params {
    named(model)
        .into_iter()
        .map(|n| match n {
            Named::Mat(name, t) => (name, (t.dims().to_vec(), values(&t))),
            Named::Vec(name, t) => (name, (t.dims().to_vec(), values(&t))),
        })
        .collect()
}

/// Burn's ∂L/∂θ of every parameter (zeros where Burn has none).
pub fn grads(model: &Gpt, grads: &Gradients) -> BTreeMap<String, Vec<f64>> {
    named(model)
        .into_iter()
        .map(|n| match n {
            Named::Mat(name, t) => {
                let g = t.grad(grads).map(|g| values(&g));
                (
                    name,
                    g.unwrap_or_else(|| vec![0.0; t.dims().iter().product()]),
                )
            }
            Named::Vec(name, t) => {
                let g = t.grad(grads).map(|g| values(&g));
                (
                    name,
                    g.unwrap_or_else(|| vec![0.0; t.dims().iter().product()]),
                )
            }
        })
        .collect()
}
