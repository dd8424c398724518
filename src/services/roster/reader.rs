//! Reads a roster file into rows of text, whatever shape it came in: CSV in UTF-8 (with or
//! without BOM) or Windows-1252, separated by `,` or `;`, or an Excel workbook (first sheet or
//! a named one). Cells come out as the text a person would see; validation happens elsewhere.

use calamine::{open_workbook_auto, Data, Reader};
use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ReadError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is empty")]
    Empty { path: PathBuf },
    #[error("{path} is not a spreadsheet (CSV or Excel)")]
    NotASpreadsheet { path: PathBuf },
    #[error("cannot open the workbook {path}: {detail}")]
    Workbook { path: PathBuf, detail: String },
    #[error("the workbook has no sheet named {sheet}; it has: {available}")]
    NoSuchSheet { sheet: String, available: String },
    #[error("CSV error at line {line}: {detail}")]
    Csv { line: u64, detail: String },
    #[error("no header row")]
    NoHeader,
    #[error("the workbook would unpack to {megabytes} MB, more than a roster can be")]
    TooBigWorkbook { megabytes: u64 },
    #[error("a line of more than {max} bytes")]
    LineTooLong { max: usize },
    #[error("more than {max} rows")]
    TooManyRows { max: u64 },
}

/// Most rows read from one file: a national roster has fewer; past this the file is refused
/// rather than let it fill the memory of an old office PC.
pub const MAX_ROWS: u64 = 1_000_000;

/// Largest uncompressed workbook accepted: a real roster of a million rows is far smaller;
/// a zip bomb posing as XLSX is far larger.
pub const MAX_WORKBOOK_BYTES: u64 = 400 * 1024 * 1024;
/// Largest CSV line: a roster row is a few hundred bytes.
pub const MAX_LINE_BYTES: usize = 1024 * 1024;

/// A data row: its number as a spreadsheet shows it (header = 1) and its cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRow {
    pub number: u64,
    pub cells: Vec<String>,
}

/// An open roster: the header row, then the data rows one by one.
pub struct RowSource {
    pub headers: Vec<String>,
    pub kind: FileKind,
    rows: Rows,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Csv { delimiter: u8 },
    Workbook,
}

enum Rows {
    Csv {
        reader: csv::Reader<LineLimit<BufReader<File>>>,
        record: csv::ByteRecord,
        number: u64,
    },
    Sheet {
        rows: std::vec::IntoIter<Vec<String>>,
        number: u64,
    },
}

impl RowSource {
    pub fn open(path: &Path, sheet: Option<&str>) -> Result<RowSource, ReadError> {
        let io = |source| ReadError::Io {
            path: path.to_path_buf(),
            source,
        };
        let mut file = File::open(path).map_err(io)?;
        let mut head = vec![0u8; 8192];
        let read = read_up_to(&mut file, &mut head).map_err(io)?;
        head.truncate(read);
        file.seek(SeekFrom::Start(0)).map_err(io)?;
        if head.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(ReadError::Empty {
                path: path.to_path_buf(),
            });
        }
        if head.starts_with(b"PK\x03\x04") || head.starts_with(b"\xD0\xCF\x11\xE0") {
            drop(file);
            return open_workbook(path, sheet);
        }
        if head.contains(&0) {
            return Err(ReadError::NotASpreadsheet {
                path: path.to_path_buf(),
            });
        }
        open_csv(file, &head)
    }

    /// The next data row, skipping rows whose cells are all empty.
    pub fn next_row(&mut self) -> Option<Result<RawRow, ReadError>> {
        loop {
            let row = match &mut self.rows {
                Rows::Csv {
                    reader,
                    record,
                    number,
                } => match reader.read_byte_record(record) {
                    Ok(false) => return None,
                    Ok(true) => {
                        *number += 1;
                        RawRow {
                            number: *number,
                            cells: record.iter().map(decode).collect(),
                        }
                    }
                    Err(e) if is_line_limit(&e) => {
                        return Some(Err(ReadError::LineTooLong {
                            max: MAX_LINE_BYTES,
                        }));
                    }
                    Err(e) => {
                        let line = e.position().map(|p| p.line()).unwrap_or(*number + 1);
                        return Some(Err(ReadError::Csv {
                            line,
                            detail: e.to_string(),
                        }));
                    }
                },
                Rows::Sheet { rows, number } => {
                    let cells = rows.next()?;
                    *number += 1;
                    RawRow {
                        number: *number,
                        cells,
                    }
                }
            };
            if row.cells.iter().any(|c| !c.trim().is_empty()) {
                return Some(Ok(row));
            }
        }
    }
}

fn read_up_to(file: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut total = 0;
    while total < buf.len() {
        match file.read(&mut buf[total..])? {
            0 => break,
            n => total += n,
        }
    }
    Ok(total)
}

/// A field as text: UTF-8 when it is, else Windows-1252 (what Excel writes on a
/// Spanish-locale Windows). Deciding per field keeps reading streaming.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// `;` when the header line has more semicolons than commas outside quotes, else `,`.
fn detect_delimiter(head: &[u8]) -> u8 {
    let first_line = head.split(|&b| b == b'\n').next().unwrap_or(head);
    let (mut commas, mut semicolons, mut quoted) = (0, 0, false);
    for &b in first_line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas {
        b';'
    } else {
        b','
    }
}

