//! Runs the committee area's effects against the core and reports each outcome as a
//! [`Loaded`] answer. The only code of the area that touches the database or files; the
//! core checks every permission.

use crate::i18n::{CommitteeNotice, CommitteeReport as R};
use crate::services::committee::agenda::{self, ItemInput, ItemLinksInput};
use crate::services::committee::agreements::{self, AgreementInput, StatusChange};
use crate::services::committee::attendance::{self, AttendanceInput};
use crate::services::committee::detail;
use crate::services::committee::meetings::{self, MeetingInput};
use crate::services::committee::pending::{self, PendingView};
use crate::services::committee::summary;
use crate::services::committee::{agencies, committees, export, minutes};
use crate::services::{Actor, CoreError, CoreResult};
use crate::store::{ids, Store, StoreError};
use crate::tui::effect::Message;
use crate::tui::screens::committee::effects::{
    CommitteeEffect, Loaded, MeetingsData, NotesRefusal, NotesTarget,
};

fn message(err: &CoreError) -> Message {
    Message::of(err)
}

fn notice(report: R, detail: String) -> Message {
    Message::of(&CommitteeNotice { report, detail })
}

/// Runs one effect against the store.
pub(super) fn run(store: &mut Store, effect: CommitteeEffect) -> Loaded {
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
