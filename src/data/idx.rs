//! The IDX format of the MNIST files (LeCun, Cortes & Burges): a magic number, big-endian
//! dimensions, then raw unsigned bytes. Every field is checked; a bad file is an error that
//! names the file, says what is wrong and what to do — never a panic.

use std::fmt;

/// Magic number of an IDX file of unsigned bytes with 3 dimensions (images).
pub const IMAGES_MAGIC: u32 = 0x0000_0803;
/// Magic number of an IDX file of unsigned bytes with 1 dimension (labels).
pub const LABELS_MAGIC: u32 = 0x0000_0801;

/// Images, row-major: image `i` is `pixels[i * rows * cols..(i + 1) * rows * cols]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Images {
    pub count: usize,
    pub rows: usize,
    pub cols: usize,
    pub pixels: Vec<u8>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IdxError {
    /// The file, e.g. "train-images-idx3-ubyte".
    pub file: String,
    pub problem: String,
}

impl fmt::Display for IdxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}. The file is damaged or is not the MNIST file of that name; \
             restore it from the original download (its SHA-256 must match SHA256SUMS).",
            self.file, self.problem
        )
    }
}

impl std::error::Error for IdxError {}

fn fail<T>(file: &str, problem: String) -> Result<T, IdxError> {
    Err(IdxError {
        file: file.to_string(),
        problem,
    })
}

/// The header: magic number and dimensions; returns them and the data that follows.
fn header<'a>(
    file: &str,
    bytes: &'a [u8],
    magic: u32,
    dims: usize,
) -> Result<(Vec<usize>, &'a [u8]), IdxError> {
    let needed = 4 + 4 * dims;
    // A wrong file (say, labels where images belong) is named as such, even when short.
    if let [a, b, c, d, ..] = *bytes {
        let found = u32::from_be_bytes([a, b, c, d]);
        if found != magic {
            return fail(
                file,
                format!("magic number {found:#010x}, expected {magic:#010x}"),
            );
        }
    }
    if bytes.len() < needed {
        return fail(
            file,
            format!(
                "only {} bytes, less than its {needed}-byte header",
                bytes.len()
            ),
        );
    }
    let word = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    let sizes: Vec<usize> = (0..dims).map(|d| word(4 + 4 * d) as usize).collect();
    Ok((sizes, &bytes[needed..]))
}

fn exact_length(file: &str, data: &[u8], expected: usize) -> Result<(), IdxError> {
    match data.len().cmp(&expected) {
        std::cmp::Ordering::Equal => Ok(()),
        std::cmp::Ordering::Less => fail(
            file,
            format!("truncated: {} of {expected} data bytes", data.len()),
        ),
        std::cmp::Ordering::Greater => fail(
            file,
            format!("{} data bytes, {expected} expected", data.len()),
        ),
    }
}

/// Parses an images file (`…-images-idx3-ubyte`).
pub fn parse_images(file: &str, bytes: &[u8]) -> Result<Images, IdxError> {
    let (sizes, data) = header(file, bytes, IMAGES_MAGIC, 3)?;
    let (count, rows, cols) = (sizes[0], sizes[1], sizes[2]);
    if rows == 0 || cols == 0 || rows > 1024 || cols > 1024 {
        return fail(file, format!("implausible image size {rows}×{cols}"));
    }
    let expected = count.checked_mul(rows * cols).ok_or_else(|| IdxError {
        file: file.to_string(),
        problem: format!("{count} images of {rows}×{cols} is too large"),
    })?;
    exact_length(file, data, expected)?;
    Ok(Images {
        count,
        rows,
        cols,
        pixels: data.to_vec(),
    })
}

/// Parses a labels file (`…-labels-idx1-ubyte`); every label must be a digit 0–9.
pub fn parse_labels(file: &str, bytes: &[u8]) -> Result<Vec<u8>, IdxError> {
    let (sizes, data) = header(file, bytes, LABELS_MAGIC, 1)?;
    exact_length(file, data, sizes[0])?;
    if let Some((i, &l)) = data.iter().enumerate().find(|&(_, &l)| l > 9) {
        return fail(file, format!("label {l} at index {i} is not a digit 0–9"));
    }
    Ok(data.to_vec())
}

/// Images and labels must describe the same number of examples.
pub fn check_pair(images: &Images, labels: &[u8], file: &str) -> Result<(), IdxError> {
    if images.count == labels.len() {
        Ok(())
    } else {
        fail(
            file,
            format!("{} labels for {} images", labels.len(), images.count),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn idx(magic: u32, dims: &[u32], data: &[u8]) -> Vec<u8> {
        let mut bytes = magic.to_be_bytes().to_vec();
        for d in dims {
            bytes.extend(d.to_be_bytes());
        }
        bytes.extend(data);
        bytes
    }

    #[test]
    fn good_images_and_labels_parse() {
        let pixels: Vec<u8> = (0..2 * 3 * 4).map(|i| i as u8).collect();
        let images = parse_images("imgs", &idx(IMAGES_MAGIC, &[2, 3, 4], &pixels)).unwrap();
        assert_eq!((images.count, images.rows, images.cols), (2, 3, 4));
        assert_eq!(images.pixels, pixels);
        let labels = parse_labels("labels", &idx(LABELS_MAGIC, &[2], &[7, 0])).unwrap();
        assert_eq!(labels, [7, 0]);
        assert!(check_pair(&images, &labels, "labels").is_ok());
    }

    #[test]
    fn broken_files_say_what_is_wrong() {
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (vec![0, 0, 8], "less than its 16-byte header"),
            (
                idx(LABELS_MAGIC, &[1, 1, 1], &[0]),
                "magic number 0x00000801, expected 0x00000803",
            ),
            (
                idx(IMAGES_MAGIC, &[2, 2, 2], &[0; 7]),
                "truncated: 7 of 8 data bytes",
            ),
            (
                idx(IMAGES_MAGIC, &[1, 2, 2], &[0; 5]),
                "5 data bytes, 4 expected",
            ),
            (
                idx(IMAGES_MAGIC, &[1, 0, 28], &[]),
                "implausible image size 0×28",
            ),
        ];
        for (bytes, expected) in cases {
            let e = parse_images("train-images-idx3-ubyte", &bytes).unwrap_err();
            assert!(e.problem.contains(expected), "{e}");
            assert!(
                e.to_string().starts_with("train-images-idx3-ubyte: "),
                "{e}"
            );
            assert!(e.to_string().contains("SHA256SUMS"), "{e}");
        }
    }

    #[test]
    fn bad_labels_and_mismatched_counts_are_errors() {
        let e = parse_labels("l", &idx(LABELS_MAGIC, &[3], &[1, 12, 3])).unwrap_err();
        assert!(e.problem.contains("label 12 at index 1"), "{e}");
        let e = parse_labels("l", &idx(LABELS_MAGIC, &[4], &[1, 2])).unwrap_err();
        assert!(e.problem.contains("truncated"), "{e}");
        let images = Images {
            count: 3,
            rows: 1,
            cols: 1,
            pixels: vec![0; 3],
        };
        assert!(
            check_pair(&images, &[1, 2], "l")
                .unwrap_err()
                .problem
                .contains("2 labels for 3 images")
        );
    }
}
