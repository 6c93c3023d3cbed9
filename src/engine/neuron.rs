//! One sigmoid neuron (logistic regression) in Burn: z = w·x + b, ŷ = σ(z), and the binary
//! cross-entropy L = −[y log ŷ + (1−y) log(1−ŷ)], with gradients from Burn's autodiff.

use burn::tensor::Tensor;
use burn::tensor::activation::{log_sigmoid, sigmoid};

/// z = w·x + b = Σᵢ wᵢxᵢ + b.
///
/// # Shapes
/// x, w: `[n]`, b: `[1]` → `[1]`.
pub fn pre_activation(x: Tensor<1>, w: Tensor<1>, b: Tensor<1>) -> Tensor<1> {
    x.mul(w).sum().add(b)
}

/// L = −[y log σ(z) + (1−y) log(1−σ(z))], written with log σ(z) and log σ(−z) = log(1 − σ(z)),
/// which never take the log of a rounded 0 or 1.
///
/// # Shapes
/// z: `[1]` → `[1]`.
pub fn binary_cross_entropy(z: Tensor<1>, y: f32) -> Tensor<1> {
    let positive = log_sigmoid(z.clone()).mul_scalar(y);
    let negative = log_sigmoid(z.neg()).mul_scalar(1.0 - y);
    positive.add(negative).neg()
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
