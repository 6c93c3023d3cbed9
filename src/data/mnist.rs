//! The MNIST data set as the playground ships it: four gzipped IDX files, decompressed and
//! validated here (plain Rust, so the same code runs natively in tests and in the worker).

use std::io::Read;

use flate2::read::GzDecoder;

use super::idx::{self, IdxError, Images};

/// One of the four files, with its exact compressed size (for the progress bar when the
/// server sends no Content-Length, and to spot a truncated download early).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MnistFile {
    pub name: &'static str,
    pub gz_bytes: u64,
    /// Images (or labels) it holds.
    pub items: u64,
}

impl MnistFile {
    /// Its size decompressed: the IDX header and one byte per pixel (or per label).
    pub fn raw_bytes(&self) -> u64 {
        match self.name.contains("images") {
            true => 16 + self.items * 28 * 28,
            false => 8 + self.items,
        }
    }
}

/// The files in loading order: train images, train labels, test images, test labels.
pub const FILES: [MnistFile; 4] = [
    MnistFile {
        name: "train-images-idx3-ubyte.gz",
        gz_bytes: 9_719_462,
        items: 60_000,
    },
    MnistFile {
        name: "train-labels-idx1-ubyte.gz",
        gz_bytes: 28_881,
        items: 60_000,
    },
    MnistFile {
        name: "t10k-images-idx3-ubyte.gz",
        gz_bytes: 1_616_531,
        items: 10_000,
    },
    MnistFile {
        name: "t10k-labels-idx1-ubyte.gz",
        gz_bytes: 4_540,
        items: 10_000,
    },
];

/// Where the files live, relative to the page (and to the worker script).
pub const DATA_DIR: &str = "data/mnist/";

/// Images and labels of one split.
#[derive(Clone, Debug, PartialEq)]
pub struct Split {
    pub images: Images,
    pub labels: Vec<u8>,
}

impl Split {
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// The raw pixels of image `i` (empty if out of range).
    pub fn image(&self, i: usize) -> &[u8] {
        let n = self.images.rows * self.images.cols;
        self.images.pixels.get(i * n..(i + 1) * n).unwrap_or(&[])
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct MnistData {
    pub train: Split,
    pub test: Split,
}

/// Decompresses a gzipped file; an error names the file and says what to do.
///
/// The decoder may stop quietly at the end of a truncated stream, so the length is also
/// checked against the size the gzip trailer records. At most `limit` bytes are decompressed:
/// a file that holds more is refused before it is all in memory.
pub fn gunzip(file: &str, gz: &[u8], limit: u64) -> Result<Vec<u8>, IdxError> {
    let broken = |why: String| IdxError {
        file: file.to_string(),
        problem: format!("it is not a complete gzip file ({why})"),
    };
    let mut raw = Vec::with_capacity(limit.min(gz.len() as u64 * 8) as usize);
    GzDecoder::new(gz)
        .take(limit + 1)
        .read_to_end(&mut raw)
        .map_err(|e| broken(e.to_string()))?;
    if raw.len() as u64 > limit {
        return Err(IdxError {
            file: file.to_string(),
            problem: format!("it decompresses to more than the {limit} bytes MNIST's file has"),
        });
    }
    let trailer = gz
        .len()
        .checked_sub(4)
        .map(|i| u32::from_le_bytes([gz[i], gz[i + 1], gz[i + 2], gz[i + 3]]));
    match trailer {
        Some(size) if size == raw.len() as u32 => Ok(raw),
        _ => Err(broken(format!(
            "{} bytes decompressed from {} bytes: truncated or damaged",
            raw.len(),
            gz.len()
        ))),
    }
}

/// Parses one split from its decompressed image and label files.
pub fn split(
    images_file: &str,
    images: &[u8],
    labels_file: &str,
    labels: &[u8],
) -> Result<Split, IdxError> {
    let images = idx::parse_images(images_file, images)?;
    let labels = idx::parse_labels(labels_file, labels)?;
    idx::check_pair(&images, &labels, labels_file)?;
    if (images.rows, images.cols) != (28, 28) {
        return Err(IdxError {
            file: images_file.to_string(),
            problem: format!(
                "its images are {}×{}, not MNIST's 28×28",
                images.rows, images.cols
            ),
        });
    }
    Ok(Split { images, labels })
}

/// The whole data set from the four gzipped files, in [`FILES`] order.
pub fn from_gz(files: [&[u8]; 4]) -> Result<MnistData, IdxError> {
    from_gz_as(files, &FILES)
}

/// The data set from four gzipped files that must hold `expected`'s counts (a test's tiny set
/// uses its own): each is decompressed up to its expected size only, and a split with another
/// number of images (empty, cut, or train and test swapped) is refused.
pub fn from_gz_as(files: [&[u8]; 4], expected: &[MnistFile; 4]) -> Result<MnistData, IdxError> {
    let raw: Vec<Vec<u8>> = expected
        .iter()
        .zip(files)
        .map(|(f, gz)| gunzip(f.name, gz, f.raw_bytes()))
        .collect::<Result<_, _>>()?;
    let train = split(expected[0].name, &raw[0], expected[1].name, &raw[1])?;
    let test = split(expected[2].name, &raw[2], expected[3].name, &raw[3])?;
    let sets = [
        (&train, &expected[0], "training"),
        (&test, &expected[2], "test"),
    ];
    for (split, file, set) in sets {
        if split.len() as u64 != file.items {
            return Err(IdxError {
                file: file.name.to_string(),
                problem: format!(
                    "it holds {} images; MNIST's {set} set has {} (are the files swapped?)",
                    split.len(),
                    file.items
                ),
            });
        }
    }
    Ok(MnistData { train, test })
}
