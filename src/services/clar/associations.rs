//! Associations that submit proposals, and their member lists: registry persons (by id) or
//! people added by name and DNI. The member list is what the field visit checks and what
//! conflict detection compares a CLAR member against.

use super::{audit, optional, require_read, required, ClarError, ClarField, ClarRecord};
use crate::domain::clar::{AssociationKind, LegalStatus};
use crate::domain::dni::Dni;
use crate::domain::names::fold_key;
use crate::services::{write, Actor, CoreError, CoreResult, Permission, WriteCtx};
use crate::store::clar::associations::{
    self as store, AssociationFields, AssociationRow, MemberRow, NewMember as NewMemberRow,
};
use crate::store::clar::not_found;
use crate::store::{households, ids, office, territory, Store, StoreError};
use chrono::NaiveDate;
use rusqlite::Transaction;
use serde_json::json;

/// An association as a person fills it in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssociationDraft {
    pub name: String,
    pub kind: AssociationKind,
    pub community_id: Option<i64>,
    pub legal_status: LegalStatus,
    pub ruc: Option<String>,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
}

/// Who joins an association.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewMember {
    /// A person of the registry.
    Person {
        person_id: i64,
        role: Option<String>,
    },
    /// Someone not (yet) in the registry: a name and, when known, a DNI.
    Listed {
        full_name: String,
        dni: Option<String>,
        role: Option<String>,
    },
}

struct Clean {
    name: String,
    key: String,
    ruc: Option<String>,
    contact_name: Option<String>,
    contact_phone: Option<String>,
}

fn clean(draft: &AssociationDraft) -> Result<Clean, ClarError> {
    let name = required(&draft.name, ClarField::Name)?;
    Ok(Clean {
        key: fold_key(&name),
        name,
        ruc: optional(draft.ruc.as_deref()),
        contact_name: optional(draft.contact_name.as_deref()),
        contact_phone: optional(draft.contact_phone.as_deref()),
    })
}

fn fields<'a>(draft: &AssociationDraft, c: &'a Clean) -> AssociationFields<'a> {
    AssociationFields {
        name: &c.name,
        name_key: &c.key,
        kind: draft.kind,
        community_id: draft.community_id,
        legal_status: draft.legal_status,
        ruc: c.ruc.as_deref(),
        contact_name: c.contact_name.as_deref(),
        contact_phone: c.contact_phone.as_deref(),
    }
}

pub fn create_association(
    store: &mut Store,
    actor: &Actor,
    draft: &AssociationDraft,
) -> CoreResult<i64> {
    write(store, actor, Permission::WriteClar, |tx, ctx| {
        create_association_in(tx, ctx, draft)
    })
}

pub(crate) fn create_association_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    draft: &AssociationDraft,
) -> CoreResult<i64> {
    let c = clean(draft)?;
    let id = ids::next(tx)?;
    store::insert(tx, id, &fields(draft, &c), &ctx.at)?;
    audit(
        tx,
        ctx,
        "create",
        "association",
        id,
        json!({ "name": c.name, "kind": draft.kind.code() }),
    )?;
    Ok(id)
}

/// Rewrites an association; refuses when someone else changed it since it was read.
pub fn update_association(
    store: &mut Store,
    actor: &Actor,
    id: i64,
    expected_version: i64,
    draft: &AssociationDraft,
) -> CoreResult<()> {
    write(store, actor, Permission::WriteClar, |tx, ctx| {
        let c = clean(draft)?;
        store::update(tx, id, expected_version, &fields(draft, &c), &ctx.at)?;
        audit(
            tx,
            ctx,
            "update",
            "association",
            id,
            json!({ "name": c.name }),
        )
    })
}

pub fn add_member(
    store: &mut Store,
    actor: &Actor,
    association_id: i64,
    member: &NewMember,
) -> CoreResult<i64> {
    write(store, actor, Permission::WriteClar, |tx, ctx| {
        add_member_in(tx, ctx, association_id, member)
    })
}

