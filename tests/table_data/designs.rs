//! The design matrix: refusals naming the column, standardization on the training split,
//! one-hot columns, missing values, and the seeded split.

use super::{SHOP, design_of, spec, strings, table};
use ml_playground::data::table::{DesignSpec, Missing, Table, Target};

#[test]
fn design_refusals_name_the_column() {
    let t = table(SHOP);
    let e = design_of(&t, &spec("y", &["x", "price"])).unwrap_err();
    assert_eq!((e.line, e.column.as_deref()), (Some(6), Some("price")));
    assert!(
        e.message
            .starts_with("line 6, column \"price\": \"12.5x\" is not a number —"),
        "{e}"
    );

    let e = design_of(&t, &spec("y", &["x", "const"])).unwrap_err();
    assert_eq!(e.column.as_deref(), Some("const"));
    assert!(
        e.message.contains("is constant (every training row is 7)"),
        "{e}"
    );

    let e = design_of(&t, &spec("y", &["nope"])).unwrap_err();
    assert_eq!(e.column.as_deref(), Some("nope"));
    assert!(e.message.contains("no column \"nope\""), "{e}");
    let e = design_of(&t, &spec("y", &[])).unwrap_err();
    assert!(e.message.contains("at least one"), "{e}");
    let e = design_of(&t, &spec("y", &["x", "y"])).unwrap_err();
    assert_eq!(e.column.as_deref(), Some("y"));

    let mut text = String::from("id,label\n");
    for i in 0..21 {
        text.push_str(&format!("{i},c{i}\n"));
    }
    let t = table(&text);
    let e = design_of(&t, &spec("label", &["id"])).unwrap_err();
    assert_eq!(e.column.as_deref(), Some("label"));
    assert!(
        e.message
            .contains("has 21 distinct values; a class target may have at most 20")
    );
    let e = design_of(&t, &spec("id", &["label"])).unwrap_err();
    assert!(
        e.message.contains("a text feature may have at most 20"),
        "{e}"
    );
}

/// Mean and population standard deviation of column `c` of a row-major matrix.
fn moments(x: &[f32], width: usize, c: usize) -> (f64, f64) {
    let col: Vec<f64> = x.chunks(width).map(|row| f64::from(row[c])).collect();
    let mean = col.iter().sum::<f64>() / col.len() as f64;
    let var = col.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / col.len() as f64;
    (mean, var.sqrt())
}

/// A 40-row table: numeric a and b (b missing every 7th row), text c, a class label.
fn wide() -> Table {
    let mut text = String::from("a,b,c,label\n");
    for i in 0..40 {
        let b = if i % 7 == 3 {
            "NA".to_string()
        } else {
            format!("{}", (i * i) % 13)
        };
        let c = ["red", "blue", "green"][i % 3];
        let label = if i % 4 == 0 { "yes" } else { "no" };
        text.push_str(&format!("{},{b},{c},{label}\n", i as f64 * 0.5 - 3.0));
    }
    table(&text)
}

#[test]
fn design_standardizes_on_the_training_split() {
    let t = wide();
    let s = DesignSpec {
        missing: Missing::FillMean,
        seed: 3,
        ..spec("label", &["a", "b", "c"])
    };
    let d = design_of(&t, &s).unwrap();
    let names: Vec<&str> = d.features.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["a", "b", "c=red", "c=blue", "c=green"]);
    assert_eq!(d.features[3].one_hot_of.as_deref(), Some("c"));
    assert_eq!(d.features[0].one_hot_of, None);
    assert_eq!(d.target, Target::Classes(strings(&["yes", "no"])));
    assert_eq!((d.n_features(), d.n_train(), d.n_test()), (5, 32, 8));
    assert_eq!(d.x_train.len(), 32 * 5);
    assert_eq!(d.filled_cells, 6);
    for c in 0..5 {
        let (mean, sd) = moments(&d.x_train, 5, c);
        assert!(
            mean.abs() < 1e-5 && (sd - 1.0).abs() < 1e-5,
            "column {c}: {mean} {sd}"
        );
    }
    // Every row maps back to its cells through its line.
    let rows = d
        .lines_train
        .iter()
        .zip(d.x_train.chunks(5))
        .zip(&d.y_train);
    let test = d.lines_test.iter().zip(d.x_test.chunks(5)).zip(&d.y_test);
    for ((&line, x), &y) in rows.chain(test) {
        let r = t.lines.iter().position(|&l| l == line).unwrap();
        let a: f64 = t.rows[r][0].parse().unwrap();
        let f = &d.features[0];
        assert!((f64::from(x[0]) - (a - f.mu) / f.sigma).abs() < 1e-5);
        assert_eq!(y, if t.rows[r][3] == "yes" { 0.0 } else { 1.0 });
        let hot = 2 + ["red", "blue", "green"]
            .iter()
            .position(|c| *c == t.rows[r][2])
            .unwrap();
        assert!(x[hot] > 0.0 && (2..5).all(|k| k == hot || x[k] < 0.0));
    }
}

