//! The per-parameter optimizer against Burn's own `ModuleOptimizer` (native: reads back
//! synchronously).

use burn::nn::{Linear, LinearConfig};
use burn::optim::momentum::MomentumConfig;
use burn::optim::{AdamConfig, GradientsParams, SgdConfig};

use super::*;
use crate::engine::device::cpu;
use crate::engine::optimizer::{ADAM_BETA_1, ADAM_BETA_2, ADAM_EPSILON};
use crate::settings::OptimizerKind;

fn loss(model: &Linear, device: &Device) -> Tensor<1> {
    let x = Tensor::<2>::from_floats([[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]], device);
    model.forward(x).powi_scalar(2).sum()
}

fn values(model: &Linear) -> Vec<f32> {
    let mut v: Vec<f32> = model.weight.val().into_data().try_to_vec().unwrap();
    v.extend(
        model
            .bias
            .as_ref()
            .unwrap()
            .val()
            .into_data()
            .try_to_vec::<f32>()
            .unwrap(),
    );
    v
}

/// Three steps of ours and of Burn's `ModuleOptimizer` land on the same weights.
#[test]
fn steps_like_burns_module_optimizer() {
    let device = cpu().autodiff();
    for kind in [
        OptimizerKind::Sgd,
        OptimizerKind::Momentum,
        OptimizerKind::Adam,
    ] {
        let settings = Settings {
            optimizer: kind,
            momentum: 0.9,
            ..Settings::mnist_default()
        };
        let mut burns = match kind {
            OptimizerKind::Sgd => SgdConfig::new().init(),
            OptimizerKind::Momentum => SgdConfig::new()
                .with_momentum(Some(
                    MomentumConfig::new()
                        .with_momentum(0.9)
                        .with_dampening(0.0)
                        .with_nesterov(false),
                ))
                .init(),
            OptimizerKind::Adam => AdamConfig::new()
                .with_beta_1(ADAM_BETA_1)
                .with_beta_2(ADAM_BETA_2)
                .with_epsilon(ADAM_EPSILON)
                .init(),
        };
        let mut ours = ParamOptimizer::new(&settings);
        let mut a: Linear = LinearConfig::new(3, 2).init(&device);
        let mut b = a.clone();
        for _ in 0..3 {
            let grads_a = GradientsParams::from_grads(loss(&a, &device).backward(), &a);
            a = ours.step(0.05, a, grads_a);
            let grads_b = GradientsParams::from_grads(loss(&b, &device).backward(), &b);
            b = burns.step(0.05, b, grads_b);
        }
        for (x, y) in values(&a).iter().zip(values(&b)) {
            assert!(
                (x - y).abs() <= 1e-6 * y.abs().max(1.0),
                "{kind:?}: {x} vs {y}"
            );
        }
        let id = a.weight.id;
        let (t, m, _) = ours
            .state::<2>(id)
            .map(|s| s.tensors())
            .unwrap_or((0, None, None));
        assert_eq!(t, if kind == OptimizerKind::Adam { 3 } else { 0 });
        assert_eq!(m.is_some(), kind != OptimizerKind::Sgd);
    }
}
