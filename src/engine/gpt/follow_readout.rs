//! The followed token's numbers, read back in one transaction and arranged as a
//! [`TokenTrace`].

use std::collections::HashMap;

use super::follow::{FILL, PendingFollow};
use crate::engine::{EngineError, Readback};
use crate::protocol::gpt_follow::{
    BackwardTrace, EntryTrace, ForwardTrace, HeadWeights, LayerNormTrace, TokenTrace,
};

struct Read(HashMap<&'static str, Vec<f32>>);

impl Read {
    fn vec(&self, name: &str) -> Vec<f32> {
        self.0.get(name).cloned().unwrap_or_default()
    }

    fn scalar(&self, name: &str) -> f32 {
        self.0
            .get(name)
            .and_then(|v| v.first().copied())
            .unwrap_or(0.0)
    }

    /// Rows of `width`.
    fn rows(&self, name: &str, width: usize) -> Vec<Vec<f32>> {
        self.vec(name)
            .chunks(width.max(1))
            .map(<[f32]>::to_vec)
            .collect()
    }
}

fn token(label: String) -> String {
    match label.as_str() {
        "\n" => "⏎".into(),
        " " => "␣".into(),
        _ => label,
    }
}

impl PendingFollow {
    pub async fn finish(self) -> Result<TokenTrace, EngineError> {
        let mut rb = Readback::default();
        let slots: Vec<_> = self
            .reads
            .iter()
            .map(|(name, t)| (*name, rb.add(t)))
            .collect();
        let values = rb.run().await?;
        let mut read = HashMap::new();
        for (name, slot) in slots {
            let duplicate = read.insert(name, values.vec(slot).to_vec()).is_some();
            debug_assert!(!duplicate, "{name} is read twice");
        }
        let r = Read(read);
        let [layers, heads, d_model, d_k] = self.shape;
        let forward = ForwardTrace {
            e_tok: r.vec("e_tok"),
            e_pos: r.vec("e_pos"),
            x0: r.vec("x0"),
            ln_1: LayerNormTrace {
                x: r.vec("ln_1.x"),
                mu: r.scalar("ln_1.mu"),
                var: r.scalar("ln_1.var"),
                x_hat: r.vec("ln_1.x_hat"),
                gamma: r.vec("ln_1.gamma"),
                beta: r.vec("ln_1.beta"),
                y: r.vec("ln_1.y"),
            },
            ln_1_rows: r.rows("ln_1_rows", d_model),
            q: r.vec("q"),
            k: r.rows("k", d_k),
            v: r.rows("v", d_k),
            scores: r.vec("scores"),
            weights: r.vec("weights"),
            context_head: r.vec("context_head"),
            context: r.vec("context"),
            attention_out: r.vec("attention_out"),
            h: r.vec("h"),
            ln_2: r.vec("ln_2"),
            ffn_u: r.vec("ffn_u"),
            ffn_phi: r.vec("ffn_phi"),
            ffn_out: r.vec("ffn_out"),
            out: r.vec("out"),
            x_last: r.vec("x_last"),
            ln_f: r.vec("ln_f"),
            logits: r.vec("logits"),
            probs: r.vec("probs"),
            token_loss: r.scalar("token_loss"),
            loss: r.scalar("loss"),
        };
        let backward = BackwardTrace {
            d_logits: r.vec("d_logits"),
            d_attention_out: r.vec("d_attention_out"),
            d_context_head: r.vec("d_context_head"),
            d_weights: r.vec("d_weights"),
            d_scores: r.vec("d_scores"),
            d_q: r.vec("d_q"),
        };
        let h = self.hyper;
        let entry = EntryTrace {
            row: self.request.row,
            column: self.request.head * d_k + self.request.col,
            through_token: r.scalar("through_token"),
            grad: r.scalar("grad"),
            theta: r.scalar("theta"),
            t: (self.time_before + 1) as u32,
            m_before: r.scalar("adam.m_before"),
            v_before: r.scalar("adam.v_before"),
            m: r.scalar("adam.m"),
            v: r.scalar("adam.v"),
            theta_new: r.scalar("theta_new"),
            lr: self.lr,
            beta_1: h.beta_1,
            beta_2: h.beta_2,
            epsilon: h.epsilon,
            weight_decay: h.weight_decay,
        };
        let head_weights = HeadWeights {
            w_q: r.rows("w_q", d_k),
            b_q: r.vec("b_q"),
            w_k: r.rows("w_k", d_k),
            b_k: r.vec("b_k"),
            w_v: r.rows("w_v", d_k),
            b_v: r.vec("b_v"),
            w_o: r.rows("w_o", d_model),
        };
        Ok(TokenTrace {
            request: self.request,
            step: self.step,
            layers,
            heads,
            d_model,
            d_k,
            batch: self.batch,
            counted: self.counted,
            tokens: self
                .ids
                .iter()
                .map(|&i| token(self.vocab[i as usize].clone()))
                .collect(),
            ids: self.ids,
            target: self.target,
            counts: self.counts,
            vocab: self.vocab.into_iter().map(token).collect(),
            mask_fill: FILL,
            dropout_off: self.dropout_off,
            head_weights,
            forward,
            backward,
            entry,
        })
    }
}
