//! Bad input to the CLAR's commands: unknown codes, bad amounts and dates, presets that
//! contradict the kind, and commands run by the wrong role. Each is one line and exit 1.

mod clar_cli_support;

use chrono::Datelike;
use clar_cli_support::*;

#[test]
fn unknown_codes_bad_amounts_and_wrong_roles_are_one_line_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tinkuy.db");
    let db = db.as_path();
    office(db);
    let unknown = refused(db, &["clar", "proposal", "show", "03021201-999"], "rosa");
    assert_eq!(
        unknown,
        "error: No existe la propuesta «03021201-999». Vea los códigos con «tinkuy clar proposal list --call …»."
    );
    let garbage = refused(
        db,
        &["clar", "association", "member", "no-such", "--name", "Ana"],
        "rosa",
    );
    assert!(
        garbage.starts_with("error: No existe la asociación «no-such»."),
        "{garbage}"
    );
    let community = refused(
        db,
        &[
            "clar",
            "association",
            "add",
            "X",
            "--kind",
            "community",
            "--community",
            "Atlantida",
        ],
        "rosa",
    );
    assert!(
        community.contains("No hay una comunidad «Atlantida» registrada en el distrito 030212"),
        "{community}"
    );
    let opens = iso(today());
    let amount = refused(
        db,
        &[
            "clar",
            "call",
            "add",
            "--preset",
            "aliados_business_plan",
            "--title",
            "T",
            "--envelope",
            "12,5,0",
            "--opens",
            &opens,
            "--closes",
            &opens,
        ],
        "rosa",
    );
    assert!(
        amount.starts_with("error: --envelope: El monto «12,5,0»"),
        "{amount}"
    );
    let date = refused(
        db,
        &[
            "clar",
            "call",
            "add",
            "--preset",
            "aliados_business_plan",
            "--title",
            "T",
            "--envelope",
            "1000",
            "--opens",
            "31/02/2026",
            "--closes",
            &opens,
        ],
        "rosa",
    );
    assert!(date.starts_with("error: --opens: "), "{date}");
    let mismatch = refused(
        db,
        &[
            "clar",
            "call",
            "add",
            "--preset",
            "haku_winay_venture",
            "--kind",
            "business_plan",
            "--title",
            "T",
            "--envelope",
            "1000",
            "--opens",
            &opens,
            "--closes",
            &opens,
        ],
        "rosa",
    );
    assert!(mismatch.contains("--kind"), "{mismatch}");
    // A CLAR member may not create; a registrador may not score.
    let member = refused(db, &["clar", "call", "list"], "clar1");
    assert!(
        member.starts_with("error: Su rol (Miembro del CLAR) no permite"),
        "{member}"
    );
    let call = open_call(db);
    let args = [
        "clar",
        "member",
        "add",
        "Rosa",
        "--represents",
        "Oficina",
        "--username",
        "rosa",
    ];
    let not_clar = refused(db, &args, "rosa");
    assert!(
        not_clar.contains("no tiene el rol Miembro del CLAR"),
        "{not_clar}"
    );
    let staff = refused(
        db,
        &[
            "clar",
            "score",
            "1-2026",
            "--proposal",
            &call,
            "--points",
            "1",
        ],
        "rosa",
    );
    assert!(
        staff.contains("No existe la sesión del CLAR «1-2026»"),
        "{staff}"
    );
    let wrong_role = refused(db, &["clar", "call", "close", &call], "clar2");
    assert!(
        wrong_role.starts_with("error: Su rol (Miembro del CLAR)"),
        "{wrong_role}"
    );
    let english = tinkuy(
        db,
        &[
            "--lang",
            "en",
            "clar",
            "proposal",
            "line",
            &call,
            "--category",
            "other",
            "--description",
            "x",
            "--programme",
            "abc",
        ],
        "rosa",
    );
    assert_eq!(english.code, 1);
    assert!(
        english.stderr.starts_with("error: --programme: "),
        "{}",
        english.stderr
    );
}

#[test]
fn a_registrador_cannot_score_and_help_is_localized() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tinkuy.db");
    let db = db.as_path();
    let (call, p1, _) = submitted(db);
    ok(db, &["clar", "call", "close", &call], "rosa");
    let args = [
        "clar",
        "member",
        "add",
        "Teodoro",
        "--represents",
        "Municipio",
        "--username",
        "clar1",
    ];
    ok(db, &args, "rosa");
    let date = iso(today());
    let args = [
        "clar",
        "session",
        "open",
        "--call",
        &call,
        "--date",
        &date,
        "--place",
        "Cachi",
        "--members",
        "Teodoro",
    ];
    ok(db, &args, "rosa");
    let acta = format!("1-{}", today().year());
    let staff = refused(
        db,
        &[
            "clar",
            "score",
            &acta,
            "--proposal",
            &p1,
            "--points",
            "1,1,1,1,1",
        ],
        "rosa",
    );
    assert!(
        staff.starts_with("error: Su rol (Registrador) no permite calificar"),
        "{staff}"
    );
    let help = tinkuy(db, &["--lang", "en", "clar", "score", "--help"], "rosa");
    assert!(help
        .stdout
        .contains("Points, comma-separated, in the order of the criteria"));
    let es = tinkuy(db, &["clar", "proposal", "--help"], "rosa");
    assert!(es.stdout.contains("Presenta la propuesta"), "{}", es.stdout);
}
