//! What kind of text a file is before it is read as a table: its size, whether it is text
//! at all (UTF-8, no NUL bytes), and which delimiter and decimal mark it uses.

use super::cells::{has_decimal_point, looks_decimal_comma};
use super::{MAX_BYTES, TableError};

/// The delimiters tried, in order of preference when they score the same.
pub const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];
/// How many leading records the delimiter is judged on.
const SNIFF_RECORDS: usize = 20;
/// How far into the file a NUL byte marks it as binary.
const BINARY_PREFIX: usize = 8 * 1024;

/// The file's text with any UTF-8 byte-order mark removed, or why it is not a table's text
/// (byte offsets in the messages count from the start of the file, 0-based).
pub fn text(bytes: &[u8]) -> Result<&str, TableError> {
    if bytes.len() > MAX_BYTES {
        let mb = |n: usize| n as f64 / (1024.0 * 1024.0);
        return Err(TableError::whole(format!(
            "the file is {:.1} MB; the limit is {:.0} MB — use a sample of its rows",
            mb(bytes.len()),
            mb(MAX_BYTES)
        )));
    }
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let bytes = &bytes[bom..];
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(TableError::whole(
            "the file is empty — choose a CSV file with a header row and at least a few rows",
        ));
    }
    let prefix = &bytes[..bytes.len().min(BINARY_PREFIX)];
    if let Some(at) = prefix.iter().position(|&b| b == 0) {
        let line = line_of(bytes, at);
        let at = at + bom;
        return Err(TableError::at_line(
            line,
            format!(
                "line {line} holds a NUL byte (byte {at}): this looks like a binary file, \
                 not a table — open it in a spreadsheet and save it as UTF-8 CSV"
            ),
        ));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let line = line_of(bytes, e.valid_up_to());
        let at = e.valid_up_to() + bom;
        TableError::at_line(
            line,
            format!(
                "line {line} is not UTF-8 text (byte {at}) — save the file as UTF-8 CSV \
                 (in a spreadsheet: \"CSV UTF-8\")"
            ),
        )
    })
}

/// The 1-based line that byte offset `at` lies on.
pub fn line_of(bytes: &[u8], at: usize) -> usize {
    1 + bytes[..at.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// The field counts of the first non-blank records when split by `delimiter`.
fn field_counts(text: &str, delimiter: u8) -> Vec<usize> {
    let mut reader = reader(delimiter, text);
    let mut counts = Vec::new();
    let mut record = csv::ByteRecord::new();
    while counts.len() < SNIFF_RECORDS && matches!(reader.read_byte_record(&mut record), Ok(true)) {
        if !is_blank(&record) {
            counts.push(record.len());
        }
    }
    counts
}

/// The delimiter under which the most leading records have the header's field count (more
/// than one); `,` when none splits the header (a single-column file).
pub fn delimiter(text: &str) -> u8 {
    let mut best = (b',', 0.0);
    for d in DELIMITERS {
        let counts = field_counts(text, d);
        let Some(&header) = counts.first().filter(|&&n| n > 1) else {
            continue;
        };
        let same = counts.iter().filter(|&&n| n == header).count();
        let score = same as f64 / counts.len() as f64;
        if score > best.1 {
            best = (d, score);
        }
    }
    best.0
}

/// Whether the numbers in `rows` are written with a decimal comma: some cells look like
/// `3,5` and none like `3.5`. Never with the comma as delimiter.
pub fn decimal_comma(delimiter: u8, rows: &[Vec<String>]) -> bool {
    if delimiter == b',' {
        return false;
    }
    let cells = || rows.iter().flatten();
    cells().any(|c| looks_decimal_comma(c)) && !cells().any(|c| has_decimal_point(c))
}

/// A csv reader of `text` that reports every record (no header, any field count).
pub fn reader(delimiter: u8, text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
}

/// Whether a record is a blank line (one field of only whitespace).
pub fn is_blank(record: &csv::ByteRecord) -> bool {
    record.len() == 1 && record[0].iter().all(u8::is_ascii_whitespace)
}
