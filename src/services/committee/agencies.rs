//! Agencies (sector, level of government, office address) and their representatives.
//!
//! An agency that has agreements is never deleted: it is deactivated, so the history of who
//! promised what stays readable. An agency entered by mistake, that nothing refers to yet,
//! may be deleted with its representatives and committee memberships.

use super::{fail, optional, require_read, required, CommitteeError, RequiredText};
use crate::domain::committee::{agency_code, Level, Sector};
use crate::services::{write, Actor, CoreResult, Permission, WriteCtx};
use crate::store::audit::Entry;
use crate::store::committee::agencies::{
    self, AgencyFields, AgencyRow, RepresentativeFields, RepresentativeRow,
};
use crate::store::{ids, territory, Store};
use rusqlite::{Connection, Transaction};
use serde_json::json;

/// What a person fills in for an agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgencyInput<'a> {
    pub name: &'a str,
    pub sector: Sector,
    pub level: Level,
    pub district_ubigeo: Option<&'a str>,
    pub address: Option<&'a str>,
    pub phone: Option<&'a str>,
}

/// Which agencies a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgencyListing {
    Active,
    All,
}

/// Validated, cleaned fields of an agency.
struct CleanAgency {
    name: String,
    district: Option<String>,
    address: Option<String>,
    phone: Option<String>,
}

fn clean_agency(conn: &Connection, input: &AgencyInput) -> CoreResult<CleanAgency> {
    let name = required(input.name, RequiredText::AgencyName)?;
    let district = optional(input.district_ubigeo);
    if let Some(ubigeo) = &district {
        if territory::district(conn, ubigeo)?.is_none() {
            return fail(CommitteeError::UnknownDistrict(ubigeo.clone()));
        }
    }
    Ok(CleanAgency {
        name,
        district,
        address: optional(input.address),
        phone: optional(input.phone),
    })
}

fn fields<'a>(clean: &'a CleanAgency, input: &AgencyInput) -> AgencyFields<'a> {
    AgencyFields {
        name: &clean.name,
        sector: input.sector.code(),
        level: input.level.code(),
        district_ubigeo: clean.district.as_deref(),
        address: clean.address.as_deref(),
        phone: clean.phone.as_deref(),
    }
}

/// Registers an agency under a new code (`MUNI_DIST`, `ONG_CARE`).
pub fn add_agency(
    store: &mut Store,
    actor: &Actor,
    code: &str,
    input: &AgencyInput,
) -> CoreResult<i64> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        add_agency_in(tx, ctx, code, input)
    })
}

pub fn add_agency_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    code: &str,
    input: &AgencyInput,
) -> CoreResult<i64> {
    let Some(code) = agency_code(code) else {
        return fail(CommitteeError::InvalidAgencyCode(code.trim().to_string()));
    };
    if agencies::by_code(tx, &code)?.is_some() {
        return fail(CommitteeError::AgencyExists(code));
    }
    let clean = clean_agency(tx, input)?;
    let id = ids::next(tx)?;
    agencies::insert(tx, id, &code, &fields(&clean, input), &ctx.at)?;
    ctx.audit(
        tx,
        entry(
            "create",
            "agency",
            id,
            json!({ "code": code, "name": clean.name }),
        ),
    )?;
    Ok(id)
}

/// Changes an agency's details, if nobody changed it since `expected_version`.
pub fn update_agency(
    store: &mut Store,
    actor: &Actor,
    id: i64,
    expected_version: i64,
    input: &AgencyInput,
) -> CoreResult<()> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        update_agency_in(tx, ctx, id, expected_version, input)
    })
}

pub fn update_agency_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    id: i64,
    expected_version: i64,
    input: &AgencyInput,
) -> CoreResult<()> {
    let agency = get(tx, id)?;
    let clean = clean_agency(tx, input)?;
    agencies::update(tx, id, expected_version, &fields(&clean, input), &ctx.at)?;
    ctx.audit(
        tx,
        entry(
            "update",
            "agency",
            id,
            json!({ "code": agency.code, "name": clean.name }),
        ),
    )
}

/// Stops offering the agency for new agreements and attendance; its history stays.
pub fn deactivate_agency(
    store: &mut Store,
    actor: &Actor,
    id: i64,
    expected_version: i64,
) -> CoreResult<()> {
    set_active(store, actor, id, expected_version, false)
}

pub fn activate_agency(
    store: &mut Store,
    actor: &Actor,
    id: i64,
    expected_version: i64,
) -> CoreResult<()> {
    set_active(store, actor, id, expected_version, true)
}

fn set_active(
    store: &mut Store,
    actor: &Actor,
    id: i64,
    expected: i64,
    active: bool,
) -> CoreResult<()> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        let agency = get(tx, id)?;
        agencies::set_active(tx, id, expected, active, &ctx.at)?;
        let action = if active { "activate" } else { "deactivate" };
        ctx.audit(
            tx,
            entry(action, "agency", id, json!({ "code": agency.code })),
        )
    })
}

