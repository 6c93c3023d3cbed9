//! The formula page's fixed worked examples: small enough to check by hand. (The single
//! neuron's x, w, b, y come from the settings.)

/// MSE: targets and predictions.
pub const MSE_Y: [f32; 3] = [1.0, 2.0, 3.0];
pub const MSE_Y_HAT: [f32; 3] = [1.5, 1.8, 2.0];

/// Activations: one vector z through σ, ReLU and tanh.
pub const ACTIVATION_Z: [f32; 5] = [-2.0, -0.5, 0.0, 0.5, 2.0];

/// Softmax and categorical cross-entropy: three logits, true class 0.
pub const LOGITS: [f32; 3] = [2.0, 1.0, 0.1];
pub const LABEL: usize = 0;

/// Z = XW + b: two samples (rows) of three features, two units.
pub const DENSE_X: [[f32; 3]; 2] = [[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]];
pub const DENSE_W: [[f32; 2]; 3] = [[0.2, -0.3], [0.4, 0.1], [-0.5, 0.2]];
pub const DENSE_B: [f32; 2] = [0.1, -0.1];

/// Backpropagation: x ∈ ℝ³ → 2 sigmoid units → 1 sigmoid output, W of shape [out, in].
pub const BACKPROP_X: [f32; 3] = [1.0, 0.5, -1.0];
pub const BACKPROP_Y: f32 = 1.0;
pub const BACKPROP_W1: [[f32; 3]; 2] = [[0.2, -0.4, 0.1], [0.5, 0.3, -0.2]];
pub const BACKPROP_B1: [f32; 2] = [0.1, -0.1];
pub const BACKPROP_W2: [[f32; 2]; 1] = [[0.7, -0.3]];
pub const BACKPROP_B2: [f32; 1] = [0.05];

/// Optimizers: J(θ) = θ₁² + 3θ₂² from θ = (1, 0.5), α = 0.1, μ = 0.9, three steps each.
pub const DESCENT_COEFFICIENTS: [f32; 2] = [1.0, 3.0];
pub const DESCENT_THETA: [f32; 2] = [1.0, 0.5];
pub const DESCENT_LR: f64 = 0.1;
pub const DESCENT_MOMENTUM: f64 = 0.9;
pub const DESCENT_STEPS: usize = 3;

/// L1 and L2: a weight vector and the strengths λ₁, λ₂.
pub const REG_W: [f32; 3] = [0.5, -1.0, 2.0];
pub const REG_L1: f32 = 0.1;
pub const REG_L2: f32 = 0.05;

/// Metrics: predicted probabilities of class 1 and the true labels; threshold 0.5.
pub const METRIC_PROBS: [f32; 8] = [0.9, 0.8, 0.35, 0.6, 0.2, 0.7, 0.1, 0.45];
pub const METRIC_LABELS: [u8; 8] = [1, 1, 1, 0, 0, 1, 0, 1];
pub const THRESHOLD: f32 = 0.5;

/// Attention: two tokens, d_k = 2 (rows are tokens).
pub const ATTENTION_Q: [[f32; 2]; 2] = [[1.0, 0.5], [0.0, 1.0]];
pub const ATTENTION_K: [[f32; 2]; 2] = [[1.0, 0.0], [1.0, 1.0]];
pub const ATTENTION_V: [[f32; 2]; 2] = [[1.0, 2.0], [3.0, 4.0]];

/// FFN: d_model = 2, d_ff = 3, one row x.
pub const FFN_X: [f32; 2] = [1.0, -1.0];
pub const FFN_W1: [[f32; 3]; 2] = [[0.5, -0.2, 0.3], [0.1, 0.4, -0.6]];
pub const FFN_B1: [f32; 3] = [0.0, 0.1, -0.2];
pub const FFN_W2: [[f32; 2]; 3] = [[1.0, -0.5], [0.3, 0.8], [-0.4, 0.6]];
pub const FFN_B2: [f32; 2] = [0.1, -0.1];
