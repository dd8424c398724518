//! Meetings: when, where, who convenes, and whether they were held or cancelled.
//!
//! A meeting's date must exist (no 31 February), its time must be a time of day, and a
//! committee has at most one meeting a day that is not cancelled. A meeting cannot be marked
//! held before its day. Creating or moving a meeting brings its follow-up items up to date.

use super::agencies::{entry, get_active};
use super::{fail, follow_ups, require_read, required, stored_date};
use super::{CommitteeError, DateField, RequiredText, TimeField};
use crate::domain::committee::MeetingStatus;
use crate::domain::dates::{iso, parse_date, parse_time};
use crate::services::{write, Actor, CoreResult, Permission, WriteCtx};
use crate::store::committee::meetings::{self, MeetingFields, MeetingRow};
use crate::store::{ids, Store};
use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};
use serde_json::json;

/// What a person fills in for a meeting. Empty `starts_at` means no time set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MeetingInput<'a> {
    pub held_on: &'a str,
    pub starts_at: Option<&'a str>,
    pub place: &'a str,
    pub convened_by: Option<i64>,
}

struct CleanMeeting {
    held_on: NaiveDate,
    day: String,
    starts_at: Option<String>,
    place: String,
    convened_by: Option<i64>,
}

impl CleanMeeting {
    fn fields(&self) -> MeetingFields<'_> {
        MeetingFields {
            held_on: &self.day,
            starts_at: self.starts_at.as_deref(),
            place: &self.place,
            convened_by_agency_id: self.convened_by,
        }
    }
}

/// A time of day as stored: `HH:MM`, or none when left blank.
pub(crate) fn clean_time(
    raw: Option<&str>,
    field: TimeField,
) -> Result<Option<String>, CommitteeError> {
    match raw.map(str::trim).filter(|t| !t.is_empty()) {
        Some(text) => {
            let time = parse_time(text).map_err(CommitteeError::time(field))?;
            Ok(Some(time.format("%H:%M").to_string()))
        }
        None => Ok(None),
    }
}

fn clean(conn: &Connection, input: &MeetingInput) -> CoreResult<CleanMeeting> {
    let held_on =
        parse_date(input.held_on).map_err(CommitteeError::date(DateField::MeetingDate))?;
    let starts_at = clean_time(input.starts_at, TimeField::MeetingStart)?;
    let place = required(input.place, RequiredText::Place)?;
    if let Some(agency) = input.convened_by {
        get_active(conn, agency)?;
    }
    Ok(CleanMeeting {
        held_on,
        day: iso(held_on),
        starts_at,
        place,
        convened_by: input.convened_by,
    })
}

fn refuse_duplicate(
    conn: &Connection,
    committee_id: i64,
    day: NaiveDate,
    except: i64,
) -> CoreResult<()> {
    if meetings::other_on(conn, committee_id, &iso(day), except)?.is_some() {
        return fail(CommitteeError::DuplicateMeeting { date: day });
    }
    Ok(())
}

/// Plans a meeting of the committee; pending agreements are put on its agenda at once.
pub fn create_meeting(
    store: &mut Store,
    actor: &Actor,
    committee_id: i64,
    input: &MeetingInput,
) -> CoreResult<i64> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        create_meeting_in(tx, ctx, committee_id, input)
    })
}

pub fn create_meeting_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    committee_id: i64,
    input: &MeetingInput,
) -> CoreResult<i64> {
    super::committees::get(tx, committee_id)?;
    let clean = clean(tx, input)?;
    refuse_duplicate(tx, committee_id, clean.held_on, 0)?;
    let id = ids::next(tx)?;
    meetings::insert(tx, id, committee_id, &clean.fields(), &ctx.at)?;
    let details =
        json!({ "held_on": clean.day, "starts_at": clean.starts_at, "place": clean.place });
    ctx.audit(tx, entry("create", "meeting", id, details))?;
    follow_ups::sync_in(tx, ctx, id)?;
    Ok(id)
}

