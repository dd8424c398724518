//! Following funded ventures: the disbursement tranches (preset 70 % at once, 30 % after a
//! second CLAR review of progress) and visits that record whether the venture still operates,
//! so the office can answer "how many ventures still operate a year later", per call.

use super::{audit, load_proposal, load_session, optional, require_read, ClarError};
use crate::domain::clar::{ProposalStatus, TrancheStatus, VisitStatus};
use crate::domain::money::{percent_of, Money};
use crate::services::{write, Actor, CoreResult, Permission, WriteCtx};
use crate::store::clar::awards;
use crate::store::clar::followup::{self as store, TrancheRow, VentureRow, VisitRow};
use crate::store::clar::not_found;
use crate::store::{ids, Store};
use chrono::{Days, NaiveDate};
use rusqlite::Transaction;
use serde_json::json;

/// The preset tranches: (share in basis points, needs a CLAR progress review first).
pub const TRANCHE_PLAN: [(i64, bool); 2] = [(7_000, false), (3_000, true)];

/// Splits an award into the preset tranches; the last takes what rounding left, so the
/// tranches always add up to the award exactly.
pub fn plan_tranches(amount: Money) -> Vec<(Money, bool)> {
    let mut left = amount;
    let mut out = Vec::with_capacity(TRANCHE_PLAN.len());
    for (index, (share_bp, review)) in TRANCHE_PLAN.iter().enumerate() {
        let part = if index + 1 == TRANCHE_PLAN.len() {
            left
        } else {
            percent_of(amount, *share_bp)
        };
        left = left.checked_sub(part).unwrap_or(Money::zero());
        out.push((part, *review));
    }
    out
}

/// A proposal's tranches.
pub fn tranches(store: &Store, actor: &Actor, proposal_id: i64) -> CoreResult<Vec<TrancheRow>> {
    require_read(actor)?;
    match awards::for_proposal(store.conn(), proposal_id)? {
        Some(award) => Ok(store::tranches(store.conn(), award.id)?),
        None => Ok(Vec::new()),
    }
}

/// Records the CLAR's progress review that releases a tranche: a later session of the same
/// call than the one that awarded it.
pub fn release_tranche(
    store: &mut Store,
    actor: &Actor,
    tranche_id: i64,
    expected_version: i64,
    review_session_id: i64,
) -> CoreResult<()> {
    write(store, actor, Permission::WriteClar, |tx, ctx| {
        release_in(tx, ctx, tranche_id, expected_version, review_session_id)
    })
}

pub(crate) fn release_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    tranche_id: i64,
    expected_version: i64,
    review_session_id: i64,
) -> CoreResult<()> {
    let t = store::tranche(tx, tranche_id)?.ok_or_else(|| not_found("disbursement", tranche_id))?;
    if !t.requires_review || t.status != TrancheStatus::Planned {
        return Err(ClarError::TrancheReviewNotNeeded { tranche: t.tranche }.into());
    }
    let award = awards::by_id(tx, t.award_id)?.ok_or_else(|| not_found("award", t.award_id))?;
    let awarding = load_session(tx, award.session_id)?;
    let review = load_session(tx, review_session_id)?;
    let later = review.id != awarding.id && review.held_on >= awarding.held_on;
    if review.call_id != awarding.call_id || !later {
        return Err(ClarError::ReviewSessionInvalid.into());
    }
    store::release(tx, t.id, expected_version, review.id, &ctx.at)?;
    audit(
        tx,
        ctx,
        "release",
        "disbursement",
        t.id,
        json!({ "review_session_id": review.id }),
    )
}

/// Records a payment. The first payment puts the venture in execution.
pub fn pay_tranche(
    store: &mut Store,
    actor: &Actor,
    tranche_id: i64,
    expected_version: i64,
    payment: (Money, NaiveDate),
) -> CoreResult<()> {
    write(store, actor, Permission::WriteClar, |tx, ctx| {
        pay_in(tx, ctx, tranche_id, expected_version, payment)
    })
}

