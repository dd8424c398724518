//! Conflicts of interest. A member declares theirs before scoring (they belong to the
//! association, a relative does, or another reason); the program also detects one when the
//! member, by registry person or DNI, or someone of their household, is on the association's
//! member list. Either bars the member from scoring that proposal, whatever their role: the
//! check lives here and the scoring use case always asks it.

use super::session::proposals_of;
use super::{audit, load_proposal, load_session, optional, ClarError};
use crate::domain::clar::ConflictKind;
use crate::services::{write, Actor, CoreResult, Permission, WriteCtx};
use crate::store::clar::not_found;
use crate::store::clar::sessions::{self as store, ConflictRow, SessionRow};
use crate::store::{ids, Store};
use rusqlite::{Connection, Transaction};
use serde_json::json;

/// A conflict as declared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictDraft {
    pub session_id: i64,
    /// The member declaring; `None` means the acting CLAR member themselves.
    pub member_id: Option<i64>,
    pub proposal_id: i64,
    pub kind: ConflictKind,
    pub note: Option<String>,
}

/// Records a declaration. A CLAR member declares their own conflicts; office staff may record
/// a declaration made aloud in the session on a member's behalf.
pub fn declare_conflict(store: &mut Store, actor: &Actor, draft: &ConflictDraft) -> CoreResult<()> {
    if actor.can(Permission::ScoreClar) {
        let own = own_member(store.conn(), actor)?;
        if draft.member_id.is_some_and(|m| m != own) {
            return Err(crate::services::CoreError::Forbidden {
                role: actor.role,
                permission: Permission::WriteClar,
            });
        }
        return write(store, actor, Permission::ScoreClar, |tx, ctx| {
            declare_in(tx, ctx, own, draft)
        });
    }
    write(store, actor, Permission::WriteClar, |tx, ctx| {
        let member_id = draft.member_id.ok_or(ClarError::NotAClarMember)?;
        declare_in(tx, ctx, member_id, draft)
    })
}

/// The CLAR member a user account is linked to.
pub(crate) fn own_member(conn: &Connection, actor: &Actor) -> CoreResult<i64> {
    let user_id = actor.user_id.ok_or(ClarError::NotAClarMember)?;
    let member = store::member_for_user(conn, user_id)?.ok_or(ClarError::NotAClarMember)?;
    Ok(member.id)
}

pub(crate) fn declare_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    member_id: i64,
    draft: &ConflictDraft,
) -> CoreResult<()> {
    let session = load_session(tx, draft.session_id)?;
    if session.closed {
        return Err(ClarError::SessionClosed.into());
    }
    require_seat(tx, &session, member_id)?;
    let proposal = load_proposal(tx, draft.proposal_id)?;
    if proposal.call_id != session.call_id {
        return Err(not_found("proposal", draft.proposal_id).into());
    }
    // "Detected" is the program's word, not a member's; a member declaring says why.
    let kind = match draft.kind {
        ConflictKind::Detected => ConflictKind::Other,
        k => k,
    };
    let row = ConflictRow {
        member_id,
        proposal_id: proposal.id,
        kind,
        note: optional(draft.note.as_deref()),
        declared_at: ctx.at.clone(),
    };
    store::insert_conflict(tx, ids::next(tx)?, session.id, &row)?;
    audit(
        tx,
        ctx,
        "declare_conflict",
        "clar_session",
        session.id,
        json!({ "member_id": member_id, "proposal_id": proposal.id, "kind": kind.code() }),
    )
}

/// Refuses a member who does not sit on the session.
pub(crate) fn require_seat(
    conn: &Connection,
    session: &SessionRow,
    member_id: i64,
) -> CoreResult<store::SeatRow> {
    let seats = store::seats(conn, session.id)?;
    match seats.into_iter().find(|s| s.member.id == member_id) {
        Some(seat) => Ok(seat),
        None => {
            let member = store::member(conn, member_id)?
                .map(|m| m.full_name)
                .unwrap_or_else(|| crate::store::ids::display(member_id));
            Err(ClarError::NotOnSession { member }.into())
        }
    }
}

/// Writes a `detected` conflict for every seated member found on the member list of a
/// proposal of the session (declarations already made are left as they are).
pub(crate) fn refresh_detected(
    tx: &Transaction,
    ctx: &WriteCtx,
    session: &SessionRow,
) -> CoreResult<usize> {
    let seats = store::seats(tx, session.id)?;
    let proposals = proposals_of(tx, session)?;
    let mut found = 0;
    for seat in &seats {
        for p in &proposals {
            if let Some(reason) = store::detect_conflict(tx, seat.member.id, p.id)? {
                let row = ConflictRow {
                    member_id: seat.member.id,
                    proposal_id: p.id,
                    kind: ConflictKind::Detected,
                    note: Some(reason.to_string()),
                    declared_at: ctx.at.clone(),
                };
                store::insert_conflict(tx, ids::next(tx)?, session.id, &row)?;
                found += 1;
            }
        }
    }
    Ok(found)
}

/// Why `member_id` may not score `proposal_id` in the session, if they may not: a recorded
/// declaration or detection, or a detection made now (the member list may have changed).
pub(crate) fn conflict_of(
    conn: &Connection,
    session_id: i64,
    member_id: i64,
    proposal_id: i64,
) -> CoreResult<Option<ConflictKind>> {
    let recorded = store::conflicts(conn, session_id)?
        .into_iter()
        .find(|c| c.member_id == member_id && c.proposal_id == proposal_id);
    if let Some(c) = recorded {
        return Ok(Some(c.kind));
    }
    Ok(store::detect_conflict(conn, member_id, proposal_id)?.map(|_| ConflictKind::Detected))
}
