//! The overlap scan and the flag workflow over imported rosters.

mod common;

use std::sync::atomic::AtomicBool;
use tinkuy::domain::role::Role;
use tinkuy::i18n::{overlaps as words, Lang};
use tinkuy::services::matching::scan::ScanKind;
use tinkuy::services::overlaps::report::{self, MisuseDraft};
use tinkuy::services::overlaps::scan::scan;
use tinkuy::services::overlaps::workflow::{self, Step};
use tinkuy::services::roster::{self, ImportOptions};
use tinkuy::services::{Actor, CoreError};
use tinkuy::store::flags::FlagFilter;
use tinkuy::store::Store;

fn import(store: &mut Store, admin: &Actor, dir: &std::path::Path, programme: &str, text: &str) {
    let path = dir.join(format!("{programme}.csv"));
    std::fs::write(&path, text).unwrap();
    let options = ImportOptions {
        programme: Some(programme.into()),
        ..ImportOptions::default()
    };
    let report = roster::import_file(store, admin, &path, &options, Lang::Es, &mut ()).unwrap();
    assert!(report.imported, "{:?}", report.checked.issues);
}

const HEADER: &str = "codigo_origen,hogar,dni,apellido_paterno,apellido_materno,nombres,fecha_nacimiento,sexo,ubigeo,centro_poblado,actividad,altitud_msnm,cabezas_ganado\n";

/// Juntos and Agrorural rosters where two people appear under misspelt names and DNIs.
fn district() -> (tempfile::TempDir, Store, Actor) {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, admin) = common::initialised_store(&dir.path().join("t.db"));
    import(&mut store, &admin, dir.path(), "JUNTOS", &format!(
        "{HEADER}J1,H1,40112233,Quispe,Huamán,María Eulogia,1988-04-12,F,030212,Huantana,transferencia,,\n\
         J2,H2,41223344,Ccoyllo,Yauri,Wilber,1979-09-09,M,030212,Poltocha,transferencia,,\n\
         J3,H3,42334455,Mamani,Condori,Juan,1970-01-01,M,030212,Huantana,transferencia,,\n"
    ));
    import(
        &mut store,
        &admin,
        dir.path(),
        "AGRORURAL",
        &format!(
        "{HEADER}A1,F1,40112283,QUISPE,HUAMAN,MARIA,1988-04-12,F,030212,Huantana,semillas,3200,\n\
         A2,F2,,Coyllo,Yauri,Wilber,1979-09-09,M,030212,Poltocha,cobertizo,3900,150\n\
         A3,F3,45556677,Mamani,Condori,Juan,1995-06-06,M,030212,Huantana,semillas,3900,\n"
    ),
    );
    (dir, store, admin)
}

fn flags_of(store: &Store, actor: &Actor, kind: &str) -> Vec<tinkuy::store::flags::FlagRow> {
    let filter = FlagFilter {
        kind: Some(kind.into()),
        ..FlagFilter::default()
    };
    report::list(store, actor, &filter, None, 100)
        .unwrap()
        .flags
}

