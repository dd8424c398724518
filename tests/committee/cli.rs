//! The committee from the command line, as a coordinator or a script runs it: the built
//! binary on a temporary database.

use std::path::Path;
use std::process::Command;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

const COORD: &[(&str, &str)] = &[("TINKUY_USER", "ana"), ("TINKUY_PASSWORD", "secreto")];

fn tinkuy(db: &Path, args: &[&str]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tinkuy"));
    cmd.arg("--db").arg(db).args(args);
    for var in ["TINKUY_DB", "TINKUY_LANG", "TINKUY_NEW_PASSWORD"] {
        cmd.env_remove(var);
    }
    cmd.env("XDG_CONFIG_HOME", db.parent().unwrap_or(Path::new(".")));
    cmd.envs(COORD.iter().copied());
    let out = cmd.output().expect("run tinkuy");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn ok(db: &Path, args: &[&str]) -> String {
    let run = tinkuy(db, args);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    run.stdout
}

/// A database with the committee, its members and one meeting; returns the meeting's id.
fn committee_with_a_meeting(db: &Path) -> String {
    ok(db, &["init", "--admin", "ana", "--district", "030212"]);
    ok(
        db,
        &[
            "committee",
            "create",
            "--name",
            "Comité de Cachi",
            "--rule",
            "primer martes",
        ],
    );
    for code in ["AGRORURAL", "JUNTOS", "SALUD"] {
        ok(
            db,
            &["committee", "add-member", code, "--since", "2025-01-01"],
        );
    }
    let out = ok(
        db,
        &[
            "meeting",
            "add",
            "--date",
            "06/01/2026",
            "--time",
            "9:00",
            "--place",
            "Local comunal",
        ],
    );
    out.trim().rsplit(' ').next().unwrap().to_string()
}

#[test]
fn a_meeting_from_agenda_to_exported_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let meeting = committee_with_a_meeting(&db);
    ok(
        &db,
        &[
            "meeting",
            "item",
            &meeting,
            "--title",
            "Padrones",
            "--presenter",
            "juntos",
            "--time",
            "09:30",
        ],
    );
    ok(
        &db,
        &[
            "meeting",
            "attend",
            &meeting,
            "juntos",
            "--status",
            "present",
            "--name",
            "Elena Ccori",
        ],
    );
    ok(
        &db,
        &[
            "meeting", "attend", &meeting, "salud", "--status", "excused",
        ],
    );
    ok(
        &db,
        &[
            "meeting",
            "notes",
            &meeting,
            "--item",
            "1",
            "--text",
            "Se revisó el padrón.",
        ],
    );
    let agreed = ok(
        &db,
        &[
            "meeting",
            "agree",
            &meeting,
            "--description",
            "Enviar el padrón",
            "--responsible",
            "JUNTOS",
            "--due",
            "2026-01-30",
            "--item",
            "1",
        ],
    );
    assert!(
        agreed.starts_with("Acuerdo registrado: 03021201-"),
        "{agreed}"
    );
    ok(&db, &["meeting", "held", &meeting]);
    let list = ok(&db, &["meeting", "list"]);
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(
        lines[0],
        "reunión     fecha       hora   estado     acuerdos  lugar"
    );
    assert_eq!(
        lines[1],
        format!("{meeting}  2026-01-06  09:00  realizada  1         Local comunal")
    );
    let txt = ok(&db, &["meeting", "export", &meeting, "--format", "txt"]);
    assert!(txt.contains("1. 09:30 Padrones\n   Presenta: Programa Juntos (MIDIS)\n   Notas: Se revisó el padrón."), "{txt}");
    assert!(txt.contains("Presentes: Programa Juntos (MIDIS) (Elena Ccori)"));
    assert!(txt.contains("Justificadas: Centro de Salud (MINSA)"));
    let en = ok(
        &db,
        &[
            "--lang", "en", "meeting", "export", &meeting, "--format", "md",
        ],
    );
    assert!(
        en.starts_with("# Minutes of the multisector committee meeting"),
        "{en}"
    );
    let out = dir.path().join("acta.html");
    let run = tinkuy(
        &db,
        &[
            "meeting",
            "export",
            &meeting,
            "--format",
            "html",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "", "the page goes to the file, not the screen");
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .contains("<h2>Acuerdos</h2>"));
}

#[test]
fn pending_agreements_as_csv_for_the_agencies() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let meeting = committee_with_a_meeting(&db);
    ok(
        &db,
        &[
            "meeting",
            "agree",
            &meeting,
            "--description",
            "Campaña, con \"vacunas\"",
            "--responsible",
            "agrorural",
            "--due",
            "2026-02-15",
        ],
    );
    let done = ok(
        &db,
        &[
            "meeting",
            "agree",
            &meeting,
            "--description",
            "Lista",
            "--responsible",
            "juntos",
            "--due",
            "2026-01-30",
        ],
    );
    let done_id = done.trim().rsplit(' ').next().unwrap().to_string();
    ok(
        &db,
        &[
            "agreements",
            "set",
            &done_id,
            "--status",
            "done",
            "--on",
            "2026-01-20",
        ],
    );
    let csv = ok(
        &db,
        &["agreements", "--status", "pending", "--format", "csv"],
    );
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 2, "{csv}");
    assert!(lines[0].starts_with("\u{feff}acuerdo,reunion,fecha_reunion,codigo_institucion"));
    assert!(
        lines[1].contains(
            ",AGRORURAL,Agrorural (MIDAGRI),\"Campaña, con \"\"vacunas\"\"\",2026-02-15,pendiente,"
        ),
        "{}",
        lines[1]
    );
    let all = ok(
        &db,
        &[
            "--lang",
            "en",
            "agreements",
            "--status",
            "all",
            "--format",
            "csv",
        ],
    );
    assert!(
        all.contains(",JUNTOS,Programa Juntos (MIDIS),Lista,2026-01-30,done,0,2026-01-20,"),
        "{all}"
    );
    let file = dir.path().join("acuerdos.csv");
    ok(
        &db,
        &[
            "agreements",
            "--format",
            "csv",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), csv);
}

