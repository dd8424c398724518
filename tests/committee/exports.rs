//! The summaries: golden files for every format in both languages, the size bound of the
//! plain text, and writing to a path that cannot be written.
//!
//! To accept a deliberate change of the output, run the tests with `UPDATE_GOLDEN=1` and
//! review the diff of `tests/golden/committee/`.

use crate::fixture::three_meetings;
use std::path::PathBuf;
use tinkuy::i18n::{Lang, Localize};
use tinkuy::services::committee::export::write_atomically;
use tinkuy::services::committee::pending::{self, AgreementFilter, StatusFilter};
use tinkuy::services::committee::summary::{self, csv::agreements_csv, Format};

fn golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/committee")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing {}; run with UPDATE_GOLDEN=1", path.display()));
    assert!(
        expected == actual,
        "{name} differs from its golden file; diff:\n{}",
        diff(&expected, actual)
    );
}

fn diff(expected: &str, actual: &str) -> String {
    let mut out = String::new();
    for (n, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
        if e != a {
            out.push_str(&format!("line {}:\n- {e}\n+ {a}\n", n + 1));
        }
    }
    out.push_str(&format!(
        "({} vs {} lines)",
        expected.lines().count(),
        actual.lines().count()
    ));
    out
}

#[test]
fn summaries_match_their_golden_files_in_both_languages() {
    let f = three_meetings();
    let s = &f.setup;
    for lang in [Lang::Es, Lang::En] {
        for format in Format::ALL {
            let text = summary::summary(&s.store, &s.coordinator, f.march, format, lang).unwrap();
            golden(&format!("meeting.{}.{}", lang.code(), format.code()), &text);
            // Deterministic: the same meeting gives the same bytes.
            let again = summary::summary(&s.store, &s.coordinator, f.march, format, lang).unwrap();
            assert_eq!(text, again);
        }
        let filter = AgreementFilter {
            status: StatusFilter::Pending,
            agency: None,
        };
        let list =
            pending::list_agreements(&s.store, &s.coordinator, s.committee, &filter).unwrap();
        golden(
            &format!("agreements-pending.{}.csv", lang.code()),
            &agreements_csv(&list, lang),
        );
    }
}

#[test]
fn minutes_of_a_held_meeting_do_not_change_when_an_agreement_is_closed_later() {
    let mut f = three_meetings();
    let before = summary::summary(
        &f.setup.store,
        &f.setup.coordinator,
        f.march,
        Format::Text,
        Lang::Es,
    )
    .unwrap();
    f.setup.close(
        f.irrigation,
        tinkuy::domain::committee::AgreementStatus::Done,
        "2026-03-09",
        None,
    );
    f.setup.close(
        f.campaign,
        tinkuy::domain::committee::AgreementStatus::Dropped,
        "2026-03-10",
        Some("x"),
    );
    let after = summary::summary(
        &f.setup.store,
        &f.setup.coordinator,
        f.march,
        Format::Text,
        Lang::Es,
    )
    .unwrap();
    assert_eq!(before, after);
    // The coordinator's view, on the other hand, is today's.
    let list = pending::list_agreements(
        &f.setup.store,
        &f.setup.coordinator,
        f.setup.committee,
        &AgreementFilter {
            status: StatusFilter::Pending,
            agency: None,
        },
    )
    .unwrap();
    assert!(list
        .agreements
        .iter()
        .all(|a| a.row.id != f.irrigation && a.row.id != f.campaign));
}

#[test]
fn the_plain_text_is_small_enough_for_a_phone_message_and_has_no_wide_lines() {
    let f = three_meetings();
    let s = &f.setup;
    for lang in [Lang::Es, Lang::En] {
        let text = summary::summary(&s.store, &s.coordinator, f.march, Format::Text, lang).unwrap();
        assert!(text.len() < 4096, "{} bytes in {lang:?}", text.len());
        assert!(!text.contains('|') && !text.contains('\t'), "no tables");
        // A typical meeting still says everything a reader needs.
        for needle in [
            "03021201-",
            "2026-03-03 09:00",
            "Agrorural (MIDAGRI)",
            "2026-04-07",
        ] {
            assert!(text.contains(needle), "{needle} missing");
        }
    }
}

#[test]
fn the_html_page_is_self_contained_and_escapes_what_people_typed() {
    let mut f = three_meetings();
    let s = &mut f.setup;
    let april = s.meeting("2026-04-07");
    s.agree(
        april,
        "Revisar <script>alert(1)</script> & \"comillas\"",
        "JUNTOS",
        "2026-05-01",
    );
    let html = summary::summary(&s.store, &s.coordinator, april, Format::Html, Lang::Es).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"es\">"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;comillas&quot;"));
    for external in ["<script", "<link", "src=", "href=", "url(", "@import"] {
        assert!(!html.contains(external), "{external}");
    }
    assert!(html.contains("@media print"));
}

#[test]
fn an_export_to_a_path_that_cannot_be_written_fails_clearly_and_leaves_nothing() {
    let f = three_meetings();
    let s = &f.setup;
    let text = summary::summary(&s.store, &s.coordinator, f.march, Format::Html, Lang::Es).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-existe").join("acta.html");
    let err = write_atomically(&missing, text.as_bytes()).unwrap_err();
    let message = err.text(Lang::Es);
    assert!(message.starts_with("No se pudo escribir"), "{message}");
    assert!(message.contains("la carpeta no existe"), "{message}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    // An existing file is replaced whole, or not at all.
    let target = dir.path().join("acta.html");
    std::fs::write(&target, "versión anterior").unwrap();
    write_atomically(&target, text.as_bytes()).unwrap();
    assert_eq!(std::fs::read_to_string(&target).unwrap(), text);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}
