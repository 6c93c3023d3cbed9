//! "Export this step as JSON" for a followed sample: it round-trips and holds the trace's
//! numbers in named fields.

mod nn_fixture;

use ml_playground::explain::nn_export::{ExportParam, NnExport, lookup, nn_export, nn_export_text};
use ml_playground::protocol::{ParamState, SampleTrace};
use ml_playground::settings::OptimizerKind;
use nn_fixture::cnn::cnn_trace;
use nn_fixture::mlp_trace;

/// serde_json's default float parser may miss an f64 by one ulp: such fields are compared
/// to 1e-15 relative, then everything else exactly.
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-15 * a.abs().max(b.abs())
}

fn round_trip(t: &SampleTrace) -> NnExport {
    let text = nn_export_text(t);
    let mut back: NnExport = serde_json::from_str(&text).unwrap();
    let original = nn_export(t);
    assert!(close(back.output.l1, t.l1) && close(back.output.l2, t.l2));
    assert!(
        close(back.optimizer.lr, t.optimizer.lr)
            && close(back.optimizer.epsilon, t.optimizer.epsilon)
    );
    (back.output.l1, back.output.l2, back.optimizer) = (t.l1, t.l2, t.optimizer);
    for (b, o) in back.layers.iter_mut().zip(&original.layers) {
        fix(&mut b.weight, &o.weight);
        fix(&mut b.bias, &o.bias);
    }
    if let (Some(b), Some(o)) = (back.conv.as_mut(), original.conv.as_ref()) {
        fix(&mut b.weight, &o.weight);
        fix(&mut b.bias, &o.bias);
    }
    assert_eq!(back, original, "the JSON text gives back the same export");
    back
}

fn fix(back: &mut ExportParam, original: &ExportParam) {
    for (b, o) in [
        (&mut back.m_hat, original.m_hat),
        (&mut back.v_hat, original.v_hat),
    ] {
        assert_eq!(b.is_some(), o.is_some());
        if let (Some(x), Some(y)) = (*b, o) {
            assert!(close(x, y), "{x} vs {y}");
        }
        *b = o;
    }
}

#[test]
fn mlp_export_round_trips_and_matches_the_trace() {
    for kind in OptimizerKind::ALL {
        let t = mlp_trace(kind, 1e-4, 1e-3);
        let e = round_trip(&t);
        assert_eq!(
            (e.step, e.epoch, e.model.as_str()),
            (42, 1, "784-3-10 (relu)")
        );
        assert_eq!(
            (e.sample.source.as_str(), e.sample.index, e.sample.label),
            ("test", Some(7), 1)
        );
        assert_eq!(e.sample.pixels, t.pixels);
        assert_eq!(e.sample.x, t.x);
        assert_eq!(e.layers.len(), 2);
        for (l, k) in e.layers.iter().zip(&t.layers) {
            assert_eq!(
                (&l.z, &l.a, &l.delta, &l.d_a_in),
                (&k.z, &k.a, &k.d_z, &k.d_a_in)
            );
            assert_eq!(
                (l.neuron, l.input, &l.w_row, &l.d_w_row),
                (k.neuron, k.input, &k.w_row, &k.d_w_row)
            );
            assert_eq!(
                (l.weight.old, l.weight.grad, l.weight.new),
                (k.weight.theta, k.weight.grad, k.weight.theta_new)
            );
            assert_eq!(
                (l.bias.state_before, l.bias.state_after),
                (k.bias.state_before, k.bias.state_after)
            );
            assert_eq!(l.weight.m_hat.is_some(), kind == OptimizerKind::Adam);
        }
        assert_eq!(
            e.layers[0].weight.name,
            format!("W1[{},{}]", t.layers[0].neuron, t.layers[0].input)
        );
        assert_eq!(e.output.logits, t.layers[1].z);
        assert_eq!(
            (e.output.probs.clone(), e.output.loss, e.output.penalty),
            (t.probs.clone(), t.loss, t.penalty)
        );
        assert_eq!(e.output.predicted, 9, "the fixture's largest probability");
        assert_eq!(e.optimizer, t.optimizer);
        assert!(e.conv.is_none());
    }
}

#[test]
fn adam_state_and_corrected_moments_are_exported() {
    let t = mlp_trace(OptimizerKind::Adam, 0.0, 0.0);
    let doc = serde_json::to_value(nn_export(&t)).unwrap();
    let ParamState::Adam { t: step, m, v } = t.layers[0].weight.state_after else {
        panic!("Adam state")
    };
    assert_eq!(step, 5);
    assert_eq!(
        lookup(&doc, "layers[0].weight.state_after.Adam.m").unwrap() as f32,
        m
    );
    let m_hat = lookup(&doc, "layers[0].weight.m_hat").unwrap();
    assert!((m_hat - f64::from(m) / (1.0 - 0.9f64.powi(5))).abs() < 1e-12);
    assert!(lookup(&doc, "layers[0].weight.v_hat").unwrap() > f64::from(v));
    assert_eq!(lookup(&doc, "output.loss").unwrap() as f32, t.loss);
    assert_eq!(
        lookup(&doc, "layers[1].delta[1]").unwrap() as f32,
        t.layers[1].d_z[1]
    );
    assert!(lookup(&doc, "layers[7].z[0]").is_none() && lookup(&doc, "nothing").is_none());
}

#[test]
fn cnn_export_holds_the_convolution() {
    let t = cnn_trace(OptimizerKind::Momentum);
    let e = round_trip(&t);
    let (c, k) = (e.conv.as_ref().unwrap(), t.conv.as_ref().unwrap());
    assert_eq!(
        (c.channel, c.position, c.tap),
        (k.channel, k.position, k.tap)
    );
    assert_eq!(
        (&c.k, &c.d_k, &c.window, &c.pooled),
        (&k.k, &k.d_k, &k.window, &k.pooled)
    );
    assert_eq!(
        (c.weight.old, c.weight.new),
        (k.weight.theta, k.weight.theta_new)
    );
    assert_eq!(c.weight.name, format!("K[0][{},{}]", k.tap.0, k.tap.1));
    assert_eq!((e.sample.source.as_str(), e.sample.index), ("drawn", None));
    assert_eq!(e.model, "CNN + dense 1568-10");
}
