//! Proposals: drafting and editing them with their budget, submitting them (which checks
//! every rule of the call and says which is broken and by how much), and recording each
//! change of state with who and when.

use super::rules::{self, BudgetLine, BudgetTotals, RuleViolation};
use super::{audit, load_call, load_proposal, optional, require_read, required};
use super::{calls::rules_of, ClarError, ClarField};
use crate::domain::clar::{CallStatus, ProposalStatus};
use crate::services::{write, Actor, CoreResult, Permission, WriteCtx};
use crate::store::clar::associations as association_store;
use crate::store::clar::proposals::TransitionRow;
use crate::store::clar::proposals::{self as store, LineRow, ProposalFields, ProposalRow};
use crate::store::clar::{not_found, reviews};
use crate::store::{ids, Store};
use rusqlite::{Connection, Transaction};
use serde_json::json;

/// A proposal as a person fills it in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalDraft {
    pub association_id: i64,
    pub title: String,
    pub product: String,
    pub description: Option<String>,
    pub lines: Vec<BudgetLine>,
}

struct Clean {
    title: String,
    product: String,
    description: Option<String>,
    lines: Vec<LineRow>,
}

fn clean(draft: &ProposalDraft) -> Result<Clean, ClarError> {
    rules::totals(&draft.lines)?;
    let mut lines = Vec::with_capacity(draft.lines.len());
    for (position, line) in (1_i64..).zip(&draft.lines) {
        lines.push(LineRow {
            position,
            category: line.category,
            description: required(&line.description, ClarField::LineDescription)?,
            programme: line.programme,
            counterpart: line.counterpart,
        });
    }
    Ok(Clean {
        title: required(&draft.title, ClarField::Title)?,
        product: required(&draft.product, ClarField::Product)?,
        description: optional(draft.description.as_deref()),
        lines,
    })
}

fn fields<'a>(draft: &ProposalDraft, c: &'a Clean) -> ProposalFields<'a> {
    ProposalFields {
        association_id: draft.association_id,
        title: &c.title,
        product: &c.product,
        description: c.description.as_deref(),
    }
}

fn write_lines(tx: &Transaction, proposal_id: i64, lines: &[LineRow]) -> CoreResult<()> {
    let first = ids::reserve(tx, lines.len().max(1) as i64)?;
    store::replace_lines(tx, proposal_id, first, lines)?;
    Ok(())
}

/// Starts a proposal as a draft of an open (or not yet open) call.
pub fn create_proposal(
    store: &mut Store,
    actor: &Actor,
    call_id: i64,
    draft: &ProposalDraft,
) -> CoreResult<i64> {
    write(store, actor, Permission::WriteClar, |tx, ctx| {
        create_proposal_in(tx, ctx, call_id, draft)
    })
}

pub(crate) fn create_proposal_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    call_id: i64,
    draft: &ProposalDraft,
) -> CoreResult<i64> {
    let call = load_call(tx, call_id)?;
    if !matches!(call.status, CallStatus::Draft | CallStatus::Open) {
        return Err(ClarError::CallNotOpen {
            status: call.status,
        }
        .into());
    }
    association_store::by_id(tx, draft.association_id)?
        .ok_or_else(|| not_found("association", draft.association_id))?;
    let c = clean(draft)?;
    let id = ids::next(tx)?;
    store::insert(tx, id, call_id, &fields(draft, &c), &ctx.at)?;
    write_lines(tx, id, &c.lines)?;
    record(tx, ctx, id, None, ProposalStatus::Draft, None)?;
    audit(
        tx,
        ctx,
        "create",
        "proposal",
        id,
        json!({ "title": c.title }),
    )?;
    Ok(id)
}

/// Rewrites a draft and its budget; refuses when someone else saved it first.
pub fn update_proposal(
    store: &mut Store,
    actor: &Actor,
    id: i64,
    expected_version: i64,
    draft: &ProposalDraft,
) -> CoreResult<()> {
    write(store, actor, Permission::WriteClar, |tx, ctx| {
        let current = load_proposal(tx, id)?;
        if current.status != ProposalStatus::Draft {
            return Err(ClarError::ProposalNotEditable {
                title: current.title,
                status: current.status,
            }
            .into());
        }
        let c = clean(draft)?;
        store::update(tx, id, expected_version, &fields(draft, &c), &ctx.at)?;
        write_lines(tx, id, &c.lines)?;
        audit(
            tx,
            ctx,
            "update",
            "proposal",
            id,
            json!({ "title": c.title }),
        )
    })
}

/// The budget of a proposal, summed.
pub fn budget(conn: &Connection, proposal_id: i64) -> CoreResult<(Vec<LineRow>, BudgetTotals)> {
    let lines = store::lines(conn, proposal_id)?;
    let as_rules: Vec<BudgetLine> = lines
        .iter()
        .map(|l| BudgetLine {
            category: l.category,
            description: l.description.clone(),
            programme: l.programme,
            counterpart: l.counterpart,
        })
        .collect();
    let totals = rules::totals(&as_rules)?;
    Ok((lines, totals))
}

