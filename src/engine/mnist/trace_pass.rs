//! One sample's forward and backward pass with every intermediate kept (a batch of one), so
//! the step-by-step panel can show Burn's own z, a, δ and gradients.

use burn::module::{Param, ParamId};
use burn::nn::Linear;
use burn::nn::loss::CrossEntropyLoss;
use burn::prelude::*;
use burn::tensor::activation::softmax;

use super::classifier::Classifier;
use super::cnn::Cnn;
use crate::protocol::mnist::SIDE;

/// A parameter tensor: its id (for the optimizer's state), its value and ∂L/∂θ (inner device).
pub struct ParamPass<const D: usize> {
    pub id: ParamId,
    pub value: Tensor<D>,
    pub grad: Tensor<D>,
}

impl<const D: usize> ParamPass<D> {
    fn new(param: &Param<Tensor<D>>, grads: &burn::tensor::Gradients) -> Self {
        let value = param.val().inner();
        let grad = param
            .val()
            .grad(grads)
            .unwrap_or_else(|| value.zeros_like());
        Self {
            id: param.id,
            value,
            grad,
        }
    }
}

/// One dense layer: z = a_in·W + b in Burn's layout (W is `[inputs, outputs]`).
pub struct DensePass {
    pub weight: ParamPass<2>,
    pub bias: ParamPass<1>,
    /// `[1, inputs]`, `[1, outputs]`, `[1, outputs]` (a = z for the output layer).
    pub a_in: Tensor<2>,
    pub z: Tensor<2>,
    pub a: Tensor<2>,
    pub activated: bool,
    /// ∂L/∂a_in = δ·Wᵀ, `[1, inputs]` (δ is the bias gradient).
    pub d_a_in: Tensor<2>,
}

/// The CNN's first convolution: z, a = ReLU(z) and the pooled maps of all channels.
pub struct ConvPass {
    pub kernel: ParamPass<4>,
    pub bias: ParamPass<1>,
    /// `[1, 16, 28, 28]`, `[1, 16, 28, 28]`, `[1, 16, 14, 14]`.
    pub z: Tensor<4>,
    pub a: Tensor<4>,
    pub pooled: Tensor<4>,
    /// The shapes between this and the dense head.
    pub middle: Vec<(String, Vec<usize>)>,
}

pub struct TracePass {
    /// `[1, 784]` as fed to the network, and ∂L/∂x.
    pub x: Tensor<2>,
    pub d_x: Tensor<2>,
    pub conv: Option<ConvPass>,
    pub layers: Vec<DensePass>,
    /// `[1, 10]`; the cross-entropy, the penalty (0 when off) and the total loss, `[1]` each.
    pub probs: Tensor<2>,
    pub cross_entropy: Tensor<1>,
    pub penalty: Tensor<1>,
    pub loss: Tensor<1>,
}