pub(crate) fn pay_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    tranche_id: i64,
    expected_version: i64,
    (paid, paid_on): (Money, NaiveDate),
) -> CoreResult<()> {
    let t = store::tranche(tx, tranche_id)?.ok_or_else(|| not_found("disbursement", tranche_id))?;
    match t.status {
        TrancheStatus::Paid => {
            return Err(ClarError::TrancheAlreadyPaid { tranche: t.tranche }.into())
        }
        TrancheStatus::Planned if t.requires_review => {
            return Err(ClarError::TrancheNeedsReview { tranche: t.tranche }.into())
        }
        _ => {}
    }
    if paid.cents() < 0 {
        return Err(ClarError::NegativeAmount {
            line: 1,
            amount: paid,
        }
        .into());
    }
    if paid > t.planned {
        return Err(ClarError::TrancheOverpaid {
            planned: t.planned,
            paid,
        }
        .into());
    }
    store::pay(tx, t.id, expected_version, paid, paid_on, &ctx.at)?;
    let award = awards::by_id(tx, t.award_id)?.ok_or_else(|| not_found("award", t.award_id))?;
    let proposal = load_proposal(tx, award.proposal_id)?;
    if proposal.status == ProposalStatus::Awarded {
        super::proposals::transition(tx, ctx, &proposal, ProposalStatus::InExecution, None)?;
    }
    audit(
        tx,
        ctx,
        "pay",
        "disbursement",
        t.id,
        json!({ "paid_cents": paid.cents(), "paid_on": crate::domain::dates::iso(paid_on) }),
    )
}

/// Marks a venture's execution finished.
pub fn close_venture(
    store: &mut Store,
    actor: &Actor,
    proposal_id: i64,
    expected_version: i64,
    note: Option<&str>,
) -> CoreResult<()> {
    write(store, actor, Permission::WriteClar, |tx, ctx| {
        let p = crate::store::clar::proposals::ProposalRow {
            version: expected_version,
            ..load_proposal(tx, proposal_id)?
        };
        let note = optional(note);
        super::proposals::transition(tx, ctx, &p, ProposalStatus::Closed, note.as_deref())
    })
}

/// A visit to a funded venture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitDraft {
    pub visited_on: NaiveDate,
    pub status: VisitStatus,
    pub notes: Option<String>,
}

pub fn record_visit(
    store: &mut Store,
    actor: &Actor,
    proposal_id: i64,
    visit: &VisitDraft,
) -> CoreResult<i64> {
    write(store, actor, Permission::WriteClar, |tx, ctx| {
        record_visit_in(tx, ctx, proposal_id, visit)
    })
}

pub(crate) fn record_visit_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    proposal_id: i64,
    visit: &VisitDraft,
) -> CoreResult<i64> {
    let p = load_proposal(tx, proposal_id)?;
    if !p.status.is_funded() {
        return Err(ClarError::NotFunded { proposal: p.title }.into());
    }
    let id = ids::next(tx)?;
    let row = VisitRow {
        id,
        proposal_id,
        visited_on: visit.visited_on,
        status: visit.status,
        notes: optional(visit.notes.as_deref()),
    };
    store::insert_visit(tx, &row, ctx.actor().user_id, &ctx.at)?;
    audit(
        tx,
        ctx,
        "visit",
        "proposal",
        proposal_id,
        json!({ "status": visit.status.code() }),
    )?;
    Ok(id)
}

/// How a call's funded ventures are doing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CallFollowUp {
    pub call_id: i64,
    pub call_title: String,
    pub funded: i64,
    /// Funded at least a year before the report date.
    pub a_year_on: i64,
    /// Of those, by the latest visit made a year or more after the award.
    pub operating: i64,
    pub struggling: i64,
    pub stopped: i64,
    /// Funded a year ago or more but not visited since the anniversary.
    pub not_visited: i64,
}

/// The follow-up of every call with funded ventures, as of `as_of`.
pub fn followup_report(
    store: &Store,
    actor: &Actor,
    as_of: NaiveDate,
) -> CoreResult<Vec<CallFollowUp>> {
    require_read(actor)?;
    let ventures = store::funded_ventures(store.conn())?;
    let visits = store::visits(store.conn(), None)?;
    Ok(survival(&ventures, &visits, as_of))
}