#[test]
fn missing_values_drop_or_fill() {
    let t = wide();
    let drop = design_of(&t, &spec("a", &["b", "c"])).unwrap();
    assert_eq!((drop.dropped_rows, drop.filled_cells), (6, 0));
    assert_eq!(drop.n_train() + drop.n_test(), 34);
    let fill = DesignSpec {
        missing: Missing::FillMean,
        ..spec("a", &["b", "c"])
    };
    let fill = design_of(&t, &fill).unwrap();
    assert_eq!((fill.dropped_rows, fill.filled_cells), (0, 6));
    assert_eq!(fill.n_train() + fill.n_test(), 40);
    assert_eq!(fill.target, Target::Numeric);
    // A filled cell is the training mean: 0 after standardizing.
    let filled = |lines: &[usize], x: &[f32]| -> Vec<f32> {
        let rows = lines.iter().zip(x.chunks(4));
        rows.filter(|(l, _)| t.rows[t.lines.iter().position(|m| m == *l).unwrap()][1] == "NA")
            .map(|(_, row)| row[0])
            .collect()
    };
    let mut zeros = filled(&fill.lines_train, &fill.x_train);
    zeros.extend(filled(&fill.lines_test, &fill.x_test));
    assert_eq!(zeros, vec![0.0; 6]);
    // Too few rows left: names the column that emptied the table.
    let sparse = "a,b\n1,\n2,\n3,1\n4,\n5,2\n6,\n";
    let e = design_of(&table(sparse), &spec("a", &["b"])).unwrap_err();
    assert_eq!(e.column.as_deref(), Some("b"));
    assert!(e.message.contains("so 2 remain; at least 5"), "{e}");
}

#[test]
fn split_is_seeded() {
    let t = wide();
    let run = |seed| {
        design_of(
            &t,
            &DesignSpec {
                seed,
                ..spec("a", &["c"])
            },
        )
        .unwrap()
    };
    let (one, again, other) = (run(1), run(1), run(2));
    assert_eq!(one, again);
    assert_ne!(one.lines_test, other.lines_test);
    let mut all = [one.lines_train.clone(), one.lines_test.clone()].concat();
    all.sort_unstable();
    assert_eq!(all, t.lines);
    let tenth = design_of(
        &t,
        &DesignSpec {
            test_fraction: 0.1,
            ..spec("a", &["c"])
        },
    )
    .unwrap();
    assert_eq!(tenth.n_test(), 4);
    let bad = DesignSpec {
        test_fraction: 1.0,
        ..spec("a", &["c"])
    };
    assert!(
        design_of(&t, &bad)
            .unwrap_err()
            .message
            .contains("between 0 and 1")
    );
}

#[test]
fn powers_of_a_column_are_features_and_bad_ones_are_refused() {
    let t = wide();
    let d = design_of(&t, &spec("b", &["a", "a^2", "a^3"])).unwrap();
    let names: Vec<&str> = d.features.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["a", "a^2", "a^3"]);
    // Each power column is the column raised, then standardized with its own μ and σ.
    for (i, line) in d.lines_train.iter().enumerate() {
        let a = (line - 2) as f64 * 0.5 - 3.0;
        for (k, f) in d.features.iter().enumerate() {
            let x = f64::from(d.x_train[i * 3 + k]) * f.sigma + f.mu;
            assert!(
                (x - a.powi(k as i32 + 1)).abs() < 1e-4 * (1.0 + x.abs()),
                "line {line}, {}",
                f.name
            );
        }
    }
    for (features, says) in [
        (&["a", "a^6"][..], "powers go from 2 to 5"),
        (&["a^1"][..], "powers go from 2 to 5"),
        (&["a", "b^2"][..], "a power of the target"),
        (&["c^2"][..], "holds classes, not numbers"),
        (&["zz^2"][..], "there is no column \"zz\""),
    ] {
        let e = design_of(&t, &spec("b", features)).unwrap_err();
        assert!(e.to_string().contains(says), "{features:?}: {e}");
    }
    // A column whose name has a power suffix is that column.
    let odd = table("x^2,y\n1,2\n2,4\n3,5\n4,9\n5,9\n6,13\n");
    let d = design_of(&odd, &spec("y", &["x^2"])).unwrap();
    let f = &d.features[0];
    for (i, line) in d.lines_train.iter().enumerate() {
        let x = f64::from(d.x_train[i]) * f.sigma + f.mu;
        assert!((x - (line - 1) as f64).abs() < 1e-5, "line {line}: {x}");
    }
}
