//! Carry-forward: every agreement still pending from earlier meetings is on the agenda of a
//! planned meeting as a follow-up item, presented by the agency responsible for it.
//!
//! [`sync_in`] brings one planned meeting's follow-up items in line with
//! `domain::committee::follow_up::carried_to`: missing ones are added after the existing
//! follow-ups (ahead of the ordinary items), and ones no longer due back are removed, unless
//! someone already wrote notes, agreements or flags under them. Held and cancelled meetings
//! are the record of what happened and are never changed here.

use super::agencies::entry;
use super::stored_date;
use crate::domain::committee::follow_up::{carried_to, AgreementFacts};
use crate::domain::committee::{AgendaKind, AgreementStatus, MeetingStatus};
use crate::services::{CoreResult, WriteCtx};
use crate::store::committee::agenda::{self, ItemFields, ItemLinks, ItemRow, NewItem};
use crate::store::committee::agreements::{self, AgreementRow};
use crate::store::committee::meetings;
use crate::store::ids;
use rusqlite::Transaction;
use serde_json::json;

/// The facts the carry-forward rule needs, read from stored rows.
pub(crate) fn facts_of(rows: &[AgreementRow]) -> CoreResult<Vec<AgreementFacts>> {
    rows.iter()
        .map(|row| {
            Ok(AgreementFacts {
                id: row.id,
                made_on: stored_date(&row.made_on)?,
                status: AgreementStatus::parse(&row.status).map_err(super::CommitteeError::from)?,
                closed_on: row.closed_on.as_deref().map(stored_date).transpose()?,
            })
        })
        .collect()
}

/// Updates the follow-up items of every planned meeting of the committee after `day`.
pub(crate) fn sync_after_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    committee_id: i64,
    day: &str,
) -> CoreResult<()> {
    for meeting_id in meetings::planned_after(tx, committee_id, day)? {
        sync_in(tx, ctx, meeting_id)?;
    }
    Ok(())
}

/// Updates one meeting's follow-up items, if the meeting is still planned.
pub(crate) fn sync_in(tx: &Transaction, ctx: &WriteCtx, meeting_id: i64) -> CoreResult<()> {
    let meeting = super::meetings::get(tx, meeting_id)?;
    if meeting.status != MeetingStatus::Planned.code() {
        return Ok(());
    }
    let day = stored_date(&meeting.held_on)?;
    let rows = agreements::for_committee(tx, meeting.committee_id)?;
    let carried: Vec<i64> = carried_to(&facts_of(&rows)?, day)
        .iter()
        .map(|f| f.id)
        .collect();
    remove_stale(tx, ctx, meeting_id, &carried)?;
    let items = agenda::items(tx, meeting_id)?;
    let mut position = last_follow_up_position(&items) + 1;
    for id in carried {
        if items.iter().any(|i| i.follows_agreement_id == Some(id)) {
            continue;
        }
        let Some(agreement) = rows.iter().find(|r| r.id == id) else {
            continue;
        };
        add_item(tx, ctx, meeting_id, position, agreement)?;
        position += 1;
    }
    Ok(())
}

fn last_follow_up_position(items: &[ItemRow]) -> i64 {
    items
        .iter()
        .filter(|i| i.kind == AgendaKind::FollowUp.code())
        .map(|i| i.position)
        .max()
        .unwrap_or(0)
}

fn remove_stale(
    tx: &Transaction,
    ctx: &WriteCtx,
    meeting_id: i64,
    carried: &[i64],
) -> CoreResult<()> {
    let flagged: Vec<i64> = agenda::meeting_flags(tx, meeting_id)?
        .into_iter()
        .map(|(item, _)| item)
        .collect();
    for item in agenda::items(tx, meeting_id)? {
        let Some(agreement_id) = item.follows_agreement_id else {
            continue;
        };
        let untouched = item.notes.is_empty()
            && !flagged.contains(&item.id)
            && agenda::agreement_count(tx, item.id)? == 0;
        if !carried.contains(&agreement_id) && untouched {
            agenda::delete(tx, item.id, meeting_id)?;
            let details = json!({ "meeting": meeting_id, "agreement": agreement_id });
            ctx.audit(
                tx,
                entry("remove_follow_up", "agenda_item", item.id, details),
            )?;
        }
    }
    Ok(())
}

fn add_item(
    tx: &Transaction,
    ctx: &WriteCtx,
    meeting_id: i64,
    position: i64,
    agreement: &AgreementRow,
) -> CoreResult<()> {
    agenda::make_room_at(tx, meeting_id, position)?;
    let id = ids::next(tx)?;
    agenda::insert(
        tx,
        &NewItem {
            id,
            meeting_id,
            position,
            fields: ItemFields {
                title: &agreement.description,
                presenter_agency_id: Some(agreement.responsible_agency_id),
                starts_at: None,
            },
            links: ItemLinks {
                kind: AgendaKind::FollowUp.code(),
                follows_agreement_id: Some(agreement.id),
                clar_call_id: None,
                proposal_id: None,
            },
            at: &ctx.at,
        },
    )?;
    let details = json!({ "meeting": meeting_id, "agreement": agreement.id,
        "agreement_display": ids::display(agreement.id) });
    ctx.audit(tx, entry("follow_up", "agenda_item", id, details))
}
