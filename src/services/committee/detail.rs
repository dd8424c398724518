//! One meeting read whole, as the meeting editor and the summaries show it: the agenda with
//! its flags and follow-ups, attendance of every member agency with the quorum, the
//! agreements made, and the agreements from earlier meetings still pending on its day.
//!
//! Overdue marks are worked out as of the meeting's day (for a planned meeting still to
//! come, as of today: a projection would call late what is still on time), so a summary
//! exported today and next month says the same thing about a meeting that was held.

use super::agreements::AgreementView;
use super::follow_ups::facts_of;
use super::{require_read, stored_date, CommitteeError};
use crate::domain::committee::follow_up::carried_to;
use crate::domain::committee::quorum::{quorum, Quorum};
use crate::domain::committee::{AgendaKind, AttendanceStatus, MeetingStatus};
use crate::services::{Actor, CoreResult};
use crate::store::committee::agenda::{self, FlagRow, ItemRow};
use crate::store::committee::attendance::{self, AttendanceRow};
use crate::store::committee::committees::{self, CommitteeRow, MemberRow};
use crate::store::committee::meetings::MeetingRow;
use crate::store::committee::{agencies, agreements};
use crate::store::Store;
use chrono::NaiveDate;
use rusqlite::Connection;

/// An agenda item with what it links to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemDetail {
    pub row: ItemRow,
    pub kind: AgendaKind,
    pub flags: Vec<FlagRow>,
    /// The agreement a follow-up item is about, as it stands now.
    pub follows: Option<AgreementView>,
}

/// One agency's line in the attendance list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendanceLine {
    pub agency_id: i64,
    pub code: String,
    pub name: String,
    /// Not recorded yet when `None`.
    pub status: Option<AttendanceStatus>,
    pub representative_id: Option<i64>,
    /// Who came: the representative's name or the name written in.
    pub who: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingDetail {
    pub committee: CommitteeRow,
    pub meeting: MeetingRow,
    pub status: MeetingStatus,
    pub held_on: NaiveDate,
    /// The day overdue marks are counted on.
    pub as_of: NaiveDate,
    pub items: Vec<ItemDetail>,
    pub attendance: Vec<AttendanceLine>,
    pub quorum: Quorum,
    /// Agreements made at this meeting.
    pub agreements: Vec<AgreementView>,
    /// Agreements from earlier meetings still pending on this meeting's day.
    pub carried: Vec<AgreementView>,
    /// Every flag put on the table, once, in agenda order.
    pub flags: Vec<FlagRow>,
}

pub fn load_meeting(store: &Store, actor: &Actor, meeting_id: i64) -> CoreResult<MeetingDetail> {
    require_read(actor)?;
    load_in(store.conn(), meeting_id, store.clock().today())
}

pub(crate) fn load_in(
    conn: &Connection,
    meeting_id: i64,
    today: NaiveDate,
) -> CoreResult<MeetingDetail> {
    let meeting = super::meetings::get(conn, meeting_id)?;
    let committee =
        committees::by_id(conn, meeting.committee_id)?.ok_or(CommitteeError::NoCommittee)?;
    let status = MeetingStatus::parse(&meeting.status).map_err(CommitteeError::from)?;
    let held_on = stored_date(&meeting.held_on)?;
    let as_of = if status == MeetingStatus::Planned {
        held_on.min(today)
    } else {
        held_on
    };
    let all = agreements::for_committee(conn, committee.id)?;
    let carried_ids: Vec<i64> = carried_to(&facts_of(&all)?, held_on)
        .iter()
        .map(|f| f.id)
        .collect();
    let mut made = Vec::new();
    let mut carried = Vec::new();
    let mut by_id = std::collections::HashMap::new();
    for row in all {
        let view = AgreementView::new(row, as_of)?;
        if view.row.meeting_id == meeting_id {
            made.push(view.clone());
        } else if carried_ids.contains(&view.row.id) {
            carried.push(view.clone());
        }
        by_id.insert(view.row.id, view);
    }
    carried.sort_by_key(|v| carried_ids.iter().position(|id| *id == v.row.id));
    let (items, flags) = items(conn, meeting_id, &by_id)?;
    let members = committees::members_on(conn, committee.id, &meeting.held_on)?;
    let recorded = attendance::for_meeting(conn, meeting_id)?;
    let attendance = attendance_lines(conn, &members, &recorded)?;
    let quorum = meeting_quorum(&members, &recorded, committee.quorum_bp);
    Ok(MeetingDetail {
        committee,
        meeting,
        status,
        held_on,
        as_of,
        items,
        attendance,
        quorum,
        agreements: made,
        carried,
        flags,
    })
}

