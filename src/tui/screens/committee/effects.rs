//! What the committee area asks of the core, and what comes back. The shell's runner runs
//! the effects (`tui::runner::committee`); nothing here touches the database or files.

use crate::domain::committee::{AgreementStatus, AttendanceStatus};
use crate::i18n::Lang;
use crate::services::committee::detail::MeetingDetail;
use crate::services::committee::pending::PendingView;
use crate::services::committee::summary::Format;
use crate::services::Actor;
use crate::store::committee::committees::CommitteeRow;
use crate::store::committee::meetings::MeetingRow;
use crate::tui::effect::Message;
use chrono::NaiveDate;

/// Whose notes are saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotesTarget {
    Item(i64),
    General(i64),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommitteeEffect {
    LoadMeetings {
        actor: Actor,
    },
    LoadMeeting {
        actor: Actor,
        meeting: i64,
    },
    LoadPending {
        actor: Actor,
    },
    CreateMeeting {
        actor: Actor,
        date: String,
        time: String,
        place: String,
    },
    AddItem {
        actor: Actor,
        meeting: i64,
        title: String,
        presenter: String,
        time: String,
    },
    Attend {
        actor: Actor,
        meeting: i64,
        agency: i64,
        status: AttendanceStatus,
    },
    SaveNotes {
        actor: Actor,
        target: NotesTarget,
        version: i64,
        text: String,
    },
    AddAgreement {
        actor: Actor,
        meeting: i64,
        description: String,
        responsible: String,
        due: String,
    },
    SetStatus {
        actor: Actor,
        agreement: i64,
        version: i64,
        status: AgreementStatus,
        note: String,
    },
    MarkHeld {
        actor: Actor,
        meeting: i64,
        version: i64,
    },
    WriteSummary {
        actor: Actor,
        meeting: i64,
        format: Format,
        lang: Lang,
        path: String,
    },
}

/// The committee's meetings as the list shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingsData {
    pub committee: CommitteeRow,
    pub upcoming: Vec<MeetingRow>,
    pub past: Vec<MeetingRow>,
}

/// A save that the editor must know was refused because someone else saved first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotesRefusal {
    pub message: Message,
    pub conflict: bool,
}

/// What comes back from an effect.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    Meetings(Result<MeetingsData, Message>),
    Meeting(Result<Box<MeetingDetail>, Message>),
    Pending(Result<PendingView, Message>),
    /// A change went through; the notice says which, the meeting (if any) is to be shown.
    Saved(Result<(Message, Option<i64>), Message>),
    NotesSaved(Result<i64, NotesRefusal>),
}

/// The file name offered for a meeting's minutes: `acta-2026-03-03.txt`.
pub fn default_file_name(held_on: NaiveDate, format: Format) -> String {
    format!("acta-{held_on}.{}", format.code())
}