#[test]
fn the_scan_finds_misspelt_persons_but_not_homonyms_and_never_duplicates() {
    let (_dir, mut store, admin) = district();
    let first = scan(
        &mut store,
        &admin,
        ScanKind::Full,
        &mut (),
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!(
        first.matching.probable, 2,
        "María (DNI one digit off) and Wilber (Ccoyllo/Coyllo, no DNI)"
    );
    let probable = flags_of(&store, &admin, "probable_same_person");
    assert_eq!(probable.len(), 2);
    let text = words::explain(&probable[0], Lang::Es);
    assert!(text.starts_with("Podría ser la misma persona"), "{text}");
    // Seeds below 3 500 m and a shed to a 150-head herd are flagged too.
    assert_eq!(flags_of(&store, &admin, "targeting_seed_altitude").len(), 1);
    assert_eq!(flags_of(&store, &admin, "targeting_shed_herd").len(), 1);
    // A second scan finds the same flags and adds none.
    let again = scan(
        &mut store,
        &admin,
        ScanKind::Full,
        &mut (),
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!(again.flags_new, 0);
    assert_eq!(flags_of(&store, &admin, "probable_same_person").len(), 2);
}

#[test]
fn confirming_merges_undo_restores_and_rejecting_is_remembered() {
    let (_dir, mut store, admin) = district();
    scan(
        &mut store,
        &admin,
        ScanKind::Full,
        &mut (),
        &AtomicBool::new(false),
    )
    .unwrap();
    let persons = |s: &Store| -> i64 {
        s.conn()
            .query_row(
                "SELECT count(*) FROM person WHERE merged_into_id IS NULL",
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(persons(&store), 6);
    let flags = flags_of(&store, &admin, "probable_same_person");
    let (one, two) = (&flags[0], &flags[1]);
    workflow::confirm(&mut store, &admin, one.id, one.version).unwrap();
    assert_eq!(persons(&store), 5);
    let records_on_survivor: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM roster_record WHERE person_id = ?1",
            [one.person_a.unwrap()],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        records_on_survivor, 2,
        "both roster records stay, linked to one person"
    );
    let after = tinkuy::store::flags::get(store.conn(), one.id).unwrap();
    assert_eq!(after.status, "resolved");
    workflow::undo_confirm(&mut store, &admin, one.id, after.version).unwrap();
    assert_eq!(persons(&store), 6);
    // Rejecting needs a reason, and the pair is never proposed again.
    assert!(matches!(
        workflow::reject(&mut store, &admin, two.id, two.version, " "),
        Err(CoreError::ReasonRequired)
    ));
    workflow::reject(
        &mut store,
        &admin,
        two.id,
        two.version,
        "Son primos, no la misma persona",
    )
    .unwrap();
    let rescan = scan(
        &mut store,
        &admin,
        ScanKind::Full,
        &mut (),
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!(rescan.matching.probable, 1);
    let status = tinkuy::store::flags::get(store.conn(), two.id)
        .unwrap()
        .status;
    assert_eq!(status, "dismissed");
}

#[test]
fn the_workflow_needs_reasons_follows_its_steps_and_detects_conflicts() {
    let (_dir, mut store, admin) = district();
    scan(
        &mut store,
        &admin,
        ScanKind::Full,
        &mut (),
        &AtomicBool::new(false),
    )
    .unwrap();
    let flag = &flags_of(&store, &admin, "targeting_shed_herd")[0];
    workflow::step(
        &mut store,
        &admin,
        flag.id,
        flag.version,
        Step::Acknowledge,
        "",
    )
    .unwrap();
    assert!(matches!(
        workflow::step(
            &mut store,
            &admin,
            flag.id,
            flag.version + 1,
            Step::Dismiss,
            ""
        ),
        Err(CoreError::ReasonRequired)
    ));
    // A stale version (someone else acted first) is refused.
    let stale = workflow::step(
        &mut store,
        &admin,
        flag.id,
        flag.version,
        Step::Resolve,
        "Visitado",
    );
    assert!(workflow::is_conflict(&stale.unwrap_err()));
    let agency: i64 = store
        .conn()
        .query_row("SELECT id FROM agency WHERE code = 'AGRORURAL'", [], |r| {
            r.get(0)
        })
        .unwrap();
    workflow::assign(
        &mut store,
        &admin,
        flag.id,
        flag.version + 1,
        agency,
        "Que verifique el hato",
    )
    .unwrap();
    workflow::step(
        &mut store,
        &admin,
        flag.id,
        flag.version + 2,
        Step::Resolve,
        "El hato era de la comunidad",
    )
    .unwrap();
    let detail = report::detail(&store, &admin, flag.id).unwrap();
    assert_eq!(detail.flag.status, "resolved");
    assert_eq!(detail.flag.assigned_agency.as_deref(), Some("AGRORURAL"));
    let notes: Vec<Option<String>> = detail.events.iter().map(|e| e.note.clone()).collect();
    assert_eq!(
        notes,
        vec![
            None,
            Some("Que verifique el hato".into()),
            Some("El hato era de la comunidad".into())
        ]
    );
    // A read-only user may look but not act.
    let reader = common::user_with_role(&mut store, &admin, "lee", Role::Consulta);
    assert!(workflow::note(&mut store, &reader, flag.id, "hola").is_err());
}

#[test]
fn a_dismissed_flag_stays_dismissed_unless_its_evidence_changes() {
    let (dir, mut store, admin) = district();
    scan(
        &mut store,
        &admin,
        ScanKind::Full,
        &mut (),
        &AtomicBool::new(false),
    )
    .unwrap();
    let flag = &flags_of(&store, &admin, "targeting_shed_herd")[0];
    workflow::step(
        &mut store,
        &admin,
        flag.id,
        flag.version,
        Step::Dismiss,
        "Cobertizo comunal",
    )
    .unwrap();
    scan(
        &mut store,
        &admin,
        ScanKind::Full,
        &mut (),
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!(
        tinkuy::store::flags::get(store.conn(), flag.id)
            .unwrap()
            .status,
        "dismissed"
    );
    // The herd grows: new evidence, the flag opens again.
    import(
        &mut store,
        &admin,
        dir.path(),
        "AGRORURAL",
        &format!(
        "{HEADER}A1,F1,40112283,QUISPE,HUAMAN,MARIA,1988-04-12,F,030212,Huantana,semillas,3200,\n\
         A2,F2,,Coyllo,Yauri,Wilber,1979-09-09,M,030212,Poltocha,cobertizo,3900,150\n\
         A3,F3,45556677,Mamani,Condori,Juan,1995-06-06,M,030212,Huantana,semillas,3900,\n"
    ),
    );
    store
        .conn()
        .execute(
            "UPDATE household SET herd_size = 220 WHERE herd_size = 150",
            [],
        )
        .unwrap();
    let report = scan(
        &mut store,
        &admin,
        ScanKind::Incremental,
        &mut (),
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!(report.flags_reopened, 1);
    assert_eq!(
        tinkuy::store::flags::get(store.conn(), flag.id)
            .unwrap()
            .status,
        "open"
    );
}

#[test]
fn misuse_reports_become_alerts_and_the_match_export_follows_the_format() {
    let (_dir, mut store, admin) = district();
    scan(
        &mut store,
        &admin,
        ScanKind::Full,
        &mut (),
        &AtomicBool::new(false),
    )
    .unwrap();
    report::report_misuse(
        &mut store,
        &admin,
        &MisuseDraft {
            reported_on: "2026-10-02".into(),
            agency_code: "SALUD".into(),
            forced_activity: "campaña de limpieza".into(),
            description: "La posta dijo que quitaría Juntos a quien no vaya".into(),
            ..MisuseDraft::default()
        },
    )
    .unwrap();
    let misuse = flags_of(&store, &admin, "conditionality_misuse");
    assert_eq!((misuse.len(), misuse[0].severity.as_str()), (1, "high"));
    let mut out = Vec::new();
    report::write_matches(&store, &admin, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "programa_a,codigo_origen_a,programa_b,codigo_origen_b,score,basis"
    );
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[1..].iter().all(|l| l.ends_with(",probable")),
        "{text}"
    );
}

#[test]
fn a_scan_copes_with_an_empty_database_and_a_huge_block() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, admin) = common::initialised_store(&dir.path().join("t.db"));
    let empty = scan(
        &mut store,
        &admin,
        ScanKind::Full,
        &mut (),
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!((empty.matching.records, empty.flags_new), (0, 0));
    // 3 000 people called Quispe Ana in one community, no DNIs or birth dates: the block is
    // far too big to compare whole, so the work is bounded and reported.
    let mut text = String::from("codigo_origen,apellido_paterno,nombres,ubigeo,centro_poblado\n");
    for i in 0..3_000 {
        text.push_str(&format!("Q{i},Quispe,Ana,030212,Huantana\n"));
    }
    text.push_str("X1,Ñ,A,030212,Huantana\n");
    import(&mut store, &admin, dir.path(), "AGRORURAL", &text);
    let started = std::time::Instant::now();
    let report = scan(
        &mut store,
        &admin,
        ScanKind::Full,
        &mut (),
        &AtomicBool::new(false),
    )
    .unwrap();
    assert!(report.matching.truncated_blocks >= 1);
    assert!(
        report.matching.pairs_compared < 3_000 * 100,
        "{}",
        report.matching.pairs_compared
    );
    assert!(started.elapsed().as_secs() < 60);
}

/// What a scan writes: the flags, the scan runs, the audit log, and which records were scanned.
fn written(store: &Store) -> (i64, i64, i64, i64) {
    let count = |sql: &str| -> i64 { store.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
    (
        count("SELECT count(*) FROM overlap_flag"),
        count("SELECT count(*) FROM scan_run"),
        count("SELECT count(*) FROM audit_log"),
        count("SELECT count(*) FROM roster_record WHERE match_scanned_at IS NOT NULL"),
    )
}

#[test]
fn a_scan_stopped_before_it_writes_writes_nothing_and_once_writing_it_finishes() {
    use tinkuy::services::overlaps::scan::{scan_in_steps, ScanStep};
    let (_dir, mut store, admin) = district();
    let before = written(&store);
    assert_eq!(before.0, 0, "no scan yet: a scan would write flags");
    for stop_in in [ScanStep::Loading, ScanStep::Comparing, ScanStep::Rules] {
        let cancel = AtomicBool::new(false);
        let mut steps = Vec::new();
        let report = scan_in_steps(
            &mut store,
            &admin,
            ScanKind::Full,
            &mut |step, _| {
                steps.push(step);
                if step == stop_in {
                    cancel.store(true, std::sync::atomic::Ordering::Relaxed);
                }
            },
            &cancel,
        )
        .unwrap();
        assert!(report.cancelled, "stopped in {stop_in:?}");
        assert!(!steps.contains(&ScanStep::Writing), "{steps:?}");
        assert_eq!(written(&store), before, "stopped in {stop_in:?}");
    }
    // Raised while writing, the flag is not heard: the scan is one transaction and completes.
    let cancel = AtomicBool::new(false);
    let report = scan_in_steps(
        &mut store,
        &admin,
        ScanKind::Full,
        &mut |step, _| {
            if step == ScanStep::Writing {
                cancel.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        },
        &cancel,
    )
    .unwrap();
    assert!(!report.cancelled);
    let after = written(&store);
    assert_eq!(after.0, report.flags_new);
    assert!(after.0 > 0);
    assert_eq!(after.1, before.1 + 1, "one scan run");
    assert_eq!(after.3, 6, "every record marked scanned");
}

#[test]
fn a_scan_reports_its_four_steps_in_order_and_the_command_line_its_quarters() {
    use tinkuy::services::overlaps::scan::{scan_in_steps, ScanStep};
    use tinkuy::services::progress::Progress;
    let (_dir, mut store, admin) = district();
    let mut reports: Vec<(ScanStep, Progress)> = Vec::new();
    let report = scan_in_steps(
        &mut store,
        &admin,
        ScanKind::Full,
        &mut |step, p| reports.push((step, p)),
        &AtomicBool::new(false),
    )
    .unwrap();
    let mut steps: Vec<ScanStep> = reports.iter().map(|(s, _)| *s).collect();
    steps.dedup();
    assert_eq!(
        steps,
        [
            ScanStep::Loading,
            ScanStep::Comparing,
            ScanStep::Rules,
            ScanStep::Writing
        ]
    );
    let of = |step: ScanStep| -> Vec<Progress> {
        reports
            .iter()
            .filter(|(s, _)| *s == step)
            .map(|(_, p)| *p)
            .collect()
    };
    // Each step starts with nothing done; comparing ends with every record looked at, writing
    // with every flag written.
    assert_eq!(of(ScanStep::Comparing).first().map(|p| p.done), Some(0));
    assert_eq!(
        of(ScanStep::Comparing).last(),
        Some(&Progress { done: 6, total: 6 })
    );
    let flags = u64::try_from(report.flags_new).unwrap();
    assert_eq!(
        of(ScanStep::Writing),
        [
            Progress {
                done: 0,
                total: flags
            },
            Progress {
                done: flags,
                total: flags
            }
        ]
    );
    // The command line's view of the same: a quarter per step.
    let mut quarters = Vec::new();
    scan(
        &mut store,
        &admin,
        ScanKind::Incremental,
        &mut |p: Progress| quarters.push((p.done, p.total)),
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!(quarters, [(1, 4), (2, 4), (3, 4), (4, 4)]);
}
