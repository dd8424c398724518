//! Hostile and broken files: the importer never panics, never hangs, and keeps its memory
//! bounded whatever it is given. Property tests feed it random bytes and random CSV-like text;
//! fixed cases cover a zip bomb posing as XLSX and a gigabyte file.

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

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

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
