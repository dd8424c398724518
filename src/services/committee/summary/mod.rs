//! The meeting summary (acta) sent to agencies, in three forms: Markdown, plain text compact
//! enough for e-mail or a phone message, and one self-contained printable HTML page; and the
//! agreements list as CSV for the agencies' spreadsheets.
//!
//! Rendering is a pure function of a [`MeetingDetail`] and a language: the same meeting gives
//! the same bytes (no clock, no random order), which the golden-file tests rely on. Writing
//! the result to a file is `export`'s business.

pub mod csv;
mod html;
mod md;
mod txt;

use super::agreements::AgreementView;
use super::detail::{load_meeting, AttendanceLine, ItemDetail, MeetingDetail};
use crate::domain::committee::{AgendaKind, AgreementStatus, AttendanceStatus};
use crate::i18n::{Committee, FlagText, Lang, Localize};
use crate::services::{Actor, CoreResult};
use crate::store::committee::agenda::FlagRow;
use crate::store::{ids, Store};

/// The form of a summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Text,
    Html,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Markdown, Format::Text, Format::Html];

    /// `md`, `txt`, `html`: the option value and the file extension.
    pub fn code(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::Html => "html",
        }
    }

    pub fn parse(text: &str) -> Option<Format> {
        let text = text.trim().to_ascii_lowercase();
        Format::ALL.into_iter().find(|f| f.code() == text)
    }
}

/// The summary of one meeting in `format` and `lang`. Agreements are shown as they stood
/// on the meeting's day: the minutes of a past meeting do not change when an agreement is
/// closed later.
pub fn render(detail: &MeetingDetail, format: Format, lang: Lang) -> String {
    let detail = &as_recorded(detail);
    match format {
        Format::Markdown => md::render(detail, lang),
        Format::Text => txt::render(detail, lang),
        Format::Html => html::render(detail, lang),
    }
}

/// The meeting with every agreement as it stood on the day overdue marks are counted on.
pub fn as_recorded(detail: &MeetingDetail) -> MeetingDetail {
    let day = detail.as_of;
    let mut recorded = detail.clone();
    for view in recorded
        .agreements
        .iter_mut()
        .chain(recorded.carried.iter_mut())
    {
        *view = view.as_it_was_on(day);
    }
    for item in &mut recorded.items {
        item.follows = item.follows.as_ref().map(|v| v.as_it_was_on(day));
    }
    recorded
}

/// Reads a meeting and renders its summary.
pub fn summary(
    store: &Store,
    actor: &Actor,
    meeting_id: i64,
    format: Format,
    lang: Lang,
) -> CoreResult<String> {
    let detail = load_meeting(store, actor, meeting_id)?;
    Ok(render(&detail, format, lang))
}

/// The attendance lines by what happened, each group in list order.
pub(crate) struct AttendanceGroups<'a> {
    pub present: Vec<&'a AttendanceLine>,
    pub excused: Vec<&'a AttendanceLine>,
    pub absent: Vec<&'a AttendanceLine>,
    pub not_recorded: Vec<&'a AttendanceLine>,
}

pub(crate) fn attendance_groups(detail: &MeetingDetail) -> AttendanceGroups<'_> {
    let pick = |status: Option<AttendanceStatus>| -> Vec<&AttendanceLine> {
        detail
            .attendance
            .iter()
            .filter(|l| l.status == status)
            .collect()
    };
    AttendanceGroups {
        present: pick(Some(AttendanceStatus::Present)),
        excused: pick(Some(AttendanceStatus::Excused)),
        absent: pick(Some(AttendanceStatus::Absent)),
        not_recorded: pick(None),
    }
}

/// "Agrorural (MIDAGRI) (Juan Quispe)", or just the agency when nobody is named.
pub(crate) fn agency_and_who(line: &AttendanceLine) -> String {
    match &line.who {
        Some(who) => format!("{} ({who})", line.name),
        None => line.name.clone(),
    }
}

