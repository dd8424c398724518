//! Adding and correcting households, persons and enrolments by hand. Every change is checked
//! with the same validation the forms use, saved in one audited transaction, and refused
//! (with nothing changed) when someone else saved the same row first.

use crate::domain::dates::iso;
use crate::domain::forms::{
    validate_end, validate_enrolment, validate_household, validate_person, EnrolmentDraft,
    HouseholdDraft, PersonDraft,
};
use crate::domain::names::fold_key;
use crate::services::{write, Actor, CoreError, CoreResult, Permission, WriteCtx};
use crate::store::audit::Entry;
use crate::store::edits::{self, HouseholdUpdate, PersonUpdate};
use crate::store::households::{self as hh, NewHousehold, NewPerson};
use crate::store::rosters;
use crate::store::Store;
use rusqlite::Transaction;
use serde_json::json;

fn audit(
    tx: &Transaction,
    ctx: &WriteCtx,
    action: &'static str,
    entity: &'static str,
    id: i64,
    details: serde_json::Value,
) -> CoreResult<()> {
    ctx.audit(
        tx,
        Entry {
            action,
            entity,
            entity_id: Some(id),
            details,
        },
    )
}

fn community(
    tx: &Transaction,
    ctx: &WriteCtx,
    district: &str,
    name: Option<&str>,
) -> CoreResult<Option<i64>> {
    match name {
        Some(name) => Ok(Some(hh::community_id(
            tx,
            district,
            name,
            &fold_key(name),
            &ctx.at,
        )?)),
        None => Ok(None),
    }
}

/// A new household in a district; returns its id.
pub fn add_household(
    store: &mut Store,
    actor: &Actor,
    district: &str,
    draft: &HouseholdDraft,
) -> CoreResult<i64> {
    let valid = validate_household(draft, store.clock().today()).map_err(CoreError::Invalid)?;
    crate::store::territory::district(store.conn(), district)?
        .ok_or_else(|| CoreError::UnknownDistrict(district.to_string()))?;
    write(store, actor, Permission::WriteRegistry, |tx, ctx| {
        let community = community(tx, ctx, district, valid.community.as_deref())?;
        let sisfoh_date = valid.sisfoh.map(|(_, d)| iso(d));
        let id = hh::insert_household(
            tx,
            &NewHousehold {
                district,
                community_id: community,
                sisfoh: valid.sisfoh.map(|(c, _)| c.code()),
                sisfoh_date: sisfoh_date.as_deref(),
                herd_size: valid.herd_size,
                altitude_m: valid.altitude_m,
                at: &ctx.at,
            },
        )?;
        audit(
            tx,
            ctx,
            "create",
            "household",
            id,
            json!({ "district": district }),
        )?;
        Ok(id)
    })
}

/// Corrects a household read at `version`.
pub fn update_household(
    store: &mut Store,
    actor: &Actor,
    id: i64,
    version: i64,
    draft: &HouseholdDraft,
) -> CoreResult<()> {
    let valid = validate_household(draft, store.clock().today()).map_err(CoreError::Invalid)?;
    let district = crate::store::household_view::household(store.conn(), id)?.district_ubigeo;
    write(store, actor, Permission::WriteRegistry, |tx, ctx| {
        let community = community(tx, ctx, &district, valid.community.as_deref())?;
        let sisfoh_date = valid.sisfoh.map(|(_, d)| iso(d));
        edits::update_household(
            tx,
            &HouseholdUpdate {
                id,
                expected_version: version,
                community_id: community,
                address: valid.address.as_deref(),
                sisfoh: valid.sisfoh.map(|(c, _)| c.code()),
                sisfoh_date: sisfoh_date.as_deref(),
                herd_size: valid.herd_size,
                altitude_m: valid.altitude_m,
                at: &ctx.at,
            },
        )?;
        if let (Some((class, _)), Some(date)) = (valid.sisfoh, &sisfoh_date) {
            hh::insert_sisfoh(tx, id, class.code(), date, "manual", &ctx.at)?;
        }
        audit(
            tx,
            ctx,
            "update",
            "household",
            id,
            json!({ "draft": format!("{draft:?}") }),
        )
    })
}

fn dni_free(tx: &Transaction, dni: Option<&str>, own: Option<i64>) -> CoreResult<()> {
    if let Some(dni) = dni {
        if let Some((other, _)) = hh::person_by_dni(tx, dni)? {
            if Some(other) != own {
                return Err(CoreError::DniTaken(dni.to_string()));
            }
        }
    }
    Ok(())
}

