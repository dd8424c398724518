//! Working flags through: open → acknowledged → resolved or dismissed (a reason is required
//! for both), an agency assigned, notes; and for a probable match, confirming it (the two
//! persons are merged, undoably) or rejecting it (never proposed again).

use crate::services::{write, Actor, CoreError, CoreResult, Permission, WriteCtx};
use crate::store::audit::Entry;
use crate::store::flags::{self, Event, FlagRow};
use crate::store::{merges, Store, StoreError};
use rusqlite::Transaction;
use serde_json::json;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Acknowledge,
    Resolve,
    Dismiss,
    Reopen,
}

impl Step {
    fn target(self) -> &'static str {
        match self {
            Step::Acknowledge => "acknowledged",
            Step::Resolve => "resolved",
            Step::Dismiss => "dismissed",
            Step::Reopen => "open",
        }
    }

    fn allowed_from(self, status: &str) -> bool {
        match self {
            Step::Acknowledge => status == "open",
            Step::Resolve | Step::Dismiss => status == "open" || status == "acknowledged",
            Step::Reopen => status == "resolved" || status == "dismissed",
        }
    }

    fn needs_reason(self) -> bool {
        matches!(self, Step::Resolve | Step::Dismiss)
    }
}

fn record(
    tx: &Transaction,
    ctx: &WriteCtx,
    flag: &FlagRow,
    to: Option<&str>,
    agency: Option<i64>,
    note: Option<&str>,
) -> CoreResult<()> {
    flags::event(
        tx,
        &Event {
            flag: flag.id,
            user: ctx.actor().user_id,
            from: Some(&flag.status),
            to,
            agency,
            note,
            at: &ctx.at,
        },
    )?;
    ctx.audit(
        tx,
        Entry {
            action: "flag",
            entity: "overlap_flag",
            entity_id: Some(flag.id),
            details: json!({ "to": to, "agency": agency, "note": note }),
        },
    )
}

/// Moves a flag read at `version` one step, with a note (required to resolve or dismiss).
pub fn step(
    store: &mut Store,
    actor: &Actor,
    id: i64,
    version: i64,
    step: Step,
    note: &str,
) -> CoreResult<()> {
    let flag = flags::get(store.conn(), id)?;
    let note = note.trim();
    if step.needs_reason() && note.is_empty() {
        return Err(CoreError::ReasonRequired);
    }
    if !step.allowed_from(&flag.status) {
        return Err(CoreError::FlagStep {
            from: flag.status.clone(),
            to: step.target(),
        });
    }
    write(store, actor, Permission::WorkFlags, |tx, ctx| {
        flags::set_status(tx, id, version, step.target(), None, &ctx.at)?;
        record(
            tx,
            ctx,
            &flag,
            Some(step.target()),
            None,
            Some(note).filter(|n| !n.is_empty()),
        )
    })
}

/// Assigns the flag to an agency.
pub fn assign(
    store: &mut Store,
    actor: &Actor,
    id: i64,
    version: i64,
    agency: i64,
    note: &str,
) -> CoreResult<()> {
    let flag = flags::get(store.conn(), id)?;
    write(store, actor, Permission::WorkFlags, |tx, ctx| {
        flags::set_status(tx, id, version, &flag.status, Some(agency), &ctx.at)?;
        record(
            tx,
            ctx,
            &flag,
            None,
            Some(agency),
            Some(note.trim()).filter(|n| !n.is_empty()),
        )
    })
}

/// Adds a note to the flag's history.
pub fn note(store: &mut Store, actor: &Actor, id: i64, text: &str) -> CoreResult<()> {
    let flag = flags::get(store.conn(), id)?;
    if text.trim().is_empty() {
        return Err(CoreError::ReasonRequired);
    }
    write(store, actor, Permission::WorkFlags, |tx, ctx| {
        record(tx, ctx, &flag, None, None, Some(text.trim()))
    })
}

fn match_pair(flag: &FlagRow) -> CoreResult<(i64, i64, i64, i64)> {
    match (
        flag.kind.as_str(),
        flag.record_a,
        flag.record_b,
        flag.person_a,
        flag.person_b,
    ) {
        ("probable_same_person", Some(ra), Some(rb), Some(pa), Some(pb)) => Ok((ra, rb, pa, pb)),
        _ => Err(CoreError::NotAMatch),
    }
}

/// Confirms a probable match: the second person is merged into the first (their roster
/// records stay linked to their sources), and the flag is resolved.
pub fn confirm(store: &mut Store, actor: &Actor, id: i64, version: i64) -> CoreResult<()> {
    let flag = flags::get(store.conn(), id)?;
    let (ra, rb, pa, pb) = match_pair(&flag)?;
    write(store, actor, Permission::WorkFlags, |tx, ctx| {
        flags::set_status(tx, id, version, "resolved", None, &ctx.at)?;
        merges::decide(tx, ra, rb, "confirmed", ctx.actor().user_id, &ctx.at)?;
        // The persons may already be one (another flag merged them); then nothing moves.
        let (survivor, merged) = (current(tx, pa)?, current(tx, pb)?);
        if survivor != merged {
            merges::merge(tx, survivor, merged, Some(id), ctx.actor().user_id, &ctx.at)?;
        }
        record(
            tx,
            ctx,
            &flag,
            Some("resolved"),
            None,
            Some("match_confirmed"),
        )
    })
}

/// The person a possibly merged person now is.
fn current(tx: &Transaction, mut person: i64) -> CoreResult<i64> {
    for _ in 0..16 {
        match crate::store::households::merged_into(tx, person)? {
            Some(next) => person = next,
            None => return Ok(person),
        }
    }
    Ok(person)
}

/// Undoes the merge a confirmation made; the flag opens again.
pub fn undo_confirm(store: &mut Store, actor: &Actor, id: i64, version: i64) -> CoreResult<()> {
    let flag = flags::get(store.conn(), id)?;
    let (ra, rb, _, _) = match_pair(&flag)?;
    write(store, actor, Permission::WorkFlags, |tx, ctx| {
        let Some((merge, survivor, merged, moved)) = merges::merge_of_flag(tx, id)? else {
            return Err(CoreError::NotAMatch);
        };
        merges::undo(
            tx,
            merge,
            survivor,
            merged,
            &moved,
            ctx.actor().user_id,
            &ctx.at,
        )?;
        merges::undecide(tx, ra, rb)?;
        flags::set_status(tx, id, version, "open", None, &ctx.at)?;
        record(tx, ctx, &flag, Some("open"), None, Some("merge_undone"))
    })
}

/// Rejects a probable match: remembered, so no scan proposes the pair again.
pub fn reject(
    store: &mut Store,
    actor: &Actor,
    id: i64,
    version: i64,
    reason: &str,
) -> CoreResult<()> {
    let flag = flags::get(store.conn(), id)?;
    let (ra, rb, _, _) = match_pair(&flag)?;
    if reason.trim().is_empty() {
        return Err(CoreError::ReasonRequired);
    }
    write(store, actor, Permission::WorkFlags, |tx, ctx| {
        flags::set_status(tx, id, version, "dismissed", None, &ctx.at)?;
        merges::decide(tx, ra, rb, "rejected", ctx.actor().user_id, &ctx.at)?;
        record(tx, ctx, &flag, Some("dismissed"), None, Some(reason.trim()))
    })
}

/// A conflict is someone else's save; anything else passes through.
pub fn is_conflict(err: &CoreError) -> bool {
    matches!(err, CoreError::Store(StoreError::Conflict { .. }))
}
