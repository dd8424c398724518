//! Agreements (acuerdos): what was agreed, the agency responsible and the due date, and
//! their state — pending, done or dropped (with a note saying why).
//!
//! An agreement without a responsible agency or a due date is refused: an agreement nobody
//! owns is what the committee is trying to stop. Every change brings the follow-up items of
//! later planned meetings up to date.

use super::agencies::{entry, get_active};
use super::meetings::get_open;
use super::{fail, follow_ups, required, stored_date, CommitteeError, DateField, RequiredText};
use crate::domain::committee::follow_up::days_overdue;
use crate::domain::committee::{AgreementStatus, MeetingStatus};
use crate::domain::dates::{iso, parse_date};
use crate::services::{write, Actor, CoreResult, Permission, WriteCtx};
use crate::store::committee::agreements::{self, AgreementFields, AgreementRow, StatusFields};
use crate::store::committee::meetings::MeetingRow;
use crate::store::{ids, Store};
use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};
use serde_json::json;

/// What a person fills in for an agreement. The responsible agency and the due date are
/// options so that leaving them out is refused with a clear message, not a parse error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AgreementInput<'a> {
    pub description: &'a str,
    pub responsible: Option<i64>,
    pub due_on: Option<&'a str>,
    /// The agenda item it was agreed under, if any.
    pub item_id: Option<i64>,
}

struct CleanAgreement {
    description: String,
    responsible: i64,
    due_on: String,
    item_id: Option<i64>,
}

impl CleanAgreement {
    fn fields(&self) -> AgreementFields<'_> {
        AgreementFields {
            description: &self.description,
            responsible_agency_id: self.responsible,
            due_on: &self.due_on,
            agenda_item_id: self.item_id,
        }
    }
}

fn clean(
    conn: &Connection,
    meeting: &MeetingRow,
    input: &AgreementInput,
) -> CoreResult<CleanAgreement> {
    let description = required(input.description, RequiredText::Description)?;
    let Some(responsible) = input.responsible else {
        return fail(CommitteeError::MissingResponsible);
    };
    let Some(due_text) = input.due_on.map(str::trim).filter(|d| !d.is_empty()) else {
        return fail(CommitteeError::MissingDueDate);
    };
    get_active(conn, responsible)?;
    let due = parse_date(due_text).map_err(CommitteeError::date(DateField::DueDate))?;
    let meeting_day = stored_date(&meeting.held_on)?;
    if due < meeting_day {
        return fail(CommitteeError::DueBeforeMeeting {
            due,
            meeting: meeting_day,
        });
    }
    if let Some(item_id) = input.item_id {
        if super::agenda::get(conn, item_id)?.meeting_id != meeting.id {
            return fail(CommitteeError::UnknownItem(ids::display(item_id)));
        }
    }
    Ok(CleanAgreement {
        description,
        responsible,
        due_on: iso(due),
        item_id: input.item_id,
    })
}

/// Records an agreement made at a meeting.
pub fn add_agreement(
    store: &mut Store,
    actor: &Actor,
    meeting_id: i64,
    input: &AgreementInput,
) -> CoreResult<i64> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        add_agreement_in(tx, ctx, meeting_id, input)
    })
}

pub fn add_agreement_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    meeting_id: i64,
    input: &AgreementInput,
) -> CoreResult<i64> {
    let meeting = get_open(tx, meeting_id)?;
    let clean = clean(tx, &meeting, input)?;
    let id = ids::next(tx)?;
    agreements::insert(tx, id, meeting_id, &clean.fields(), &ctx.at)?;
    let details = json!({ "meeting": meeting_id, "description": clean.description,
        "responsible": clean.responsible, "due_on": clean.due_on });
    ctx.audit(tx, entry("create", "agreement", id, details))?;
    follow_ups::sync_after_in(tx, ctx, meeting.committee_id, &meeting.held_on)?;
    Ok(id)
}

/// Changes what was agreed, who owns it or the due date, if nobody did since
/// `expected_version`.
pub fn update_agreement(
    store: &mut Store,
    actor: &Actor,
    id: i64,
    expected_version: i64,
    input: &AgreementInput,
) -> CoreResult<()> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        let agreement = get(tx, id)?;
        let meeting = super::meetings::get(tx, agreement.meeting_id)?;
        let clean = clean(tx, &meeting, input)?;
        agreements::update(tx, id, expected_version, &clean.fields(), &ctx.at)?;
        let details = json!({ "description": clean.description,
            "responsible": clean.responsible, "due_on": clean.due_on });
        ctx.audit(tx, entry("update", "agreement", id, details))?;
        follow_ups::sync_after_in(tx, ctx, meeting.committee_id, &meeting.held_on)
    })
}

