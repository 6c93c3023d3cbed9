//! "Follow one token": the step the run is about to take, on its next training batch, with
//! probes in one block's attention and on the logits. Everything is queued on the device here
//! and read back in one transaction by [`PendingFollow::finish`]; the run's own model and
//! optimizer state are untouched (AdamW's update is a preview of the next step).

use burn::prelude::*;
use burn::tensor::activation::{log_softmax, softmax};

use super::attention::MASK_FILL;
use super::block::LN_EPSILON;
use super::loss::{BatchTensors, masked_cross_entropy};
use super::probe::Probes;
use super::trainer::GptTrainer;
use crate::engine::EngineError;
use crate::protocol::gpt_follow::FollowRequest;

/// What the trace reads, on the device (inner backend), and what it knows already.
pub struct PendingFollow {
    pub(super) request: FollowRequest,
    pub(super) step: u64,
    pub(super) shape: [usize; 4],
    pub(super) batch: usize,
    pub(super) counted: usize,
    pub(super) ids: Vec<u32>,
    pub(super) target: u32,
    pub(super) counts: bool,
    pub(super) vocab: Vec<String>,
    pub(super) dropout_off: f64,
    pub(super) lr: f64,
    pub(super) hyper: super::adamw::AdamWHyper,
    /// The time of AdamW's state before the step (0: none yet).
    pub(super) time_before: usize,
    /// Named tensors to read, in order.
    pub(super) reads: Vec<(&'static str, Tensor<1>)>,
}

fn flat<const D: usize>(t: Tensor<D>) -> Tensor<1> {
    let n = t.shape().num_elements();
    t.reshape([n])
}

impl GptTrainer {
    /// Follows `request` (indices clamped into range) through the next step; an error if the
    /// training split has no batch.
    pub fn prepare_follow(&self, request: FollowRequest) -> Result<PendingFollow, EngineError> {
        let batch = self
            .next_batch()
            .ok_or_else(|| EngineError("the training text is too short for one batch".into()))?;
        let config = &self.recipe.config;
        let (heads, d) = (config.heads, config.d_model);
        let d_k = d / heads;
        let r = FollowRequest {
            sequence: request.sequence.min(batch.batch - 1),
            position: request.position.min(batch.len - 1),
            layer: request.layer.min(config.layers - 1),
            head: request.head.min(heads - 1),
            row: request.row.min(d - 1),
            col: request.col.min(d_k - 1),
        };
        let (b, t, l, h) = (r.sequence, r.position, r.layer, r.head);
        let cols = h * d_k..(h + 1) * d_k;
        let column = h * d_k + r.col;
        let mut model = self.model.clone();
        let dropout_off = config.dropout;
        for block in &mut model.blocks {
            block.dropout.prob = 0.0;
        }
        let tensors = BatchTensors::new(&batch, &self.device);
        let probes = Probes::new(config, batch.batch, batch.len, l, &self.device);
        let parts = model.forward_probed(tensors.inputs.clone(), Some(&probes));
        let loss = masked_cross_entropy(parts.logits.clone(), &tensors);
        let grads = loss.backward();
        let block = &model.blocks[l];
        let bp = &parts.blocks[l];
        let at = |x: &Tensor<3>| flat(x.clone().slice([b..b + 1, t..t + 1]).inner());
        let id = batch.inputs[b * batch.len + t] as usize;
        let mut reads: Vec<(&'static str, Tensor<1>)> = Vec::new();
        let mut read = |name: &'static str, x: Tensor<1>| reads.push((name, x));
        let e_tok = model.token_embedding.weight.val().inner();
        let inner = e_tok.device();
        read("e_tok", flat(e_tok.narrow(0, id, 1)));
        let e_pos = model.position_embedding.weight.val().inner();
        read("e_pos", flat(e_pos.narrow(0, t, 1)));
        read("x0", at(&parts.embedded));
        // LayerNorm₁ at t: μ and σ² by the same reduction Burn's layer norm uses.
        let x_t = at(&bp.x);
        let (var, mu) = x_t.clone().var_mean_bias(0);
        let x_hat = (x_t.clone() - mu.clone()).div(var.clone().add_scalar(LN_EPSILON).sqrt());
        read("ln_1.x", x_t);
        read("ln_1.mu", mu);
        read("ln_1.var", var);
        read("ln_1.x_hat", x_hat);
        read("ln_1.gamma", block.ln_1.gamma.val().inner());
        let beta = block.ln_1.beta.as_ref().map(|p| p.val().inner());
        read(
            "ln_1.beta",
            beta.unwrap_or_else(|| Tensor::zeros([d], &inner)),
        );
        read("ln_1.y", at(&bp.ln_1));
        read(
            "ln_1_rows",
            flat(bp.ln_1.clone().slice([b..b + 1, 0..t + 1]).inner()),
        );
        let head_of = |x: &Tensor<4>, rows: std::ops::Range<usize>| {
            flat(x.clone().slice([b..b + 1, h..h + 1, rows]).inner())
        };
        read("q", head_of(&bp.attention.q, t..t + 1));
        read("k", head_of(&bp.attention.k, 0..t + 1));
        read("v", head_of(&bp.attention.v, 0..t + 1));
        read("scores", head_of(&bp.attention.scores, t..t + 1));
        read("weights", head_of(&bp.attention.weights, t..t + 1));
        let context = bp
            .attention
            .context
            .clone()
            .slice([b..b + 1, t..t + 1, cols.clone()]);
        read("context_head", flat(context.inner()));
        read("context", at(&bp.attention.context));
        read("attention_out", at(&bp.attention_out));
        read("h", at(&bp.h));
        read("ln_2", at(&bp.ln_2));
        read("ffn_u", at(&bp.ffn_u));
        read("ffn_phi", at(&bp.ffn_phi));
        read("ffn_out", at(&bp.ffn_out));
        read("out", at(&bp.out));
        let last = parts.blocks.last().map_or(&parts.embedded, |p| &p.out);
        read("x_last", at(last));
        read("ln_f", at(&parts.ln_f));
        let z = at(&parts.logits);
        read("logits", z.clone());
        read("probs", softmax(z.clone(), 0));
        let y = batch.targets[b * batch.len + t] as usize;
        read("token_loss", log_softmax(z, 0).narrow(0, y, 1).neg());
        read("loss", loss.clone().inner());
        // The followed head's weights.
        let att = &block.attention;
        let w_cols = |p: &burn::nn::Linear| {
            let w = p.weight.val().inner().slice([0..d, cols.clone()]);
            let bias = p
                .bias
                .as_ref()
                .map(|b| b.val().inner().slice([cols.clone()]));
            (
                flat(w),
                bias.unwrap_or_else(|| Tensor::zeros([d_k], &inner)),
            )
        };
        for (name_w, name_b, linear) in [
            ("w_q", "b_q", &att.query),
            ("w_k", "b_k", &att.key),
            ("w_v", "b_v", &att.value),
        ] {
            let (w, bias) = w_cols(linear);
            read(name_w, w);
            read(name_b, bias);
        }
        read(
            "w_o",
            flat(att.output.weight.val().inner().slice([cols.clone(), 0..d])),
        );
        // The backward pass, from the probes.
        let missing = || EngineError("autodiff gave no gradient for a probe".into());
        let g3 = |p: &Tensor<3>| p.grad(&grads).ok_or_else(missing);
        let g4 = |p: &Tensor<4>| p.grad(&grads).ok_or_else(missing);
        let at_inner = |x: Tensor<3>| flat(x.slice([b..b + 1, t..t + 1]));
        read("d_logits", at_inner(g3(&probes.logits)?));
        read("d_attention_out", at_inner(g3(&probes.attention_out)?));
        let d_context = g3(&probes.context)?.slice([b..b + 1, t..t + 1, cols]);
        read("d_context_head", flat(d_context));
        let head_row = |x: Tensor<4>| flat(x.slice([b..b + 1, h..h + 1, t..t + 1]));
        read("d_weights", head_row(g4(&probes.weights)?));
        read("d_scores", head_row(g4(&probes.scores)?));
        let d_q = head_row(g4(&probes.q)?);
        read("d_q", d_q.clone());
        // The followed entry of W_Q: its gradient through q_t, in full, and AdamW's step.
        let weight = &att.query.weight;
        let theta = weight.val().inner();
        let grad = weight.val().grad(&grads).ok_or_else(missing)?;
        let entry = |x: Tensor<2>| flat(x.slice([r.row..r.row + 1, column..column + 1]));
        let x_hat_i = flat(
            bp.ln_1
                .clone()
                .slice([b..b + 1, t..t + 1, r.row..r.row + 1])
                .inner(),
        );
        read("through_token", x_hat_i * d_q.narrow(0, r.col, 1));
        read("grad", entry(grad.clone()));
        read("theta", entry(theta.clone()));
        let before = self.optimizer.state::<2>(weight.id);
        let time_before = before.as_ref().map_or(0, |s| s.momentum.time);
        if let Some(s) = &before {
            read("adam.m_before", entry(s.momentum.moment_1.clone()));
            read("adam.v_before", entry(s.momentum.moment_2.clone()));
        }
        let lr = self.lr();
        let (theta_new, after) = self.optimizer.preview(lr, weight.id, theta, grad);
        read("theta_new", entry(theta_new));
        if let Some(s) = after {
            read("adam.m", entry(s.momentum.moment_1));
            read("adam.v", entry(s.momentum.moment_2));
        }
        Ok(PendingFollow {
            request: r,
            step: self.step + 1,
            shape: [config.layers, heads, d, d_k],
            batch: batch.batch,
            counted: batch.counted(),
            ids: batch.inputs[b * batch.len..(b + 1) * batch.len].to_vec(),
            target: y as u32,
            counts: batch.weights[b * batch.len + t] > 0.0,
            vocab: (0..self.source.vocab().len() as u32)
                .map(|i| self.source.vocab().decode(&[i]))
                .collect(),
            dropout_off,
            lr,
            hyper: self.optimizer.hyper,
            time_before,
            reads,
        })
    }
}

/// What a masked score is set to, as the trace reports it.
pub const FILL: f32 = MASK_FILL as f32;
