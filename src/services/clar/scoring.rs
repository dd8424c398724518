//! Scoring: a CLAR member fills in the rubric for a viable proposal of an open session they
//! sit on and are present at. Refused, with nothing saved, when they have a conflict on the
//! proposal (declared or detected), a score is outside the criterion's scale, or someone saved
//! the same score since the form was loaded. The score matrix shows progress; until the
//! session closes a member sees only their own scores and staff see only progress.

use super::conflicts::{conflict_of, own_member, require_seat};
use super::session::{proposals_of, require_session_access};
use super::{audit, load_proposal, load_session, ClarError};
use crate::domain::clar::ProposalStatus;
use crate::services::{write, Actor, CoreResult, Permission, WriteCtx};
use crate::store::clar::calls::{self as call_store, CriterionRow};
use crate::store::clar::scores::{self as store, ScoreKey, ScoreRow};
use crate::store::clar::sessions as session_store;
use crate::store::{ids, Store, StoreError};
use rusqlite::{Connection, Transaction};
use serde_json::json;

/// One criterion's points as entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScoreEntry {
    pub criterion_id: i64,
    pub points: i64,
    /// The version of the score when the form was loaded; `None` when it was blank.
    pub expected_version: Option<i64>,
}

/// A member's scores for one proposal, saved together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreSheet {
    pub session_id: i64,
    pub proposal_id: i64,
    pub entries: Vec<ScoreEntry>,
}

/// Saves the acting CLAR member's scores (all or none).
pub fn save_scores(store: &mut Store, actor: &Actor, sheet: &ScoreSheet) -> CoreResult<()> {
    actor.require(Permission::ScoreClar)?;
    let member_id = own_member(store.conn(), actor)?;
    write(store, actor, Permission::ScoreClar, |tx, ctx| {
        save_scores_in(tx, ctx, member_id, sheet)
    })
}

pub(crate) fn save_scores_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    member_id: i64,
    sheet: &ScoreSheet,
) -> CoreResult<()> {
    let session = load_session(tx, sheet.session_id)?;
    if session.closed {
        return Err(ClarError::SessionClosed.into());
    }
    let seat = require_seat(tx, &session, member_id)?;
    if !seat.present {
        return Err(ClarError::MemberAbsent {
            member: seat.member.full_name,
        }
        .into());
    }
    let proposal = load_proposal(tx, sheet.proposal_id)?;
    if proposal.call_id != session.call_id || proposal.status != ProposalStatus::Viable {
        return Err(ClarError::NotScorable {
            proposal: proposal.title,
            status: proposal.status,
        }
        .into());
    }
    if let Some(kind) = conflict_of(tx, session.id, member_id, proposal.id)? {
        return Err(ClarError::Recused {
            member: seat.member.full_name,
            proposal: proposal.title,
            kind,
        }
        .into());
    }
    let criteria = call_store::criteria(tx, session.call_id)?;
    for entry in &sheet.entries {
        check_entry(&criteria, entry)?;
    }
    for entry in &sheet.entries {
        let key = ScoreKey {
            session_id: session.id,
            member_id,
            proposal_id: proposal.id,
            criterion_id: entry.criterion_id,
        };
        upsert(tx, ctx, key, entry)?;
    }
    let points: Vec<(i64, i64)> = sheet
        .entries
        .iter()
        .map(|e| (e.criterion_id, e.points))
        .collect();
    audit(
        tx,
        ctx,
        "score",
        "clar_session",
        session.id,
        json!({ "member_id": member_id, "proposal_id": proposal.id, "points": points }),
    )
}

fn check_entry(criteria: &[CriterionRow], entry: &ScoreEntry) -> Result<(), ClarError> {
    let criterion = criteria.iter().find(|c| c.id == entry.criterion_id).ok_or(
        ClarError::CriterionNotInCall {
            criterion_id: entry.criterion_id,
        },
    )?;
    if !(0..=criterion.max_points).contains(&entry.points) {
        return Err(ClarError::ScoreOutOfScale {
            criterion: criterion.label_es.clone(),
            points: entry.points,
            max: criterion.max_points,
        });
    }
    Ok(())
}

