//! The "Follow one sample" sub-steps of the CNN's first convolution, and traces that cannot
//! be explained (refused with a message, never a panic).

mod nn_fixture;

use ml_playground::explain::format::n32;
use ml_playground::explain::nn_steps::{Stage, Target, nn_steps};
use ml_playground::settings::OptimizerKind;
use nn_fixture::checks::{find, latex, well_formed};
use nn_fixture::cnn::cnn_trace;
use nn_fixture::mlp_trace;

#[test]
fn cnn_sub_steps_follow_the_first_convolution() {
    for kind in OptimizerKind::ALL {
        let t = cnn_trace(kind);
        let steps = nn_steps(&t, None).unwrap();
        well_formed(&t, &steps);
        let c = t.conv.as_ref().unwrap();
        let pos = c.position.0 * 28 + c.position.1;
        let conv = latex(find(&steps, Stage::Conv));
        assert!(
            conv.contains(r"\begin{bmatrix}") && conv.ends_with(&n32(c.z[pos])),
            "{conv}"
        );
        let sum: f64 =
            c.k.iter()
                .zip(&c.window)
                .map(|(k, x)| f64::from(*k) * f64::from(*x))
                .sum();
        assert_eq!(n32((sum + f64::from(c.bias.theta)) as f32), n32(c.z[pos]));
        let pool = latex(find(&steps, Stage::Pool));
        assert!(
            pool.ends_with(&n32(c.pooled[c.position.0 / 2 * 14 + c.position.1 / 2])),
            "{pool}"
        );
        assert!(latex(find(&steps, Stage::Middle)).contains(r"32 \times 7 \times 7"));
        let chain = latex(find(&steps, Stage::ConvGradient));
        assert!(
            chain.contains(r"[32 \times 7 \times 7] \to [2 \times 28 \times 28]"),
            "{chain}"
        );
        let back = latex(find(&steps, Stage::ConvGradient));
        let tap = c.tap.0 * 5 + c.tap.1;
        assert!(
            back.contains(&n32(c.d_k[tap])) && back.ends_with(&n32(c.bias.grad)),
            "{back}"
        );
        let update = latex(steps.last().unwrap());
        assert!(
            update.contains(&format!("K_{{0;{},{}}}", c.tap.0, c.tap.1)),
            "{update}"
        );
        assert!(update.contains(&n32(c.weight.theta_new)), "{update}");
        let conv_terms = &find(&steps, Stage::Conv).terms;
        assert!(
            conv_terms[0]
                .targets
                .contains(&Target::Tap(c.tap.0, c.tap.1))
        );
    }
}

#[test]
fn inconsistent_traces_are_refused_not_panicked_on() {
    let mut t = mlp_trace(OptimizerKind::Sgd, 0.0, 0.0);
    t.layers[0].z.pop();
    assert!(nn_steps(&t, None).unwrap_err().contains("layer 1"));
    let mut t = mlp_trace(OptimizerKind::Sgd, 0.0, 0.0);
    t.layers.clear();
    assert!(nn_steps(&t, None).is_err());
    let mut t = mlp_trace(OptimizerKind::Sgd, 0.0, 0.0);
    t.label = 12;
    assert!(nn_steps(&t, None).is_err());
    let mut t = cnn_trace(OptimizerKind::Sgd);
    t.conv.as_mut().unwrap().position = (40, 0);
    assert!(nn_steps(&t, None).is_err());
    // A focus on a layer that does not exist falls back to the first followed weight.
    let t = mlp_trace(OptimizerKind::Sgd, 0.0, 0.0);
    assert!(nn_steps(&t, Some(9)).is_ok());
}
