//! Importing real-shaped roster files, re-imports, the round trip, and bad input.

mod common;

use std::path::{Path, PathBuf};
use tinkuy::domain::ubigeo::UbigeoScheme;
use tinkuy::i18n::{Lang, Localize};
use tinkuy::services::roster::{self, export, ImportOptions, ImportReport};
use tinkuy::services::Actor;
use tinkuy::store::Store;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn options(programme: Option<&str>) -> ImportOptions {
    ImportOptions {
        programme: programme.map(str::to_string),
        ..ImportOptions::default()
    }
}

fn import(store: &mut Store, actor: &Actor, path: &Path, options: &ImportOptions) -> ImportReport {
    roster::import_file(store, actor, path, options, Lang::Es, &mut ()).expect("import runs")
}

fn count(store: &Store, sql: &str) -> i64 {
    store.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

fn setup() -> (tempfile::TempDir, Store, Actor) {
    let dir = tempfile::tempdir().unwrap();
    let (store, admin) = common::initialised_store(&dir.path().join("t.db"));
    (dir, store, admin)
}

#[test]
fn a_clean_utf8_roster_imports_persons_households_and_enrolments() {
    let (_dir, mut store, admin) = setup();
    let report = import(
        &mut store,
        &admin,
        &data("juntos_cachi.csv"),
        &options(None),
    );
    assert!(report.imported, "{:?}", report.checked.issues);
    assert_eq!((report.counts.new, report.counts.rejected), (4, 0));
    assert_eq!(count(&store, "SELECT count(*) FROM person"), 4);
    // H-01 groups two persons into one household.
    assert_eq!(count(&store, "SELECT count(*) FROM household"), 3);
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM enrolment WHERE end_date IS NULL"
        ),
        4
    );
    assert_eq!(
        count(&store, "SELECT sum(amount_cents) FROM enrolment"),
        4 * 120_000
    );
    assert_eq!(count(&store, "SELECT count(*) FROM community"), 3);
    // The empty DNI is a warning, not an error.
    let warnings: Vec<String> = report
        .checked
        .warnings()
        .map(|w| w.column.clone())
        .collect();
    assert_eq!(warnings, vec!["dni"]);
    let name: String = store
        .conn()
        .query_row(
            "SELECT given_names FROM person WHERE dni = '01234567'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(name, "Saturnina");
}

#[test]
fn windows_1252_semicolons_aliases_and_day_first_dates_are_read() {
    let (_dir, mut store, admin) = setup();
    let report = import(
        &mut store,
        &admin,
        &data("agrorural_cachi_1252.csv"),
        &options(Some("AGRORURAL")),
    );
    assert!(report.imported, "{:?}", report.checked.issues);
    assert_eq!(report.counts.new, 3);
    let (paternal, maternal, birth): (String, String, String) = store
        .conn()
        .query_row(
            "SELECT paternal_surname, maternal_surname, birth_date FROM person WHERE dni = '07654321'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (paternal.as_str(), maternal.as_str(), birth.as_str()),
        ("Ñahui", "Peña", "1979-02-03")
    );
    assert_eq!(
        count(
            &store,
            "SELECT amount_cents FROM roster_record WHERE source_code = 'AG-17'"
        ),
        35_050
    );
    assert_eq!(count(&store, "SELECT herd_size FROM household h JOIN person p ON p.household_id = h.id WHERE p.dni = '07654321'"), 140);
    // The unknown column and the padded DNI are reported as warnings.
    let warned: Vec<(String, String)> = report
        .checked
        .warnings()
        .map(|w| (w.column.clone(), w.value.clone()))
        .collect();
    assert!(
        warned.contains(&("OBSERVACIONES".into(), "OBSERVACIONES".into())),
        "{warned:?}"
    );
    assert!(
        warned.contains(&("dni".into(), "7654321".into())),
        "{warned:?}"
    );
}

