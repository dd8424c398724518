//! Everything about one household, read for its view: members, enrolments, history.

use super::error::{StoreError, StoreResult};
use rusqlite::{Connection, OptionalExtension};

#[derive(Debug, Clone, PartialEq)]
pub struct HouseholdRow {
    pub id: i64,
    pub district_ubigeo: String,
    pub district: String,
    pub community_id: Option<i64>,
    pub community: Option<String>,
    pub community_altitude_m: Option<i64>,
    pub altitude_m: Option<i64>,
    pub herd_size: Option<i64>,
    pub sisfoh: Option<String>,
    pub sisfoh_date: Option<String>,
    pub address: Option<String>,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRow {
    pub id: i64,
    pub dni: Option<String>,
    pub paternal: String,
    pub maternal: Option<String>,
    pub given: String,
    pub birth_date: Option<String>,
    pub sex: Option<String>,
    pub pregnant: bool,
    pub relationship: Option<String>,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnrolmentRow {
    pub id: i64,
    pub person_id: Option<i64>,
    pub person_name: Option<String>,
    pub programme: String,
    pub programme_name: String,
    pub ladder_step: Option<i64>,
    pub activity: Option<String>,
    pub amount_cents: Option<i64>,
    pub start_date: String,
    pub end_date: Option<String>,
    pub end_reason: Option<String>,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeRow {
    pub at: String,
    pub programme: String,
    pub source_code: String,
    pub kind: String,
    pub changed_fields: String,
}

pub fn household(conn: &Connection, id: i64) -> StoreResult<HouseholdRow> {
    conn.query_row(
        "SELECT h.id, h.district_ubigeo, d.name, h.community_id, c.name, c.altitude_m,
                h.altitude_m, h.herd_size, h.sisfoh_class, h.sisfoh_date, h.address, h.version
         FROM household h JOIN district d ON d.ubigeo = h.district_ubigeo
         LEFT JOIN community c ON c.id = h.community_id WHERE h.id = ?1",
        [id],
        |r| {
            Ok(HouseholdRow {
                id: r.get(0)?,
                district_ubigeo: r.get(1)?,
                district: r.get(2)?,
                community_id: r.get(3)?,
                community: r.get(4)?,
                community_altitude_m: r.get(5)?,
                altitude_m: r.get(6)?,
                herd_size: r.get(7)?,
                sisfoh: r.get(8)?,
                sisfoh_date: r.get(9)?,
                address: r.get(10)?,
                version: r.get(11)?,
            })
        },
    )
    .optional()?
    .ok_or(StoreError::NotFound {
        entity: "household",
        id: super::ids::display(id),
    })
}

pub fn members(conn: &Connection, household: i64) -> StoreResult<Vec<MemberRow>> {
    let mut stmt = conn.prepare(
        "SELECT id, dni, paternal_surname, maternal_surname, given_names, birth_date, sex,
                pregnant, relationship, version
         FROM person WHERE household_id = ?1 AND merged_into_id IS NULL
         ORDER BY birth_date IS NULL, birth_date, id",
    )?;
    let rows = stmt.query_map([household], |r| {
        Ok(MemberRow {
            id: r.get(0)?,
            dni: r.get(1)?,
            paternal: r.get(2)?,
            maternal: r.get(3)?,
            given: r.get(4)?,
            birth_date: r.get(5)?,
            sex: r.get(6)?,
            pregnant: r.get(7)?,
            relationship: r.get(8)?,
            version: r.get(9)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn enrolments(conn: &Connection, household: i64) -> StoreResult<Vec<EnrolmentRow>> {
    let mut stmt = conn.prepare(
        "SELECT e.id, e.person_id, p.given_names || ' ' || p.paternal_surname, g.code, g.name,
                g.ladder_step, e.activity_code, e.amount_cents, e.start_date, e.end_date,
                e.end_reason, e.version
         FROM enrolment e JOIN programme g ON g.id = e.programme_id
         LEFT JOIN person p ON p.id = e.person_id
         WHERE e.household_id = ?1
         ORDER BY e.end_date IS NOT NULL, g.id, e.start_date, e.id",
    )?;
    let rows = stmt.query_map([household], |r| {
        Ok(EnrolmentRow {
            id: r.get(0)?,
            person_id: r.get(1)?,
            person_name: r.get(2)?,
            programme: r.get(3)?,
            programme_name: r.get(4)?,
            ladder_step: r.get(5)?,
            activity: r.get(6)?,
            amount_cents: r.get(7)?,
            start_date: r.get(8)?,
            end_date: r.get(9)?,
            end_reason: r.get(10)?,
            version: r.get(11)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The roster changes that touched the household's members, newest first.
pub fn history(conn: &Connection, household: i64, limit: i64) -> StoreResult<Vec<ChangeRow>> {
    let mut stmt = conn.prepare(
        "SELECT c.at, g.code, r.source_code, c.kind, c.changed_fields
         FROM roster_record_change c JOIN roster_record r ON r.id = c.roster_record_id
         JOIN programme g ON g.id = r.programme_id
         JOIN person p ON p.id = r.person_id
         WHERE p.household_id = ?1
         ORDER BY c.at DESC, c.id DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map([household, limit], |r| {
        Ok(ChangeRow {
            at: r.get(0)?,
            programme: r.get(1)?,
            source_code: r.get(2)?,
            kind: r.get(3)?,
            changed_fields: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
