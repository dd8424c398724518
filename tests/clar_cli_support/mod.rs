//! Running the built binary through a CLAR contest: an office with users and a roster,
//! associations with members, an open call and two submitted proposals, as a clerk's script
//! would do it. Shared by `cli_clar_flow.rs` and `cli_clar_errors.rs`.
#![allow(dead_code)]

use chrono::{Days, NaiveDate, Utc};
use std::path::Path;
use std::process::{Command, Output};

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");

/// Runs tinkuy as `user` (password `clave-<user>`); `new` is the password of a user created.
pub fn tinkuy(db: &Path, args: &[&str], user: &str) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tinkuy"));
    cmd.arg("--db").arg(db).args(args);
    for var in [
        "TINKUY_DB",
        "TINKUY_LANG",
        "TINKUY_USER",
        "TINKUY_NEW_PASSWORD",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("XDG_CONFIG_HOME", db.parent().unwrap_or(Path::new(".")));
    cmd.env("TINKUY_USER", user)
        .env("TINKUY_PASSWORD", format!("clave-{user}"));
    if let Some(new_user) = args.iter().skip_while(|a| **a != "add").nth(1) {
        cmd.env("TINKUY_NEW_PASSWORD", format!("clave-{new_user}"));
    }
    let Output {
        status,
        stdout,
        stderr,
    } = cmd.output().expect("run tinkuy");
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

/// Runs a command that must succeed; returns its output.
pub fn ok(db: &Path, args: &[&str], user: &str) -> String {
    let run = tinkuy(db, args, user);
    assert_eq!(run.code, 0, "{args:?}: {}{}", run.stdout, run.stderr);
    assert!(run.stderr.is_empty(), "{args:?}: {}", run.stderr);
    run.stdout
}

/// Runs a command that must fail with one line; returns that line.
pub fn refused(db: &Path, args: &[&str], user: &str) -> String {
    let run = tinkuy(db, args, user);
    assert_eq!(run.code, 1, "{args:?} should fail: {}", run.stdout);
    assert_eq!(run.stderr.lines().count(), 1, "{args:?}: {}", run.stderr);
    run.stderr.trim_end().to_string()
}

/// The first record code (`03021201-57`) in a text.
pub fn code_in(text: &str) -> String {
    text.split(|c: char| !(c.is_ascii_digit() || c == '-'))
        .find(|w| {
            w.split_once('-')
                .is_some_and(|(a, b)| a.len() == 8 && !b.is_empty())
        })
        .unwrap_or_else(|| panic!("no code in {text:?}"))
        .to_string()
}

pub fn today() -> NaiveDate {
    Utc::now().date_naive()
}

pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// An office with a registrador (rosa), two CLAR members' accounts, and a JUNTOS roster
/// (so the registry has people and communities).
pub fn office(db: &Path) {
    let init = tinkuy(
        db,
        &["init", "--admin", "admin", "--district", "030212"],
        "admin",
    );
    assert_eq!(init.code, 0, "{}", init.stderr);
    for (user, role) in [
        ("rosa", "registrador"),
        ("clar1", "miembro_clar"),
        ("clar2", "miembro_clar"),
    ] {
        ok(db, &["users", "add", user, "--role", role], "admin");
    }
    let roster = format!("{DATA}/juntos_cachi.csv");
    ok(db, &["import", "roster", &roster], "rosa");
}

/// Registers an association with three members (one from the registry); returns its code.
pub fn association(db: &Path, name: &str, community: &str, people: [(&str, &str); 3]) -> String {
    let out = ok(
        db,
        &[
            "clar",
            "association",
            "add",
            name,
            "--kind",
            "producer_association",
            "--community",
            community,
        ],
        "rosa",
    );
    assert!(out.starts_with("Asociación registrada: "), "{out}");
    let code = code_in(&out);
    let (registry_dni, _) = people[0];
    let first = ok(
        db,
        &[
            "clar",
            "association",
            "member",
            &code,
            "--person",
            registry_dni,
        ],
        "rosa",
    );
    assert!(first.ends_with("(socios: 1).\n"), "{first}");
    for (dni, full_name) in &people[1..] {
        let args = [
            "clar",
            "association",
            "member",
            name,
            "--name",
            full_name,
            "--dni",
            dni,
        ];
        ok(db, &args, "rosa");
    }
    code
}

/// Adds a budget line; returns the printed totals line.
pub fn line(
    db: &Path,
    proposal: &str,
    category: &str,
    programme: &str,
    counterpart: &str,
) -> String {
    let args = [
        "clar",
        "proposal",
        "line",
        proposal,
        "--category",
        category,
        "--description",
        "Línea",
        "--programme",
        programme,
        "--counterpart",
        counterpart,
    ];
    ok(db, &args, "rosa")
}

pub fn proposal(db: &Path, call: &str, association: &str, title: &str) -> String {
    let out = ok(
        db,
        &[
            "clar",
            "proposal",
            "add",
            "--call",
            call,
            "--association",
            association,
            "--title",
            title,
            "--product",
            "Cuyes",
        ],
        "rosa",
    );
    code_in(&out)
}

/// A Haku Wiñay call open from 30 days ago to 30 days on; returns its code.
pub fn open_call(db: &Path) -> String {
    let opens = iso(today() - Days::new(30));
    let closes = iso(today() + Days::new(30));
    let out = ok(
        db,
        &[
            "clar",
            "call",
            "add",
            "--preset",
            "haku_winay_venture",
            "--title",
            "Fondo concursable 2026",
            "--envelope",
            "10 000",
            "--opens",
            &opens,
            "--closes",
            &closes,
        ],
        "rosa",
    );
    assert!(
        out.contains("Aporte del programa: hasta el 100 % del total y hasta S/ 7,000.00."),
        "{out}"
    );
    assert!(out.contains("  5. Dominio del negocio y respuestas al CLAR (de 0 a 25)"));
    let call = code_in(&out);
    ok(db, &["clar", "call", "open", &call], "rosa");
    call
}

/// Everything up to two submitted proposals: (call, cuyes proposal, textiles proposal).
pub fn submitted(db: &Path) -> (String, String, String) {
    office(db);
    let cuyes = association(
        db,
        "Asociación de Criadores de Cuyes Huantana",
        "Huantana",
        [
            ("40112233", ""),
            ("41234567", "Juan Quispe Mamani"),
            ("42345678", "Rosa Huamán Ccori"),
        ],
    );
    let tejidos = association(
        db,
        "Grupo de Tejedoras Chullisana",
        "chullisana",
        [
            ("01234567", ""),
            ("43456789", "Elena Ccori Puma"),
            ("44567890", "Lucía Mamani Tito"),
        ],
    );
    let call = open_call(db);
    let p1 = proposal(db, &call, &cuyes, "Crianza de cuyes mejorados");
    let p2 = proposal(db, &call, &tejidos, "Tejidos de alpaca");
    line(db, &p1, "materials", "4200", "1000");
    line(db, &p1, "technical_assistance", "2 800,00", "0");
    let over = line(db, &p1, "other", "0.01", "0");
    assert!(
        over.contains("Programa S/ 7,000.01 + contrapartida S/ 1,000.00 = S/ 8,000.01"),
        "{over}"
    );
    // One céntimo over the ceiling: refused, saying which rule and by how much.
    let refusal = refused(db, &["clar", "proposal", "submit", &p1], "rosa");
    assert_eq!(
        refusal,
        "error: La propuesta no cumple la convocatoria y no se presentó. La parte del programa \
         (S/ 7,000.01) supera el tope de la convocatoria (S/ 7,000.00) en S/ 0.01."
    );
    let show = ok(db, &["clar", "proposal", "show", &p1], "rosa");
    assert!(show.contains("Estado: Borrador"), "{show}");
    assert!(show.contains("supera el tope de la convocatoria"), "{show}");
    ok(db, &["clar", "proposal", "remove-line", &p1, "3"], "rosa");
    let sent = ok(db, &["clar", "proposal", "submit", &p1], "rosa");
    assert!(sent.contains("fue presentada"), "{sent}");
    line(db, &p2, "materials", "3000", "500");
    line(db, &p2, "training", "2000", "0");
    ok(db, &["clar", "proposal", "submit", &p2], "rosa");
    (call, p1, p2)
}