/// "2026-03-03 09:00", or the day alone.
pub(crate) fn when(detail: &MeetingDetail) -> String {
    match &detail.meeting.starts_at {
        Some(time) => format!("{} {time}", detail.meeting.held_on),
        None => detail.meeting.held_on.clone(),
    }
}

/// "5 de 7 instituciones presentes; con quórum (se necesitan 4)".
pub(crate) fn quorum_line(detail: &MeetingDetail, lang: Lang) -> String {
    let q = detail.quorum;
    let state = if q.reached {
        Committee::QuorumReached
    } else {
        Committee::QuorumMissing
    };
    format!(
        "{}; {} ({})",
        Committee::PresentCount {
            present: q.present,
            members: q.members
        }
        .text(lang),
        state.text(lang),
        Committee::QuorumNeeds(q.required).text(lang)
    )
}

/// An agreement's state in words: "pendiente", "pendiente, VENCIDO hace 3 días",
/// "cumplido el 2026-03-20", "desestimado el 2026-03-20: sin presupuesto".
pub(crate) fn agreement_state(view: &AgreementView, lang: Lang) -> String {
    let mut text = view.status.text(lang).into_owned();
    if view.is_overdue() {
        text = format!(
            "{text}, {}",
            Committee::OverdueBy(view.days_overdue).text(lang)
        );
    }
    if let Some(closed) = view.closed_on {
        text = format!("{text} {} {closed}", Committee::OnDay.text(lang));
    }
    if view.status != AgreementStatus::Pending {
        if let Some(note) = &view.row.status_note {
            text = format!("{text}: {note}");
        }
    }
    text
}

/// "03021201-12: doble financiamiento (alta, abierta)".
pub(crate) fn flag_line(flag: &FlagRow, lang: Lang) -> String {
    format!(
        "{}: {} ({}, {})",
        ids::display(flag.id),
        FlagText::Kind(&flag.kind).text(lang),
        FlagText::Severity(&flag.severity).text(lang),
        FlagText::Status(&flag.status).text(lang)
    )
}

/// An item's heading: its time and title; a follow-up names the agreement it follows.
pub(crate) fn item_title(item: &ItemDetail, lang: Lang) -> String {
    let title = match (&item.kind, &item.follows) {
        (AgendaKind::FollowUp, Some(view)) => format!(
            "{} {}: {}",
            Committee::FollowUp.text(lang),
            ids::display(view.row.id),
            view.row.description
        ),
        _ => item.row.title.clone(),
    };
    match &item.row.starts_at {
        Some(time) => format!("{time} {title}"),
        None => title,
    }
}

/// What an item links to besides flags: its presenter and CLAR call or proposal, as
/// "label: value" pairs.
pub(crate) fn item_facts(item: &ItemDetail, lang: Lang) -> Vec<(String, String)> {
    let mut facts = Vec::new();
    if let Some(name) = &item.row.presenter_name {
        facts.push((Committee::PresentedBy.text(lang).into_owned(), name.clone()));
    }
    if let Some(view) = item
        .follows
        .as_ref()
        .filter(|_| item.kind == AgendaKind::FollowUp)
    {
        facts.push((
            Committee::Due.text(lang).into_owned(),
            view.due_on.to_string(),
        ));
        facts.push((
            Committee::Status.text(lang).into_owned(),
            agreement_state(view, lang),
        ));
    }
    if let (Some(id), Some(title)) = (item.row.proposal_id, &item.row.proposal_title) {
        facts.push((
            Committee::Proposal.text(lang).into_owned(),
            format!("{} {title}", ids::display(id)),
        ));
    } else if let (Some(id), Some(title)) = (item.row.clar_call_id, &item.row.clar_call_title) {
        facts.push((
            Committee::ClarCall.text(lang).into_owned(),
            format!("{} {title}", ids::display(id)),
        ));
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_read_their_codes() {
        for f in Format::ALL {
            assert_eq!(Format::parse(f.code()), Some(f));
        }
        assert_eq!(Format::parse(" HTML "), Some(Format::Html));
        assert_eq!(Format::parse("pdf"), None);
    }
}
