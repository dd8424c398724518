//! A whole CLAR contest through the built binary, as an office would run it from a script:
//! set-up, users, associations and their members, a call, proposals with budgets, a refused
//! submission, reviews, CLAR members, a session with a declared conflict, scores, closing,
//! the award, the acta and follow-up.

mod clar_cli_support;

use chrono::Datelike;
use clar_cli_support::*;
use std::path::Path;

#[test]
fn a_whole_contest_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tinkuy.db");
    let db = db.as_path();
    let (call, p1, p2) = submitted(db);
    let list = ok(db, &["clar", "proposal", "list", "--call", &call], "rosa");
    assert!(list.contains("Presentada  S/ 7,000.00"), "{list}");
    assert!(list.contains("Presentada  S/ 5,000.00"), "{list}");

    let visit = iso(today());
    let review = ok(
        db,
        &[
            "clar",
            "review",
            &p1,
            "--verdict",
            "viable",
            "--reasons",
            "Mercado asegurado",
            "--visit",
            &visit,
            "--present",
            "40112233,41234567,99999999",
        ],
        "rosa",
    );
    assert!(
        review.contains("Familias presentes en la visita: 2 de 3."),
        "{review}"
    );
    assert!(review.contains("no cuentan: 99999999."), "{review}");
    assert!(
        review.ends_with("«Crianza de cuyes mejorados» es viable.\n"),
        "{review}"
    );
    let args = [
        "clar",
        "review",
        &p2,
        "--verdict",
        "viable",
        "--reasons",
        "Buen plan",
        "--visit",
        &visit,
        "--present",
        "01234567,43456789",
    ];
    ok(db, &args, "rosa");

    for (name, represents, user) in [
        ("Teodoro Palomino Ayala", "Municipalidad distrital", "clar1"),
        ("Victoria Ccahuana Soto", "Comunidad de Huantana", "clar2"),
    ] {
        let args = [
            "clar",
            "member",
            "add",
            name,
            "--represents",
            represents,
            "--username",
            user,
        ];
        let out = ok(db, &args, "rosa");
        assert!(out.starts_with("Miembro del CLAR registrado: "), "{out}");
    }
    ok(db, &["clar", "call", "close", &call], "rosa");
    let opened = ok(
        db,
        &[
            "clar",
            "session",
            "open",
            "--call",
            &call,
            "--date",
            &visit,
            "--place",
            "Local comunal de Cachi",
            "--members",
            "Teodoro Palomino Ayala,victoria ccahuana soto",
        ],
        "rosa",
    );
    let acta = format!("1-{}", today().year());
    assert!(
        opened.starts_with(&format!("Sesión instalada: acta {acta} (")),
        "{opened}"
    );
    assert!(opened.ends_with("con 2 miembros presentes.\n"), "{opened}");
    scoring_with_a_conflict(db, &acta, &p1, &p2);
    closing_and_awarding(db, &acta, &p1, &p2, dir.path());
}

fn scoring_with_a_conflict(db: &Path, acta: &str, p1: &str, p2: &str) {
    let args = [
        "clar",
        "conflict",
        acta,
        "--member",
        "Teodoro Palomino Ayala",
        "--proposal",
        p2,
        "--kind",
        "relative",
        "--note",
        "Su hermana es socia",
    ];
    let declared = ok(db, &args, "rosa");
    assert_eq!(
        declared,
        "Conflicto registrado: Teodoro Palomino Ayala no calificará «Tejidos de alpaca».\n"
    );
    let recused = refused(
        db,
        &[
            "clar",
            "score",
            acta,
            "--proposal",
            p2,
            "--points",
            "10,10,10,10,10",
        ],
        "clar1",
    );
    assert_eq!(
        recused,
        "error: Teodoro Palomino Ayala tiene un conflicto de interés con «Tejidos de alpaca» \
         (familiar de un socio) y no puede calificarla. No se guardó nada."
    );
    let short = refused(
        db,
        &[
            "clar",
            "score",
            acta,
            "--proposal",
            p1,
            "--points",
            "18,12,13",
        ],
        "clar1",
    );
    assert!(short.contains("Se dieron 3 puntajes"), "{short}");
    assert!(
        short.contains("1. Participación de las familias (de 0 a 20)"),
        "{short}"
    );
    let too_high = refused(
        db,
        &[
            "clar",
            "score",
            acta,
            "--proposal",
            p1,
            "--points",
            "18,12,13,22,30",
        ],
        "clar1",
    );
    assert!(
        too_high.contains("fuera de la escala (de 0 a 25)"),
        "{too_high}"
    );
    for (user, proposal, points, total) in [
        ("clar1", p1, "18,12,13,22,21", "86"),
        ("clar2", p1, "17,11,12,20,20", "80"),
        ("clar2", p2, "15,10,10,18,18", "71"),
    ] {
        let args = [
            "clar",
            "score",
            acta,
            "--proposal",
            proposal,
            "--points",
            points,
        ];
        let saved = ok(db, &args, user);
        assert!(saved.ends_with(&format!(": {total} puntos.\n")), "{saved}");
    }
    // Of clar1's four sheets only the good one was saved (a write is audited or not made).
    let audit = ok(db, &["audit", "--of-user", "clar1"], "admin");
    assert_eq!(audit.matches(" score ").count(), 1, "{audit}");
}

