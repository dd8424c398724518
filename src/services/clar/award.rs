//! Ranking a closed session and adopting its results: the awards, the proposals' new states,
//! the call marked awarded, and the disbursement tranches of each funded proposal. The
//! ranking is recomputed from the stored scores and conflicts every time it is shown, so it is
//! the same before and after adoption (see [`super::ranking`] for the rules).

use super::followup::plan_tranches;
use super::proposals::transition;
use super::ranking::{self, Allocation, Candidate, CriterionSpec, Decision, MemberSheet, Ranked};
use super::session::{proposals_of, require_session_access};
use super::{audit, calls::set_status_in, load_call, load_session, ClarError};
use crate::domain::clar::{CallStatus, ProposalStatus, TrancheStatus};
use crate::domain::money::Money;
use crate::services::{write, Actor, CoreResult, Permission, WriteCtx};
use crate::store::clar::awards::{self as store, AwardRow};
use crate::store::clar::calls::{self as call_store, CallRow};
use crate::store::clar::followup::{self as followup_store, TrancheRow};
use crate::store::clar::proposals::ProposalRow;
use crate::store::clar::scores;
use crate::store::clar::sessions::{self as session_store, SessionRow};
use crate::store::{ids, Store};
use rusqlite::{Connection, Transaction};
use serde_json::json;

/// One line of the ranking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RankingRow {
    pub ranked: Ranked,
    pub proposal: ProposalRow,
    pub decision: Decision,
}

/// A session's ranking and what the envelope funds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RankingView {
    pub session: SessionRow,
    pub call: CallRow,
    /// The call's envelope less what earlier sessions of the call funded.
    pub envelope: Money,
    pub rows: Vec<RankingRow>,
    pub allocation: Allocation,
    /// Whether the results have been adopted (awards written).
    pub awarded: bool,
}

/// The ranking of a closed session (staff, or a member who sat on it).
pub fn ranking(store: &Store, actor: &Actor, session_id: i64) -> CoreResult<RankingView> {
    let session = load_session(store.conn(), session_id)?;
    require_session_access(store.conn(), actor, &session)?;
    compute(store.conn(), &session)
}

pub(crate) fn compute(conn: &Connection, session: &SessionRow) -> CoreResult<RankingView> {
    if !session.closed {
        return Err(ClarError::SessionOpen.into());
    }
    let call = load_call(conn, session.call_id)?;
    let criteria: Vec<CriterionSpec> = call_store::criteria(conn, call.id)?
        .iter()
        .map(|c| CriterionSpec {
            id: c.id,
            phase: c.phase,
            weight_bp: c.weight_bp,
        })
        .collect();
    let proposals = proposals_of(conn, session)?;
    let candidates = candidates(conn, session, &proposals)?;
    let ranked = ranking::rank(&criteria, &candidates);
    let spent = store::funded_in_call(conn, call.id, session.id)?;
    let envelope = call.envelope.checked_sub(spent).unwrap_or(Money::zero());
    let allocation = ranking::allocate(envelope, &ranked);
    let rows = ranked
        .into_iter()
        .zip(allocation.decisions.iter())
        .filter_map(|(r, d)| {
            let proposal = proposals.iter().find(|p| p.id == r.proposal_id)?.clone();
            Some(RankingRow {
                ranked: r,
                proposal,
                decision: *d,
            })
        })
        .collect();
    Ok(RankingView {
        awarded: !store::for_session(conn, session.id)?.is_empty(),
        session: session.clone(),
        call,
        envelope,
        rows,
        allocation,
    })
}

/// Each proposal with the sheets of the members present and free of conflict (as recorded
/// when the session closed).
fn candidates(
    conn: &Connection,
    session: &SessionRow,
    proposals: &[ProposalRow],
) -> CoreResult<Vec<Candidate>> {
    let seats = session_store::seats(conn, session.id)?;
    let conflicts = session_store::conflicts(conn, session.id)?;
    let all = scores::for_session(conn, session.id, None)?;
    let mut out = Vec::with_capacity(proposals.len());
    for p in proposals {
        let sheets = seats
            .iter()
            .filter(|s| s.present)
            .filter(|s| {
                !conflicts
                    .iter()
                    .any(|c| c.member_id == s.member.id && c.proposal_id == p.id)
            })
            .map(|s| MemberSheet {
                member_id: s.member.id,
                points: all
                    .iter()
                    .filter(|x| x.proposal_id == p.id && x.member_id == s.member.id)
                    .map(|x| (x.criterion_id, x.points))
                    .collect(),
            })
            .filter(|sheet| !sheet.points.is_empty())
            .collect();
        out.push(Candidate {
            proposal_id: p.id,
            submitted_at: p.submitted_at.clone().unwrap_or_default(),
            programme: p.programme,
            sheets,
        });
    }
    Ok(out)
}

/// Adopts a closed session's results, once.
pub fn award_session(store: &mut Store, actor: &Actor, session_id: i64) -> CoreResult<RankingView> {
    write(store, actor, Permission::WriteClar, |tx, ctx| {
        award_in(tx, ctx, session_id)
    })
}

pub(crate) fn award_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    session_id: i64,
) -> CoreResult<RankingView> {
    let session = load_session(tx, session_id)?;
    let view = compute(tx, &session)?;
    if view.awarded {
        return Err(ClarError::AlreadyAwarded.into());
    }
    if view.allocation.funded_total > view.envelope {
        return Err(ClarError::EnvelopeExceeded {
            funded: view.allocation.funded_total,
            envelope: view.envelope,
        }
        .into());
    }
    for row in &view.rows {
        write_award(tx, ctx, &session, row)?;
    }
    if view.call.status == CallStatus::Closed {
        set_status_in(tx, ctx, &view.call, CallStatus::Awarded)?;
    }
    audit(
        tx,
        ctx,
        "award",
        "clar_session",
        session_id,
        json!({
            "funded_cents": view.allocation.funded_total.cents(),
            "remaining_cents": view.allocation.remaining.cents(),
        }),
    )?;
    compute(tx, &session)
}

fn write_award(
    tx: &Transaction,
    ctx: &WriteCtx,
    session: &SessionRow,
    row: &RankingRow,
) -> CoreResult<()> {
    let award_id = ids::next(tx)?;
    store::insert(
        tx,
        &AwardRow {
            id: award_id,
            session_id: session.id,
            proposal_id: row.proposal.id,
            rank: row.ranked.rank,
            score_milli: row.ranked.score_milli,
            funded: row.decision.funded,
            programme: row.proposal.programme,
            decided_at: ctx.at.clone(),
        },
    )?;
    let to = if row.decision.funded {
        ProposalStatus::Awarded
    } else {
        ProposalStatus::NotAwarded
    };
    transition(tx, ctx, &row.proposal, to, None)?;
    if row.decision.funded {
        for (index, (planned, requires_review)) in
            (1_i64..).zip(plan_tranches(row.proposal.programme))
        {
            followup_store::insert_tranche(
                tx,
                &TrancheRow {
                    id: ids::next(tx)?,
                    award_id,
                    tranche: index,
                    planned,
                    planned_on: (!requires_review).then_some(ctx.today),
                    paid: None,
                    paid_on: None,
                    requires_review,
                    review_session_id: None,
                    status: TrancheStatus::Planned,
                    version: 1,
                },
                &ctx.at,
            )?;
        }
    }
    Ok(())
}