#[test]
fn a_bom_file_joins_known_persons_by_dni_and_keeps_them_in_their_household() {
    let (_dir, mut store, admin) = setup();
    import(
        &mut store,
        &admin,
        &data("juntos_cachi.csv"),
        &options(None),
    );
    let report = import(
        &mut store,
        &admin,
        &data("haku_winay_bom.csv"),
        &options(Some("HAKU_WINAY")),
    );
    assert!(report.imported, "{:?}", report.checked.issues);
    assert_eq!(report.counts.new, 3);
    // Two of the three are known by DNI: only Rosa is a new person.
    assert_eq!(count(&store, "SELECT count(*) FROM person"), 5);
    let jeronimo_enrolments = count(
        &store,
        "SELECT count(*) FROM enrolment e JOIN person p ON p.id = e.person_id WHERE p.dni = '40112234'",
    );
    assert_eq!(jeronimo_enrolments, 2);
    // Haku Wiñay's F-77 follows Jerónimo's household (Juntos H-01): Rosa joins it, no dispute.
    let same: i64 = count(
        &store,
        "SELECT count(DISTINCT household_id) FROM person WHERE dni = '40112234' OR given_names = 'Rosa'",
    );
    assert_eq!(same, 1);
    assert!(report.disagreements.is_empty());
}

#[test]
fn disagreements_about_who_lives_with_whom_are_listed_not_resolved() {
    let (dir, mut store, admin) = setup();
    import(
        &mut store,
        &admin,
        &data("juntos_cachi.csv"),
        &options(None),
    );
    // Another agency puts María (H-01) and Saturnina (H-02) in one household.
    let path = dir.path().join("otra.csv");
    std::fs::write(
        &path,
        "codigo_origen,hogar,dni,apellido_paterno,nombres,ubigeo\n\
         X-1,F-1,40112233,Quispe,María,030212\nX-2,F-1,01234567,Ñahui,Saturnina,030212\n",
    )
    .unwrap();
    let report = import(&mut store, &admin, &path, &options(Some("AGRORURAL")));
    assert_eq!(report.disagreements.len(), 1);
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM overlap_flag WHERE kind = 'household_disagreement'"
        ),
        1
    );
    // Nobody moved.
    assert_eq!(
        count(
            &store,
            "SELECT count(DISTINCT household_id) FROM person WHERE dni IN ('40112233','01234567')"
        ),
        2
    );
}

#[test]
fn an_excel_workbook_with_numeric_dnis_and_date_cells_is_read() {
    let (_dir, mut store, admin) = setup();
    let report = import(
        &mut store,
        &admin,
        &data("aliados_cachi.xlsx"),
        &options(None),
    );
    assert!(report.imported, "{:?}", report.checked.issues);
    assert_eq!(report.counts.new, 3);
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM person WHERE dni = '01234567' AND birth_date = '1990-11-30'"
        ),
        1
    );
    assert_eq!(
        count(
            &store,
            "SELECT amount_cents FROM roster_record WHERE source_code = 'AL-2'"
        ),
        450_050
    );
    // A named sheet that does not exist is a clear error listing the sheets.
    let missing = roster::import_file(
        &mut store,
        &admin,
        &data("aliados_cachi.xlsx"),
        &ImportOptions {
            sheet: Some("Hoja9".into()),
            ..options(None)
        },
        Lang::Es,
        &mut (),
    )
    .expect_err("no such sheet");
    assert!(
        missing.text(Lang::Es).contains("Padrón, Notas"),
        "{}",
        missing.text(Lang::Es)
    );
}

#[test]
fn reniec_codes_are_converted_only_when_asked() {
    let (_dir, mut store, admin) = setup();
    let inei = import(
        &mut store,
        &admin,
        &data("reniec_codes.csv"),
        &options(None),
    );
    assert!(!inei.imported);
    let reniec = import(
        &mut store,
        &admin,
        &data("reniec_codes.csv"),
        &ImportOptions {
            scheme: UbigeoScheme::Reniec,
            ..options(None)
        },
    );
    assert!(reniec.imported);
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM household WHERE district_ubigeo = '030212'"
        ),
        1
    );
}