/// A change of an agreement's state. `on` is the closing day (today when blank).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusChange<'a> {
    pub status: AgreementStatus,
    pub note: Option<&'a str>,
    pub on: Option<&'a str>,
}

/// Marks an agreement done or dropped (a dropped one needs a note), or pending again.
pub fn set_agreement_status(
    store: &mut Store,
    actor: &Actor,
    id: i64,
    expected_version: i64,
    change: &StatusChange,
) -> CoreResult<()> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        set_agreement_status_in(tx, ctx, id, expected_version, change)
    })
}

pub fn set_agreement_status_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    id: i64,
    expected_version: i64,
    change: &StatusChange,
) -> CoreResult<()> {
    let agreement = get(tx, id)?;
    let note = super::optional(change.note);
    if change.status == AgreementStatus::Dropped && note.is_none() {
        return fail(CommitteeError::DropNeedsNote);
    }
    let closed_on = match change.status {
        AgreementStatus::Pending => None,
        AgreementStatus::Done | AgreementStatus::Dropped => {
            Some(closing_day(ctx, &agreement, change.on)?)
        }
    };
    let fields = StatusFields {
        status: change.status.code(),
        note: note.as_deref(),
        closed_on: closed_on.as_deref(),
    };
    agreements::set_status(tx, id, expected_version, &fields, &ctx.at)?;
    let details = json!({ "status": change.status.code(), "note": note, "closed_on": closed_on });
    ctx.audit(tx, entry("status", "agreement", id, details))?;
    let meeting = super::meetings::get(tx, agreement.meeting_id)?;
    follow_ups::sync_after_in(tx, ctx, meeting.committee_id, &meeting.held_on)
}

fn closing_day(ctx: &WriteCtx, agreement: &AgreementRow, on: Option<&str>) -> CoreResult<String> {
    let day = match on.map(str::trim).filter(|d| !d.is_empty()) {
        Some(text) => parse_date(text).map_err(CommitteeError::date(DateField::ClosedOn))?,
        None => ctx.today,
    };
    let made = stored_date(&agreement.made_on)?;
    if day < made {
        return fail(CommitteeError::ClosedBeforeMade { closed: day, made });
    }
    Ok(iso(day))
}

/// An agreement by its id as displayed or the raw number.
pub fn find_agreement(store: &Store, actor: &Actor, text: &str) -> CoreResult<AgreementRow> {
    super::require_read(actor)?;
    let id = super::parse_id(text)
        .ok_or_else(|| CommitteeError::UnknownAgreement(text.trim().into()))?;
    get(store.conn(), id)
}

pub(crate) fn get(conn: &Connection, id: i64) -> CoreResult<AgreementRow> {
    agreements::by_id(conn, id)?
        .ok_or_else(|| CommitteeError::UnknownAgreement(ids::display(id)).into())
}

/// An agreement ready to show: its stored row with dates read and overdue worked out on a
/// given day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementView {
    pub row: AgreementRow,
    pub status: AgreementStatus,
    pub made_on: NaiveDate,
    pub due_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    /// Days past due on the day it was viewed for (0 when on time or closed).
    pub days_overdue: i64,
}

impl AgreementView {
    pub fn new(row: AgreementRow, as_of: NaiveDate) -> CoreResult<AgreementView> {
        let status = AgreementStatus::parse(&row.status).map_err(CommitteeError::from)?;
        let due_on = stored_date(&row.due_on)?;
        Ok(AgreementView {
            status,
            made_on: stored_date(&row.made_on)?,
            due_on,
            closed_on: row.closed_on.as_deref().map(stored_date).transpose()?,
            days_overdue: days_overdue(status, due_on, as_of),
            row,
        })
    }

    pub fn is_overdue(&self) -> bool {
        self.days_overdue > 0
    }

    /// The agreement as it stood at the end of `day`: one closed later was still pending
    /// then (and perhaps already late). Minutes of a past meeting show agreements this way.
    pub fn as_it_was_on(&self, day: NaiveDate) -> AgreementView {
        if self.closed_on.is_none_or(|closed| closed <= day) {
            return self.clone();
        }
        let mut row = self.row.clone();
        row.status = AgreementStatus::Pending.code().to_string();
        row.status_note = None;
        row.closed_on = None;
        AgreementView {
            status: AgreementStatus::Pending,
            closed_on: None,
            days_overdue: days_overdue(AgreementStatus::Pending, self.due_on, day),
            row,
            ..self.clone()
        }
    }
}

/// True when agreements may still be added to the meeting.
pub fn accepts_agreements(meeting: &MeetingRow) -> bool {
    meeting.status != MeetingStatus::Cancelled.code()
}
