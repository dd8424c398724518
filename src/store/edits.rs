//! Edits made by hand in the registry's forms. Each update names the version it read and
//! fails with [`StoreError::Conflict`] when someone else saved first.

use super::error::{StoreError, StoreResult};
use rusqlite::{params, Connection, OptionalExtension};

fn conflict_unless_one(
    changed: usize,
    entity: &'static str,
    id: i64,
    expected: i64,
) -> StoreResult<()> {
    match changed {
        1 => Ok(()),
        _ => Err(StoreError::Conflict {
            entity,
            id,
            expected,
        }),
    }
}

pub struct HouseholdUpdate<'a> {
    pub id: i64,
    pub expected_version: i64,
    pub community_id: Option<i64>,
    pub address: Option<&'a str>,
    pub sisfoh: Option<&'a str>,
    pub sisfoh_date: Option<&'a str>,
    pub herd_size: Option<i64>,
    pub altitude_m: Option<i64>,
    pub at: &'a str,
}

pub fn update_household(conn: &Connection, u: &HouseholdUpdate) -> StoreResult<()> {
    let changed = conn.execute(
        "UPDATE household SET community_id = ?3, address = ?4, sisfoh_class = ?5,
         sisfoh_date = ?6, herd_size = ?7, altitude_m = ?8, updated_at = ?9,
         version = version + 1 WHERE id = ?1 AND version = ?2",
        params![
            u.id,
            u.expected_version,
            u.community_id,
            u.address,
            u.sisfoh,
            u.sisfoh_date,
            u.herd_size,
            u.altitude_m,
            u.at
        ],
    )?;
    conflict_unless_one(changed, "household", u.id, u.expected_version)
}

pub struct PersonUpdate<'a> {
    pub id: i64,
    pub expected_version: i64,
    pub dni: Option<&'a str>,
    pub paternal: &'a str,
    pub maternal: Option<&'a str>,
    pub given: &'a str,
    pub name_key: &'a str,
    pub birth_date: Option<&'a str>,
    pub sex: Option<&'a str>,
    pub pregnant: bool,
    pub at: &'a str,
}

pub fn update_person(conn: &Connection, u: &PersonUpdate) -> StoreResult<()> {
    let changed = conn.execute(
        "UPDATE person SET dni = ?3, paternal_surname = ?4, maternal_surname = ?5,
         given_names = ?6, name_key = ?7, birth_date = ?8, sex = ?9, pregnant = ?10,
         updated_at = ?11, version = version + 1
         WHERE id = ?1 AND version = ?2 AND merged_into_id IS NULL",
        params![
            u.id,
            u.expected_version,
            u.dni,
            u.paternal,
            u.maternal,
            u.given,
            u.name_key,
            u.birth_date,
            u.sex,
            u.pregnant,
            u.at
        ],
    )?;
    conflict_unless_one(changed, "person", u.id, u.expected_version)?;
    super::households::unindex_name(conn, u.id)?;
    super::households::index_name(conn, u.id, u.given, u.paternal, u.maternal)
}

pub fn set_pregnant(conn: &Connection, id: i64, pregnant: bool, on: &str) -> StoreResult<()> {
    conn.execute(
        "UPDATE person SET pregnant = ?2, pregnancy_noted_on = CASE WHEN ?2 THEN ?3 END WHERE id = ?1",
        params![id, pregnant, on],
    )?;
    Ok(())
}

/// (start date, version, household) of an enrolment still open.
pub fn open_enrolment(conn: &Connection, id: i64) -> StoreResult<Option<(String, i64, i64)>> {
    Ok(conn
        .query_row(
            "SELECT start_date, version, household_id FROM enrolment WHERE id = ?1 AND end_date IS NULL",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?)
}

pub fn end_enrolment(
    conn: &Connection,
    id: i64,
    expected: i64,
    end: &str,
    reason: &str,
    at: &str,
) -> StoreResult<()> {
    let changed = conn.execute(
        "UPDATE enrolment SET end_date = ?3, end_reason = ?4, updated_at = ?5,
         version = version + 1 WHERE id = ?1 AND version = ?2 AND end_date IS NULL",
        params![id, expected, end, reason, at],
    )?;
    conflict_unless_one(changed, "enrolment", id, expected)
}

pub fn activity_exists(conn: &Connection, code: &str) -> StoreResult<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM activity_type WHERE code = ?1",
            [code],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// An enrolment entered by hand (no roster record behind it).
pub struct ManualEnrolment<'a> {
    pub household_id: i64,
    pub person_id: i64,
    pub programme_id: i64,
    pub activity: Option<&'a str>,
    pub amount_cents: Option<i64>,
    pub start_date: &'a str,
    pub at: &'a str,
}

pub fn insert_manual_enrolment(conn: &Connection, e: &ManualEnrolment) -> StoreResult<i64> {
    let id = super::ids::next(conn)?;
    conn.execute(
        "INSERT INTO enrolment(id, household_id, person_id, programme_id, activity_code,
         amount_cents, start_date, created_at, updated_at) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?8)",
        params![
            id,
            e.household_id,
            e.person_id,
            e.programme_id,
            e.activity,
            e.amount_cents,
            e.start_date,
            e.at
        ],
    )?;
    Ok(id)
}