/// Counts, per call, the ventures funded a year or more before `as_of` by the status of the
/// latest visit made a year or more after their award.
pub fn survival(
    ventures: &[VentureRow],
    visits: &[VisitRow],
    as_of: NaiveDate,
) -> Vec<CallFollowUp> {
    let mut out: Vec<CallFollowUp> = Vec::new();
    for v in ventures {
        if out.last().is_none_or(|c| c.call_id != v.call_id) {
            out.push(CallFollowUp {
                call_id: v.call_id,
                call_title: v.call_title.clone(),
                ..CallFollowUp::default()
            });
        }
        let Some(entry) = out.last_mut() else {
            continue;
        };
        entry.funded += 1;
        let decided = v
            .decided_at
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let Some(anniversary) = decided.and_then(|d| d.checked_add_days(Days::new(365))) else {
            continue;
        };
        if anniversary > as_of {
            continue;
        }
        entry.a_year_on += 1;
        let latest = visits
            .iter()
            .filter(|x| {
                x.proposal_id == v.proposal_id
                    && x.visited_on >= anniversary
                    && x.visited_on <= as_of
            })
            .max_by_key(|x| (x.visited_on, x.id));
        match latest.map(|x| x.status) {
            Some(VisitStatus::Operating) => entry.operating += 1,
            Some(VisitStatus::Struggling) => entry.struggling += 1,
            Some(VisitStatus::Stopped) => entry.stopped += 1,
            None => entry.not_visited += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tranches_are_seventy_thirty_and_add_up_exactly() {
        let plan = plan_tranches(Money::from_cents(9_900_001));
        assert_eq!(plan[0], (Money::from_cents(6_930_000), false));
        assert_eq!(plan[1], (Money::from_cents(2_970_001), true));
        let zero = plan_tranches(Money::zero());
        assert!(zero.iter().all(|(m, _)| m.is_zero()));
    }

    fn venture(call_id: i64, proposal_id: i64, decided: &str) -> VentureRow {
        VentureRow {
            call_id,
            call_title: format!("call {call_id}"),
            proposal_id,
            title: String::new(),
            association_name: String::new(),
            status: ProposalStatus::InExecution,
            award_id: proposal_id,
            programme: Money::zero(),
            decided_at: format!("{decided}T12:00:00Z"),
        }
    }

    fn visit(id: i64, proposal_id: i64, on: &str, status: VisitStatus) -> VisitRow {
        VisitRow {
            id,
            proposal_id,
            visited_on: NaiveDate::parse_from_str(on, "%Y-%m-%d").unwrap(),
            status,
            notes: None,
        }
    }

    #[test]
    fn counts_what_still_operates_a_year_later_by_the_latest_visit() {
        let ventures = [
            venture(1, 10, "2024-05-01"),
            venture(1, 11, "2024-05-01"),
            venture(1, 12, "2024-05-01"),
            venture(1, 13, "2025-03-01"),
            venture(2, 20, "2024-06-01"),
        ];
        let visits = [
            visit(1, 10, "2024-11-01", VisitStatus::Stopped),
            visit(2, 10, "2025-05-02", VisitStatus::Operating),
            visit(3, 11, "2025-05-02", VisitStatus::Operating),
            visit(4, 11, "2025-08-02", VisitStatus::Stopped),
            visit(5, 12, "2025-04-30", VisitStatus::Operating),
            visit(6, 20, "2025-06-01", VisitStatus::Struggling),
        ];
        let report = survival(
            &ventures,
            &visits,
            NaiveDate::from_ymd_opt(2025, 9, 1).unwrap(),
        );
        assert_eq!(report.len(), 2);
        let first = &report[0];
        assert_eq!((first.funded, first.a_year_on), (4, 3));
        assert_eq!(
            (first.operating, first.stopped, first.not_visited),
            (1, 1, 1)
        );
        assert_eq!((report[1].a_year_on, report[1].struggling), (1, 1));
    }
}
