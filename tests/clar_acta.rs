//! The acta of a CLAR session against golden files, in both languages and three formats.
//! Run with `UPDATE_GOLDEN=1` to rewrite the files after a deliberate change, then read the
//! diff before committing it.

mod clar_support;
mod common;

use clar_support::*;
use std::path::PathBuf;
use tinkuy::i18n::Lang;
use tinkuy::services::clar::acta::{self, ActaFormat};
use tinkuy::services::clar::error::ClarError;
use tinkuy::services::CoreError;

fn golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/clar")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with UPDATE_GOLDEN=1 to create it)",
            path.display()
        )
    });
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from its golden file at line {}:\nexpected: {:?}\nactual:   {:?}",
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}

#[test]
fn acta_matches_the_golden_files_in_both_languages() {
    let s = awarded();
    for (lang, code) in [(Lang::Es, "es"), (Lang::En, "en")] {
        for format in [ActaFormat::Markdown, ActaFormat::Text, ActaFormat::Html] {
            let text = acta::acta(&s.store, &s.clerk, s.session_id, format, lang).expect("acta");
            golden(&format!("acta.{code}.{}", format.extension()), &text);
        }
    }
}

#[test]
fn acta_is_the_same_for_a_member_who_sat_on_the_session() {
    let s = awarded();
    let staff = acta::acta(
        &s.store,
        &s.clerk,
        s.session_id,
        ActaFormat::Markdown,
        Lang::Es,
    )
    .unwrap();
    let member = acta::acta(
        &s.store,
        &s.members[2].0,
        s.session_id,
        ActaFormat::Markdown,
        Lang::Es,
    )
    .unwrap();
    assert_eq!(staff, member);
}

#[test]
fn an_open_session_has_no_acta_yet() {
    let s = scored();
    let result = acta::acta(&s.store, &s.clerk, s.session_id, ActaFormat::Text, Lang::Es);
    assert!(matches!(
        result,
        Err(CoreError::Clar(ClarError::SessionOpen))
    ));
}

#[test]
fn a_provisional_acta_says_the_results_are_not_adopted() {
    let mut s = scored();
    let version = session_version(&s);
    tinkuy::services::clar::session::close_session(&mut s.store, &s.clerk, s.session_id, version)
        .unwrap();
    let text = acta::acta(&s.store, &s.clerk, s.session_id, ActaFormat::Text, Lang::Es).unwrap();
    assert!(text.contains("Los resultados aún no fueron adjudicados"));
    let remaining = text.lines().find(|l| l.starts_with("Saldo del fondo:"));
    assert!(
        remaining.is_some_and(|l| l.ends_with(" S/ 12,000.00")),
        "{text}"
    );
}