#[test]
fn bad_input_is_one_clear_line_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let meeting = committee_with_a_meeting(&db);
    let cases: &[(&[&str], &str)] = &[
        (&["meeting", "add", "--date", "31/02/2026", "--place", "x"],
         "error: Fecha de la reunión: La fecha «31/02/2026» no existe: febrero de 2026 tiene 28 días"),
        (&["meeting", "agree", &meeting, "--description", "x", "--due", "2026-02-01"],
         "error: Todo acuerdo necesita una institución responsable"),
        (&["meeting", "agree", &meeting, "--description", "x", "--responsible", "JUNTOS"],
         "error: Todo acuerdo necesita una fecha límite"),
        (&["meeting", "attend", &meeting, "JUNTOS", "--status", "tarde"],
         "error: «tarde» no es un estado de asistencia. Use uno de: present, absent, excused."),
        (&["meeting", "export", &meeting, "--out", "/no/existe/acta.txt"],
         "error: No se pudo escribir /no/existe/acta.txt: la carpeta no existe. No se escribió nada"),
        (&["meeting", "held", "99999"], "error: No existe la reunión 99999."),
    ];
    for (args, message) in cases {
        let run = tinkuy(&db, args);
        assert_eq!(run.code, 1, "{args:?}");
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
        assert!(run.stderr.starts_with(message), "{args:?}: {}", run.stderr);
    }
    let list = ok(&db, &["meeting", "list"]);
    assert_eq!(list.lines().count(), 2, "only the first meeting: {list}");
    assert!(
        list.lines().nth(1).unwrap().contains("  0  "),
        "no agreements: {list}"
    );
}

#[test]
fn an_agency_with_agreements_is_deactivated_instead_of_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let meeting = committee_with_a_meeting(&db);
    ok(
        &db,
        &[
            "agency",
            "add",
            "ong_allin",
            "--name",
            "ONG Allin Kawsay",
            "--sector",
            "ngo",
            "--level",
            "non_governmental",
            "--address",
            "Jr. Ayacucho 120",
        ],
    );
    ok(
        &db,
        &[
            "committee",
            "add-member",
            "ONG_ALLIN",
            "--since",
            "2025-06-01",
        ],
    );
    ok(
        &db,
        &[
            "meeting",
            "agree",
            &meeting,
            "--description",
            "Taller",
            "--responsible",
            "ONG_ALLIN",
            "--due",
            "2026-03-01",
        ],
    );
    let refused = tinkuy(&db, &["agency", "delete", "ONG_ALLIN"]);
    assert_eq!(refused.code, 1);
    assert!(
        refused
            .stderr
            .contains("Desactívela con «tinkuy agency deactivate ONG_ALLIN»"),
        "{}",
        refused.stderr
    );
    ok(&db, &["agency", "deactivate", "ONG_ALLIN"]);
    assert!(!ok(&db, &["agency", "list"]).contains("ONG_ALLIN"));
    let all = ok(&db, &["agency", "list", "--all", "--format", "csv"]);
    assert!(
        all.contains("ONG_ALLIN,ONG Allin Kawsay,ONG,No gubernamental,No,,Jr. Ayacucho 120"),
        "{all}"
    );
    let bad = tinkuy(
        &db,
        &[
            "agency", "add", "X_Y", "--name", "x", "--sector", "mining", "--level", "district",
        ],
    );
    assert!(
        bad.stderr
            .contains("«mining» no es un sector. Use uno de: social_protection"),
        "{}",
        bad.stderr
    );
}

#[test]
fn help_for_the_committee_is_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let es = tinkuy(&db, &["meeting", "export", "--help"]);
    assert!(
        es.stdout
            .contains("Exporta el acta de una reunión (md, txt o html)"),
        "{}",
        es.stdout
    );
    assert!(es.stdout.contains("Archivo donde escribir"));
    let en = tinkuy(&db, &["--lang", "en", "agreements", "--help"]);
    assert!(
        en.stdout
            .contains("Agreements of every meeting, by agency (also as CSV)"),
        "{}",
        en.stdout
    );
    assert!(en
        .stdout
        .contains("Which agreements: pending, overdue, done, dropped or all"));
}

#[test]
fn the_schedule_plans_a_year_of_first_tuesdays() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    committee_with_a_meeting(&db);
    let out = ok(
        &db,
        &[
            "committee",
            "schedule",
            "--from",
            "2026-01-01",
            "--months",
            "3",
            "--place",
            "Municipalidad",
            "--time",
            "09:00",
        ],
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(
        lines[0].starts_with("2026-01-06  03021201-") && lines[0].ends_with("ya existía"),
        "{out}"
    );
    assert!(lines[1].starts_with("2026-02-03") && lines[1].ends_with("programada"));
    assert!(lines[2].starts_with("2026-03-03"));
}
