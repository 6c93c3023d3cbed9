//! Property tests of the model-file loader (`model_file::load`), byte by byte, on one real
//! file (tests/model_files): cut at every offset of its first and last 4 KiB (which hold the
//! signature, length, header and Burn's metadata) and at 1,000 random offsets between, it is
//! refused; with 1–8 random bytes changed (10,000 cases), NaN or ±∞ in 1–3 weights (2,000),
//! Burn's dtype renamed or a wrong header length (2,000) it never panics: it is refused with a
//! message, or it loads a sound network (see `model_files::refused_or_sound`).
#![cfg(not(target_arch = "wasm32"))]

mod model_files;

use model_files::*;

#[test]
fn the_real_file_loads_as_saved_in_both_formats_and_cut_in_its_first_or_last_4_kib_is_refused() {
    let r = real();
    for format in [2, 1] {
        let settings = [
            json!(file_header::to_header(&r.settings)),
            v1_of(&r.settings),
        ];
        let fields = json!({"format": format, "settings": settings[2 - format], "step": STEP});
        let loaded = model_file::load(&with_fields(fields.as_object().unwrap()), &cpu());
        let loaded = loaded.unwrap_or_else(|e| panic!("format {format}: {e}"));
        assert_eq!((&loaded.settings, loaded.step), (&r.settings, STEP));
        for (v, &(at, n)) in floats(&loaded.model).values.iter().zip(&r.params) {
            let saved = r.file[at..at + 4 * n]
                .chunks(4)
                .map(|b| f32::from_le_bytes(b.try_into().unwrap()));
            assert!(v.iter().copied().eq(saved), "the weights at {at} changed");
        }
    }
    let len = r.file.len();
    assert!(r.metadata_end < KIB4 && len > 4 * KIB4, "{len}");
    for cut in (0..KIB4).chain(len - KIB4..len) {
        refusal(&r.file[..cut]).unwrap_or_else(|e| panic!("cut at {cut}: {e}"));
    }
}

/// Found by these properties: Burn panicked ("Expected float dtype, got I32") on a record
/// whose dtype said I32 or U32; the loader now casts the record to the network's f32.
#[test]
fn a_record_that_calls_its_floats_integers_never_panics() {
    let r = real();
    let metadata = &r.file[r.record..r.metadata_end];
    let spots = (0..metadata.len() - 3).filter(|&i| &metadata[i..i + 4] == b"cF32");
    let spots: Vec<usize> = spots.map(|i| r.record + i + 1).collect();
    assert_eq!(spots.len(), r.params.len(), "one dtype per parameter");
    for (at, name) in spots.iter().flat_map(|&at| [(at, b"I32"), (at, b"U32")]) {
        let mut bad = r.file.clone();
        bad[at..at + 3].copy_from_slice(name);
        refused_or_sound(&bad).unwrap_or_else(|e| panic!("{name:?} at {at}: {e}"));
    }
}

/// Found by these properties: a format-1 header's number is read as serde_json reads it,
/// which for this one is 1 ulp off the number written; the file still loads.
#[test]
fn a_format_1_number_is_read_as_serde_json_reads_it() {
    let written = 4.5826643365355476e-69;
    let mut v1 = v1_of(&real().settings);
    v1["l1"] = json!(written);
    let bytes = serde_json::to_vec(&json!({"format": 1, "settings": v1, "step": STEP})).unwrap();
    let read: Value = serde_json::from_slice(&bytes).unwrap();
    let loaded = model_file::load(&with_header(&bytes, bytes.len() as u32), &cpu());
    let loaded = loaded.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        Some(loaded.settings.live.l1),
        read["settings"]["l1"].as_f64()
    );
    assert!((loaded.settings.live.l1 - written).abs() <= written * f64::EPSILON);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    #[test]
    fn cut_anywhere_between_the_first_and_last_4_kib_is_refused(at in any::<Index>()) {
        let r = real();
        refusal(&r.file[..KIB4 + at.index(r.file.len() - 2 * KIB4)])?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn a_weight_that_is_nan_or_infinite_is_refused_by_name(
        spots in proptest::collection::vec((any::<Index>(), any::<Index>()), 1..4),
        bits in prop_oneof![Just(f32::INFINITY.to_bits()), Just(f32::NEG_INFINITY.to_bits()),
            (any::<bool>(), 1u32..1 << 23).prop_map(|(neg, m)| u32::from(neg) << 31 | 0x7f80_0000 | m)],
    ) {
        let r = real();
        let mut bad = r.file.clone();
        for (p, i) in spots {
            let (at, n) = r.params[p.index(r.params.len())];
            bad[at + 4 * i.index(n)..][..4].copy_from_slice(&bits.to_le_bytes());
        }
        let m = refusal(&bad)?;
        prop_assert!(m.contains("not a finite number"), "{m}");
    }

    #[test]
    fn a_wrong_header_length_is_refused(len in prop_oneof![0u32..200, any::<u32>()]) {
        let header = &real().file[MAGIC.len() + 4..real().record];
        prop_assume!(len as usize != header.len());
        refusal(&with_header(header, len))?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn random_byte_changes_never_load_bad_weights(
        changes in proptest::collection::vec((0usize..3, any::<Index>(), 1u8..=255), 1..=8),
    ) {
        let r = real();
        let mut bad = r.file.clone();
        for (region, at, xor) in changes {
            let (from, to) = [(0, bad.len()), (0, r.record), (r.record, r.metadata_end)][region];
            bad[from + at.index(to - from)] ^= xor;
        }
        refused_or_sound(&bad)?;
    }
}
