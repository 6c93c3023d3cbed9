//! The model's weights as an outside program reads them from the "Export step as JSON"
//! document alone (format 3): every dense layer's `w_full` / `b_full`, the CNN's
//! `cnn_weights`, and the penalty recomputed from `penalty_terms`.

use serde_json::Value;

use super::assert_close;
use super::cnn::CnnParams;

fn floats(v: &Value) -> Vec<f32> {
    let list = v.as_array().expect("a list of numbers");
    list.iter()
        .map(|x| x.as_f64().expect("a number") as f32)
        .collect()
}

/// Each dense layer's (W `[inputs][outputs]`, b) from `layers[k].w_full` and `b_full`.
pub fn dense_from_export(doc: &Value) -> Vec<(Vec<Vec<f64>>, Vec<f64>)> {
    let layers = doc["layers"].as_array().expect("layers");
    layers
        .iter()
        .map(|l| {
            let dims = [
                l["inputs"].as_u64().unwrap() as usize,
                l["outputs"].as_u64().unwrap() as usize,
            ];
            super::dense_rows(dims, &floats(&l["w_full"]), &floats(&l["b_full"]))
        })
        .collect()
}

/// The CNN's parameters from `cnn_weights` and the head's `layers[0]`.
pub fn cnn_from_export(doc: &Value) -> CnnParams {
    let c = &doc["cnn_weights"];
    let head = &doc["layers"][0];
    let dims = [
        head["inputs"].as_u64().unwrap() as usize,
        head["outputs"].as_u64().unwrap() as usize,
    ];
    CnnParams::from_values(
        &floats(&c["conv1_k"]),
        &floats(&c["conv1_b"]),
        &floats(&c["conv2_k"]),
        &floats(&c["conv2_b"]),
        dims,
        &floats(&head["w_full"]),
        &floats(&head["b_full"]),
    )
}

/// λ₁Σ|W| + λ₂ΣW² from `penalty_terms` is the penalty shown, and the terms cover every
/// weight of the document.
pub fn check_penalty_terms(doc: &Value) {
    let (l1, l2) = (
        doc["output"]["l1"].as_f64().unwrap(),
        doc["output"]["l2"].as_f64().unwrap(),
    );
    let terms = doc["penalty_terms"].as_array().expect("penalty_terms");
    let mut penalty = 0.0;
    for t in terms {
        let path = t["weights"].as_str().unwrap();
        let (outer, inner) = path.split_once('.').unwrap();
        let holder = match outer.split_once('[') {
            Some((name, i)) => &doc[name][i.trim_end_matches(']').parse::<usize>().unwrap()],
            None => &doc[outer],
        };
        let w = floats(&holder[inner]);
        assert_eq!(t["count"].as_u64().unwrap() as usize, w.len(), "{path}");
        penalty += l1 * t["sum_abs"].as_f64().unwrap() + l2 * t["sum_sq"].as_f64().unwrap();
    }
    let shown = doc["output"]["penalty"].as_f64().unwrap();
    assert_close("penalty from its terms", shown, penalty, penalty.max(1e-12));
}