fn upsert(tx: &Transaction, ctx: &WriteCtx, key: ScoreKey, entry: &ScoreEntry) -> CoreResult<()> {
    match (store::find(tx, key)?, entry.expected_version) {
        (Some(row), Some(version)) => store::update(tx, row.id, version, entry.points, &ctx.at)?,
        // Someone saved this score after the form was loaded blank.
        (Some(row), None) => {
            return Err(StoreError::Conflict {
                entity: "clar_score",
                id: row.id,
                expected: 0,
            }
            .into())
        }
        (None, _) => store::insert(tx, ids::next(tx)?, key, entry.points, &ctx.at)?,
    }
    Ok(())
}

/// How far one member has got with one proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellState {
    /// The member has a conflict and may not score it.
    Recused,
    /// The member is not present.
    Absent,
    /// `done` of the rubric's criteria scored.
    Progress { done: i64, of: i64 },
}

/// A cell of the matrix: the state and, when the viewer may see it, the member's weighted
/// total in thousandths of a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub state: CellState,
    pub total_milli: Option<i64>,
}

/// Proposals (rows) by members (columns).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreMatrix {
    pub session_id: i64,
    pub closed: bool,
    pub proposals: Vec<(i64, String)>,
    pub members: Vec<(i64, String)>,
    pub cells: Vec<Vec<Cell>>,
    /// Criteria scored out of those expected (present, free of conflict), over the session.
    pub done: i64,
    pub expected: i64,
}

pub fn score_matrix(store: &Store, actor: &Actor, session_id: i64) -> CoreResult<ScoreMatrix> {
    let session = load_session(store.conn(), session_id)?;
    let viewer = require_session_access(store.conn(), actor, &session)?;
    build_matrix(store.conn(), &session, viewer)
}

/// The matrix as `viewer` (a member id, or `None` for staff) may see it.
pub(crate) fn build_matrix(
    conn: &Connection,
    session: &session_store::SessionRow,
    viewer: Option<i64>,
) -> CoreResult<ScoreMatrix> {
    let criteria = call_store::criteria(conn, session.call_id)?;
    let seats = session_store::seats(conn, session.id)?;
    let proposals = proposals_of(conn, session)?;
    let all = store::for_session(conn, session.id, None)?;
    let mut m = ScoreMatrix {
        session_id: session.id,
        closed: session.closed,
        proposals: proposals.iter().map(|p| (p.id, p.title.clone())).collect(),
        members: seats
            .iter()
            .filter(|s| session.closed || viewer.is_none_or(|v| v == s.member.id))
            .map(|s| (s.member.id, s.member.full_name.clone()))
            .collect(),
        cells: Vec::new(),
        done: 0,
        expected: 0,
    };
    for p in &proposals {
        let mut row = Vec::new();
        for seat in &seats {
            let scores: Vec<&ScoreRow> = all
                .iter()
                .filter(|s| s.proposal_id == p.id && s.member_id == seat.member.id)
                .collect();
            let recused = conflict_of(conn, session.id, seat.member.id, p.id)?.is_some();
            let of = criteria.len() as i64;
            let state = match (recused, seat.present) {
                (true, _) => CellState::Recused,
                (false, false) => CellState::Absent,
                (false, true) => {
                    m.expected += of;
                    m.done += scores.len() as i64;
                    CellState::Progress {
                        done: scores.len() as i64,
                        of,
                    }
                }
            };
            let visible_member = m.members.iter().any(|(id, _)| *id == seat.member.id);
            if !visible_member {
                continue;
            }
            let values = session.closed || viewer == Some(seat.member.id);
            row.push(Cell {
                state,
                total_milli: values.then(|| weighted_milli(&criteria, &scores)),
            });
        }
        m.cells.push(row);
    }
    Ok(m)
}

/// A member's weighted total for a proposal, in thousandths of a point.
fn weighted_milli(criteria: &[CriterionRow], scores: &[&ScoreRow]) -> i64 {
    scores
        .iter()
        .filter_map(|s| {
            let c = criteria.iter().find(|c| c.id == s.criterion_id)?;
            Some(s.points * c.weight_bp / 10)
        })
        .sum()
}
