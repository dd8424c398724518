//! The people who sit on the CLAR (`clar_member`) and their attendance at a session. A member
//! may be linked to a user account (for reviewer mode) and to a registry person or DNI (so a
//! conflict with an association's member list can be detected).

use super::conflicts::refresh_detected;
use super::{audit, load_session, optional, require_read, required, ClarError, ClarField};
use crate::domain::dni::Dni;
use crate::domain::role::Role;
use crate::services::{write, Actor, CoreError, CoreResult, Permission, WriteCtx};
use crate::store::clar::not_found;
use crate::store::clar::sessions::{self as store, MemberRow};
use crate::store::{ids, users, Store};
use rusqlite::Transaction;
use serde_json::json;

/// A CLAR member as a person fills it in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClarMemberDraft {
    pub full_name: String,
    /// Whom they represent: the municipality, a community, a producers' organisation…
    pub represents: String,
    /// Their user account, which must have the `miembro_clar` role.
    pub user_id: Option<i64>,
    pub person_id: Option<i64>,
    pub dni: Option<String>,
}

pub fn add_clar_member(
    store: &mut Store,
    actor: &Actor,
    draft: &ClarMemberDraft,
) -> CoreResult<i64> {
    write(store, actor, Permission::WriteClar, |tx, ctx| {
        add_clar_member_in(tx, ctx, draft)
    })
}

pub(crate) fn add_clar_member_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    draft: &ClarMemberDraft,
) -> CoreResult<i64> {
    let full_name = required(&draft.full_name, ClarField::MemberName)?;
    let represents = required(&draft.represents, ClarField::Represents)?;
    if let Some(user_id) = draft.user_id {
        let user = users::by_id(tx, user_id)?.ok_or_else(|| not_found("app_user", user_id))?;
        if user.role != Role::MiembroClar.code() {
            return Err(ClarError::UserNotClarRole {
                username: user.username,
            }
            .into());
        }
    }
    let dni = match optional(draft.dni.as_deref()) {
        Some(raw) => Some(
            Dni::parse(&raw)
                .map_err(ClarError::InvalidDni)?
                .dni
                .as_str()
                .to_string(),
        ),
        None => None,
    };
    let id = ids::next(tx)?;
    store::insert_member(
        tx,
        &MemberRow {
            id,
            user_id: draft.user_id,
            full_name: full_name.clone(),
            represents,
            person_id: draft.person_id,
            dni,
            active: true,
        },
        &ctx.at,
    )?;
    audit(
        tx,
        ctx,
        "create",
        "clar_member",
        id,
        json!({ "name": full_name }),
    )?;
    Ok(id)
}

pub fn list_clar_members(store: &Store, actor: &Actor) -> CoreResult<Vec<MemberRow>> {
    require_read(actor)?;
    Ok(store::members(store.conn())?)
}

/// Seats a member on an open session, or marks them present or absent.
pub fn set_attendance(
    store: &mut Store,
    actor: &Actor,
    session_id: i64,
    member_id: i64,
    present: bool,
) -> CoreResult<()> {
    write(store, actor, Permission::WriteClar, |tx, ctx| {
        seat_in(tx, ctx, session_id, member_id, present)
    })
}

pub(crate) fn seat_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    session_id: i64,
    member_id: i64,
    present: bool,
) -> CoreResult<()> {
    let session = load_session(tx, session_id)?;
    if session.closed {
        return Err(ClarError::SessionClosed.into());
    }
    store::member(tx, member_id)?.ok_or_else(|| not_found("clar_member", member_id))?;
    store::seat(tx, session_id, member_id, present)?;
    refresh_detected(tx, ctx, &session)?;
    audit(
        tx,
        ctx,
        "attendance",
        "clar_session",
        session_id,
        json!({ "member_id": member_id, "present": present }),
    )
}

/// The user account to link a CLAR member to, by user name.
pub fn find_user(store: &Store, actor: &Actor, username: &str) -> CoreResult<i64> {
    actor.require(Permission::WriteClar)?;
    let name = username.trim().to_lowercase();
    match users::by_username(store.conn(), &name)? {
        Some(user) => Ok(user.id),
        None => Err(CoreError::UnknownUser(name)),
    }
}
