//! First phase of an import: read the whole file and check every row, writing nothing. The
//! result is what the TUI's import dialog shows before anything is written (columns and their
//! mapping, the first rows, every error) and what the second phase writes.

use super::columns::{recognise, Column};
use super::reader::{FileKind, ReadError, RowSource, MAX_ROWS};
use super::record::{check_row, Issue, Layout, Problem, Reference, RosterRecord};
use crate::domain::ubigeo::UbigeoScheme;
use crate::services::progress::{Progress, ProgressSink};
use crate::services::CoreResult;
use crate::store::{rosters, Store};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// How to read a roster file.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub programme: Option<String>,
    pub scheme: UbigeoScheme,
    pub skip_invalid: bool,
    pub dry_run: bool,
    pub sheet: Option<String>,
}

/// Rows kept from the preview.
pub const PREVIEW_ROWS: usize = 5;

/// A file read and checked, nothing written yet.
#[derive(Debug, Clone)]
pub struct CheckedFile {
    pub path: PathBuf,
    pub sha256: String,
    pub kind: FileKind,
    /// Each header of the file and the column it was recognised as.
    pub mapping: Vec<(String, Option<Column>)>,
    pub programme: Option<String>,
    pub records: Vec<RosterRecord>,
    pub issues: Vec<Issue>,
    pub rows_total: u64,
    pub preview: Vec<Vec<String>>,
    /// The cells of rejected rows (with their row number), for the error file.
    pub rejected: Vec<(u64, Vec<String>)>,
    /// `codigo_origen` of rejected rows: present in the roster, so never ended as absent.
    pub rejected_codes: Vec<String>,
    /// Problems found beyond the [`MAX_ISSUES`] kept.
    pub issues_omitted: u64,
}

/// Problems kept for display; a file wrong on every row reports the first ones and a count.
pub const MAX_ISSUES: usize = 20_000;

fn keep_issues(file: &mut CheckedFile, issues: Vec<Issue>) {
    for issue in issues {
        if file.issues.len() < MAX_ISSUES {
            file.issues.push(issue);
        } else {
            file.issues_omitted += 1;
        }
    }
}

impl CheckedFile {
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| !i.problem.is_warning())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.problem.is_warning())
    }

    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }

    pub fn headers(&self) -> Vec<String> {
        self.mapping.iter().map(|(h, _)| h.clone()).collect()
    }
}

pub fn reference(store: &Store) -> CoreResult<Reference> {
    let conn = store.conn();
    let mut reference = Reference {
        programmes: rosters::programme_codes(conn)?.into_iter().collect(),
        activities: rosters::activity_codes(conn)?.into_iter().collect(),
        today: Some(store.clock().today()),
        ..Reference::default()
    };
    for (inei, reniec) in rosters::district_codes(conn)? {
        if let Some(reniec) = reniec {
            reference.reniec_to_inei.insert(reniec, inei.clone());
        }
        reference.districts.insert(inei);
    }
    Ok(reference)
}

fn sha256_of(path: &Path) -> Result<String, ReadError> {
    let io = |source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = std::fs::File::open(path).map_err(io)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buf).map_err(io)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(format!("{:x}", hasher.finalize()))
}

