//! "Export this step as JSON" for a followed sample: the document is the trace's own
//! serialization (its layers and convolution read back as the very trace types), with the
//! derived values (model name, predicted class, parameter names, Adam's m̂ and v̂) beside.

mod nn_fixture;

use ml_playground::explain::nn_export::{FORMAT, lookup, nn_export_text};
use ml_playground::protocol::{ConvTrace, DenseTrace, ParamState, SampleTrace};
use ml_playground::settings::OptimizerKind;
use nn_fixture::cnn::cnn_trace;
use nn_fixture::mlp_trace;
use serde_json::Value;

/// The exported text, parsed; its layers and convolution are exactly the trace's.
fn exported(t: &SampleTrace) -> Value {
    let doc: Value = serde_json::from_str(&nn_export_text(t)).unwrap();
    let layers: Vec<DenseTrace> = serde_json::from_value(doc["layers"].clone()).unwrap();
    assert_eq!(layers, t.layers, "the exported layers are the trace's");
    let conv: Option<ConvTrace> = serde_json::from_value(doc["conv"].clone()).unwrap();
    assert_eq!(conv, t.conv, "the exported convolution is the trace's");
    assert_eq!(doc["format"], FORMAT);
    doc
}

fn number(doc: &Value, key: &str) -> f64 {
    lookup(doc, key).unwrap_or_else(|| panic!("{key} not exported"))
}

#[test]
fn mlp_export_is_the_trace_with_its_derived_values() {
    for kind in OptimizerKind::ALL {
        let t = mlp_trace(kind, 1e-4, 1e-3);
        let e = exported(&t);
        assert_eq!(
            (e["step"].as_u64(), e["epoch"].as_u64()),
            (Some(42), Some(1))
        );
        assert_eq!(e["model"], "784-3-10 (relu)");
        assert_eq!(
            (&e["sample"]["source"], &e["sample"]["index"]),
            (&"test".into(), &7.into())
        );
        assert_eq!(number(&e, "sample.label"), 1.0);
        assert_eq!(number(&e, "sample.x[5]") as f32, t.x[5]);
        assert_eq!(number(&e, "sample.pixels[300]") as u8, t.pixels[300]);
        // The names learners and tutorials read: δ as `delta`, θ before and after as old / new.
        let l = &t.layers[0];
        assert_eq!(number(&e, "layers[1].delta[2]") as f32, t.layers[1].d_z[2]);
        assert_eq!(number(&e, "layers[0].weight.old") as f32, l.weight.theta);
        assert_eq!(
            number(&e, "layers[0].weight.new") as f32,
            l.weight.theta_new
        );
        assert_eq!(number(&e, "layers[0].bias.grad") as f32, l.bias.grad);
        let followed = e["followed"].as_array().unwrap();
        assert_eq!(followed.len(), 4, "two parameters per layer");
        assert_eq!(followed[0]["at"], "layers[0].weight");
        assert_eq!(followed[0]["name"], format!("W1[{},{}]", l.neuron, l.input));
        assert_eq!(followed[3]["name"], format!("b2[{}]", t.layers[1].neuron));
        assert_eq!(followed[0]["m_hat"].is_f64(), kind == OptimizerKind::Adam);
        let logits: Vec<f32> = serde_json::from_value(e["output"]["logits"].clone()).unwrap();
        assert_eq!(logits, t.layers[1].z);
        assert_eq!(number(&e, "output.loss") as f32, t.loss);
        assert_eq!(number(&e, "output.penalty") as f32, t.penalty);
        assert_eq!(number(&e, "output.probs[9]") as f32, t.probs[9]);
        assert_eq!(
            number(&e, "output.predicted"),
            9.0,
            "the fixture's largest probability"
        );
        assert_eq!(number(&e, "output.l1"), t.l1);
        assert_eq!(e["optimizer"]["kind"], serde_json::to_value(kind).unwrap());
        assert!(e["conv"].is_null());
    }
}

#[test]
fn adam_state_and_corrected_moments_are_exported() {
    let t = mlp_trace(OptimizerKind::Adam, 0.0, 0.0);
    let doc = exported(&t);
    let ParamState::Adam { t: step, m, v } = t.layers[0].weight.state_after else {
        panic!("Adam state")
    };
    assert_eq!(step, 5);
    assert_eq!(
        number(&doc, "layers[0].weight.state_after.Adam.m") as f32,
        m
    );
    let m_hat = number(&doc, "followed[0].m_hat");
    assert!((m_hat - f64::from(m) / (1.0 - 0.9f64.powi(5))).abs() < 1e-12);
    assert!(number(&doc, "followed[0].v_hat") > f64::from(v));
    assert!(lookup(&doc, "layers[7].z[0]").is_none() && lookup(&doc, "nothing").is_none());
}

#[test]
fn cnn_export_holds_the_convolution() {
    let t = cnn_trace(OptimizerKind::Momentum);
    let e = exported(&t);
    let k = t.conv.as_ref().unwrap();
    assert_eq!(number(&e, "conv.weight.new") as f32, k.weight.theta_new);
    assert_eq!(number(&e, "conv.d_k[3]") as f32, k.d_k[3]);
    assert_eq!(e["followed"][0]["at"], "conv.weight");
    assert_eq!(
        e["followed"][0]["name"],
        format!("K[0][{},{}]", k.tap.0, k.tap.1)
    );
    assert_eq!(
        (&e["sample"]["source"], &e["sample"]["index"]),
        (&"drawn".into(), &Value::Null)
    );
    assert_eq!(e["model"], "CNN + dense 1568-10");
}
