//! The MNIST copy the product ships, and the loader on good and broken files.

mod idx_files;

use idx_files::{gz, idx};
use ml_playground::data::mnist::{self, FILES};
use sha2::{Digest, Sha256};

const DIR: &str = "www/data/mnist/"; // relative: cargo runs tests from the package root

fn shipped(name: &str) -> Vec<u8> {
    std::fs::read(format!("{DIR}{name}")).expect("the MNIST copy is in www/data/mnist/")
}

/// The tiny set's files: MNIST's names, two images in each split.
fn tiny_expected(items: u64) -> [mnist::MnistFile; 4] {
    mnist::FILES.map(|f| mnist::MnistFile { items, ..f })
}

fn tiny_set(files: [&[u8]; 4]) -> Result<mnist::MnistData, ml_playground::data::idx::IdxError> {
    mnist::from_gz_as(files, &tiny_expected(2))
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
    let data = tiny_set([&f[0], &f[1], &f[2], &f[3]]).unwrap();
    assert_eq!(data.train.labels, vec![3, 9]);
    assert_eq!(data.test.image(1), &[7u8; 784][..]);
}

#[test]
fn broken_files_say_which_file_and_what_is_wrong() {
    let f = tiny_files();
    // Truncated download.
    let cut = &f[0][..f[0].len() / 2];
    let e = tiny_set([cut, &f[1], &f[2], &f[3]])
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("train-images-idx3-ubyte.gz:"), "{e}");
    assert!(e.contains("gzip") && e.contains("SHA256SUMS"), "{e}");
    // Not gzip at all (e.g. an HTML error page).
    let html = b"<!doctype html><title>404</title>".to_vec();
    let e = tiny_set([&f[0], &f[1], &html, &f[3]])
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("t10k-images-idx3-ubyte.gz:"), "{e}");
    // Labels where images belong.
    let e = tiny_set([&f[1], &f[1], &f[2], &f[3]])
        .unwrap_err()
        .to_string();
    assert!(e.contains("magic number"), "{e}");
    // Counts that disagree.
    let three = gz(&idx(0x801, &[3], &[1, 2, 3]));
    let mut three_labels = tiny_expected(2);
    three_labels[3].items = 3;
    let e = mnist::from_gz_as([&f[0], &f[1], &f[2], &three], &three_labels)
        .unwrap_err()
        .to_string();
    assert!(e.contains("3 labels for 2 images"), "{e}");
    // Wrong image size.
    let small = gz(&idx(0x803, &[2, 8, 8], &[0u8; 128]));
    let e = tiny_set([&small, &f[1], &f[2], &f[3]])
        .unwrap_err()
        .to_string();
    assert!(e.contains("not MNIST's 28×28"), "{e}");
}

#[test]
fn a_file_larger_than_expected_is_refused_before_it_is_all_decompressed() {
    let f = tiny_files();
    let e = mnist::from_gz_as([&f[0], &f[1], &f[2], &f[3]], &tiny_expected(1))
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("train-images-idx3-ubyte.gz:"), "{e}");
    assert!(e.contains("decompresses to more than the 800 bytes"), "{e}");
}

#[test]
fn a_set_with_another_number_of_images_is_refused() {
    // Well-formed files with fewer images than the set has (e.g. test files in train's place).
    let f = tiny_files();
    let mut expected = tiny_expected(2);
    (expected[0].items, expected[1].items) = (3, 3);
    let e = mnist::from_gz_as([&f[0], &f[1], &f[2], &f[3]], &expected)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("holds 2 images; MNIST's training set has 3"),
        "{e}"
    );
    let shipped = mnist::FILES.map(|file| shipped(file.name));
    let [train_x, train_y, test_x, test_y] = [0, 1, 2, 3].map(|i| shipped[i].as_slice());
    let e = mnist::from_gz([test_x, test_y, train_x, train_y])
        .unwrap_err()
        .to_string();
    assert!(e.contains("swapped") || e.contains("more than"), "{e}");
}
