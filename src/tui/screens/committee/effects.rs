//! What the committee area asks of the core, and what comes back. `run` is called by the
//! shell's runner; it is the only code of the area that touches the database or files.

use crate::domain::committee::{AgreementStatus, AttendanceStatus};
use crate::i18n::{CommitteeNotice, CommitteeReport as R, Lang};
use crate::services::committee::agenda::{self, ItemInput, ItemLinksInput};
use crate::services::committee::agreements::{self, AgreementInput, StatusChange};
use crate::services::committee::attendance::{self, AttendanceInput};
use crate::services::committee::detail::{self, MeetingDetail};
use crate::services::committee::meetings::{self, MeetingInput};
use crate::services::committee::pending::{self, PendingView};
use crate::services::committee::summary::{self, Format};
use crate::services::committee::{agencies, committees, export, minutes};
use crate::services::{Actor, CoreError, CoreResult};
use crate::store::committee::committees::CommitteeRow;
use crate::store::committee::meetings::MeetingRow;
use crate::store::{ids, Store, StoreError};
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

fn message(err: &CoreError) -> Message {
    Message::of(err)
}

fn notice(report: R, detail: String) -> Message {
    Message::of(&CommitteeNotice { report, detail })
}

/// Runs one effect against the store.
pub fn run(store: &mut Store, effect: CommitteeEffect) -> Loaded {
    use CommitteeEffect as E;
    match effect {
        E::LoadMeetings { actor } => {
            Loaded::Meetings(load_meetings(store, &actor).map_err(|e| message(&e)))
        }
        E::LoadMeeting { actor, meeting } => Loaded::Meeting(
            detail::load_meeting(store, &actor, meeting)
                .map(Box::new)
                .map_err(|e| message(&e)),
        ),
        E::LoadPending { actor } => {
            Loaded::Pending(load_pending(store, &actor).map_err(|e| message(&e)))
        }
        E::SaveNotes {
            actor,
            target,
            version,
            text,
        } => Loaded::NotesSaved(save_notes(store, &actor, target, version, &text)),
        other => Loaded::Saved(write(store, other).map_err(|e| message(&e))),
    }
}

fn load_meetings(store: &Store, actor: &Actor) -> CoreResult<MeetingsData> {
    let committee = committees::current_committee(store, actor)?;
    let rows = meetings::list_meetings(store, actor, committee.id)?;
    let (upcoming, past) = meetings::split_upcoming(rows, store.clock().today());
    Ok(MeetingsData {
        committee,
        upcoming,
        past,
    })
}

fn load_pending(store: &Store, actor: &Actor) -> CoreResult<PendingView> {
    let committee = committees::current_committee(store, actor)?;
    pending::pending_by_agency(store, actor, committee.id)
}

fn save_notes(
    store: &mut Store,
    actor: &Actor,
    target: NotesTarget,
    version: i64,
    text: &str,
) -> Result<i64, NotesRefusal> {
    let result = match target {
        NotesTarget::Item(item) => minutes::save_item_notes(store, actor, item, version, text),
        NotesTarget::General(meeting) => {
            minutes::save_general_notes(store, actor, meeting, version, text)
        }
    };
    result.map_err(|err| NotesRefusal {
        conflict: matches!(err, CoreError::Store(StoreError::Conflict { .. })),
        message: message(&err),
    })
}

fn agency(store: &Store, actor: &Actor, code: &str) -> CoreResult<Option<i64>> {
    if code.trim().is_empty() {
        return Ok(None);
    }
    Ok(Some(agencies::find_agency(store, actor, code)?.id))
}

/// The writes: each returns its notice and the meeting to show afterwards.
fn write(store: &mut Store, effect: CommitteeEffect) -> CoreResult<(Message, Option<i64>)> {
    use CommitteeEffect as E;
    match effect {
        E::CreateMeeting {
            actor,
            date,
            time,
            place,
        } => {
            let committee = committees::current_committee(store, &actor)?;
            let input = MeetingInput {
                held_on: &date,
                starts_at: Some(&time),
                place: &place,
                convened_by: None,
            };
            let id = meetings::create_meeting(store, &actor, committee.id, &input)?;
            Ok((notice(R::MeetingCreated, ids::display(id)), Some(id)))
        }
        E::AddItem {
            actor,
            meeting,
            title,
            presenter,
            time,
        } => {
            let presenter = agency(store, &actor, &presenter)?;
            let input = ItemInput {
                title: &title,
                presenter,
                starts_at: Some(&time),
            };
            agenda::add_item(store, &actor, meeting, &input, &ItemLinksInput::default())?;
            Ok((notice(R::ItemAdded, title), Some(meeting)))
        }
        E::Attend {
            actor,
            meeting,
            agency,
            status,
        } => {
            let input = AttendanceInput {
                agency_id: agency,
                status,
                representative_id: None,
                attendee_name: None,
            };
            attendance::record_attendance(store, &actor, meeting, &input)?;
            Ok((Message::of(&R::AttendanceRecorded), Some(meeting)))
        }
        other => write_more(store, other),
    }
}

/// The writes about agreements, the meeting's status and the minutes' file.
fn write_more(store: &mut Store, effect: CommitteeEffect) -> CoreResult<(Message, Option<i64>)> {
    use CommitteeEffect as E;
    match effect {
        E::AddAgreement {
            actor,
            meeting,
            description,
            responsible,
            due,
        } => {
            let responsible = agency(store, &actor, &responsible)?;
            let input = AgreementInput {
                description: &description,
                responsible,
                due_on: Some(&due),
                item_id: None,
            };
            let id = agreements::add_agreement(store, &actor, meeting, &input)?;
            Ok((notice(R::AgreementAdded, ids::display(id)), Some(meeting)))
        }
        E::SetStatus {
            actor,
            agreement,
            version,
            status,
            note,
        } => {
            let change = StatusChange {
                status,
                note: Some(&note),
                on: None,
            };
            agreements::set_agreement_status(store, &actor, agreement, version, &change)?;
            Ok((notice(R::AgreementUpdated, ids::display(agreement)), None))
        }
        E::MarkHeld {
            actor,
            meeting,
            version,
        } => {
            meetings::mark_held(store, &actor, meeting, version)?;
            Ok((notice(R::MeetingHeld, ids::display(meeting)), Some(meeting)))
        }
        E::WriteSummary {
            actor,
            meeting,
            format,
            lang,
            path,
        } => {
            let text = summary::summary(store, &actor, meeting, format, lang)?;
            export::write_atomically(std::path::Path::new(&path), text.as_bytes())?;
            Ok((notice(R::Written, path), None))
        }
        // Reads and the other writes are handled before getting here.
        _ => Ok((Message::of(&R::MeetingUpdated), None)),
    }
}

/// The file name offered for a meeting's minutes: `acta-2026-03-03.txt`.
pub fn default_file_name(held_on: NaiveDate, format: Format) -> String {
    format!("acta-{held_on}.{}", format.code())
}
