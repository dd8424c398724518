//! Attendance: for each member agency, present, absent or excused, and who came.
//!
//! Only agencies that were members on the meeting's day are recorded; the person who came is
//! one of the agency's representatives or a name written in (a stand-in). The quorum is
//! computed when the meeting is read (`detail`), from the same rows.

use super::agencies::{entry, get as get_agency};
use super::meetings::get_open;
use super::{fail, optional, stored_date, CommitteeError};
use crate::domain::committee::AttendanceStatus;
use crate::services::{write, Actor, CoreResult, Permission, WriteCtx};
use crate::store::committee::attendance::{self, AttendanceFields};
use crate::store::committee::{agencies, committees};
use crate::store::{ids, Store};
use rusqlite::Transaction;
use serde_json::json;

/// One agency's attendance at a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttendanceInput<'a> {
    pub agency_id: i64,
    pub status: AttendanceStatus,
    /// One of the agency's representatives.
    pub representative_id: Option<i64>,
    /// A name written in, when who came is not a registered representative.
    pub attendee_name: Option<&'a str>,
}

pub fn record_attendance(
    store: &mut Store,
    actor: &Actor,
    meeting_id: i64,
    input: &AttendanceInput,
) -> CoreResult<()> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        record_attendance_in(tx, ctx, meeting_id, input)
    })
}

pub fn record_attendance_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    meeting_id: i64,
    input: &AttendanceInput,
) -> CoreResult<()> {
    let meeting = get_open(tx, meeting_id)?;
    let agency = get_agency(tx, input.agency_id)?;
    let members = committees::members_on(tx, meeting.committee_id, &meeting.held_on)?;
    if !members.iter().any(|m| m.agency_id == agency.id) {
        let on = stored_date(&meeting.held_on)?;
        return fail(CommitteeError::NotAMember {
            agency: agency.code,
            on,
        });
    }
    if let Some(rep_id) = input.representative_id {
        let Some(rep) = agencies::representative(tx, rep_id)? else {
            return fail(CommitteeError::UnknownRepresentative(ids::display(rep_id)));
        };
        if rep.agency_id != agency.id {
            return fail(CommitteeError::RepresentativeOfOtherAgency {
                representative: rep.name,
                agency: agency.code,
            });
        }
    }
    let attendee = optional(input.attendee_name);
    let fields = AttendanceFields {
        status: input.status.code(),
        representative_id: input.representative_id,
        attendee_name: attendee.as_deref(),
    };
    attendance::put(tx, meeting_id, agency.id, &fields)?;
    let details = json!({ "agency": agency.code, "status": input.status.code(),
        "representative": input.representative_id, "attendee": attendee });
    ctx.audit(tx, entry("attendance", "meeting", meeting_id, details))
}

/// Forgets an agency's attendance at a meeting (recorded by mistake).
pub fn clear_attendance(
    store: &mut Store,
    actor: &Actor,
    meeting_id: i64,
    agency_id: i64,
) -> CoreResult<()> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        get_open(tx, meeting_id)?;
        let agency = get_agency(tx, agency_id)?;
        attendance::clear(tx, meeting_id, agency_id)?;
        ctx.audit(
            tx,
            entry(
                "attendance_clear",
                "meeting",
                meeting_id,
                json!({ "agency": agency.code }),
            ),
        )
    })
}