/// The quorum: member agencies present out of members, against the committee's share.
fn meeting_quorum(members: &[MemberRow], recorded: &[AttendanceRow], quorum_bp: i64) -> Quorum {
    let present = members
        .iter()
        .filter(|m| {
            recorded
                .iter()
                .any(|r| r.agency_id == m.agency_id && r.status == "present")
        })
        .count();
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let quorum_bp = u32::try_from(quorum_bp).unwrap_or(5001);
    quorum(count(members.len()), count(present), quorum_bp)
}

type ItemsAndFlags = (Vec<ItemDetail>, Vec<FlagRow>);

fn items(
    conn: &Connection,
    meeting_id: i64,
    agreements: &std::collections::HashMap<i64, AgreementView>,
) -> CoreResult<ItemsAndFlags> {
    let links = agenda::meeting_flags(conn, meeting_id)?;
    let mut discussed: Vec<FlagRow> = Vec::new();
    for (_, flag) in &links {
        if !discussed.iter().any(|f| f.id == flag.id) {
            discussed.push(flag.clone());
        }
    }
    let mut items = Vec::new();
    for row in agenda::items(conn, meeting_id)? {
        let kind = AgendaKind::parse(&row.kind).map_err(CommitteeError::from)?;
        let flags = links
            .iter()
            .filter(|(item, _)| *item == row.id)
            .map(|(_, f)| f.clone())
            .collect();
        let follows = row
            .follows_agreement_id
            .and_then(|id| agreements.get(&id).cloned());
        items.push(ItemDetail {
            row,
            kind,
            flags,
            follows,
        });
    }
    Ok((items, discussed))
}

/// Every member agency (recorded or not), then any agency recorded that is no longer a
/// member; by agency name.
fn attendance_lines(
    conn: &Connection,
    members: &[MemberRow],
    recorded: &[AttendanceRow],
) -> CoreResult<Vec<AttendanceLine>> {
    let mut lines = Vec::new();
    for member in members {
        let row = recorded.iter().find(|r| r.agency_id == member.agency_id);
        lines.push(line(member.agency_id, &member.code, &member.name, row)?);
    }
    for row in recorded {
        if members.iter().any(|m| m.agency_id == row.agency_id) {
            continue;
        }
        if let Some(agency) = agencies::by_id(conn, row.agency_id)? {
            lines.push(line(agency.id, &agency.code, &agency.name, Some(row))?);
        }
    }
    Ok(lines)
}

fn line(
    agency_id: i64,
    code: &str,
    name: &str,
    row: Option<&AttendanceRow>,
) -> CoreResult<AttendanceLine> {
    let status = match row {
        Some(r) => Some(AttendanceStatus::parse(&r.status).map_err(CommitteeError::from)?),
        None => None,
    };
    let who = row.and_then(|r| {
        r.representative_name
            .clone()
            .or_else(|| r.attendee_name.clone())
    });
    Ok(AttendanceLine {
        agency_id,
        code: code.to_string(),
        name: name.to_string(),
        status,
        representative_id: row.and_then(|r| r.representative_id),
        who,
    })
}