/// A new member of a household; returns the person's id.
pub fn add_person(
    store: &mut Store,
    actor: &Actor,
    household: i64,
    draft: &PersonDraft,
) -> CoreResult<i64> {
    let valid = validate_person(draft, store.clock().today()).map_err(CoreError::Invalid)?;
    write(store, actor, Permission::WriteRegistry, |tx, ctx| {
        let dni = valid.dni.as_ref().map(|d| d.as_str());
        dni_free(tx, dni, None)?;
        let birth = valid.birth_date.map(iso);
        let key = valid.name.sort_key();
        let id = hh::insert_person(
            tx,
            &NewPerson {
                household_id: household,
                dni,
                paternal: valid.name.paternal(),
                maternal: valid.name.maternal(),
                given: valid.name.given(),
                name_key: &key,
                birth_date: birth.as_deref(),
                sex: valid.sex.map(|s| s.code()),
                at: &ctx.at,
            },
        )?;
        if valid.pregnant {
            edits::set_pregnant(tx, id, true, &iso(ctx.today))?;
        }
        audit(
            tx,
            ctx,
            "create",
            "person",
            id,
            json!({ "household": household }),
        )?;
        Ok(id)
    })
}

/// Corrects a person read at `version`.
pub fn update_person(
    store: &mut Store,
    actor: &Actor,
    id: i64,
    version: i64,
    draft: &PersonDraft,
) -> CoreResult<()> {
    let valid = validate_person(draft, store.clock().today()).map_err(CoreError::Invalid)?;
    write(store, actor, Permission::WriteRegistry, |tx, ctx| {
        let dni = valid.dni.as_ref().map(|d| d.as_str());
        dni_free(tx, dni, Some(id))?;
        let birth = valid.birth_date.map(iso);
        let key = valid.name.sort_key();
        edits::update_person(
            tx,
            &PersonUpdate {
                id,
                expected_version: version,
                dni,
                paternal: valid.name.paternal(),
                maternal: valid.name.maternal(),
                given: valid.name.given(),
                name_key: &key,
                birth_date: birth.as_deref(),
                sex: valid.sex.map(|s| s.code()),
                pregnant: valid.pregnant,
                at: &ctx.at,
            },
        )?;
        audit(
            tx,
            ctx,
            "update",
            "person",
            id,
            json!({ "fields": ["dni", "names", "birth_date", "sex", "pregnant"] }),
        )
    })
}

/// Enrols a person (and so their household) in a programme by hand.
pub fn add_enrolment(
    store: &mut Store,
    actor: &Actor,
    person: i64,
    programme: &str,
    draft: &EnrolmentDraft,
) -> CoreResult<i64> {
    let valid = validate_enrolment(draft, store.clock().today()).map_err(CoreError::Invalid)?;
    let programme_id =
        rosters::programme_id(store.conn(), programme)?.ok_or_else(|| CoreError::InvalidValue {
            field: "programme",
            value: programme.into(),
        })?;
    if let Some(a) = &valid.activity {
        if !edits::activity_exists(store.conn(), a)? {
            return Err(CoreError::UnknownActivity(a.clone()));
        }
    }
    write(store, actor, Permission::WriteRegistry, |tx, ctx| {
        let household = hh::household_of(tx, person)?;
        let start = iso(valid.start_date);
        let id = edits::insert_manual_enrolment(
            tx,
            &edits::ManualEnrolment {
                household_id: household,
                person_id: person,
                programme_id,
                activity: valid.activity.as_deref(),
                amount_cents: valid.amount.map(|m| m.cents()),
                start_date: &start,
                at: &ctx.at,
            },
        )?;
        audit(
            tx,
            ctx,
            "create",
            "enrolment",
            id,
            json!({ "person": person, "programme": programme }),
        )?;
        Ok(id)
    })
}

/// Ends an enrolment (read at `version`) with a date and a reason; it stays in the history.
pub fn end_enrolment(
    store: &mut Store,
    actor: &Actor,
    id: i64,
    version: i64,
    date: &str,
    reason: &str,
) -> CoreResult<()> {
    let (start, _, _) =
        edits::open_enrolment(store.conn(), id)?.ok_or(crate::store::StoreError::Conflict {
            entity: "enrolment",
            id,
            expected: version,
        })?;
    let start = chrono::NaiveDate::parse_from_str(&start, "%Y-%m-%d").map_err(|_| {
        CoreError::InvalidValue {
            field: "start_date",
            value: start.clone(),
        }
    })?;
    let (end, reason) =
        validate_end(date, reason, start, store.clock().today()).map_err(CoreError::Invalid)?;
    write(store, actor, Permission::WriteRegistry, |tx, ctx| {
        edits::end_enrolment(tx, id, version, &iso(end), &reason, &ctx.at)?;
        audit(
            tx,
            ctx,
            "end",
            "enrolment",
            id,
            json!({ "end_date": iso(end), "reason": reason }),
        )
    })
}