fn open_csv(file: File, head: &[u8]) -> Result<RowSource, ReadError> {
    let delimiter = detect_delimiter(head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(LineLimit {
            inner: BufReader::new(file),
            since_newline: 0,
        });
    let mut record = csv::ByteRecord::new();
    let headers = match reader.read_byte_record(&mut record) {
        Ok(true) => record
            .iter()
            .map(|h| decode(h).trim().to_string())
            .collect(),
        Ok(false) => return Err(ReadError::NoHeader),
        Err(e) if is_line_limit(&e) => {
            return Err(ReadError::LineTooLong {
                max: MAX_LINE_BYTES,
            })
        }
        Err(e) => {
            return Err(ReadError::Csv {
                line: 1,
                detail: e.to_string(),
            })
        }
    };
    Ok(RowSource {
        headers,
        kind: FileKind::Csv { delimiter },
        rows: Rows::Csv {
            reader,
            record,
            number: 1,
        },
    })
}

/// Refuses a workbook whose parts would unpack to more than [`MAX_WORKBOOK_BYTES`], before
/// anything is unpacked.
fn check_unpacked_size(path: &Path) -> Result<(), ReadError> {
    let workbook_error = |detail: String| ReadError::Workbook {
        path: path.to_path_buf(),
        detail,
    };
    let Ok(file) = File::open(path) else {
        return Ok(());
    };
    // Old .xls files are not zip archives; their size is bounded by the file itself.
    let Ok(mut archive) = zip::ZipArchive::new(BufReader::new(file)) else {
        return Ok(());
    };
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive
            .by_index_raw(i)
            .map_err(|e| workbook_error(e.to_string()))?;
        total = total.saturating_add(entry.size());
    }
    if total > MAX_WORKBOOK_BYTES {
        return Err(ReadError::TooBigWorkbook {
            megabytes: total / (1024 * 1024),
        });
    }
    Ok(())
}

fn open_workbook(path: &Path, sheet: Option<&str>) -> Result<RowSource, ReadError> {
    check_unpacked_size(path)?;
    let workbook_error = |detail: String| ReadError::Workbook {
        path: path.to_path_buf(),
        detail,
    };
    let mut workbook = open_workbook_auto(path).map_err(|e| workbook_error(e.to_string()))?;
    let names = workbook.sheet_names();
    let range = match sheet {
        Some(name) => {
            let Some(found) = names.iter().find(|n| n.eq_ignore_ascii_case(name.trim())) else {
                return Err(ReadError::NoSuchSheet {
                    sheet: name.to_string(),
                    available: names.join(", "),
                });
            };
            workbook.worksheet_range(&found.clone())
        }
        None => match workbook.worksheet_range_at(0) {
            Some(range) => range,
            None => return Err(ReadError::NoHeader),
        },
    }
    .map_err(|e| workbook_error(e.to_string()))?;
    let mut rows = range
        .rows()
        .map(|row| row.iter().map(cell_text).collect::<Vec<_>>());
    let headers: Vec<String> = match rows.next() {
        Some(h) => h.into_iter().map(|c| c.trim().to_string()).collect(),
        None => return Err(ReadError::NoHeader),
    };
    let body: Vec<Vec<String>> = rows.collect();
    Ok(RowSource {
        headers,
        kind: FileKind::Workbook,
        rows: Rows::Sheet {
            rows: body.into_iter(),
            number: 1,
        },
    })
}

/// Fails the read when a line grows past [`MAX_LINE_BYTES`], so a file with no line breaks
/// cannot make the CSV reader hold a gigabyte field in memory.
struct LineLimit<R> {
    inner: R,
    since_newline: usize,
}

const LINE_LIMIT_MESSAGE: &str = "tinkuy: line too long";

impl<R: Read> Read for LineLimit<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for &b in &buf[..n] {
            if b == b'\n' {
                self.since_newline = 0;
            } else {
                self.since_newline += 1;
            }
        }
        if self.since_newline > MAX_LINE_BYTES {
            return Err(std::io::Error::other(LINE_LIMIT_MESSAGE));
        }
        Ok(n)
    }
}

fn is_line_limit(e: &csv::Error) -> bool {
    matches!(e.kind(), csv::ErrorKind::Io(io) if io.to_string() == LINE_LIMIT_MESSAGE)
}

/// A cell as the text a person sees: whole numbers without `.0`, dates as ISO.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(d) => d.date().format("%Y-%m-%d").to_string(),
            None => dt.as_f64().to_string(),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.chars().take(10).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolons_win_only_when_they_outnumber_commas_outside_quotes() {
        assert_eq!(detect_delimiter(b"a;b;c\n1;2;3"), b';');
        assert_eq!(detect_delimiter(b"a,b,c"), b',');
        assert_eq!(detect_delimiter(b"\"a;b;c\",d"), b',');
    }

    #[test]
    fn windows_1252_fields_are_decoded() {
        assert_eq!(decode(b"Pe\xf1a"), "Peña");
        assert_eq!(decode("Peña".as_bytes()), "Peña");
        assert_eq!(decode(b"\xEF\xBB\xBFcodigo"), "codigo");
    }

    #[test]
    fn cells_read_as_a_person_sees_them() {
        assert_eq!(cell_text(&Data::Float(1234567.0)), "1234567");
        assert_eq!(cell_text(&Data::Float(1200.5)), "1200.5");
        assert_eq!(cell_text(&Data::Empty), "");
    }
}
