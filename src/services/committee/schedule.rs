//! The schedule helper: plans the committee's meetings for the coming months by its monthly
//! rule ("first Tuesday"), skipping days that already have a meeting.

use super::agencies::entry;
use super::meetings::{create_meeting_in, MeetingInput};
use super::{fail, require_read, CommitteeError, DateField};
use crate::domain::committee::schedule::MonthlyRule;
use crate::domain::dates::{iso, parse_date};
use crate::services::{write, Actor, CoreResult, Permission};
use crate::store::committee::committees::CommitteeRow;
use crate::store::committee::meetings;
use crate::store::Store;
use chrono::NaiveDate;
use rusqlite::Connection;
use serde_json::json;

/// The most months planned in one go.
pub const MAX_MONTHS: u32 = 24;

/// What to plan: `months` meetings from `from` on, at `place` and `starts_at`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanRequest<'a> {
    pub committee_id: i64,
    pub from: &'a str,
    pub months: u32,
    pub place: &'a str,
    pub starts_at: Option<&'a str>,
    pub convened_by: Option<i64>,
}

/// One day of the plan: the meeting made for it, or the one that was already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlannedDay {
    pub date: NaiveDate,
    pub meeting_id: i64,
    pub created: bool,
}

fn rule_and_days(
    conn: &Connection,
    committee_id: i64,
    from: &str,
    months: u32,
) -> CoreResult<(CommitteeRow, Vec<NaiveDate>)> {
    if months == 0 || months > MAX_MONTHS {
        return fail(CommitteeError::ScheduleMonths {
            given: months,
            max: MAX_MONTHS,
        });
    }
    let committee = super::committees::get(conn, committee_id)?;
    let Some(code) = committee.monthly_rule.as_deref() else {
        return fail(CommitteeError::NoMonthlyRule);
    };
    let rule = MonthlyRule::parse(code).map_err(CommitteeError::from)?;
    let from = parse_date(from).map_err(CommitteeError::date(DateField::ScheduleFrom))?;
    let count = usize::try_from(months).unwrap_or(1);
    Ok((committee, rule.dates_from(from, count)))
}

/// The days the rule gives, without writing anything (a preview).
pub fn proposed_days(
    store: &Store,
    actor: &Actor,
    committee_id: i64,
    from: &str,
    months: u32,
) -> CoreResult<Vec<NaiveDate>> {
    require_read(actor)?;
    Ok(rule_and_days(store.conn(), committee_id, from, months)?.1)
}

/// Creates the planned meetings of the coming months in one transaction.
pub fn plan_meetings(
    store: &mut Store,
    actor: &Actor,
    request: &PlanRequest,
) -> CoreResult<Vec<PlannedDay>> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        let (committee, days) =
            rule_and_days(tx, request.committee_id, request.from, request.months)?;
        let mut plan = Vec::new();
        for date in days {
            let day = iso(date);
            if let Some(existing) = meetings::other_on(tx, committee.id, &day, 0)? {
                plan.push(PlannedDay {
                    date,
                    meeting_id: existing,
                    created: false,
                });
                continue;
            }
            let input = MeetingInput {
                held_on: &day,
                starts_at: request.starts_at,
                place: request.place,
                convened_by: request.convened_by,
            };
            let meeting_id = create_meeting_in(tx, ctx, committee.id, &input)?;
            plan.push(PlannedDay {
                date,
                meeting_id,
                created: true,
            });
        }
        let details = json!({ "from": request.from, "months": request.months,
            "created": plan.iter().filter(|p| p.created).count() });
        ctx.audit(tx, entry("schedule", "committee", committee.id, details))?;
        Ok(plan)
    })
}