/// Forward and backward of one sample `x` (`[1, 784]`, inner device) with label `y` through
/// `model` (on the autodiff `device`).
pub fn run(
    model: &Classifier,
    x: Tensor<2>,
    y: u8,
    l1: f64,
    l2: f64,
    device: &Device,
) -> TracePass {
    let x = x.autodiff().require_grad();
    let (head_in, conv_parts) = match model {
        Classifier::Mlp(_) => (x.clone(), None),
        Classifier::Cnn(cnn) => {
            let (flat, parts) = cnn_front(cnn, x.clone());
            (flat, Some(parts))
        }
    };
    let dense: Vec<&Linear> = match model {
        Classifier::Mlp(m) => m.layers.iter().collect(),
        Classifier::Cnn(c) => vec![&c.dense],
    };
    let last = dense.len().saturating_sub(1);
    let mut forward = Vec::with_capacity(dense.len());
    let mut a = head_in;
    for (k, layer) in dense.iter().enumerate() {
        let z = layer.forward(a.clone());
        let activated = k < last;
        let next = match model {
            Classifier::Mlp(m) if activated => m.activation.forward(z.clone()),
            _ => z.clone(),
        };
        forward.push((a, z, next.clone(), activated));
        a = next;
    }
    let logits = a;
    let target = Tensor::<1, Int>::from_ints([i64::from(y)], device);
    let cross_entropy = CrossEntropyLoss::new(None, device).forward(logits.clone(), target);
    let penalty = model.penalty(l1, l2);
    let loss = match &penalty {
        Some(p) => cross_entropy.clone() + p.clone(),
        None => cross_entropy.clone(),
    };
    let grads = loss.backward();

    let layers = dense
        .iter()
        .zip(forward)
        .map(|(layer, (a_in, z, a, activated))| {
            let weight = ParamPass::new(&layer.weight, &grads);
            let bias = match &layer.bias {
                Some(b) => ParamPass::new(b, &grads),
                None => zero_bias(&weight.value.device(), layer.weight.dims()[1]),
            };
            let d_a_in = bias
                .grad
                .clone()
                .unsqueeze::<2>()
                .matmul(weight.value.clone().transpose());
            DensePass {
                weight,
                bias,
                a_in: a_in.inner(),
                z: z.inner(),
                a: a.inner(),
                activated,
                d_a_in,
            }
        })
        .collect();
    let conv = conv_parts.map(|(cnn, z, a, pooled, middle)| ConvPass {
        kernel: ParamPass::new(&cnn.conv1.weight, &grads),
        bias: match &cnn.conv1.bias {
            Some(b) => ParamPass::new(b, &grads),
            None => zero_bias(device, cnn.conv1.weight.dims()[0]),
        },
        z: z.inner(),
        a: a.inner(),
        pooled: pooled.inner(),
        middle,
    });
    let d_x = x
        .grad(&grads)
        .unwrap_or_else(|| x.clone().inner().zeros_like());
    TracePass {
        x: x.inner(),
        d_x,
        conv,
        layers,
        probs: softmax(logits.inner(), 1),
        cross_entropy: cross_entropy.inner(),
        penalty: penalty.map_or_else(|| loss.clone().inner().zeros_like(), |p| p.inner()),
        loss: loss.inner(),
    }
}

type CnnParts<'a> = (
    &'a Cnn,
    Tensor<4>,
    Tensor<4>,
    Tensor<4>,
    Vec<(String, Vec<usize>)>,
);

/// conv1 → ReLU → pool → conv2 → ReLU → pool → flatten, keeping the first convolution's maps.
fn cnn_front(cnn: &Cnn, x: Tensor<2>) -> (Tensor<2>, CnnParts<'_>) {
    let x = x.reshape([1, 1, SIDE, SIDE]);
    let z = cnn.conv1.forward(x);
    let a = cnn.relu.forward(z.clone());
    let pooled = cnn.pool.forward(a.clone());
    let second = cnn
        .pool
        .forward(cnn.relu.forward(cnn.conv2.forward(pooled.clone())));
    let [_, c, h, w] = second.dims();
    let pooled_dims = pooled.dims().to_vec();
    let middle = vec![
        (
            "conv1 + ReLU + max-pool 2×2".to_string(),
            pooled_dims[1..].to_vec(),
        ),
        ("conv2 5×5 + ReLU + max-pool 2×2".to_string(), vec![c, h, w]),
        ("flatten".to_string(), vec![c * h * w]),
    ];
    let flat = second.reshape([1, c * h * w]);
    (flat, (cnn, z, a, pooled, middle))
}

/// Every layer here is built with a bias; a zero stand-in keeps a foreign model from panicking.
fn zero_bias(device: &Device, outputs: usize) -> ParamPass<1> {
    let zeros = Tensor::<1>::zeros([outputs], &device.clone().inner());
    ParamPass {
        id: ParamId::new(),
        value: zeros.clone(),
        grad: zeros,
    }
}