/// Deletes an agency nothing refers to. One with agreements is refused (deactivate it
/// instead); one referred to by programmes, meetings or flags likewise.
pub fn delete_agency(store: &mut Store, actor: &Actor, id: i64) -> CoreResult<()> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        let agency = get(tx, id)?;
        let count = agencies::agreement_count(tx, id)?;
        if count > 0 {
            return fail(CommitteeError::AgencyHasAgreements {
                code: agency.code,
                count,
            });
        }
        if agencies::other_reference_count(tx, id)? > 0 {
            return fail(CommitteeError::AgencyInUse { code: agency.code });
        }
        agencies::delete(tx, id)?;
        ctx.audit(
            tx,
            entry(
                "delete",
                "agency",
                id,
                json!({ "code": agency.code, "name": agency.name }),
            ),
        )
    })
}

pub fn list_agencies(
    store: &Store,
    actor: &Actor,
    listing: AgencyListing,
) -> CoreResult<Vec<AgencyRow>> {
    require_read(actor)?;
    Ok(agencies::list(store.conn(), listing == AgencyListing::All)?)
}

/// An agency by its code (any case) or its id as displayed.
pub fn find_agency(store: &Store, actor: &Actor, code_or_id: &str) -> CoreResult<AgencyRow> {
    require_read(actor)?;
    find_in(store.conn(), code_or_id)
}

pub(crate) fn find_in(conn: &Connection, code_or_id: &str) -> CoreResult<AgencyRow> {
    let by_code = match agency_code(code_or_id) {
        Some(code) => agencies::by_code(conn, &code)?,
        None => None,
    };
    let found = match by_code {
        Some(row) => Some(row),
        None => match super::parse_id(code_or_id) {
            Some(id) => agencies::by_id(conn, id)?,
            None => None,
        },
    };
    found.ok_or_else(|| CommitteeError::UnknownAgency(code_or_id.trim().to_string()).into())
}

/// An agency by id, or the error that says it does not exist.
pub(crate) fn get(conn: &Connection, id: i64) -> CoreResult<AgencyRow> {
    agencies::by_id(conn, id)?.ok_or_else(|| CommitteeError::UnknownAgency(ids::display(id)).into())
}

/// An agency by id that is still active (new agreements, attendance, presenters).
pub(crate) fn get_active(conn: &Connection, id: i64) -> CoreResult<AgencyRow> {
    let agency = get(conn, id)?;
    if !agency.active {
        return fail(CommitteeError::AgencyInactive(agency.code));
    }
    Ok(agency)
}

/// What a person fills in for a representative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RepresentativeInput<'a> {
    pub name: &'a str,
    pub position: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub email: Option<&'a str>,
}

struct CleanRepresentative {
    name: String,
    position: Option<String>,
    phone: Option<String>,
    email: Option<String>,
}

impl CleanRepresentative {
    fn new(input: &RepresentativeInput) -> Result<Self, CommitteeError> {
        Ok(CleanRepresentative {
            name: required(input.name, RequiredText::RepresentativeName)?,
            position: optional(input.position),
            phone: optional(input.phone),
            email: optional(input.email),
        })
    }

    fn fields(&self) -> RepresentativeFields<'_> {
        RepresentativeFields {
            name: &self.name,
            position: self.position.as_deref(),
            phone: self.phone.as_deref(),
            email: self.email.as_deref(),
        }
    }
}

pub fn representatives(
    store: &Store,
    actor: &Actor,
    agency_id: i64,
) -> CoreResult<Vec<RepresentativeRow>> {
    require_read(actor)?;
    Ok(agencies::representatives(store.conn(), agency_id)?)
}

pub fn add_representative(
    store: &mut Store,
    actor: &Actor,
    agency_id: i64,
    input: &RepresentativeInput,
) -> CoreResult<i64> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        add_representative_in(tx, ctx, agency_id, input)
    })
}

pub fn add_representative_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    agency_id: i64,
    input: &RepresentativeInput,
) -> CoreResult<i64> {
    let agency = get(tx, agency_id)?;
    let clean = CleanRepresentative::new(input)?;
    let id = ids::next(tx)?;
    agencies::insert_representative(tx, id, agency_id, &clean.fields(), &ctx.at)?;
    let details = json!({ "agency": agency.code, "name": clean.name });
    ctx.audit(tx, entry("create", "agency_representative", id, details))?;
    Ok(id)
}

pub fn update_representative(
    store: &mut Store,
    actor: &Actor,
    id: i64,
    expected_version: i64,
    input: &RepresentativeInput,
) -> CoreResult<()> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        let clean = CleanRepresentative::new(input)?;
        agencies::update_representative(tx, id, expected_version, &clean.fields(), &ctx.at)?;
        ctx.audit(
            tx,
            entry(
                "update",
                "agency_representative",
                id,
                json!({ "name": clean.name }),
            ),
        )
    })
}

/// A representative who left the agency: kept in past attendance, not offered any more.
pub fn deactivate_representative(
    store: &mut Store,
    actor: &Actor,
    id: i64,
    expected_version: i64,
) -> CoreResult<()> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        agencies::set_representative_active(tx, id, expected_version, false, &ctx.at)?;
        ctx.audit(
            tx,
            entry("deactivate", "agency_representative", id, json!({})),
        )
    })
}

/// An audit entry about one row.
pub(crate) fn entry<'a>(
    action: &'a str,
    entity: &'a str,
    id: i64,
    details: serde_json::Value,
) -> Entry<'a> {
    Entry {
        action,
        entity,
        entity_id: Some(id),
        details,
    }
}