/// Adds a member, refusing a person or DNI already on the list.
pub(crate) fn add_member_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    association_id: i64,
    member: &NewMember,
) -> CoreResult<i64> {
    store::by_id(tx, association_id)?.ok_or_else(|| not_found("association", association_id))?;
    let (person_id, full_name, dni, role) = match member {
        NewMember::Person { person_id, role } => {
            let (name, dni) = store::person_name_and_dni(tx, *person_id)?
                .ok_or_else(|| not_found("person", *person_id))?;
            (Some(*person_id), name, dni, role.clone())
        }
        NewMember::Listed {
            full_name,
            dni,
            role,
        } => {
            let name = required(full_name, ClarField::MemberName)?;
            let dni = match dni.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
                Some(raw) => Some(
                    Dni::parse(raw)
                        .map_err(ClarError::InvalidDni)?
                        .dni
                        .as_str()
                        .to_string(),
                ),
                None => None,
            };
            (None, name, dni, role.clone())
        }
    };
    if store::has_member(tx, association_id, person_id, dni.as_deref())? {
        return Err(ClarError::DuplicateMember { who: full_name }.into());
    }
    let id = ids::next(tx)?;
    let role = optional(role.as_deref());
    store::insert_member(
        tx,
        &NewMemberRow {
            id,
            association_id,
            person_id,
            dni: dni.as_deref(),
            full_name: &full_name,
            role: role.as_deref(),
            joined_on: Some(ctx.today),
        },
        &ctx.at,
    )?;
    audit(
        tx,
        ctx,
        "add_member",
        "association",
        association_id,
        json!({ "member_id": id, "person_id": person_id }),
    )?;
    Ok(id)
}

/// Records that a member left (the row stays, with the date).
pub fn remove_member(
    store: &mut Store,
    actor: &Actor,
    association_id: i64,
    member_id: i64,
    left_on: NaiveDate,
) -> CoreResult<()> {
    write(store, actor, Permission::WriteClar, |tx, ctx| {
        if !store::end_member(tx, member_id, left_on)? {
            return Err(not_found("association_member", member_id).into());
        }
        audit(
            tx,
            ctx,
            "remove_member",
            "association",
            association_id,
            json!({ "member_id": member_id }),
        )
    })
}

pub fn list_associations(store: &Store, actor: &Actor) -> CoreResult<Vec<AssociationRow>> {
    require_read(actor)?;
    Ok(store::list(store.conn())?)
}

pub fn association(store: &Store, actor: &Actor, id: i64) -> CoreResult<AssociationRow> {
    require_read(actor)?;
    Ok(store::by_id(store.conn(), id)?.ok_or_else(|| not_found("association", id))?)
}

/// The active members; DNIs masked for roles that may not see personal data.
pub fn members(store: &Store, actor: &Actor, association_id: i64) -> CoreResult<Vec<MemberRow>> {
    require_read(actor)?;
    let mut rows = store::active_members(store.conn(), association_id)?;
    if !actor.can(Permission::ReadPersonalData) {
        for row in &mut rows {
            row.dni = row.dni.as_deref().map(mask);
        }
    }
    Ok(rows)
}

fn mask(dni: &str) -> String {
    let n = dni.chars().count();
    dni.chars()
        .enumerate()
        .map(|(i, c)| if i + 4 < n { '*' } else { c })
        .collect()
}

/// The registry community of an association, by its name in `district` (the office's own
/// district when none is given). Refused when the registry has no such community, so a typing
/// slip does not create a second one.
pub fn find_community(
    store: &Store,
    actor: &Actor,
    district: Option<&str>,
    name: &str,
) -> CoreResult<i64> {
    require_read(actor)?;
    let conn = store.conn();
    let district = match district.map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => d.to_string(),
        None => {
            office::get(conn)?
                .ok_or(StoreError::NotInitialised)?
                .district_ubigeo
        }
    };
    if territory::district(conn, &district)?.is_none() {
        return Err(CoreError::UnknownDistrict(district));
    }
    let name = required(name, ClarField::Name)?;
    match territory::community_by_key(conn, &district, &fold_key(&name))? {
        Some(id) => Ok(id),
        None => Err(ClarError::UnknownCommunity { name, district }.into()),
    }
}

/// A registry person by DNI or by code, for adding them to an association.
pub fn find_person(store: &Store, actor: &Actor, text: &str) -> CoreResult<i64> {
    require_read(actor)?;
    let conn = store.conn();
    let text = text.trim();
    let unknown = || ClarError::UnknownRecord {
        record: ClarRecord::Person,
        text: text.to_string(),
    };
    if let Ok(parsed) = Dni::parse(text) {
        if let Some((id, _)) = households::person_by_dni(conn, parsed.dni.as_str())? {
            return Ok(id);
        }
    }
    let id = ids::parse(text).ok_or_else(unknown)?;
    store::person_name_and_dni(conn, id)?.ok_or_else(unknown)?;
    Ok(id)
}
