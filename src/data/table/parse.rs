//! Bytes → [`Table`]: the header, the cells (trimmed), and the file line of every row.

use super::cells::number;
use super::detect::{self, is_blank};
use super::{MAX_ROWS, MIN_ROWS, TableError};

/// A parsed table: named columns of text cells, each row tied to its line in the file.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Table {
    /// The header, trimmed; an empty name becomes `column N` (1-based) and a repeated one
    /// gets ` (2)`, ` (3)`, … so that every name is unique.
    pub names: Vec<String>,
    /// The data rows' cells, trimmed; every row is `names.len()` long.
    pub rows: Vec<Vec<String>>,
    /// The 1-based file line where each row starts (a quoted field may span lines).
    pub lines: Vec<usize>,
    /// The detected delimiter: `b','`, `b';'`, `b'\t'` or `b'|'`.
    pub delimiter: u8,
    /// Whether numbers are written `3,5` (only when the delimiter is not `,`).
    pub decimal_comma: bool,
}

/// Counts lines as the reader moves forward through the text (offsets only increase).
struct LineCounter<'a> {
    bytes: &'a [u8],
    at: usize,
    line: usize,
}

impl LineCounter<'_> {
    /// The line of the record whose read began at `offset` (blank lines before it skipped).
    fn line_at(&mut self, offset: usize) -> usize {
        let mut start = offset.min(self.bytes.len());
        while matches!(self.bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        let start = start.max(self.at);
        self.line += self.bytes[self.at..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.at = start;
        self.line
    }
}

/// The cells of a record, trimmed.
fn cells(record: &csv::ByteRecord) -> Vec<String> {
    record
        .iter()
        .map(|field| String::from_utf8_lossy(field).trim().to_string())
        .collect()
}

/// Unique, non-empty column names from the header's cells.
fn column_names(header: Vec<String>) -> Vec<String> {
    let mut names: Vec<String> = Vec::with_capacity(header.len());
    for (i, cell) in header.into_iter().enumerate() {
        let base = if cell.is_empty() {
            format!("column {}", i + 1)
        } else {
            cell
        };
        let mut name = base.clone();
        let mut copy = 1;
        while names.contains(&name) {
            copy += 1;
            name = format!("{base} ({copy})");
        }
        names.push(name);
    }
    names
}

/// Parses a CSV/TSV file: detects the delimiter (`,` `;` tab `|`) and a decimal comma,
/// takes the first non-blank row as the header and skips blank lines. Any problem (too
/// large, empty, binary, not UTF-8, no header, a row of the wrong length, too few or too
/// many rows) is an error naming its line; no input makes it panic.
pub fn parse(bytes: &[u8]) -> Result<Table, TableError> {
    let text = detect::text(bytes)?;
    let delimiter = detect::delimiter(text);
    let mut reader = detect::reader(delimiter, text);
    let mut lines = LineCounter {
        bytes: text.as_bytes(),
        at: 0,
        line: 1,
    };
    let mut record = csv::ByteRecord::new();
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut row_lines = Vec::new();
    loop {
        let offset = reader.position().byte() as usize;
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(TableError::whole(format!("the file cannot be read: {e}"))),
        }
        if is_blank(&record) {
            continue;
        }
        let line = lines.line_at(offset);
        let Some(names) = &header else {
            let cells = cells(&record);
            if cells
                .iter()
                .all(|c| number(c, false).or(number(c, true)).is_some())
            {
                return Err(TableError::at_line(
                    line,
                    format!(
                        "line {line} holds numbers, not column names — add a header row \
                         with a name for each column"
                    ),
                ));
            }
            header = Some(cells);
            continue;
        };
        if record.len() != names.len() {
            return Err(TableError::at_line(
                line,
                format!(
                    "line {line} has {} fields; the header has {} — a cell that contains \
                     the delimiter must be in double quotes, and an empty cell still needs \
                     its delimiter",
                    record.len(),
                    names.len()
                ),
            ));
        }
        if rows.len() == MAX_ROWS {
            return Err(TableError::at_line(
                line,
                format!(
                    "the table has more than {MAX_ROWS} rows (line {line} is row {}) — \
                     use a sample of its rows",
                    MAX_ROWS + 1
                ),
            ));
        }
        rows.push(cells(&record));
        row_lines.push(line);
    }
    let names = column_names(header.unwrap_or_default());
    if rows.len() < MIN_ROWS {
        return Err(TableError::whole(format!(
            "the table has {} rows; at least {MIN_ROWS} are needed — add more rows",
            rows.len()
        )));
    }
    let decimal_comma = detect::decimal_comma(delimiter, &rows);
    Ok(Table {
        names,
        rows,
        lines: row_lines,
        delimiter,
        decimal_comma,
    })
}