fn closing_and_awarding(db: &Path, acta: &str, p1: &str, p2: &str, dir: &Path) {
    let closed = ok(db, &["clar", "session", "close", acta], "rosa");
    assert!(closed.starts_with(&format!("La sesión {acta} está cerrada.")));
    let award = ok(db, &["clar", "award", acta], "rosa");
    assert!(
        award.contains(
            "     1   83.000         S/ 7,000.00  Financiada           Crianza de cuyes mejorados"
        ),
        "{award}"
    );
    // Only clar2 scored the textiles: 71, and S/ 5,000 does not fit the S/ 3,000 left.
    assert!(
        award.contains(
            "     2   71.000         S/ 5,000.00  No alcanza el fondo  Tejidos de alpaca"
        ),
        "{award}"
    );
    assert!(award.contains("Saldo del fondo: S/ 3,000.00\n"), "{award}");
    assert!(award.ends_with("Resultados adjudicados.\n"), "{award}");
    let again = refused(db, &["clar", "award", acta], "rosa");
    assert_eq!(
        again,
        "error: Los resultados de esta sesión ya fueron adjudicados."
    );

    let out = dir.join("acta.md");
    let written = ok(
        db,
        &["clar", "acta", acta, "--out", out.to_str().unwrap()],
        "rosa",
    );
    assert!(written.starts_with("Acta escrita en"), "{written}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("| Teodoro Palomino Ayala | Tejidos de alpaca | Familiar de un socio | Su hermana es socia |"), "{text}");
    assert!(
        text.contains("| Teodoro Palomino Ayala | — | — | — | — | — | — |"),
        "{text}"
    );
    assert!(text.contains("Se abstiene por conflicto de interés: Teodoro Palomino Ayala."));

    let tranches = ok(db, &["clar", "tranche", "list", p1], "rosa");
    assert!(tranches.contains("1           S/ 4,900.00"), "{tranches}");
    let paid = ok(
        db,
        &[
            "clar",
            "tranche",
            "pay",
            p1,
            "--tranche",
            "1",
            "--amount",
            "4900",
        ],
        "rosa",
    );
    assert_eq!(paid, "Desembolso 1 pagado: S/ 4,900.00.\n");
    let early = refused(
        db,
        &[
            "clar",
            "tranche",
            "pay",
            p1,
            "--tranche",
            "2",
            "--amount",
            "2100",
        ],
        "rosa",
    );
    assert!(
        early.contains("necesita antes la revisión de avance"),
        "{early}"
    );
    let visit = ok(
        db,
        &[
            "clar",
            "visit",
            p1,
            "--status",
            "operating",
            "--notes",
            "Galpón en uso",
        ],
        "rosa",
    );
    assert_eq!(
        visit,
        "Visita registrada a «Crianza de cuyes mejorados»: funciona.\n"
    );
    let none = ok(db, &["clar", "tranche", "list", p2], "rosa");
    assert!(none.contains("no fue financiada"), "{none}");
}
