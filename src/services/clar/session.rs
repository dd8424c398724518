//! CLAR sessions: opening one for a closed call (numbering its acta per office and year),
//! closing it once every viable proposal is fully scored by every member present who may
//! score it, and listing sessions (a CLAR member sees only the sessions they sit on).

use super::conflicts::{conflict_of, own_member, refresh_detected};
use super::members::seat_in;
use super::proposals::transition;
use super::{
    audit, load_call, load_session, require_read, required, ClarError, ClarField, Unscored,
};
use crate::domain::clar::{CallStatus, ProposalStatus};
use crate::services::{write, Actor, CoreResult, Permission, WriteCtx};
use crate::store::clar::calls as call_store;
use crate::store::clar::proposals::{self as proposal_store, ProposalRow};
use crate::store::clar::scores;
use crate::store::clar::sessions::{self as store, NewSession, SessionRow};
use crate::store::{ids, Store};
use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, Transaction};
use serde_json::json;
use std::collections::BTreeSet;

/// A session as the clerk sets it up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionDraft {
    pub call_id: i64,
    pub held_on: NaiveDate,
    pub place: String,
    /// Members seated (and marked present) from the start.
    pub member_ids: Vec<i64>,
}

pub fn open_session(store: &mut Store, actor: &Actor, draft: &SessionDraft) -> CoreResult<i64> {
    write(store, actor, Permission::WriteClar, |tx, ctx| {
        open_session_in(tx, ctx, draft)
    })
}

pub(crate) fn open_session_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    draft: &SessionDraft,
) -> CoreResult<i64> {
    let place = required(&draft.place, ClarField::Place)?;
    let call = load_call(tx, draft.call_id)?;
    if !matches!(call.status, CallStatus::Closed | CallStatus::Awarded) {
        return Err(ClarError::CallNotClosed {
            status: call.status,
        }
        .into());
    }
    let year = i64::from(draft.held_on.year());
    let number = store::next_acta_number(tx, year)?;
    let id = ids::next(tx)?;
    store::insert_session(
        tx,
        &NewSession {
            id,
            call_id: call.id,
            acta_number: number,
            acta_year: year,
            held_on: draft.held_on,
            place: &place,
        },
        &ctx.at,
    )?;
    audit(
        tx,
        ctx,
        "open",
        "clar_session",
        id,
        json!({ "call_id": call.id, "acta": format!("{number}-{year}") }),
    )?;
    for member_id in &draft.member_ids {
        seat_in(tx, ctx, id, *member_id, true)?;
    }
    Ok(id)
}

/// The proposals a session ranks: while open, the call's viable proposals not yet awarded;
/// once closed, those scored in it.
pub(crate) fn proposals_of(
    conn: &Connection,
    session: &SessionRow,
) -> CoreResult<Vec<ProposalRow>> {
    let all = proposal_store::for_call(conn, session.call_id)?;
    if !session.closed {
        return Ok(all
            .into_iter()
            .filter(|p| p.status == ProposalStatus::Viable)
            .collect());
    }
    let scored: BTreeSet<i64> = scores::for_session(conn, session.id, None)?
        .iter()
        .map(|s| s.proposal_id)
        .collect();
    Ok(all.into_iter().filter(|p| scored.contains(&p.id)).collect())
}

/// Who still has to score what: for each proposal, the members present and free of conflict
/// who left a criterion blank (or nobody, when every member present is recused).
pub(crate) fn unscored(conn: &Connection, session: &SessionRow) -> CoreResult<Vec<Unscored>> {
    let criteria = call_store::criteria(conn, session.call_id)?;
    let seats = store::seats(conn, session.id)?;
    let all_scores = scores::for_session(conn, session.id, None)?;
    let mut missing = Vec::new();
    for p in proposals_of(conn, session)? {
        let mut eligible = 0;
        let mut members = Vec::new();
        for seat in seats.iter().filter(|s| s.present) {
            if conflict_of(conn, session.id, seat.member.id, p.id)?.is_some() {
                continue;
            }
            eligible += 1;
            let done = all_scores
                .iter()
                .filter(|s| s.proposal_id == p.id && s.member_id == seat.member.id)
                .count();
            if done < criteria.len() {
                members.push(seat.member.full_name.clone());
            }
        }
        if eligible == 0 || !members.is_empty() {
            missing.push(Unscored {
                proposal_title: p.title.clone(),
                members,
            });
        }
    }
    Ok(missing)
}

/// Closes a session: refused, with the list, while any viable proposal is not fully scored.
/// The viable proposals become `scored`; scores become visible to everyone.
pub fn close_session(
    store: &mut Store,
    actor: &Actor,
    session_id: i64,
    expected_version: i64,
) -> CoreResult<()> {
    write(store, actor, Permission::WriteClar, |tx, ctx| {
        close_session_in(tx, ctx, session_id, expected_version)
    })
}

