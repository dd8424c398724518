//! The HTML summary: one self-contained page (styles inline, no scripts, no images, no
//! external links) that prints on A4 as the meeting's acta. Every text people typed is
//! escaped.

use super::{agreement_state, flag_line, item_facts, item_title, quorum_line, when};
use crate::i18n::{Committee, Lang, Localize};
use crate::services::committee::agreements::AgreementView;
use crate::services::committee::detail::MeetingDetail;
use crate::store::ids;
use std::fmt::Write;

const STYLE: &str = "body{font-family:Georgia,'Times New Roman',serif;max-width:46em;\
margin:1.5em auto;padding:0 1em;color:#111;line-height:1.4}\
h1{font-size:1.4em;margin-bottom:.2em}h2{font-size:1.15em;border-bottom:1px solid #999;\
margin-top:1.6em}h3{font-size:1em;margin:1em 0 .3em}\
table{border-collapse:collapse;width:100%;margin:.5em 0}\
th,td{border:1px solid #999;padding:.25em .4em;text-align:left;vertical-align:top}\
th{background:#eee}.overdue{font-weight:bold;color:#a00}.notes{white-space:pre-wrap;\
margin:.3em 0 .3em 1em;padding-left:.6em;border-left:3px solid #ccc}\
dl{display:grid;grid-template-columns:max-content auto;gap:.1em 1em}dt{font-weight:bold}\
dd{margin:0}footer{margin-top:2em;font-size:.85em;color:#555}\
@page{size:A4;margin:1.5cm}@media print{body{margin:0;max-width:none}\
h2,h3{break-after:avoid}tr{break-inside:avoid}}";

/// Escapes text for HTML content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

pub fn render(detail: &MeetingDetail, lang: Lang) -> String {
    let mut out = String::new();
    let title = format!(
        "{} {} {}",
        Committee::ActaTitle.text(lang),
        ids::display(detail.meeting.id),
        detail.meeting.held_on
    );
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>",
        lang.code()
    );
    let _ = writeln!(out, "<meta charset=\"utf-8\">");
    let _ = writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    );
    let _ = writeln!(
        out,
        "<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
        escape(&title)
    );
    header(&mut out, detail, lang);
    attendance(&mut out, detail, lang);
    agenda(&mut out, detail, lang);
    let _ = writeln!(out, "<h2>{}</h2>", Committee::Agreements.text(lang));
    agreement_table(&mut out, &detail.agreements, Committee::NoAgreements, lang);
    let _ = writeln!(out, "<h2>{}</h2>", Committee::Carried.text(lang));
    agreement_table(&mut out, &detail.carried, Committee::NoCarried, lang);
    if !detail.flags.is_empty() {
        let _ = writeln!(
            out,
            "<h2>{}</h2>\n<ul>",
            Committee::FlagsDiscussed.text(lang)
        );
        for flag in &detail.flags {
            let _ = writeln!(out, "<li>{}</li>", escape(&flag_line(flag, lang)));
        }
        let _ = writeln!(out, "</ul>");
    }
    if !detail.meeting.general_notes.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>", Committee::GeneralNotes.text(lang));
        let _ = writeln!(
            out,
            "<div class=\"notes\">{}</div>",
            escape(&detail.meeting.general_notes)
        );
    }
    let _ = writeln!(
        out,
        "<footer>{}</footer>\n</body>\n</html>",
        Committee::ProducedBy.text(lang)
    );
    out
}

fn header(out: &mut String, detail: &MeetingDetail, lang: Lang) {
    let m = &detail.meeting;
    let _ = writeln!(out, "<h1>{}</h1>", Committee::ActaTitle.text(lang));
    let _ = writeln!(
        out,
        "<p><strong>{}</strong></p>\n<dl>",
        escape(&detail.committee.name)
    );
    let mut row = |label: Committee, value: String| {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", label.text(lang), value);
    };
    row(Committee::Meeting, ids::display(m.id));
    row(Committee::Date, when(detail));
    row(Committee::Place, escape(&m.place));
    if let Some(name) = &m.convened_by_name {
        row(Committee::ConvenedBy, escape(name));
    }
    row(Committee::Status, detail.status.text(lang).into_owned());
    let _ = writeln!(out, "</dl>");
}

fn attendance(out: &mut String, detail: &MeetingDetail, lang: Lang) {
    let _ = writeln!(out, "<h2>{}</h2>", Committee::Attendance.text(lang));
    let _ = writeln!(out, "<p>{}</p>", escape(&quorum_line(detail, lang)));
    if detail.attendance.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", Committee::NoAttendance.text(lang));
        return;
    }
    let _ = writeln!(
        out,
        "<table>\n<tr><th>{}</th><th>{}</th></tr>",
        Committee::Agency.text(lang),
        Committee::Status.text(lang)
    );
    for line in &detail.attendance {
        let status = match line.status {
            Some(s) => s.text(lang).into_owned(),
            None => Committee::NotRecorded.text(lang).to_lowercase(),
        };
        let status = match &line.who {
            Some(who) => format!("{status}: {who}"),
            None => status,
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td></tr>",
            escape(&line.name),
            escape(&status)
        );
    }
    let _ = writeln!(out, "</table>");
}

fn agenda(out: &mut String, detail: &MeetingDetail, lang: Lang) {
    let _ = writeln!(out, "<h2>{}</h2>", Committee::Agenda.text(lang));
    if detail.items.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", Committee::NoItems.text(lang));
    }
    for item in &detail.items {
        let _ = writeln!(
            out,
            "<h3>{}. {}</h3>",
            item.row.position,
            escape(&item_title(item, lang))
        );
        let facts = item_facts(item, lang);
        if !facts.is_empty() || !item.flags.is_empty() {
            let _ = writeln!(out, "<ul>");
            for (label, value) in &facts {
                let _ = writeln!(out, "<li>{label}: {}</li>", escape(value));
            }
            for flag in &item.flags {
                let flag = escape(&flag_line(flag, lang));
                let _ = writeln!(out, "<li>{}: {flag}</li>", Committee::Flags.text(lang));
            }
            let _ = writeln!(out, "</ul>");
        }
        if !item.row.notes.is_empty() {
            let _ = writeln!(
                out,
                "<div class=\"notes\">{}</div>",
                escape(&item.row.notes)
            );
        }
    }
}

fn agreement_table(out: &mut String, list: &[AgreementView], empty: Committee, lang: Lang) {
    if list.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", empty.text(lang));
        return;
    }
    let _ = writeln!(
        out,
        "<table>\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        Committee::Agreement.text(lang),
        Committee::Description.text(lang),
        Committee::Responsible.text(lang),
        Committee::Due.text(lang),
        Committee::Status.text(lang)
    );
    for view in list {
        let class = if view.is_overdue() {
            " class=\"overdue\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td{class}>{}</td></tr>",
            ids::display(view.row.id),
            escape(&view.row.description),
            escape(&view.row.agency_name),
            view.due_on,
            escape(&agreement_state(view, lang))
        );
    }
    let _ = writeln!(out, "</table>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<b>\"Tom\" & 'Jerry'</b>"),
            "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn the_style_has_no_external_references() {
        assert!(!STYLE.contains("url("));
        assert!(!STYLE.contains("@import"));
    }
}
