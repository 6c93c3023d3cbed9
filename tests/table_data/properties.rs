//! Property tests: no bytes make the pipeline panic, written tables read back exactly, and
//! `number` reads back every formatted f64.

use ml_playground::data::table::{DesignSpec, Missing, design, number, parse, summarize};
use proptest::prelude::*;

/// The bytes of a table written by the `csv` crate (names made unique).
fn write(d: u8, names: &[String], rows: &[Vec<String>]) -> (Vec<String>, Vec<u8>) {
    let names: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(i, n)| format!("{n}{i}"))
        .collect();
    let mut w = csv::WriterBuilder::new()
        .delimiter(d)
        .from_writer(Vec::new());
    w.write_record(&names).unwrap();
    for row in rows {
        w.write_record(row).unwrap();
    }
    (names, w.into_inner().unwrap())
}

/// Bytes that are often almost a table: random, from a table's alphabet, or a written
/// table with a few bytes changed.
fn tableish_bytes() -> impl Strategy<Value = Vec<u8>> {
    let alphabet = b"ab1.5-e,;\t|\"\n\r ?NA\xEF\xBB\xBF\x00\xff".to_vec();
    let damaged = (
        random_table(),
        prop::collection::vec((any::<usize>(), any::<u8>()), 0..3),
    )
        .prop_map(|((d, names, rows), edits)| {
            let mut bytes = write(d, &names, &rows).1;
            for (at, b) in edits {
                let n = bytes.len();
                bytes[at % n] = b;
            }
            bytes
        });
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..600),
        prop::collection::vec(prop::sample::select(alphabet), 0..600),
        prop::collection::vec(prop::sample::select(b"12x.,;\n".to_vec()), 0..300),
        damaged,
    ]
}

/// A cell or name: letters, digits and the characters that need quoting, no blank ends.
fn text_cell(delimiter: char) -> impl Strategy<Value = String> {
    let inner = prop::sample::select(vec!['a', 'Z', '7', ' ', '"', '\n', '-', delimiter]);
    ("[a-z]", prop::collection::vec(inner, 0..6), "[a-z0-9]").prop_map(|(first, mid, last)| {
        format!("{first}{}{last}", mid.into_iter().collect::<String>())
    })
}

fn random_table() -> impl Strategy<Value = (u8, Vec<String>, Vec<Vec<String>>)> {
    (
        prop::sample::select(vec![b',', b';', b'\t', b'|']),
        1..5usize,
        5..15usize,
    )
        .prop_flat_map(|(d, width, height)| {
            let cell = prop_oneof![
                any::<f64>()
                    .prop_filter("finite", |x| x.is_finite())
                    .prop_map(|x| x.to_string()),
                (-1000i32..1000).prop_map(|i| i.to_string()),
                text_cell(d as char),
            ];
            let names = prop::collection::vec(text_cell(d as char), width);
            let rows = prop::collection::vec(prop::collection::vec(cell, width), height);
            (Just(d), names, rows)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_bytes_panic(bytes in tableish_bytes(), seed in any::<u64>()) {
        if let Ok(t) = parse(&bytes) {
            prop_assert!(t.rows.iter().all(|r| r.len() == t.names.len()));
            prop_assert_eq!(t.rows.len(), t.lines.len());
            let s = summarize(&t);
            prop_assert_eq!(s.len(), t.names.len());
            for missing in [Missing::DropRows, Missing::FillMean] {
                let spec = DesignSpec {
                    target: t.names[0].clone(),
                    features: t.names[1..].to_vec(),
                    missing,
                    seed,
                    test_fraction: 0.2,
                };
                if let Ok(d) = design(&t, &s, &spec) {
                    prop_assert_eq!(d.x_train.len(), d.n_train() * d.n_features());
                    prop_assert!(d.n_train() >= 1 && d.n_test() >= 1);
                }
            }
        }
    }

    #[test]
    fn written_tables_read_back((d, names, rows) in random_table()) {
        let (names, bytes) = write(d, &names, &rows);
        let t = parse(&bytes).map_err(|e| TestCaseError::fail(e.message))?;
        prop_assert_eq!(&t.names, &names);
        prop_assert_eq!(&t.rows, &rows);
        if names.len() > 1 {
            prop_assert_eq!(t.delimiter, d);
        }
        let mut line = 2 + names.iter().map(|n| n.matches('\n').count()).sum::<usize>();
        for (row, &at) in rows.iter().zip(&t.lines) {
            prop_assert_eq!(at, line);
            line += row.iter().map(|c| c.matches('\n').count()).sum::<usize>() + 1;
        }
    }

    #[test]
    fn numbers_read_back(x in any::<f64>().prop_filter("finite", |x| x.is_finite())) {
        for shown in [format!("{x}"), format!("{x:?}"), format!("{x:e}")] {
            prop_assert_eq!(number(&shown, false), Some(x), "{}", shown);
            prop_assert_eq!(number(&shown.replace('.', ","), true), Some(x), "{}", shown);
        }
    }
}
