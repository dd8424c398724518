//! The Markdown summary: headings, short lists and two tables (attendance and agreements),
//! readable as plain text and rendered nicely by mail clients and chat apps that know
//! Markdown. Text people typed is escaped so it cannot break the layout.

use super::{agreement_state, flag_line, item_facts, item_title, quorum_line, when};
use crate::i18n::{Committee, Lang, Localize};
use crate::services::committee::agreements::AgreementView;
use crate::services::committee::detail::MeetingDetail;
use crate::store::ids;
use std::fmt::Write;

pub fn render(detail: &MeetingDetail, lang: Lang) -> String {
    let mut out = String::new();
    header(&mut out, detail, lang);
    attendance(&mut out, detail, lang);
    agenda(&mut out, detail, lang);
    let _ = writeln!(out, "\n## {}\n", Committee::Agreements.text(lang));
    agreement_table(&mut out, &detail.agreements, Committee::NoAgreements, lang);
    let _ = writeln!(out, "\n## {}\n", Committee::Carried.text(lang));
    agreement_table(&mut out, &detail.carried, Committee::NoCarried, lang);
    if !detail.flags.is_empty() {
        let _ = writeln!(out, "\n## {}\n", Committee::FlagsDiscussed.text(lang));
        for flag in &detail.flags {
            let _ = writeln!(out, "- {}", escape(&flag_line(flag, lang)));
        }
    }
    if !detail.meeting.general_notes.is_empty() {
        let _ = writeln!(out, "\n## {}\n", Committee::GeneralNotes.text(lang));
        let _ = writeln!(out, "{}", quoted(&detail.meeting.general_notes));
    }
    let _ = writeln!(out, "\n---\n\n_{}_", Committee::ProducedBy.text(lang));
    out
}

/// Escapes the characters Markdown would read as formatting.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Notes as a block quote, line breaks kept.
fn quoted(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                ">".to_string()
            } else {
                format!("> {}", escape(l))
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn header(out: &mut String, detail: &MeetingDetail, lang: Lang) {
    let m = &detail.meeting;
    let _ = writeln!(out, "# {}\n", Committee::ActaTitle.text(lang));
    let _ = writeln!(out, "**{}**\n", escape(&detail.committee.name));
    let _ = writeln!(
        out,
        "- {}: {}",
        Committee::Meeting.text(lang),
        ids::display(m.id)
    );
    let _ = writeln!(out, "- {}: {}", Committee::Date.text(lang), when(detail));
    let _ = writeln!(
        out,
        "- {}: {}",
        Committee::Place.text(lang),
        escape(&m.place)
    );
    if let Some(name) = &m.convened_by_name {
        let _ = writeln!(
            out,
            "- {}: {}",
            Committee::ConvenedBy.text(lang),
            escape(name)
        );
    }
    let _ = writeln!(
        out,
        "- {}: {}",
        Committee::Status.text(lang),
        detail.status.text(lang)
    );
}

fn attendance(out: &mut String, detail: &MeetingDetail, lang: Lang) {
    let _ = writeln!(out, "\n## {}\n", Committee::Attendance.text(lang));
    let _ = writeln!(out, "{}\n", quorum_line(detail, lang));
    if detail.attendance.is_empty() {
        let _ = writeln!(out, "{}", Committee::NoAttendance.text(lang));
        return;
    }
    let _ = writeln!(
        out,
        "| {} | {} |",
        Committee::Agency.text(lang),
        Committee::Status.text(lang)
    );
    let _ = writeln!(out, "|---|---|");
    for line in &detail.attendance {
        let status = match line.status {
            Some(s) => s.text(lang).into_owned(),
            None => Committee::NotRecorded.text(lang).to_lowercase(),
        };
        let status = match &line.who {
            Some(who) => format!("{status}: {}", escape(who)),
            None => status,
        };
        let _ = writeln!(out, "| {} | {status} |", escape(&line.name));
    }
}

fn agenda(out: &mut String, detail: &MeetingDetail, lang: Lang) {
    let _ = writeln!(out, "\n## {}", Committee::Agenda.text(lang));
    if detail.items.is_empty() {
        let _ = writeln!(out, "\n{}", Committee::NoItems.text(lang));
    }
    for item in &detail.items {
        let _ = writeln!(
            out,
            "\n### {}. {}\n",
            item.row.position,
            escape(&item_title(item, lang))
        );
        let facts = item_facts(item, lang);
        for (label, value) in &facts {
            let _ = writeln!(out, "- {label}: {}", escape(value));
        }
        for flag in &item.flags {
            let _ = writeln!(
                out,
                "- {}: {}",
                Committee::Flags.text(lang),
                escape(&flag_line(flag, lang))
            );
        }
        if !item.row.notes.is_empty() {
            if !facts.is_empty() || !item.flags.is_empty() {
                out.push('\n');
            }
            let _ = writeln!(out, "{}", quoted(&item.row.notes));
        }
    }
}

fn agreement_table(out: &mut String, list: &[AgreementView], empty: Committee, lang: Lang) {
    if list.is_empty() {
        let _ = writeln!(out, "{}", empty.text(lang));
        return;
    }
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |",
        Committee::Agreement.text(lang),
        Committee::Description.text(lang),
        Committee::Responsible.text(lang),
        Committee::Due.text(lang),
        Committee::Status.text(lang)
    );
    let _ = writeln!(out, "|---|---|---|---|---|");
    for view in list {
        let state = agreement_state(view, lang);
        let state = if view.is_overdue() {
            format!("**{}**", escape(&state))
        } else {
            escape(&state)
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {state} |",
            ids::display(view.row.id),
            escape(&view.row.description),
            escape(&view.row.agency_name),
            view.due_on
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_cannot_break_the_markdown() {
        assert_eq!(escape("a|b *c* #1 [x]"), "a\\|b \\*c\\* \\#1 \\[x\\]");
        assert_eq!(quoted("uno\n\ndos"), "> uno\n>\n> dos");
    }
}