/// The rules of its call that a proposal breaks now.
pub(crate) fn violations(conn: &Connection, p: &ProposalRow) -> CoreResult<Vec<RuleViolation>> {
    let call = load_call(conn, p.call_id)?;
    let (_, totals) = budget(conn, p.id)?;
    let members = association_store::active_members(conn, p.association_id)?.len() as i64;
    Ok(rules::check(&rules_of(&call), members, &totals))
}

/// Submits a draft: the call must be open and today inside its dates, and the proposal must
/// keep every rule of the call; otherwise nothing changes and the error lists what is wrong.
pub fn submit_proposal(
    store: &mut Store,
    actor: &Actor,
    id: i64,
    expected_version: i64,
) -> CoreResult<()> {
    write(store, actor, Permission::WriteClar, |tx, ctx| {
        submit_in(tx, ctx, id, expected_version)
    })
}

pub(crate) fn submit_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    id: i64,
    expected_version: i64,
) -> CoreResult<()> {
    let p = load_proposal(tx, id)?;
    let call = load_call(tx, p.call_id)?;
    if call.status != CallStatus::Open {
        return Err(ClarError::CallNotOpen {
            status: call.status,
        }
        .into());
    }
    if ctx.today < call.opens_on || ctx.today > call.closes_on {
        return Err(ClarError::OutsideCallWindow {
            today: ctx.today,
            opens_on: call.opens_on,
            closes_on: call.closes_on,
        }
        .into());
    }
    let broken = violations(tx, &p)?;
    if !broken.is_empty() {
        return Err(ClarError::RulesBroken(broken).into());
    }
    let p = ProposalRow {
        version: expected_version,
        ..p
    };
    transition(tx, ctx, &p, ProposalStatus::Submitted, None)
}

/// Sends a submitted proposal back to draft for correction, with a note saying why.
pub fn return_to_draft(
    store: &mut Store,
    actor: &Actor,
    id: i64,
    expected_version: i64,
    note: &str,
) -> CoreResult<()> {
    write(store, actor, Permission::WriteClar, |tx, ctx| {
        let note = required(note, ClarField::Reasons)?;
        let p = ProposalRow {
            version: expected_version,
            ..load_proposal(tx, id)?
        };
        transition(tx, ctx, &p, ProposalStatus::Draft, Some(&note))
    })
}

/// Moves `p` (at the version it carries) to `to`, recording who and when, or refuses a move
/// the proposal's life does not allow.
pub(crate) fn transition(
    tx: &Transaction,
    ctx: &WriteCtx,
    p: &ProposalRow,
    to: ProposalStatus,
    note: Option<&str>,
) -> CoreResult<()> {
    if !p.status.can_become(to) {
        return Err(ClarError::WrongStatus {
            title: p.title.clone(),
            status: p.status,
            wanted: to,
        }
        .into());
    }
    let submitted_at = (to == ProposalStatus::Submitted).then_some(ctx.at.as_str());
    store::set_status(tx, p.id, p.version, to, submitted_at, &ctx.at)?;
    record(tx, ctx, p.id, Some(p.status), to, note)?;
    audit(
        tx,
        ctx,
        "status",
        "proposal",
        p.id,
        json!({ "from": p.status.code(), "to": to.code(), "note": note }),
    )
}

fn record(
    tx: &Transaction,
    ctx: &WriteCtx,
    proposal_id: i64,
    from: Option<ProposalStatus>,
    to: ProposalStatus,
    note: Option<&str>,
) -> CoreResult<()> {
    let change = TransitionRow {
        from,
        to,
        username: None,
        at: ctx.at.clone(),
        note: note.map(str::to_string),
    };
    let id = ids::next(tx)?;
    store::insert_transition(tx, id, proposal_id, &change, ctx.actor().user_id)?;
    Ok(())
}

/// A call's proposals with their state and totals.
pub fn list_proposals(store: &Store, actor: &Actor, call_id: i64) -> CoreResult<Vec<ProposalRow>> {
    require_read(actor)?;
    Ok(store::for_call(store.conn(), call_id)?)
}

/// Everything the detail screen shows about a proposal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalDetail {
    pub proposal: ProposalRow,
    pub lines: Vec<LineRow>,
    pub totals: BudgetTotals,
    pub member_count: i64,
    /// The rules of its call, so a form can check a budget as it is typed.
    pub rules: super::rules::CallRules,
    /// The call's rules it breaks as it stands.
    pub violations: Vec<RuleViolation>,
    pub history: Vec<TransitionRow>,
    pub review: Option<reviews::ReviewRow>,
}

pub fn proposal_detail(store: &Store, actor: &Actor, id: i64) -> CoreResult<ProposalDetail> {
    require_read(actor)?;
    let conn = store.conn();
    let proposal = load_proposal(conn, id)?;
    let (lines, totals) = budget(conn, id)?;
    let call = load_call(conn, proposal.call_id)?;
    Ok(ProposalDetail {
        rules: rules_of(&call),
        member_count: association_store::active_members(conn, proposal.association_id)?.len()
            as i64,
        violations: violations(conn, &proposal)?,
        history: store::transitions(conn, id)?,
        review: reviews::latest(conn, id)?,
        lines,
        totals,
        proposal,
    })
}