#[test]
fn re_importing_updates_adds_and_ends_never_deletes() {
    let (dir, mut store, admin) = setup();
    import(
        &mut store,
        &admin,
        &data("juntos_cachi.csv"),
        &options(None),
    );
    let newer = dir.path().join("juntos_nuevo.csv");
    let text = std::fs::read_to_string(data("juntos_cachi.csv")).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines.remove(3); // JU-0003 leaves the roster
    lines[1] = lines[1].replace(",1200", ",1400"); // JU-0001's amount changes
    lines.push("JU-0005,JUNTOS,H-05,40887766,Mamani,Condori,Luz,2001-02-02,F,030212,Poltocha,PE,2024-01-10,transferencia,1200".into());
    std::fs::write(&newer, lines.join("\n")).unwrap();
    let report = import(&mut store, &admin, &newer, &options(None));
    let c = report.counts;
    assert_eq!(
        (c.new, c.updated, c.unchanged, c.ended, c.rejected),
        (1, 1, 2, 1, 0)
    );
    assert_eq!(count(&store, "SELECT count(*) FROM roster_record"), 5);
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM enrolment WHERE end_reason = 'absent_from_roster'"
        ),
        1
    );
    assert_eq!(count(&store, "SELECT count(*) FROM roster_record_change WHERE kind = 'updated' AND changed_fields = '[\"amount_cents\"]'"), 1);
    // Coming back reactivates the record, with a new enrolment beside the ended one.
    let again = import(
        &mut store,
        &admin,
        &data("juntos_cachi.csv"),
        &options(None),
    );
    assert_eq!(again.counts.updated, 2);
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM roster_record_change WHERE kind = 'reactivated'"
        ),
        1
    );
    assert_eq!(count(&store, "SELECT count(*) FROM enrolment"), 6);
}

#[test]
fn exporting_then_importing_an_unchanged_database_changes_nothing() {
    let (dir, mut store, admin) = setup();
    import(
        &mut store,
        &admin,
        &data("juntos_cachi.csv"),
        &options(None),
    );
    import(
        &mut store,
        &admin,
        &data("agrorural_cachi_1252.csv"),
        &options(Some("AGRORURAL")),
    );
    for (programme, format) in [("JUNTOS", "csv"), ("AGRORURAL", "xlsx")] {
        let out = dir.path().join(format!("export_{programme}.{format}"));
        let rows = if format == "csv" {
            let mut file = std::fs::File::create(&out).unwrap();
            export::write_csv(
                &store,
                &admin,
                programme,
                export::PersonalData::Include,
                &mut file,
            )
            .unwrap()
        } else {
            export::write_xlsx(
                &store,
                &admin,
                programme,
                export::PersonalData::Include,
                &out,
            )
            .unwrap()
        };
        assert!(rows >= 3);
        let before = count(&store, "SELECT sum(version) FROM roster_record")
            + count(&store, "SELECT sum(version) FROM person")
            + count(&store, "SELECT count(*) FROM roster_record_change");
        let report = import(&mut store, &admin, &out, &options(None));
        assert!(
            report.checked.errors().next().is_none(),
            "{:?}",
            report.checked.issues
        );
        let c = report.counts;
        assert_eq!(
            (c.new, c.updated, c.ended, c.rejected),
            (0, 0, 0, 0),
            "{programme}"
        );
        assert_eq!(c.unchanged, rows as i64);
        let after = count(&store, "SELECT sum(version) FROM roster_record")
            + count(&store, "SELECT sum(version) FROM person")
            + count(&store, "SELECT count(*) FROM roster_record_change");
        assert_eq!(before, after, "{programme}");
    }
}

#[test]
fn any_error_imports_nothing_and_every_problem_is_listed() {
    let (_dir, mut store, admin) = setup();
    let report = import(&mut store, &admin, &data("bad_rows.csv"), &options(None));
    assert!(!report.imported);
    assert_eq!(count(&store, "SELECT count(*) FROM person"), 0);
    assert_eq!(count(&store, "SELECT count(*) FROM roster_import"), 0);
    let found: Vec<(u64, String)> = report
        .checked
        .errors()
        .map(|i| (i.row, i.column.clone()))
        .collect();
    assert_eq!(
        found,
        vec![
            (2, "dni".to_string()),
            (3, "dni".to_string()),
            (3, "fecha_nacimiento".to_string()),
            (4, "fecha_nacimiento".to_string()),
            (4, "ubigeo".to_string()),
            (5, "codigo_origen".to_string()),
            (6, "apellido_paterno".to_string()),
            (6, "fecha_alta".to_string()),
        ]
    );
    let messages: Vec<String> = report
        .checked
        .errors()
        .map(|i| i.text(Lang::Es).into_owned())
        .collect();
    assert!(
        messages[2].starts_with("fila 3, columna fecha_nacimiento, valor «31/02/2010»"),
        "{}",
        messages[2]
    );
    assert!(
        messages[5].contains("ya aparece en la fila 2"),
        "{}",
        messages[5]
    );
}

