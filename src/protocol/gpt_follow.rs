//! "Follow one token": one position of one sequence of the next training batch, through one
//! head of one block — forward, backward, and AdamW's update of one entry of W_Q — with every
//! number read back from Burn's forward pass, autodiff and optimizer state.

use serde::{Deserialize, Serialize};

/// What to follow; the worker clamps each index into range and says so in the trace.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowRequest {
    /// Sequence b of the batch.
    pub sequence: usize,
    /// Position t in it (the query).
    pub position: usize,
    /// Block l (0-based).
    pub layer: usize,
    /// Head h (0-based).
    pub head: usize,
    /// The followed entry W_Q[i, h·d_k + c]: its row i (an input dimension)…
    pub row: usize,
    /// …and c, its column within the head.
    pub col: usize,
}

/// LayerNorm of one vector: y = (x − μ)/√(σ² + ε)·γ + β.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LayerNormTrace {
    pub x: Vec<f32>,
    pub mu: f32,
    pub var: f32,
    pub x_hat: Vec<f32>,
    pub gamma: Vec<f32>,
    pub beta: Vec<f32>,
    pub y: Vec<f32>,
}

/// The followed head's parameters, enough to recompute its attention outside: the columns
/// h·d_k … h·d_k + d_k − 1 of W_Q, W_K, W_V (`[d_model][d_k]`) and of their biases, and the
/// same rows of W_O (`[d_k][d_model]`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeadWeights {
    pub w_q: Vec<Vec<f32>>,
    pub b_q: Vec<f32>,
    pub w_k: Vec<Vec<f32>>,
    pub b_k: Vec<f32>,
    pub w_v: Vec<Vec<f32>>,
    pub b_v: Vec<f32>,
    pub w_o: Vec<Vec<f32>>,
}

/// The forward pass at position t (vectors of d_model unless noted).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ForwardTrace {
    /// E_tok[id_t], E_pos[t] and their sum x⁰_t.
    pub e_tok: Vec<f32>,
    pub e_pos: Vec<f32>,
    pub x0: Vec<f32>,
    /// LayerNorm₁ of block l at t; its `x` is the block's input x^l_t.
    pub ln_1: LayerNormTrace,
    /// LN₁'s output at every position j ≤ t (`[t + 1][d_model]`): the keys' and values' input.
    pub ln_1_rows: Vec<Vec<f32>>,
    /// The followed head: q_t, k_j and v_j (j ≤ t), `[d_k]` each.
    pub q: Vec<f32>,
    pub k: Vec<Vec<f32>>,
    pub v: Vec<Vec<f32>>,
    /// Row t of S = QKᵀ/√d_k with the future masked (`[T]`, entries j > t are the fill).
    pub scores: Vec<f32>,
    /// Row t of A = softmax(S) (`[T]`).
    pub weights: Vec<f32>,
    /// c_t = Σ_j a_tj v_j, this head's part (`[d_k]`), and every head's, concatenated.
    pub context_head: Vec<f32>,
    pub context: Vec<f32>,
    /// o_t = C_t W_O + b_O and the residual h_t = x^l_t + o_t.
    pub attention_out: Vec<f32>,
    pub h: Vec<f32>,
    /// LN₂(h_t), the FFN's u = LN₂ W₁ + b₁ and φ(u) (`[4·d_model]`), f = φ W₂ + b₂, and the
    /// block's output h_t + f.
    pub ln_2: Vec<f32>,
    pub ffn_u: Vec<f32>,
    pub ffn_phi: Vec<f32>,
    pub ffn_out: Vec<f32>,
    pub out: Vec<f32>,
    /// The last block's output at t, its final LayerNorm, the logits z_t and p = softmax(z_t)
    /// (`[V]`).
    pub x_last: Vec<f32>,
    pub ln_f: Vec<f32>,
    pub logits: Vec<f32>,
    pub probs: Vec<f32>,
    /// −log p[y_t], this position's loss, and L, the batch's mean over the counted targets.
    pub token_loss: f32,
    pub loss: f32,
}

/// ∂L/∂(…) of the batch loss L, from Burn's autodiff (zero-valued probes added to the
/// intermediates, so their gradients are the intermediates').
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BackwardTrace {
    /// ∂L/∂z_t (`[V]`): w_t (p − onehot(y_t))/N.
    pub d_logits: Vec<f32>,
    /// ∂L/∂o_t, the attention output of block l at t (`[d_model]`).
    pub d_attention_out: Vec<f32>,
    /// ∂L/∂c_t of the followed head (`[d_k]`).
    pub d_context_head: Vec<f32>,
    /// ∂L/∂a_tj and ∂L/∂s_tj (`[T]`; 0 for j > t).
    pub d_weights: Vec<f32>,
    pub d_scores: Vec<f32>,
    /// ∂L/∂q_t (`[d_k]`).
    pub d_q: Vec<f32>,
}

/// The followed entry θ = W_Q[i, h·d_k + c] and its AdamW step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntryTrace {
    pub row: usize,
    /// The column in W_Q (h·d_k + c).
    pub column: usize,
    /// The part of ∂L/∂θ that flows through q_t: LN₁(x)_ti · ∂L/∂q_tc.
    pub through_token: f32,
    /// ∂L/∂θ from autodiff: Σ over every position of every sequence of the batch.
    pub grad: f32,
    pub theta: f32,
    /// AdamW's step count after this step, and its moments before and after.
    pub t: u32,
    pub m_before: f32,
    pub v_before: f32,
    pub m: f32,
    pub v: f32,
    pub theta_new: f32,
    pub lr: f64,
    pub beta_1: f32,
    pub beta_2: f32,
    pub epsilon: f32,
    pub weight_decay: f32,
}

/// One token followed through one step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TokenTrace {
    /// What was followed (indices clamped into range).
    pub request: FollowRequest,
    /// The optimizer step this is (the run had taken `step − 1`).
    pub step: u64,
    pub layers: usize,
    pub heads: usize,
    pub d_model: usize,
    pub d_k: usize,
    /// The batch: sequences, and targets counted in its loss (N).
    pub batch: usize,
    pub counted: usize,
    /// The sequence's input tokens as shown (`⏎`, `␣`), its ids, and position t's target.
    pub tokens: Vec<String>,
    pub ids: Vec<u32>,
    pub target: u32,
    /// Whether position t's target counts in the loss (w_t).
    pub counts: bool,
    /// The vocabulary as shown, by id.
    pub vocab: Vec<String>,
    /// What a masked score is set to.
    pub mask_fill: f32,
    /// The dropout probability switched off for this trace (0: none was on).
    pub dropout_off: f64,
    pub head_weights: HeadWeights,
    pub forward: ForwardTrace,
    pub backward: BackwardTrace,
    pub entry: EntryTrace,
}
