//! The "Follow one sample" sub-steps of an MLP: every formula typesets, the trace's numbers are
//! the ones written out, and the arithmetic done here agrees with the trace.

mod nn_fixture;

use ml_playground::explain::format::{n32, num, p32};
use ml_playground::explain::nn_steps::{Stage, Target, nn_steps};
use ml_playground::settings::OptimizerKind;
use nn_fixture::checks::{find, latex, well_formed};
use nn_fixture::mlp_trace;

#[test]
fn mlp_sub_steps_carry_the_trace_numbers() {
    for kind in OptimizerKind::ALL {
        for (l1, l2) in [(0.0, 0.0), (1e-4, 1e-3)] {
            let t = mlp_trace(kind, l1, l2);
            let steps = nn_steps(&t, None).unwrap();
            well_formed(&t, &steps);
            let stages: Vec<Stage> = steps.iter().map(|s| s.stage).collect();
            use Stage::*;
            let expected = [
                Input,
                Dense(0),
                Activation(0),
                Dense(1),
                Softmax,
                Loss,
                OutputDelta,
                Gradient(1),
                BackProp(1),
                Gradient(0),
                Update,
            ];
            assert_eq!(stages, expected);
            assert!(steps[0].title.starts_with("1 · ") && steps[10].title.starts_with("11 · "));
            let (l0, out) = (&t.layers[0], &t.layers[1]);
            let (j, i) = (l0.neuron, l0.input);
            // Input: the focused pixel and its scaled value.
            assert!(latex(&steps[0]).contains(&format!("{}/255", t.pixels[i])));
            assert!(latex(&steps[0]).ends_with(&n32(t.x[i])));
            // Dense: the largest term written first, the z and the bias as Burn's.
            let dense = latex(find(&steps, Dense(0)));
            let first = format!(
                r"\underset{{W_{{{j},{i}}} x_{{{i}}}}}{{{} \cdot {}}}",
                p32(l0.w_row[i]),
                p32(l0.a_in[i])
            );
            assert!(
                dense.contains(&first),
                "the largest term, labelled: {dense}"
            );
            assert!(dense.ends_with(&n32(l0.z[j])), "{dense}");
            assert!(
                dense.contains(&n32(l0.bias.theta).replace('-', "")),
                "{dense}"
            );
            // The sum computed here plus the bias is Burn's z (4 significant digits).
            let sum: f64 = l0
                .w_row
                .iter()
                .zip(&l0.a_in)
                .map(|(w, a)| f64::from(*w) * f64::from(*a))
                .sum();
            assert_eq!(n32((sum + f64::from(l0.bias.theta)) as f32), n32(l0.z[j]));
            let act = latex(find(&steps, Activation(0)));
            let active = l0.z.iter().filter(|&&z| z > 0.0).count();
            assert!(active < 3, "neuron 2 is inactive");
            assert!(
                act.contains(&format!(r"= {active} \text{{ of }} 3")),
                "{act}"
            );
            for k in 0..10 {
                assert!(latex(find(&steps, Softmax)).contains(&n32(t.probs[k])));
                assert!(latex(find(&steps, OutputDelta)).contains(&n32(out.d_z[k])));
            }
            let loss = latex(find(&steps, Loss));
            assert!(
                loss.contains(&n32(t.cross_entropy)) && loss.ends_with(&n32(t.loss)),
                "{loss}"
            );
            assert_eq!(
                loss.contains(&format!("+ {} =", n32(t.penalty))),
                l1 > 0.0,
                "{loss}"
            );
            let grad = latex(find(&steps, Gradient(0)));
            assert!(
                grad.contains(&n32(l0.d_w_row[i])) && grad.ends_with(&n32(l0.bias.grad)),
                "{grad}"
            );
            assert_eq!(grad.contains(r"\operatorname{sign}"), l1 > 0.0);
            let back = latex(find(&steps, BackProp(1)));
            assert!(back.contains(&n32(out.d_a_in[out.input])), "{back}");
            assert!(back.ends_with(&n32(l0.d_z[j])), "{back}");
            let update = latex(find(&steps, Update));
            assert!(
                update.contains(&n32(l0.weight.theta_new))
                    && update.contains(&n32(l0.bias.theta_new)),
                "{update}"
            );
            assert!(
                update.contains(&n32(out.weight.theta_new)),
                "the other layer's weight: {update}"
            );
            assert_eq!(update.contains(r"\hat{m}"), kind == OptimizerKind::Adam);
            let change = f64::from(l0.weight.theta_new) - f64::from(l0.weight.theta);
            assert!(
                update.contains(&format!(r"(\Delta = {})", num(change))),
                "{update}"
            );
            // Updating the output layer instead.
            let other = nn_steps(&t, Some(1)).unwrap();
            assert!(latex(other.last().unwrap()).contains(&format!(
                "W^{{[2]}}_{{{},{}}} \\leftarrow",
                out.neuron, out.input
            )));
        }
    }
}

#[test]
fn terms_point_at_pixels_and_neurons() {
    let t = mlp_trace(OptimizerKind::Adam, 0.0, 0.0);
    let steps = nn_steps(&t, None).unwrap();
    let dense = find(&steps, Stage::Dense(0));
    let (j, i) = (t.layers[0].neuron, t.layers[0].input);
    assert_eq!(dense.terms[0].targets, vec![Target::Pixel(i)]);
    let product = f64::from(t.layers[0].w_row[i]) * f64::from(t.layers[0].a_in[i]);
    assert_eq!(dense.terms[0].value, product);
    let back = find(&steps, Stage::BackProp(1));
    assert!(back.terms.iter().any(|t| t.targets
        == vec![Target::Neuron {
            layer: 0,
            neuron: j
        }]));
    assert_eq!(find(&steps, Stage::Softmax).terms.len(), 10);
}
