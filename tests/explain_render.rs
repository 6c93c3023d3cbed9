//! Every formula the panel can show typesets, and the displayed numbers are the trace's.

use futures::executor::block_on;
use ml_playground::engine::{device, trainer::LinRegTrainer};
use ml_playground::explain::{export, format, mathml::to_mathml, sub_steps};
use ml_playground::settings::{OptimizerKind, Settings};

#[test]
fn all_sub_steps_typeset_for_every_optimizer_and_regularizer() {
    for optimizer in OptimizerKind::ALL {
        for (l1, l2, batch) in [(0.0, 0.0, 10), (0.1, 0.2, 3)] {
            let mut s = Settings {
                optimizer,
                batch_size: batch,
                ..Settings::default()
            };
            (s.live.l1, s.live.l2) = (l1, l2);
            let mut trainer = LinRegTrainer::new(&s, device::cpu(), None);
            trainer.step();
            trainer.step();
            let t = block_on(trainer.readout()).unwrap().last_step.unwrap();
            let steps = sub_steps(&t);
            for step in &steps {
                for line in step.symbolic.iter().chain(&step.substituted) {
                    let m = to_mathml(&line.latex).unwrap_or_else(|e| panic!("{optimizer:?}: {e}"));
                    assert!(m.starts_with("<math"), "{m}");
                }
            }
            // The last line of each sub-step ends with Burn's value.
            let last = |i: usize| steps[i].substituted.last().unwrap().latex.clone();
            assert!(last(1).ends_with(&format::n32(t.loss)), "{}", last(1));
            assert!(last(2).ends_with(&format::n32(t.b.grad)), "{}", last(2));
            assert!(
                last(3).ends_with(&format::n32(t.b.theta_new)),
                "{}",
                last(3)
            );

            let json = export::step_json(&t);
            assert_eq!(
                json["gradients"]["d_loss_d_w"].as_f64().unwrap() as f32,
                t.w.grad
            );
            assert_eq!(
                json["new_parameters"]["b"].as_f64().unwrap() as f32,
                t.b.theta_new
            );
            assert_eq!(json["batch"]["x"].as_array().unwrap().len(), t.x.len());
        }
    }
}

/// Tiny and negative gradients in every optimizer's update lines (g² of `3.2 × 10⁻⁵` once did
/// not typeset and showed raw LaTeX).
#[test]
fn update_lines_typeset_for_tiny_and_negative_gradients() {
    use ml_playground::engine::optimizer::TensorOptimizer;
    use ml_playground::explain::optimizer_rules::update_lines;
    use ml_playground::protocol::{ParamState, ParamUpdate};
    for grad in [3.2e-5_f32, -3.2e-5, 0.5, -0.5, 0.0] {
        for (kind, before, after) in [
            (OptimizerKind::Sgd, ParamState::None, ParamState::None),
            (
                OptimizerKind::Momentum,
                ParamState::Momentum { v: 1e-6 },
                ParamState::Momentum { v: -2e-5 },
            ),
            (
                OptimizerKind::Adam,
                ParamState::Adam {
                    t: 1,
                    m: 0.0,
                    v: 0.0,
                },
                ParamState::Adam {
                    t: 2,
                    m: 1e-6,
                    v: 1e-9,
                },
            ),
        ] {
            let h = TensorOptimizer::new(kind, 0.9).hyper(0.001);
            let u = ParamUpdate {
                theta: 0.25,
                grad,
                state_before: before,
                state_after: after,
                theta_new: 0.249,
            };
            for (updates, change) in [(vec![u], true), (vec![u, u], false)] {
                for line in update_lines("w", "w", &h, &updates, change) {
                    to_mathml(&line.latex)
                        .unwrap_or_else(|e| panic!("{kind:?}, g = {grad}: {e}\n{}", line.latex));
                }
            }
        }
    }
}
