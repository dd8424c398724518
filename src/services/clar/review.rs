//! The technicians' viability review of a submitted proposal, with the field visit: the
//! families committed to the plan are checked by DNI (or by member) against the association's
//! member list, and fewer than the call's minimum present (half, in the preset) makes the
//! proposal not viable whatever the technicians concluded.

use super::proposals::transition;
use super::rules::presence_ok;
use super::{audit, load_call, load_proposal, ClarError, ClarField};
use crate::domain::clar::{ProposalStatus, Verdict};
use crate::domain::dni::Dni;
use crate::domain::names::normalize_name;
use crate::services::{write, Actor, CoreResult, Permission, WriteCtx};
use crate::store::clar::associations::{self as association_store, MemberRow};
use crate::store::clar::proposals::ProposalRow;
use crate::store::clar::reviews::{self as store, ReviewRow};
use crate::store::{ids, Store};
use chrono::NaiveDate;
use rusqlite::Transaction;
use serde_json::json;
use std::collections::BTreeSet;

/// What the technicians report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewDraft {
    /// The technicians' own conclusion; the field visit can still turn `Viable` into
    /// `NotViable`.
    pub verdict: Verdict,
    pub reasons: String,
    /// When the field visit took place; a viable verdict needs one.
    pub field_visit_on: Option<NaiveDate>,
    /// DNIs shown by the families present at the visit.
    pub present_dnis: Vec<String>,
    /// Members found present who have no DNI on the list, by member id.
    pub present_member_ids: Vec<i64>,
}

/// What the review decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewOutcome {
    pub review_id: i64,
    pub verdict: Verdict,
    pub families_listed: i64,
    pub families_present: i64,
    /// False when too few families were present (which makes the verdict `NotViable`).
    pub presence_ok: bool,
    /// DNIs shown at the visit that are not on the member list (they do not count).
    pub unknown_dnis: Vec<String>,
}

/// Records the review and moves the proposal to `viable` or `not_viable`.
pub fn record_review(
    store: &mut Store,
    actor: &Actor,
    proposal_id: i64,
    expected_version: i64,
    draft: &ReviewDraft,
) -> CoreResult<ReviewOutcome> {
    write(store, actor, Permission::WriteClar, |tx, ctx| {
        let p = ProposalRow {
            version: expected_version,
            ..load_proposal(tx, proposal_id)?
        };
        record_review_in(tx, ctx, &p, draft)
    })
}

pub(crate) fn record_review_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    p: &ProposalRow,
    draft: &ReviewDraft,
) -> CoreResult<ReviewOutcome> {
    let reasons = validate(p, draft)?;
    let members = association_store::active_members(tx, p.association_id)?;
    let check = check_presence(&members, draft)?;
    let listed = members.len() as i64;
    let present = check.present.len() as i64;
    let call = load_call(tx, p.call_id)?;
    let enough =
        draft.field_visit_on.is_none() || presence_ok(listed, present, call.field_presence_min_bp);
    let verdict = if enough {
        draft.verdict
    } else {
        Verdict::NotViable
    };
    let review_id = ids::next(tx)?;
    let row = ReviewRow {
        id: review_id,
        proposal_id: p.id,
        reviewer_user_id: ctx.actor().user_id,
        reviewed_on: ctx.today,
        verdict,
        reasons,
        field_visit_on: draft.field_visit_on,
        families_listed: draft.field_visit_on.map(|_| listed),
        families_present: draft.field_visit_on.map(|_| present),
    };
    write_review(tx, ctx, p, &row, (&members, &check.present))?;
    Ok(ReviewOutcome {
        review_id,
        verdict,
        families_listed: listed,
        families_present: present,
        presence_ok: enough,
        unknown_dnis: check.unknown_dnis,
    })
}

/// A review is of a submitted proposal; "not viable" says why; "viable" needs a field visit.
/// Returns the reasons, cleaned.
fn validate(p: &ProposalRow, draft: &ReviewDraft) -> Result<String, ClarError> {
    if p.status != ProposalStatus::Submitted {
        return Err(ClarError::WrongStatus {
            title: p.title.clone(),
            status: p.status,
            wanted: ProposalStatus::Viable,
        });
    }
    let reasons = normalize_name(&draft.reasons);
    if draft.verdict == Verdict::NotViable && reasons.is_empty() {
        return Err(ClarError::ReasonsRequired);
    }
    if draft.verdict == Verdict::Viable && draft.field_visit_on.is_none() {
        return Err(ClarError::EmptyField {
            field: ClarField::FieldVisit,
        });
    }
    Ok(reasons)
}

/// Writes the review, who was found at the visit, and the proposal's new state.
fn write_review(
    tx: &Transaction,
    ctx: &WriteCtx,
    p: &ProposalRow,
    row: &ReviewRow,
    (members, present): (&[MemberRow], &BTreeSet<i64>),
) -> CoreResult<()> {
    store::insert(tx, row, &ctx.at)?;
    if row.field_visit_on.is_some() {
        for m in members {
            store::insert_presence(tx, row.id, m.id, present.contains(&m.id))?;
        }
    }
    let to = match row.verdict {
        Verdict::Viable => ProposalStatus::Viable,
        Verdict::NotViable => ProposalStatus::NotViable,
    };
    transition(tx, ctx, p, to, None)?;
    audit(
        tx,
        ctx,
        "review",
        "proposal",
        p.id,
        json!({
            "verdict": row.verdict.code(),
            "listed": row.families_listed,
            "present": row.families_present,
        }),
    )
}

struct PresenceCheck {
    present: BTreeSet<i64>,
    unknown_dnis: Vec<String>,
}

/// Matches the DNIs shown at the visit against the member list (by the member's own DNI or
/// their registry person's); invalid DNIs are refused, unknown ones reported.
fn check_presence(members: &[MemberRow], draft: &ReviewDraft) -> Result<PresenceCheck, ClarError> {
    let mut present = BTreeSet::new();
    let mut unknown_dnis = Vec::new();
    for raw in &draft.present_dnis {
        if raw.trim().is_empty() {
            continue;
        }
        let dni = Dni::parse(raw).map_err(ClarError::InvalidDni)?.dni;
        match members
            .iter()
            .find(|m| m.dni.as_deref() == Some(dni.as_str()))
        {
            Some(m) => {
                present.insert(m.id);
            }
            None => unknown_dnis.push(dni.as_str().to_string()),
        }
    }
    for id in &draft.present_member_ids {
        if members.iter().any(|m| m.id == *id) {
            present.insert(*id);
        }
    }
    Ok(PresenceCheck {
        present,
        unknown_dnis,
    })
}
