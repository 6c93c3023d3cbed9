//! Property tests of the MNIST file readers: any bytes → a value or an error naming the file,
//! never a panic; a valid file cut at any offset is refused; a gzip stream is never inflated
//! past its limit; random byte flips in a real compressed file never panic.
#![cfg(not(target_arch = "wasm32"))]

mod idx_files;

use idx_files::{gz, idx};
use ml_playground::data::idx::{parse_images, parse_labels};
use ml_playground::data::mnist::gunzip;
use proptest::prelude::*;

/// A valid images file of `count` images of `rows × cols`.
fn images_file(count: u32, rows: u32, cols: u32) -> Vec<u8> {
    let pixels: Vec<u8> = (0..count * rows * cols).map(|i| (i * 7) as u8).collect();
    idx(0x803, &[count, rows, cols], &pixels)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn any_bytes_parse_or_are_refused_by_name(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
        match parse_images("imgs", &bytes) {
            Ok(i) => prop_assert_eq!(i.pixels.len(), i.count * i.rows * i.cols),
            Err(e) => prop_assert_eq!(e.file.as_str(), "imgs"),
        }
        match parse_labels("labels", &bytes) {
            Ok(l) => prop_assert!(l.iter().all(|&d| d <= 9)),
            Err(e) => prop_assert_eq!(e.file.as_str(), "labels"),
        }
    }

    /// A header with any sizes (the product of which may overflow) over a short body.
    #[test]
    fn any_header_is_checked_before_it_is_trusted(
        (count, rows, cols) in (any::<u32>(), any::<u32>(), any::<u32>()),
        body in proptest::collection::vec(any::<u8>(), 0..32),
    ) {
        let bytes = idx(0x803, &[count, rows, cols], &body);
        if let Ok(i) = parse_images("imgs", &bytes) {
            prop_assert_eq!(i.pixels.len(), body.len());
            prop_assert_eq!(i.count * i.rows * i.cols, body.len());
        }
        let labels = idx(0x801, &[count], &body);
        if let Ok(l) = parse_labels("labels", &labels) {
            prop_assert_eq!(l.len() as u64, u64::from(count));
        }
    }

    #[test]
    fn any_bytes_do_not_inflate_or_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        if let Ok(out) = gunzip("f.gz", &bytes, 1_000) {
            prop_assert!(out.len() <= 1_000);
        }
    }

    /// A real compressed file with one byte changed: an error or a value, never a panic, and
    /// never more than the limit.
    #[test]
    fn a_flipped_byte_in_a_gzip_file_never_panics(at in 0usize..10_000, bit in 0u8..8) {
        let file = gz(&images_file(20, 8, 8));
        let mut broken = file.clone();
        let at = at % broken.len();
        broken[at] ^= 1 << bit;
        if let Ok(raw) = gunzip("f.gz", &broken, 2_000) {
            prop_assert!(raw.len() <= 2_000);
            let _ = parse_images("f", &raw);
        }
    }
}

#[test]
fn a_valid_file_cut_at_any_offset_is_refused() {
    let file = images_file(3, 4, 5);
    assert!(parse_images("imgs", &file).is_ok());
    for cut in 0..file.len() {
        let e = parse_images("imgs", &file[..cut]).expect_err("a cut file");
        assert_eq!(e.file, "imgs");
    }
    let labels = idx(0x801, &[6], &[0, 1, 2, 3, 4, 9]);
    for cut in 0..labels.len() {
        assert!(
            parse_labels("labels", &labels[..cut]).is_err(),
            "cut at {cut}"
        );
    }
    let compressed = gz(&file);
    for cut in 0..compressed.len() {
        if let Ok(raw) = gunzip("f.gz", &compressed[..cut], 1_000) {
            // A stream cut inside its trailer may still inflate; the content is then checked.
            assert!(raw.len() < file.len() || parse_images("f", &raw).is_ok());
        }
    }
}

#[test]
fn a_stream_larger_than_its_limit_is_refused() {
    let raw = images_file(100, 28, 28);
    assert!(gunzip("f.gz", &gz(&raw), raw.len() as u64 - 1).is_err());
    assert_eq!(gunzip("f.gz", &gz(&raw), raw.len() as u64).unwrap(), raw);
}
