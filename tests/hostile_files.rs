//! Hostile and broken files: the importer never panics, never hangs, and keeps its memory
//! bounded whatever it is given. Property tests feed it random bytes, random CSV-like text,
//! cut and bit-flipped workbooks, and well-formed workbooks full of hostile cells; fixed cases
//! cover a zip bomb posing as XLSX and a gigabyte file.
//!
//! Each property runs 300 cases in the normal suite. A longer fuzzing session sets
//! `TINKUY_FUZZ_CASES`, e.g. `TINKUY_FUZZ_CASES=20000 cargo test --release --test hostile_files`.

mod common;

use proptest::prelude::*;
use std::path::Path;
use tinkuy::i18n::{Lang, Localize};
use tinkuy::services::roster::{check_file, ImportOptions};
use tinkuy::store::Store;

fn checked(store: &Store, path: &Path) -> Result<usize, String> {
    check_file(
        store,
        path,
        &ImportOptions {
            programme: Some("JUNTOS".into()),
            ..ImportOptions::default()
        },
        &mut (),
    )
    .map(|c| c.records.len())
    .map_err(|e| e.text(Lang::Es).into_owned())
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("t.db")).unwrap();
    (dir, store)
}

/// One store for all generated cases: creating a database per case would dominate the run.
fn shared() -> std::sync::MutexGuard<'static, (tempfile::TempDir, Store)> {
    static SHARED: std::sync::OnceLock<std::sync::Mutex<(tempfile::TempDir, Store)>> =
        std::sync::OnceLock::new();
    SHARED
        .get_or_init(|| std::sync::Mutex::new(store()))
        .lock()
        .unwrap_or_else(|e| e.into_inner())
}

/// Cases per property: 300, or `TINKUY_FUZZ_CASES` for a longer session.
fn cases() -> u32 {
    std::env::var("TINKUY_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300)
}

/// A character that must never reach the database from a file: C0/C1 controls, and the
/// invisible marks that reorder or hide text (bidi embeddings, overrides and isolates,
/// zero-width characters, the BOM).
fn forbidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// A cell of a hostile workbook.
#[derive(Debug, Clone)]
enum Cell {
    Text(String),
    Number(f64),
    Bool(bool),
    Blank,
}

fn cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        "[\\PC\u{0}-\u{1f}\u{7f}\u{85}\u{200e}\u{200f}\u{202a}-\u{202e}\u{2066}-\u{2069}\u{feff}\u{1f600}-\u{1f64f}]{0,40}".prop_map(Cell::Text),
        "[0-9]{0,12}".prop_map(Cell::Text),
        (0usize..12_000).prop_map(|n| Cell::Text("Ñ".repeat(n))),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Cell::Number),
        (-1e6f64..1e9).prop_map(Cell::Number),
        any::<bool>().prop_map(Cell::Bool),
        Just(Cell::Blank),
    ]
}

const HEADERS: [&str; 12] = [
    "codigo_origen",
    "hogar",
    "dni",
    "apellido_paterno",
    "apellido_materno",
    "nombres",
    "fecha_nacimiento",
    "ubigeo",
    "actividad",
    "monto",
    "fecha_inicio",
    "otra",
];