/// Changes when or where a meeting is, if nobody changed it since `expected_version`.
pub fn update_meeting(
    store: &mut Store,
    actor: &Actor,
    id: i64,
    expected_version: i64,
    input: &MeetingInput,
) -> CoreResult<()> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        let meeting = get_open(tx, id)?;
        let clean = clean(tx, input)?;
        if meeting.status == MeetingStatus::Held.code() && clean.held_on > ctx.today {
            return fail(CommitteeError::HeldInFuture {
                date: clean.held_on,
                today: ctx.today,
            });
        }
        refuse_duplicate(tx, meeting.committee_id, clean.held_on, id)?;
        meetings::update(tx, id, expected_version, &clean.fields(), &ctx.at)?;
        let details =
            json!({ "held_on": clean.day, "starts_at": clean.starts_at, "place": clean.place });
        ctx.audit(tx, entry("update", "meeting", id, details))?;
        follow_ups::sync_in(tx, ctx, id)
    })
}

/// Records that a planned meeting took place. Its agenda is then the record of what was
/// discussed: follow-up items are no longer added or removed automatically.
pub fn mark_held(
    store: &mut Store,
    actor: &Actor,
    id: i64,
    expected_version: i64,
) -> CoreResult<()> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        mark_held_in(tx, ctx, id, expected_version)
    })
}

pub fn mark_held_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    id: i64,
    expected_version: i64,
) -> CoreResult<()> {
    let meeting = get_planned(tx, id)?;
    let day = stored_date(&meeting.held_on)?;
    if day > ctx.today {
        return fail(CommitteeError::HeldInFuture {
            date: day,
            today: ctx.today,
        });
    }
    follow_ups::sync_in(tx, ctx, id)?;
    meetings::set_status(
        tx,
        id,
        expected_version,
        MeetingStatus::Held.code(),
        &ctx.at,
    )?;
    ctx.audit(
        tx,
        entry("status", "meeting", id, json!({ "status": "held" })),
    )
}

/// Calls off a planned meeting. Its follow-up items stay, for the record.
pub fn cancel_meeting(
    store: &mut Store,
    actor: &Actor,
    id: i64,
    expected_version: i64,
) -> CoreResult<()> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        get_planned(tx, id)?;
        meetings::set_status(
            tx,
            id,
            expected_version,
            MeetingStatus::Cancelled.code(),
            &ctx.at,
        )?;
        ctx.audit(
            tx,
            entry("status", "meeting", id, json!({ "status": "cancelled" })),
        )
    })
}

/// The committee's meetings, by date.
pub fn list_meetings(
    store: &Store,
    actor: &Actor,
    committee_id: i64,
) -> CoreResult<Vec<MeetingRow>> {
    require_read(actor)?;
    Ok(meetings::list(store.conn(), committee_id)?)
}

/// Meetings split for the list screen: upcoming (today and later, soonest first) and past
/// (latest first).
pub fn split_upcoming(
    rows: Vec<MeetingRow>,
    today: NaiveDate,
) -> (Vec<MeetingRow>, Vec<MeetingRow>) {
    let today = iso(today);
    let (upcoming, mut past): (Vec<_>, Vec<_>) = rows.into_iter().partition(|m| m.held_on >= today);
    past.reverse();
    (upcoming, past)
}

/// A meeting by its id as displayed (`03021201-57`) or the raw number.
pub fn find_meeting(store: &Store, actor: &Actor, text: &str) -> CoreResult<MeetingRow> {
    require_read(actor)?;
    let id =
        super::parse_id(text).ok_or_else(|| CommitteeError::UnknownMeeting(text.trim().into()))?;
    get(store.conn(), id)
}

pub(crate) fn get(conn: &Connection, id: i64) -> CoreResult<MeetingRow> {
    meetings::by_id(conn, id)?
        .ok_or_else(|| CommitteeError::UnknownMeeting(ids::display(id)).into())
}

/// A meeting that is not cancelled (its agenda, attendance and agreements may change).
pub(crate) fn get_open(conn: &Connection, id: i64) -> CoreResult<MeetingRow> {
    let meeting = get(conn, id)?;
    if meeting.status == MeetingStatus::Cancelled.code() {
        return fail(CommitteeError::MeetingCancelled {
            date: stored_date(&meeting.held_on)?,
        });
    }
    Ok(meeting)
}

fn get_planned(conn: &Connection, id: i64) -> CoreResult<MeetingRow> {
    let meeting = get(conn, id)?;
    if meeting.status != MeetingStatus::Planned.code() {
        let date = stored_date(&meeting.held_on)?;
        return fail(CommitteeError::MeetingNotPlanned {
            date,
            status: meeting.status,
        });
    }
    Ok(meeting)
}
