//! The MNIST copy the product ships, and the loader on good and broken files.

use std::io::Write;

use flate2::Compression;
use flate2::write::GzEncoder;
use ml_playground::data::mnist::{self, FILES};
use sha2::{Digest, Sha256};

const DIR: &str = "www/data/mnist/"; // relative: cargo runs tests from the package root

fn shipped(name: &str) -> Vec<u8> {
    std::fs::read(format!("{DIR}{name}")).expect("the MNIST copy is in www/data/mnist/")
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn idx(magic: u32, dims: &[u32], data: &[u8]) -> Vec<u8> {
    let mut bytes = magic.to_be_bytes().to_vec();
    dims.iter().for_each(|d| bytes.extend(d.to_be_bytes()));
    bytes.extend(data);
    bytes
}

/// Two 28×28 images and their labels, gzipped, as a tiny stand-in data set.
fn tiny_files() -> [Vec<u8>; 4] {
    let images = idx(0x803, &[2, 28, 28], &[7u8; 2 * 784]);
    let labels = idx(0x801, &[2], &[3, 9]);
    [gz(&images), gz(&labels), gz(&images), gz(&labels)]
}

#[test]
fn shipped_files_match_sha256sums_and_sizes() {
    let sums = String::from_utf8(shipped("SHA256SUMS")).unwrap();
    for file in FILES {
        let bytes = shipped(file.name);
        let expected = sums
            .lines()
            .find_map(|l| l.strip_suffix(file.name).map(|h| h.trim().to_string()))
            .unwrap_or_else(|| panic!("{} is listed in SHA256SUMS", file.name));
        let actual: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(actual, expected, "{}", file.name);
        assert_eq!(bytes.len() as u64, file.gz_bytes, "{}", file.name);
    }
    let readme = String::from_utf8(shipped("README.md")).unwrap();
    assert!(readme.contains("LeCun") && readme.contains("CC BY-SA 3.0"));
}

#[test]
fn shipped_files_load_with_the_published_counts() {
    let files = FILES.map(|f| shipped(f.name));
    let data = mnist::from_gz([&files[0], &files[1], &files[2], &files[3]]).unwrap();
    assert_eq!((data.train.len(), data.test.len()), (60_000, 10_000));
    let mut per_class = [0u32; 10];
    data.train
        .labels
        .iter()
        .for_each(|&l| per_class[l as usize] += 1);
    assert_eq!(
        per_class,
        [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
    );
    assert_eq!(data.test.image(9_999).len(), 784);
    assert!(data.test.image(10_000).is_empty());
}

#[test]
fn a_tiny_good_set_loads() {
    let f = tiny_files();
    let data = mnist::from_gz([&f[0], &f[1], &f[2], &f[3]]).unwrap();
    assert_eq!(data.train.labels, vec![3, 9]);
    assert_eq!(data.test.image(1), &[7u8; 784][..]);
}

#[test]
fn broken_files_say_which_file_and_what_is_wrong() {
    let f = tiny_files();
    // Truncated download.
    let cut = &f[0][..f[0].len() / 2];
    let e = mnist::from_gz([cut, &f[1], &f[2], &f[3]])
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("train-images-idx3-ubyte.gz:"), "{e}");
    assert!(e.contains("gzip") && e.contains("SHA256SUMS"), "{e}");
    // Not gzip at all (e.g. an HTML error page).
    let html = b"<!doctype html><title>404</title>".to_vec();
    let e = mnist::from_gz([&f[0], &f[1], &html, &f[3]])
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("t10k-images-idx3-ubyte.gz:"), "{e}");
    // Labels where images belong.
    let e = mnist::from_gz([&f[1], &f[1], &f[2], &f[3]])
        .unwrap_err()
        .to_string();
    assert!(e.contains("magic number"), "{e}");
    // Counts that disagree.
    let three = gz(&idx(0x801, &[3], &[1, 2, 3]));
    let e = mnist::from_gz([&f[0], &f[1], &f[2], &three])
        .unwrap_err()
        .to_string();
    assert!(e.contains("3 labels for 2 images"), "{e}");
    // Wrong image size.
    let small = gz(&idx(0x803, &[2, 8, 8], &[0u8; 128]));
    let e = mnist::from_gz([&small, &f[1], &f[2], &f[3]])
        .unwrap_err()
        .to_string();
    assert!(e.contains("not MNIST's 28×28"), "{e}");
}