#[test]
fn skip_invalid_imports_the_valid_rows_and_writes_the_rest_beside_the_input() {
    let (dir, mut store, admin) = setup();
    let input = dir.path().join("padron.csv");
    std::fs::copy(data("bad_rows.csv"), &input).unwrap();
    let report = import(
        &mut store,
        &admin,
        &input,
        &ImportOptions {
            skip_invalid: true,
            ..options(None)
        },
    );
    assert!(report.imported);
    assert_eq!((report.counts.new, report.counts.rejected), (1, 5));
    let error_file = report.error_file.expect("error file");
    assert_eq!(error_file, dir.path().join("padron.errores.csv"));
    let text = std::fs::read_to_string(&error_file).unwrap();
    assert_eq!(text.lines().count(), 6, "{text}");
    assert!(text.lines().nth(1).unwrap().contains("1234567A"));
}

#[test]
fn a_dry_run_reports_the_same_counts_and_saves_nothing() {
    let (_dir, mut store, admin) = setup();
    let dry = import(
        &mut store,
        &admin,
        &data("juntos_cachi.csv"),
        &ImportOptions {
            dry_run: true,
            ..options(None)
        },
    );
    assert_eq!(dry.counts.new, 4);
    assert!(!dry.imported);
    assert_eq!(count(&store, "SELECT count(*) FROM person"), 0);
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM audit_log WHERE action = 'import'"
        ),
        0
    );
}

#[test]
fn files_that_cannot_be_rosters_are_refused_clearly() {
    let (_dir, mut store, admin) = setup();
    let cases = [
        ("not_a_spreadsheet.csv", "no es una hoja de cálculo"),
        ("empty.csv", "está vacío"),
        ("no_such_file.csv", "No se pudo leer"),
    ];
    for (file, expected) in cases {
        let err = roster::import_file(
            &mut store,
            &admin,
            &data(file),
            &options(None),
            Lang::Es,
            &mut (),
        )
        .expect_err(file);
        assert!(
            err.text(Lang::Es).contains(expected),
            "{file}: {}",
            err.text(Lang::Es)
        );
    }
    let report = import(
        &mut store,
        &admin,
        &data("missing_column.csv"),
        &options(None),
    );
    assert!(!report.imported);
    let first = report.checked.errors().next().unwrap();
    assert_eq!((first.row, first.column.as_str()), (1, "apellido_paterno"));
}

#[test]
fn a_read_only_user_cannot_import() {
    let (_dir, mut store, admin) = setup();
    let reader = common::user_with_role(
        &mut store,
        &admin,
        "lee",
        tinkuy::domain::role::Role::Consulta,
    );
    let err = roster::import_file(
        &mut store,
        &reader,
        &data("juntos_cachi.csv"),
        &options(None),
        Lang::Es,
        &mut (),
    )
    .expect_err("refused");
    assert!(err
        .text(Lang::Es)
        .contains("no permite modificar el padrón"));
    assert_eq!(count(&store, "SELECT count(*) FROM person"), 0);
}

#[test]
fn a_50_000_row_file_with_one_bad_row_at_the_end() {
    let (dir, mut store, admin) = setup();
    let path = dir.path().join("grande.csv");
    let mut text = String::from("codigo_origen,dni,apellido_paterno,nombres,ubigeo,actividad\n");
    for i in 0..49_999 {
        let given = letters(i);
        text.push_str(&format!(
            "G-{i},{:08},Quispe,Ana {given},030212,semillas\n",
            10_000_000 + i
        ));
    }
    text.push_str("G-LAST,12345,Quispe,Ana,030212,semillas\n");
    std::fs::write(&path, text).unwrap();
    let all_or_nothing = import(&mut store, &admin, &path, &options(Some("AGRORURAL")));
    assert!(!all_or_nothing.imported);
    assert_eq!(count(&store, "SELECT count(*) FROM person"), 0);
    let skipping = import(
        &mut store,
        &admin,
        &path,
        &ImportOptions {
            skip_invalid: true,
            ..options(Some("AGRORURAL"))
        },
    );
    assert_eq!(skipping.counts.new, 49_999);
    assert!(dir.path().join("grande.errores.csv").exists());
    assert_eq!(count(&store, "SELECT count(*) FROM person"), 49_999);
}

/// A distinct name for each number (names may not hold digits).
fn letters(mut n: usize) -> String {
    let mut out = String::new();
    loop {
        out.push((b'a' + (n % 26) as u8) as char);
        n /= 26;
        if n == 0 {
            return out;
        }
    }
}
