//! One sigmoid neuron (logistic regression) in Burn: z = w·x + b, ŷ = σ(z), and the binary
//! cross-entropy L = −[y log ŷ + (1−y) log(1−ŷ)], with gradients from Burn's autodiff.

use burn::tensor::Tensor;

/// z = w·x + b = Σᵢ wᵢxᵢ + b.
///
/// # Shapes
/// x, w: `[n]`, b: `[1]` → `[1]`.
pub fn pre_activation(x: Tensor<1>, w: Tensor<1>, b: Tensor<1>) -> Tensor<1> {
    x.mul(w).sum().add(b)
}

/// L = −[y log σ(z) + (1−y) log(1−σ(z))] = softplus(z) − y·z, written so that it keeps its
/// precision when σ saturates (ŷ near 0 or 1) on every backend:
/// L = (1−y)·z + log1p(e^(−z)) for z ≥ 0 and −y·z + log1p(e^z) below.
/// Burn's `log_sigmoid` loses it on WebGPU: its backward takes 1 − 1/(1 + e^(−z)), which rounds
/// to 0 in f32 once e^(−z) < 6·10⁻⁸, so ∂L/∂b was 0 where ŷ − y is 3·10⁻⁸. Here ∂L/∂z is
/// (1−y) − e^(−z)/(1 + e^(−z)) or −y + e^z/(1 + e^z): where it is small, its linear part is
/// exactly 0 and nothing cancels. Each branch's exponent is clamped to ≤ 0, so the branch not
/// taken stays finite and passes back an exact 0.
///
/// # Shapes
/// z: `[1]` → `[1]`.
pub fn binary_cross_entropy(z: Tensor<1>, y: f32) -> Tensor<1> {
    let at_or_above = z.clone().greater_equal_elem(0.0);
    let positive = z
        .clone()
        .mul_scalar(1.0 - y)
        .add(log1p(z.clone().clamp_min(0.0).neg().exp()));
    let negative = z.clone().mul_scalar(-y).add(log1p(z.clamp_max(0.0).exp()));
    negative.mask_where(at_or_above, positive)
}

/// log(1 + u) for u ∈ [0, 1], to f32 precision even for tiny u: below 0.1 its series to u⁷
/// (error < u⁸/8 ≤ 1.3·10⁻⁹ relative), above it log(1 + u) (WGSL's `log` is good to 2⁻²¹
/// absolute there, < 10⁻⁵ relative as log(1 + u) > 0.095). WebGPU's `log1p` is log(1 + u),
/// which is 0 for u < 6·10⁻⁸.
fn log1p(u: Tensor<1>) -> Tensor<1> {
    let mut series = u.zeros_like().add_scalar(1.0 / 7.0);
    for k in (1..=6).rev() {
        // c_k − u·(…): Horner's rule for u(1 − u/2 + u²/3 − …).
        series = u.clone().mul(series).neg().add_scalar(1.0 / k as f32);
    }
    let series = u.clone().mul(series);
    let small = u.clone().lower_elem(0.1);
    u.add_scalar(1.0).log().mask_where(small, series)
}

/// σ(z) = 1/(1 + e^(−z)) for z ≥ 0 and e^z/(1 + e^z) below, so that ŷ keeps its relative
/// precision as it nears 0 (Burn's `sigmoid` is exp(−log(1 + e^(−z))), whose log of a large
/// number carries an absolute error into ŷ's exponent).
///
/// # Shapes
/// z: `[n]` → `[n]`.
pub fn sigmoid(z: Tensor<1>) -> Tensor<1> {
    let e = z.clone().abs().neg().exp();
    let denominator = e.clone().add_scalar(1.0);
    let positive = denominator.clone().recip();
    let negative = e.div(denominator);
    negative.mask_where(z.greater_equal_elem(0.0), positive)
}

/// Every tensor of one forward + backward pass (no autodiff graph attached).
#[derive(Clone)]
pub struct NeuronPass {
    pub z: Tensor<1>,
    pub y_hat: Tensor<1>,
    pub loss: Tensor<1>,
    /// ∂L/∂w (`[n]`) and ∂L/∂b (`[1]`) from `loss.backward()`.
    pub grad_w: Tensor<1>,
    pub grad_b: Tensor<1>,
}

/// Forward → loss → backward at (w, b) for the sample (x, y).
///
/// # Shapes
/// x, w: `[n]`, b: `[1]`.
pub fn forward_backward(x: &Tensor<1>, w: &Tensor<1>, b: &Tensor<1>, y: f32) -> NeuronPass {
    let w_leaf = w.clone().autodiff().require_grad();
    let b_leaf = b.clone().autodiff().require_grad();
    let z = pre_activation(x.clone(), w_leaf.clone(), b_leaf.clone());
    let y_hat = sigmoid(z.clone());
    let loss = binary_cross_entropy(z.clone(), y);
    let grads = loss.backward();
    NeuronPass {
        grad_w: w_leaf.grad(&grads).unwrap_or_else(|| w.zeros_like()),
        grad_b: b_leaf.grad(&grads).unwrap_or_else(|| b.zeros_like()),
        z: z.without_autodiff(),
        y_hat: y_hat.without_autodiff(),
        loss: loss.without_autodiff(),
    }
}

/// ŷ and L at (w, b), without gradients.
pub fn evaluate(x: &Tensor<1>, w: &Tensor<1>, b: &Tensor<1>, y: f32) -> (Tensor<1>, Tensor<1>) {
    let z = pre_activation(x.clone(), w.clone(), b.clone());
    (sigmoid(z.clone()), binary_cross_entropy(z, y))
}
