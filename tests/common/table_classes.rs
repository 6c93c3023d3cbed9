//! One step of "Your data"'s softmax regression against the tests' own f64 oracle, recomputed
//! from the batch the run says it used: the followed row's z and p, the batch's cross-entropy
//! and loss, every gradient (to 1e-5 of the terms summed into it) and every update.

use std::rc::Rc;

use ml_playground::data::table::design::{Design, DesignSpec, Missing, design};
use ml_playground::data::table::parse::parse;
use ml_playground::data::table::summary::summarize;
use ml_playground::protocol::table::TableData;
use ml_playground::protocol::table_classes::ClassStep;

use super::{check_update_formula, close, close_to_terms};

/// Checks `t`, the step on the training `rows` of `d` (k classes), with penalty λ₂ = `l2`.
pub fn check_class_step(d: &Design, rows: &[usize], t: &ClassStep, k: usize, l2: f64) {
    let n = d.n_features();
    let w = |j: usize, c: usize| f64::from(t.w[j * k + c].theta);
    let b: Vec<f64> = t.b.iter().map(|u| f64::from(u.theta)).collect();
    let x = |i: usize, j: usize| f64::from(d.x_train[i * n + j]);
    let class = |i: usize| d.y_train[i] as usize;
    // The oracle: every batch row's scores and probabilities, from the weights before the step.
    let z: Vec<Vec<f64>> = rows
        .iter()
        .map(|&i| {
            (0..k)
                .map(|c| (0..n).map(|j| w(j, c) * x(i, j)).sum::<f64>() + b[c])
                .collect()
        })
        .collect();
    let p: Vec<Vec<f64>> = z
        .iter()
        .map(|z| {
            let top = z.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
            let e: Vec<f64> = z.iter().map(|v| (v - top).exp()).collect();
            let sum: f64 = e.iter().sum();
            e.iter().map(|v| v / sum).collect()
        })
        .collect();
    let m = rows.len() as f64;
    assert_eq!(t.class, class(rows[0]));
    assert_eq!(t.line, d.lines_train[rows[0]]);
    assert_eq!(t.x.as_slice(), &d.x_train[rows[0] * n..(rows[0] + 1) * n]);
    for c in 0..k {
        let scale = (0..n).map(|j| (w(j, c) * x(rows[0], j)).abs()).sum::<f64>() + b[c].abs();
        close_to_terms(&format!("z{c} of the followed row"), t.z[c], z[0][c], scale);
        close(&format!("p{c} of the followed row"), t.p[c], p[0][c]);
    }
    let ce = -rows
        .iter()
        .zip(&p)
        .map(|(&i, p)| p[class(i)].ln())
        .sum::<f64>()
        / m;
    let penalty = l2 * t.w.iter().map(|u| f64::from(u.theta).powi(2)).sum::<f64>();
    close("cross-entropy", t.ce, ce);
    close("loss", t.loss, ce + penalty);
    // ∂L/∂z_ic = (p_ic − [c = y_i]) / m.
    let dz = |r: usize, c: usize| (p[r][c] - f64::from(u8::from(c == class(rows[r])))) / m;
    for j in 0..n {
        for c in 0..k {
            let terms = (0..rows.len()).map(|r| x(rows[r], j) * dz(r, c));
            let g = terms.clone().sum::<f64>() + 2.0 * l2 * w(j, c);
            let scale = terms.map(f64::abs).sum::<f64>() + (2.0 * l2 * w(j, c)).abs();
            let u = &t.w[j * k + c];
            close_to_terms(&format!("∂L/∂W{j}{c}"), u.grad, g, scale);
            check_update_formula(&format!("W{j}{c}"), &t.optimizer, u, close);
        }
    }
    for c in 0..k {
        let g: f64 = (0..rows.len()).map(|r| dz(r, c)).sum();
        let scale: f64 = (0..rows.len()).map(|r| dz(r, c).abs()).sum();
        close_to_terms(&format!("∂L/∂b{c}"), t.b[c].grad, g, scale);
        check_update_formula(&format!("b{c}"), &t.optimizer, &t.b[c], close);
    }
}

/// Three classes of 60 points in the plane, `a` and `b` (a seeded wobble around three
/// centres); `separable`: the centres far apart, else overlapping.
pub fn clusters_table(separable: bool) -> Rc<TableData> {
    let spread = if separable { 0.3 } else { 1.5 };
    let mut text = String::from("a,b,kind\n");
    let centres = [(0.0, 0.0, "round"), (4.0, 1.0, "long"), (1.0, 5.0, "flat")];
    for i in 0..60 {
        let (cx, cy, name) = centres[i % 3];
        let u = ((i * 37) % 23) as f64 / 23.0 - 0.5;
        let v = ((i * 53) % 29) as f64 / 29.0 - 0.5;
        text.push_str(&format!("{},{},{name}\n", cx + spread * u, cy + spread * v));
    }
    let table = parse(text.as_bytes()).unwrap();
    let spec = DesignSpec {
        target: "kind".into(),
        features: vec!["a".into(), "b".into()],
        missing: Missing::DropRows,
        seed: 5,
        test_fraction: 0.2,
    };
    let design = design(&table, &summarize(&table), &spec).unwrap();
    Rc::new(TableData {
        spec,
        source: "clusters".into(),
        design,
    })
}