pub(crate) fn close_session_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    session_id: i64,
    expected_version: i64,
) -> CoreResult<()> {
    let session = load_session(tx, session_id)?;
    if session.closed {
        return Err(ClarError::SessionClosed.into());
    }
    if !store::seats(tx, session_id)?.iter().any(|s| s.present) {
        return Err(ClarError::NoMembersPresent.into());
    }
    refresh_detected(tx, ctx, &session)?;
    let missing = unscored(tx, &session)?;
    if !missing.is_empty() {
        return Err(ClarError::UnscoredProposals(missing).into());
    }
    let proposals = proposals_of(tx, &session)?;
    store::close_session(
        tx,
        session_id,
        expected_version,
        ctx.actor().user_id,
        &ctx.at,
    )?;
    for p in &proposals {
        transition(tx, ctx, p, ProposalStatus::Scored, None)?;
    }
    audit(
        tx,
        ctx,
        "close",
        "clar_session",
        session_id,
        json!({ "proposals": proposals.len() }),
    )
}

/// Sessions: all of them for staff; for a CLAR member, only those they sit on.
pub fn list_sessions(store: &Store, actor: &Actor) -> CoreResult<Vec<SessionRow>> {
    if actor.can(Permission::ScoreClar) {
        return Ok(store::sessions(store.conn(), actor.user_id.or(Some(-1)))?);
    }
    require_read(actor)?;
    Ok(store::sessions(store.conn(), None)?)
}

/// May `actor` see this session's records? Staff may; a CLAR member only if seated on it.
pub(crate) fn require_session_access(
    conn: &Connection,
    actor: &Actor,
    session: &SessionRow,
) -> CoreResult<Option<i64>> {
    if actor.can(Permission::ReadClar) {
        return Ok(None);
    }
    actor.require(Permission::ScoreClar)?;
    let member_id = own_member(conn, actor)?;
    super::conflicts::require_seat(conn, session, member_id)?;
    Ok(Some(member_id))
}

/// Finds a session from what a person types: its acta number (`7-2026`) or its id.
pub fn resolve_session(store: &Store, text: &str) -> CoreResult<Option<i64>> {
    let text = text.trim();
    let text = text
        .strip_prefix("Acta")
        .or_else(|| text.strip_prefix("acta"))
        .map(|t| t.trim_start_matches([' ', 'N', '°', 'º', 'o', '.']).trim())
        .unwrap_or(text);
    if let Some((number, year)) = text.split_once('-') {
        let acta_like = year.len() == 4 && number.len() <= 5;
        if let (true, Ok(n), Ok(y)) = (acta_like, number.parse::<i64>(), year.parse::<i64>()) {
            if (2000..=2999).contains(&y) {
                return Ok(store::session_by_acta(store.conn(), n, y)?);
            }
        }
    }
    Ok(crate::store::ids::parse(text)
        .filter(|id| matches!(store::session(store.conn(), *id), Ok(Some(_)))))
}

/// A conflict as a screen shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictLine {
    pub member: String,
    pub proposal: String,
    pub kind: crate::domain::clar::ConflictKind,
    /// The member's own words, or the code of how it was detected.
    pub note: Option<String>,
}

/// What the session screen shows: who sits and is present, the conflicts, and the score
/// matrix as the viewer may see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionOverview {
    pub session: SessionRow,
    pub seats: Vec<store::SeatRow>,
    pub conflicts: Vec<ConflictLine>,
    pub matrix: super::scoring::ScoreMatrix,
}

pub fn session_overview(
    store: &Store,
    actor: &Actor,
    session_id: i64,
) -> CoreResult<SessionOverview> {
    let conn = store.conn();
    let session = load_session(conn, session_id)?;
    let viewer = require_session_access(conn, actor, &session)?;
    let seats = store::seats(conn, session.id)?;
    let all = proposal_store::for_call(conn, session.call_id)?;
    let conflicts = store::conflicts(conn, session.id)?
        .into_iter()
        .filter_map(|c| {
            let member = seats.iter().find(|s| s.member.id == c.member_id)?;
            let proposal = all.iter().find(|p| p.id == c.proposal_id)?;
            Some(ConflictLine {
                member: member.member.full_name.clone(),
                proposal: proposal.title.clone(),
                kind: c.kind,
                note: c.note,
            })
        })
        .collect();
    Ok(SessionOverview {
        matrix: super::scoring::build_matrix(conn, &session, viewer)?,
        session,
        seats,
        conflicts,
    })
}