/// Reads and checks a roster file.
pub fn check_file(
    store: &Store,
    path: &Path,
    options: &ImportOptions,
    progress: &mut dyn ProgressSink,
) -> CoreResult<CheckedFile> {
    let reference = reference(store)?;
    let total_bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let mut source = RowSource::open(path, options.sheet.as_deref())?;
    let mapping: Vec<(String, Option<Column>)> = source
        .headers
        .iter()
        .map(|h| (h.clone(), recognise(h)))
        .collect();
    let mut file = CheckedFile {
        path: path.to_path_buf(),
        sha256: String::new(),
        kind: source.kind,
        mapping,
        programme: options
            .programme
            .as_ref()
            .map(|p| p.trim().to_ascii_uppercase()),
        records: Vec::new(),
        issues: Vec::new(),
        rows_total: 0,
        preview: Vec::new(),
        rejected: Vec::new(),
        rejected_codes: Vec::new(),
        issues_omitted: 0,
    };
    let positions = header_issues(&mut file);
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut scheme_programme: Option<String> = file.programme.clone();
    while let Some(row) = source.next_row() {
        let row = row?;
        file.rows_total += 1;
        if file.rows_total > MAX_ROWS {
            return Err(ReadError::TooManyRows { max: MAX_ROWS }.into());
        }
        if file.preview.len() < PREVIEW_ROWS {
            file.preview.push(row.cells.clone());
        }
        if scheme_programme.is_none() {
            scheme_programme = first_programme(&positions, &row.cells);
        }
        let layout = Layout {
            positions: &positions,
            programme: scheme_programme.as_deref(),
            scheme: options.scheme,
        };
        let (record, mut issues) = check_row(row.number, &row.cells, &layout, &reference);
        let code = positions
            .get(&Column::CodigoOrigen)
            .and_then(|&i| row.cells.get(i));
        let unique = unique_code(row.number, code, &mut seen, &mut issues);
        let record = record.filter(|_| unique);
        let header_broken = file.errors().any(|i| i.row == 1);
        match record {
            Some(record) if !header_broken => file.records.push(record),
            _ => {
                let code = positions
                    .get(&Column::CodigoOrigen)
                    .and_then(|&i| row.cells.get(i));
                if let Some(code) = code.filter(|c| !c.trim().is_empty()) {
                    file.rejected_codes.push(code.trim().to_string());
                }
                file.rejected.push((row.number, row.cells));
            }
        }
        keep_issues(&mut file, issues);
        if file.rows_total.is_multiple_of(1000) {
            progress.report(Progress {
                done: file.rows_total,
                total: total_bytes.max(1),
            });
        }
    }
    file.programme = scheme_programme;
    // Hashed only once the file read cleanly: a hostile file is refused without a full pass.
    file.sha256 = sha256_of(path)?;
    Ok(file)
}

/// Positions of recognised columns; issues for unknown and missing ones (row 1, the header).
fn header_issues(file: &mut CheckedFile) -> HashMap<Column, usize> {
    let mut positions = HashMap::new();
    for (index, (header, column)) in file.mapping.iter().enumerate() {
        match column {
            Some(c) => {
                positions.entry(*c).or_insert(index);
            }
            None if header.trim().is_empty() => {}
            None => file.issues.push(Issue {
                row: 1,
                column: header.clone(),
                value: header.clone(),
                problem: Problem::UnknownColumn,
            }),
        }
    }
    let mut missing: Vec<Column> = Column::ALL
        .into_iter()
        .filter(|c| c.is_required() && !positions.contains_key(c))
        .collect();
    if file.programme.is_none() && !positions.contains_key(&Column::Programa) {
        missing.push(Column::Programa);
    }
    for column in missing {
        file.issues.push(Issue {
            row: 1,
            column: column.name().to_string(),
            value: String::new(),
            problem: Problem::MissingColumn,
        });
    }
    positions
}

fn first_programme(positions: &HashMap<Column, usize>, cells: &[String]) -> Option<String> {
    let index = positions.get(&Column::Programa)?;
    Some(cells.get(*index)?.trim().to_ascii_uppercase()).filter(|p| !p.is_empty())
}

/// A `codigo_origen` seen before in the file (valid or not) makes the later row an error.
fn unique_code(
    row: u64,
    code: Option<&String>,
    seen: &mut HashMap<String, u64>,
    issues: &mut Vec<Issue>,
) -> bool {
    let Some(code) = code.map(|c| c.trim()).filter(|c| !c.is_empty()) else {
        return true;
    };
    if let Some(&first_row) = seen.get(code) {
        issues.push(Issue {
            row,
            column: Column::CodigoOrigen.name().to_string(),
            value: code.to_string(),
            problem: Problem::DuplicateCode { first_row },
        });
        return false;
    }
    seen.insert(code.to_string(), row);
    true
}