/// Writes a workbook whose first row picks headers and whose other rows hold `rows`.
fn workbook(
    path: &Path,
    headers: &[&str],
    rows: &[Vec<Cell>],
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, h) in headers.iter().enumerate() {
        sheet.write_string(0, col as u16, *h)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (col, cell) in row.iter().enumerate() {
            let col = col as u16;
            match cell {
                Cell::Text(t) => sheet.write_string(r, col, t).map(|_| ())?,
                Cell::Number(n) => sheet.write_number(r, col, *n).map(|_| ())?,
                Cell::Bool(b) => sheet.write_boolean(r, col, *b).map(|_| ())?,
                Cell::Blank => {}
            }
        }
    }
    book.save(path)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), .. ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let guard = shared();
        let path = guard.0.path().join("random.csv");
        std::fs::write(&path, &bytes).unwrap();
        let _ = checked(&guard.1, &path);
    }

    #[test]
    fn csv_like_text_never_panics(
        header in "(codigo_origen|dni|apellido_paterno|nombres|ubigeo|monto|fecha_nacimiento|[a-z ]{0,8})([,;](codigo_origen|dni|apellido_paterno|nombres|ubigeo|monto|fecha_nacimiento|[a-z ]{0,8})){0,8}",
        rows in proptest::collection::vec("[\\PC\"',;\\n\\r\\t\u{202e}\u{0}]{0,60}", 0..30),
    ) {
        let guard = shared();
        let path = guard.0.path().join("text.csv");
        std::fs::write(&path, format!("{header}\n{}", rows.join("\n"))).unwrap();
        let _ = checked(&guard.1, &path);
    }

    #[test]
    fn broken_workbooks_never_panic(cut in 0usize..6000, flip in any::<u8>()) {
        let guard = shared();
        let original = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/aliados_cachi.xlsx")).unwrap();
        let mut bytes = original.clone();
        bytes.truncate(cut.max(4).min(bytes.len()));
        if let Some(b) = bytes.get_mut(cut / 2) { *b ^= flip; }
        let path = guard.0.path().join("roto.xlsx");
        std::fs::write(&path, &bytes).unwrap();
        let _ = checked(&guard.1, &path);
    }

    #[test]
    fn hostile_names_in_otherwise_valid_rows_reach_the_records_clean(
        names in proptest::collection::vec(
            ("[\\PC\u{0}-\u{1f}\u{7f}-\u{9f}\u{61c}\u{200b}-\u{200f}\u{202a}-\u{202e}\u{2066}-\u{2069}\u{feff}\u{1f600}-\u{1f64f}]{1,30}", "[\\PC\u{0}-\u{1f}\u{202e}\u{2067}]{0,20}", "[\\PC\u{0}-\u{1f}\u{202e}\u{200f}]{1,30}"),
            1..15,
        ),
        as_workbook in any::<bool>(),
    ) {
        let guard = shared();
        let header = ["codigo_origen", "hogar", "dni", "apellido_paterno", "apellido_materno", "nombres", "ubigeo", "centro_poblado", "actividad"];
        let rows: Vec<Vec<String>> = names
            .iter()
            .enumerate()
            .map(|(i, (paternal, maternal, given))| {
                vec![format!("H-{i}"), format!("HH-{i}"), format!("{:08}", 41_000_000 + i), paternal.clone(), maternal.clone(), given.clone(), "030212".into(), format!("Huantana{}", maternal), "transferencia".into()]
            })
            .collect();
        let path = if as_workbook {
            let path = guard.0.path().join("nombres.xlsx");
            let cells: Vec<Vec<Cell>> = rows.iter().map(|r| r.iter().cloned().map(Cell::Text).collect()).collect();
            prop_assume!(workbook(&path, &header, &cells).is_ok());
            path
        } else {
            let path = guard.0.path().join("nombres.csv");
            let mut writer = csv::Writer::from_path(&path).unwrap();
            writer.write_record(header).unwrap();
            for row in &rows {
                writer.write_record(row).unwrap();
            }
            writer.flush().unwrap();
            path
        };
        let file = check_file(&guard.1, &path, &ImportOptions { programme: Some("JUNTOS".into()), ..ImportOptions::default() }, &mut ());
        // A text file with a NUL byte is refused whole as not a spreadsheet; nothing else may be.
        let nul = !as_workbook && rows.iter().flatten().any(|c| c.contains('\0'));
        let file = match file {
            Err(_) if nul => return Ok(()),
            other => other.map_err(|e| TestCaseError::fail(e.text(Lang::Es).into_owned()))?,
        };
        for record in &file.records {
            let name = &record.name;
            let texts = [name.paternal(), name.maternal().unwrap_or(""), name.given(), record.community.as_deref().unwrap_or("")];
            for text in texts {
                prop_assert!(!text.chars().any(forbidden), "{text:?} in row {}", record.row);
            }
        }
    }

    #[test]
    fn workbooks_full_of_hostile_cells_never_panic(
        // Half the time the real columns, so the cells reach every field's validation.
        headers in prop_oneof![Just((0usize..11).collect::<Vec<_>>()), proptest::collection::vec(0usize..12, 1..12)],
        rows in proptest::collection::vec(proptest::collection::vec(cell(), 0..12), 0..20),
    ) {
        let guard = shared();
        let path = guard.0.path().join("hostil.xlsx");
        // The writer refuses what Excel cannot hold (e.g. a text over 32 767 characters).
        let headers: Vec<&str> = headers.iter().map(|h| HEADERS[h % HEADERS.len()]).collect();
        prop_assume!(workbook(&path, &headers, &rows).is_ok());
        if let Ok(records) = checked(&guard.1, &path) {
            prop_assert!(records <= rows.len());
        }
    }
}

#[test]
fn a_zip_bomb_posing_as_a_workbook_is_refused_before_unpacking() {
    let (_dir, store) = store();
    let bomb = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bomb.xlsx");
    let started = std::time::Instant::now();
    let err = checked(&store, &bomb).expect_err("refused");
    assert!(err.contains("se descomprime en 450 MB"), "{err}");
    assert!(started.elapsed().as_secs() < 5);
}

#[test]
fn a_gigabyte_file_is_refused_quickly() {
    let (dir, store) = store();
    // A gigabyte without a line break (sparse on disk, so the test is cheap).
    let path = dir.path().join("grande.csv");
    let file = std::fs::File::create(&path).unwrap();
    std::io::Write::write_all(&mut &file, b"codigo_origen,").unwrap();
    std::io::Write::write_all(&mut &file, &vec![b'a'; 2 * 1024 * 1024]).unwrap();
    file.set_len(1 << 30).unwrap();
    let started = std::time::Instant::now();
    let err = checked(&store, &path).expect_err("refused");
    assert!(err.contains("línea de más de"), "{err}");
    assert!(started.elapsed().as_secs() < 10);
}

#[test]
fn a_file_wrong_on_every_row_keeps_a_bounded_list_of_problems() {
    let (dir, store) = store();
    let path = dir.path().join("malo.csv");
    let mut text = String::from("codigo_origen,dni,apellido_paterno,nombres,ubigeo\n");
    for i in 0..30_000 {
        text.push_str(&format!("C{i},12,Q,A,999999\n"));
    }
    std::fs::write(&path, text).unwrap();
    let file = check_file(
        &store,
        &path,
        &ImportOptions {
            programme: Some("JUNTOS".into()),
            ..ImportOptions::default()
        },
        &mut (),
    )
    .unwrap();
    assert_eq!(
        file.issues.len(),
        tinkuy::services::roster::check::MAX_ISSUES
    );
    assert_eq!(file.issues_omitted, 60_000 - 20_000);
}
