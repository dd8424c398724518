//! `tinkuy clar …` run as a person or a script would: the built binary on a temp database
//! holding the CLAR scenario of `clar_support`.

mod clar_support;
mod common;

use clar_support::*;
use std::path::Path;
use std::process::{Command, Output};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn tinkuy(db: &Path, args: &[&str], user: &str) -> Run {
    let password = if user == "admin" {
        common::ADMIN_PASSWORD
    } else {
        "clave"
    };
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tinkuy"));
    cmd.arg("--db").arg(db).args(args);
    for var in ["TINKUY_DB", "TINKUY_LANG", "TINKUY_NEW_PASSWORD"] {
        cmd.env_remove(var);
    }
    cmd.env("XDG_CONFIG_HOME", db.parent().unwrap_or(Path::new(".")));
    cmd.env("TINKUY_USER", user)
        .env("TINKUY_PASSWORD", password);
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

fn golden(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/clar")
        .join(name);
    std::fs::read_to_string(path).expect("golden file")
}

#[test]
fn sessions_lists_acta_numbers_dates_and_calls() {
    let s = awarded();
    let run = tinkuy(s.store.path(), &["clar", "sessions"], "rosa");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(
        lines[0].starts_with("acta      fecha      estado"),
        "{}",
        run.stdout
    );
    assert!(
        lines[1].starts_with("1-2026    2026-05-14 Cerrada"),
        "{}",
        run.stdout
    );
    assert!(lines[1].contains(&tinkuy::store::ids::display(s.session_id)));
    assert!(lines[1].ends_with("Concurso de planes de negocio 2026 – Cachi"));
    // A CLAR member sees the sessions they sit on, in the same form.
    let member = tinkuy(
        s.store.path(),
        &["clar", "sessions", "--lang", "en"],
        "clar2",
    );
    assert_eq!(member.code, 0, "{}", member.stderr);
    assert!(
        member.stdout.starts_with("minutes   date"),
        "{}",
        member.stdout
    );
    assert!(member.stdout.contains("1-2026    2026-05-14 Closed"));
}

#[test]
fn ranking_shows_the_order_the_result_and_what_remains() {
    let s = awarded();
    let run = tinkuy(s.store.path(), &["clar", "ranking", "1-2026"], "rosa");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = &run.stdout;
    assert!(out.starts_with("Acta N° 1-2026 — Concurso de planes de negocio 2026 – Cachi\n"));
    assert!(
        out.contains(
            "     1   95.500        S/ 56,000.00  Financiada           Engorde de truchas en jaulas"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "     2   87.333        S/ 63,000.00  No alcanza el fondo  Crianza de cuyes mejorados"
        ),
        "{out}"
    );
    assert!(out.contains("Saldo del fondo: S/ 12,000.00"));
}

#[test]
fn acta_prints_markdown_and_writes_html_whole() {
    let s = awarded();
    let md = tinkuy(
        s.store.path(),
        &["clar", "acta", "1-2026", "--format", "md"],
        "rosa",
    );
    assert_eq!(md.code, 0, "{}", md.stderr);
    assert_eq!(md.stdout, golden("acta.es.md"));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("acta.html");
    let id = tinkuy::store::ids::display(s.session_id);
    let html = tinkuy(
        s.store.path(),
        &[
            "clar",
            "acta",
            &id,
            "--format",
            "html",
            "--lang",
            "en",
            "--out",
            out.to_str().unwrap(),
        ],
        "clar1",
    );
    assert_eq!(html.code, 0, "{}", html.stderr);
    assert_eq!(
        html.stdout.trim(),
        format!("Minutes written to {}", out.display())
    );
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        golden("acta.en.html")
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn an_unwritable_path_gives_one_clear_line_and_no_file() {
    let s = awarded();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("no-existe").join("acta.txt");
    let run = tinkuy(
        s.store.path(),
        &[
            "clar",
            "acta",
            "1-2026",
            "--format",
            "txt",
            "--out",
            target.to_str().unwrap(),
        ],
        "rosa",
    );
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert_eq!(
        run.stderr.trim(),
        format!(
            "error: No se pudo escribir {}: la carpeta no existe. No quedó ningún archivo a medias.",
            target.display()
        )
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    let folder = tinkuy(
        s.store.path(),
        &[
            "clar",
            "acta",
            "1-2026",
            "--out",
            dir.path().to_str().unwrap(),
        ],
        "rosa",
    );
    assert_eq!(folder.code, 1);
    assert!(
        folder.stderr.contains("es una carpeta, no un archivo"),
        "{}",
        folder.stderr
    );
}

#[test]
fn unknown_sessions_and_forbidden_commands_are_one_line_errors() {
    let s = awarded();
    let unknown = tinkuy(s.store.path(), &["clar", "acta", "9-2026"], "rosa");
    assert_eq!(unknown.code, 1);
    assert_eq!(
        unknown.stderr.trim(),
        "error: No existe la sesión del CLAR «9-2026». Vea los números de acta con «tinkuy clar sessions»."
    );
    let member = tinkuy(s.store.path(), &["clar", "followup"], "clar1");
    assert_eq!(member.code, 1);
    assert!(
        member
            .stderr
            .starts_with("error: Su rol (Miembro del CLAR) no permite consultar concursos"),
        "{}",
        member.stderr
    );
}

#[test]
fn followup_counts_per_call() {
    let s = awarded();
    let run = tinkuy(
        s.store.path(),
        &["clar", "followup", "--as-of", "2027-06-30"],
        "rosa",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("Concurso de planes de negocio 2026 – Cachi\n  financiados"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("  sin visita             2\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn help_for_clar_is_in_both_languages() {
    let s = open_call();
    let es = tinkuy(s.store.path(), &["clar", "--help"], "rosa");
    assert!(
        es.stdout.contains("Exporta el acta de una sesión"),
        "{}",
        es.stdout
    );
    let en = tinkuy(
        s.store.path(),
        &["--lang", "en", "clar", "acta", "--help"],
        "rosa",
    );
    assert!(
        en.stdout.contains("written whole or not at all"),
        "{}",
        en.stdout
    );
    assert!(
        en.stdout.contains("[possible values: md, txt, html]"),
        "{}",
        en.stdout
    );
}
