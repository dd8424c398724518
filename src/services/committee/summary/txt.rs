//! The plain-text summary: short lines, no tables, for an e-mail body or a phone message
//! over a slow connection. Follow-up items name their agreement only; the agreement itself is
//! written once, under the pending agreements.

use super::{agency_and_who, agreement_state, attendance_groups, flag_line, quorum_line, when};
use super::{item_facts, AttendanceLine};
use crate::domain::committee::AgendaKind;
use crate::i18n::{Committee, Lang, Localize};
use crate::services::committee::agreements::AgreementView;
use crate::services::committee::detail::{ItemDetail, MeetingDetail};
use crate::store::ids;
use std::fmt::Write;

pub fn render(detail: &MeetingDetail, lang: Lang) -> String {
    let mut out = String::new();
    header(&mut out, detail, lang);
    attendance(&mut out, detail, lang);
    agenda(&mut out, detail, lang);
    agreements(&mut out, detail, lang);
    if !detail.flags.is_empty() {
        section(&mut out, Committee::FlagsDiscussed, lang);
        for flag in &detail.flags {
            let _ = writeln!(out, "- {}", flag_line(flag, lang));
        }
    }
    if !detail.meeting.general_notes.is_empty() {
        section(&mut out, Committee::GeneralNotes, lang);
        let _ = writeln!(out, "{}", detail.meeting.general_notes);
    }
    let _ = writeln!(out, "\n{}", Committee::ProducedBy.text(lang));
    out
}

fn section(out: &mut String, title: Committee, lang: Lang) {
    let _ = writeln!(out, "\n{}", title.text(lang).to_uppercase());
}

fn header(out: &mut String, detail: &MeetingDetail, lang: Lang) {
    let m = &detail.meeting;
    let _ = writeln!(out, "{}", Committee::ActaTitle.text(lang).to_uppercase());
    let _ = writeln!(out, "{}", detail.committee.name);
    let _ = writeln!(
        out,
        "{} {}: {}, {}",
        Committee::Meeting.text(lang),
        ids::display(m.id),
        when(detail),
        m.place
    );
    let mut line = String::new();
    if let Some(name) = &m.convened_by_name {
        line = format!("{}: {name}. ", Committee::ConvenedBy.text(lang));
    }
    let _ = writeln!(
        out,
        "{line}{}: {}.",
        Committee::Status.text(lang),
        detail.status.text(lang)
    );
}

fn attendance(out: &mut String, detail: &MeetingDetail, lang: Lang) {
    let _ = writeln!(
        out,
        "\n{}: {}",
        Committee::Attendance.text(lang).to_uppercase(),
        quorum_line(detail, lang)
    );
    let groups = attendance_groups(detail);
    let rows: [(Committee, &Vec<&AttendanceLine>); 4] = [
        (Committee::Present, &groups.present),
        (Committee::Excused, &groups.excused),
        (Committee::Absent, &groups.absent),
        (Committee::NotRecorded, &groups.not_recorded),
    ];
    for (label, lines) in rows {
        if lines.is_empty() {
            continue;
        }
        let names: Vec<String> = lines.iter().map(|l| agency_and_who(l)).collect();
        let _ = writeln!(out, "{}: {}", label.text(lang), names.join("; "));
    }
}

fn agenda(out: &mut String, detail: &MeetingDetail, lang: Lang) {
    section(out, Committee::Agenda, lang);
    if detail.items.is_empty() {
        let _ = writeln!(out, "{}", Committee::NoItems.text(lang));
    }
    for item in &detail.items {
        let _ = writeln!(out, "{}. {}", item.row.position, short_title(item, lang));
        if item.kind != AgendaKind::FollowUp {
            for (label, value) in item_facts(item, lang) {
                let _ = writeln!(out, "   {label}: {value}");
            }
        }
        for flag in &item.flags {
            let _ = writeln!(
                out,
                "   {}: {}",
                Committee::Flags.text(lang),
                flag_line(flag, lang)
            );
        }
        if !item.row.notes.is_empty() {
            let notes = item.row.notes.replace('\n', "\n   ");
            let _ = writeln!(out, "   {}: {notes}", Committee::Notes.text(lang));
        }
    }
}

/// A follow-up item by its agreement's number only: the agreement is written out once,
/// under the pending agreements.
fn short_title(item: &ItemDetail, lang: Lang) -> String {
    match (&item.kind, &item.follows) {
        (AgendaKind::FollowUp, Some(view)) => {
            format!(
                "{} {}",
                Committee::FollowUp.text(lang),
                ids::display(view.row.id)
            )
        }
        _ => super::item_title(item, lang),
    }
}

fn agreements(out: &mut String, detail: &MeetingDetail, lang: Lang) {
    section(out, Committee::Agreements, lang);
    if detail.agreements.is_empty() {
        let _ = writeln!(out, "{}", Committee::NoAgreements.text(lang));
    }
    for (n, view) in detail.agreements.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. {} ({})",
            n + 1,
            view.row.description,
            ids::display(view.row.id)
        );
        agreement_facts(out, view, "   ", lang);
    }
    section(out, Committee::Carried, lang);
    if detail.carried.is_empty() {
        let _ = writeln!(out, "{}", Committee::NoCarried.text(lang));
    }
    for view in &detail.carried {
        let _ = writeln!(
            out,
            "- {} ({}, {})",
            view.row.description,
            ids::display(view.row.id),
            view.made_on
        );
        agreement_facts(out, view, "  ", lang);
    }
}

fn agreement_facts(out: &mut String, view: &AgreementView, indent: &str, lang: Lang) {
    let _ = writeln!(
        out,
        "{indent}{}: {}. {}: {}. {}: {}.",
        Committee::Responsible.text(lang),
        view.row.agency_name,
        Committee::Due.text(lang),
        view.due_on,
        Committee::Status.text(lang),
        agreement_state(view, lang)
    );
}
