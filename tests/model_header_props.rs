//! Property tests of the model-file loader's header (`model_file::load`) on one real file
//! (tests/model_files): damaged `format`/`settings`/`step` fields (5,000 cases) and edited
//! settings strings (5,000: pairs deleted, duplicated, changed, added, out of range, of another
//! task) never panic: the file is refused with a message, or loads with settings inside their
//! ranges, exactly as the header's text reads (the same validation as the URL's).
#![cfg(not(target_arch = "wasm32"))]

mod model_files;

use model_files::*;

/// A setting's text: valid, out of range, another task's, not a number, or random.
fn setting_value() -> impl Strategy<Value = String> {
    let pool = "1e9 -1 0 1 NaN inf abc 1e-9 0.001 0.999 1.5 10 10000 10001 99999999999999999999 \
        mnist linreg neuron formulas mlp cnn 8 8-8 16 4-4 0-8 relu adam sgd cpu seed001 smallcnn";
    let pool: Vec<String> = pool
        .split(' ')
        .map(String::from)
        .chain([String::new()])
        .collect();
    prop_oneof![
        select(pool),
        "[ -~]{0,4}",
        any::<f64>().prop_map(|x| x.to_string())
    ]
}

/// The real settings string with 1–4 pairs deleted, duplicated, changed or added.
fn edited_hash() -> impl Strategy<Value = String> {
    let keys = table::all_rows()
        .into_iter()
        .map(|r| r.key)
        .chain(["preset", "x", ""]);
    let edit = (
        0u8..4,
        any::<Index>(),
        select(keys.collect::<Vec<_>>()),
        setting_value(),
    );
    proptest::collection::vec(edit, 1..5).prop_map(|edits| {
        let hash = file_header::to_header(&real().settings);
        let mut pairs: Vec<String> = hash[1..].split('&').map(String::from).collect();
        for (kind, i, key, value) in edits {
            let i = i
                .index(pairs.len().max(1))
                .min(pairs.len().saturating_sub(1));
            let old = pairs.get(i).cloned().unwrap_or_default();
            match kind {
                0 if !pairs.is_empty() => drop(pairs.remove(i)),
                1 if !pairs.is_empty() => pairs.insert(i, old),
                2 if !pairs.is_empty() => {
                    pairs[i] = format!("{}={value}", &old[..old.find('=').unwrap()])
                }
                _ => pairs.insert(i, format!("{key}={value}")),
            }
        }
        format!("#{}", pairs.join("&"))
    })
}

/// Any JSON scalar or small container, as a header field may be damaged to.
fn json_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        (0u32..4).prop_map(Value::from),
        "[ -~]{0,6}".prop_map(Value::from),
        Just(json!([2])),
        Just(json!({"format": 2}))
    ]
}

/// Format 1's settings with fields removed or replaced.
fn v1_settings() -> impl Strategy<Value = Value> {
    let edit = (any::<Index>(), any::<bool>(), json_value());
    proptest::collection::vec(edit, 0..3).prop_map(|edits| {
        let mut v1 = v1_of(&real().settings);
        let object = v1.as_object_mut().unwrap();
        for (i, remove, value) in edits {
            let key = object.keys().nth(i.index(object.len())).unwrap().clone();
            match remove {
                true => drop(object.remove(&key)),
                false => drop(object.insert(key, value)),
            }
        }
        v1
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5_000))]

    #[test]
    fn edited_settings_load_only_as_they_read(hash in edited_hash()) {
        let fields = json!({"format": 2, "settings": hash, "step": STEP});
        let loaded = refused_or_sound(&with_fields(fields.as_object().unwrap()))?;
        let expected = file_header::from_header(&hash);
        if let Some((s, step)) = &loaded {
            prop_assert_eq!((Ok(s), *step), (expected.as_ref(), STEP));
        }
        if expected.as_ref() == Ok(&real().settings) {
            prop_assert!(loaded.is_some(), "{hash}");
        }
    }

    #[test]
    fn damaged_header_fields_are_refused_or_read_strictly(
        format in prop_oneof![3 => Just(json!(2)), 2 => Just(json!(1)), 1 => json_value()],
        settings in prop_oneof![edited_hash().prop_map(Value::from), v1_settings(), json_value()],
        step in prop_oneof![3 => any::<u64>().prop_map(Value::from), 1 => json_value()],
        keep in proptest::collection::vec(proptest::bool::weighted(0.9), 3),
    ) {
        let fields = [("format", format), ("settings", settings), ("step", step)];
        let fields = fields.into_iter().zip(keep).filter(|(_, keep)| *keep);
        let written: serde_json::Map<String, Value> = fields.map(|((k, v), _)| (k.into(), v)).collect();
        let bytes = serde_json::to_vec(&written).unwrap();
        // The header as the loader reads it (serde_json's float parser may be 1 ulp off).
        let header: serde_json::Map<String, Value> = serde_json::from_slice(&bytes).unwrap();
        if let Some((s, step)) = refused_or_sound(&with_header(&bytes, bytes.len() as u32))? {
            prop_assert_eq!(Some(step), header["step"].as_u64());
            let hash = match &header["settings"] {
                Value::String(h) => h.clone(),
                v1 => file_header::hash_from_v1(v1).unwrap(),
            };
            prop_assert_eq!(Ok(s), file_header::from_header(&hash));
        }
    }
}
