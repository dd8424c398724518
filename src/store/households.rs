//! Households, persons, communities and the name index: the rows the registry is made of.

use super::error::{StoreError, StoreResult};
use super::ids;
use rusqlite::{params, Connection, OptionalExtension};

/// A household to insert.
pub struct NewHousehold<'a> {
    pub district: &'a str,
    pub community_id: Option<i64>,
    pub sisfoh: Option<&'a str>,
    pub sisfoh_date: Option<&'a str>,
    pub herd_size: Option<i64>,
    pub altitude_m: Option<i64>,
    pub at: &'a str,
}

pub fn insert_household(conn: &Connection, h: &NewHousehold) -> StoreResult<i64> {
    let id = ids::next(conn)?;
    conn.prepare_cached(
        "INSERT INTO household(id, district_ubigeo, community_id, sisfoh_class, sisfoh_date,
         herd_size, altitude_m, created_at, updated_at) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?8)",
    )?
    .execute(params![
        id,
        h.district,
        h.community_id,
        h.sisfoh,
        h.sisfoh_date,
        h.herd_size,
        h.altitude_m,
        h.at
    ])?;
    if let (Some(class), Some(date)) = (h.sisfoh, h.sisfoh_date) {
        insert_sisfoh(conn, id, class, date, "padrón", h.at)?;
    }
    Ok(id)
}

pub fn insert_sisfoh(
    conn: &Connection,
    household: i64,
    class: &str,
    date: &str,
    source: &str,
    at: &str,
) -> StoreResult<()> {
    let id = ids::next(conn)?;
    conn.prepare_cached(
        "INSERT OR IGNORE INTO household_sisfoh(id, household_id, sisfoh_class, classified_on,
         source, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![id, household, class, date, source, at])?;
    Ok(())
}

/// Fills what a roster says about a household where the household knows nothing yet; never
/// overwrites what another source already recorded.
pub struct HouseholdFacts<'a> {
    pub id: i64,
    pub sisfoh: Option<&'a str>,
    pub sisfoh_date: &'a str,
    pub herd_size: Option<i64>,
    pub altitude_m: Option<i64>,
    pub at: &'a str,
}

pub fn fill_household(conn: &Connection, f: &HouseholdFacts) -> StoreResult<()> {
    let changed = conn
        .prepare_cached(
            "UPDATE household SET
               sisfoh_class = coalesce(sisfoh_class, ?2),
               sisfoh_date = CASE WHEN sisfoh_class IS NULL AND ?2 IS NOT NULL THEN ?3
                             ELSE sisfoh_date END,
               herd_size = coalesce(herd_size, ?4), altitude_m = coalesce(altitude_m, ?5),
               updated_at = ?6, version = version + 1
             WHERE id = ?1 AND ((sisfoh_class IS NULL AND ?2 IS NOT NULL)
               OR (herd_size IS NULL AND ?4 IS NOT NULL) OR (altitude_m IS NULL AND ?5 IS NOT NULL))",
        )?
        .execute(params![f.id, f.sisfoh, f.sisfoh_date, f.herd_size, f.altitude_m, f.at])?;
    if changed > 0 {
        if let Some(class) = f.sisfoh {
            insert_sisfoh(conn, f.id, class, f.sisfoh_date, "padrón", f.at)?;
        }
    }
    Ok(())
}

pub fn household_for_code(
    conn: &Connection,
    programme: i64,
    code: &str,
) -> StoreResult<Option<i64>> {
    Ok(conn
        .prepare_cached(
            "SELECT household_id FROM household_code WHERE programme_id = ?1 AND code = ?2",
        )?
        .query_row(params![programme, code], |r| r.get(0))
        .optional()?)
}

pub fn map_household_code(
    conn: &Connection,
    programme: i64,
    code: &str,
    household: i64,
    at: &str,
) -> StoreResult<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO household_code(programme_id, code, household_id, created_at)
         VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![programme, code, household, at])?;
    Ok(())
}

/// A person to insert (names already normalised).
pub struct NewPerson<'a> {
    pub household_id: i64,
    pub dni: Option<&'a str>,
    pub paternal: &'a str,
    pub maternal: Option<&'a str>,
    pub given: &'a str,
    pub name_key: &'a str,
    pub birth_date: Option<&'a str>,
    pub sex: Option<&'a str>,
    pub at: &'a str,
}

pub fn insert_person(conn: &Connection, p: &NewPerson) -> StoreResult<i64> {
    let id = ids::next(conn)?;
    conn.prepare_cached(
        "INSERT INTO person(id, household_id, district_ubigeo, dni, paternal_surname,
         maternal_surname, given_names, name_key, birth_date, sex, created_at, updated_at)
         VALUES (?1, ?2, (SELECT district_ubigeo FROM household WHERE id = ?2), ?3, ?4, ?5, ?6,
         ?7, ?8, ?9, ?10, ?10)",
    )?
    .execute(params![
        id,
        p.household_id,
        p.dni,
        p.paternal,
        p.maternal,
        p.given,
        p.name_key,
        p.birth_date,
        p.sex,
        p.at
    ])?;
    index_name(conn, id, p.given, p.paternal, p.maternal)?;
    Ok(id)
}

/// The text the search index holds for a person: given names then surnames.
pub fn index_text(given: &str, paternal: &str, maternal: Option<&str>) -> String {
    match maternal {
        Some(m) => format!("{given} {paternal} {m}"),
        None => format!("{given} {paternal}"),
    }
}

pub fn index_name(
    conn: &Connection,
    id: i64,
    given: &str,
    paternal: &str,
    maternal: Option<&str>,
) -> StoreResult<()> {
    conn.prepare_cached("INSERT INTO person_fts(rowid, full_name) VALUES (?1, ?2)")?
        .execute(params![id, index_text(given, paternal, maternal)])?;
    Ok(())
}

pub fn unindex_name(conn: &Connection, id: i64) -> StoreResult<()> {
    conn.prepare_cached("DELETE FROM person_fts WHERE rowid = ?1")?
        .execute([id])?;
    Ok(())
}

/// An unmerged person with this DNI: (id, household).
pub fn person_by_dni(conn: &Connection, dni: &str) -> StoreResult<Option<(i64, i64)>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, household_id FROM person WHERE dni = ?1 AND merged_into_id IS NULL",
        )?
        .query_row([dni], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

pub fn household_of(conn: &Connection, person: i64) -> StoreResult<i64> {
    conn.prepare_cached("SELECT household_id FROM person WHERE id = ?1")?
        .query_row([person], |r| r.get(0))
        .optional()?
        .ok_or(StoreError::NotFound {
            entity: "person",
            id: person.to_string(),
        })
}

/// The community of that name in the district, created on first sight.
pub fn community_id(
    conn: &Connection,
    district: &str,
    name: &str,
    key: &str,
    at: &str,
) -> StoreResult<i64> {
    let found: Option<i64> = conn
        .prepare_cached("SELECT id FROM community WHERE district_ubigeo = ?1 AND name_key = ?2")?
        .query_row([district, key], |r| r.get(0))
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    let id = ids::next(conn)?;
    conn.prepare_cached(
        "INSERT INTO community(id, district_ubigeo, name, name_key, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
    )?
    .execute(params![id, district, name, key, at])?;
    Ok(id)
}

/// A person's identity as a roster now gives it (names already normalised).
pub struct Identity<'a> {
    pub dni: Option<&'a str>,
    pub paternal: &'a str,
    pub maternal: Option<&'a str>,
    pub given: &'a str,
    pub name_key: &'a str,
    pub birth_date: Option<&'a str>,
    pub sex: Option<&'a str>,
    pub at: &'a str,
}

/// Rewrites a person's identity and its index entry (used when one roster is its only source).
pub fn update_identity(conn: &Connection, id: i64, i: &Identity) -> StoreResult<()> {
    conn.prepare_cached(
        "UPDATE person SET dni = ?2, paternal_surname = ?3, maternal_surname = ?4,
         given_names = ?5, name_key = ?6, birth_date = ?7, sex = ?8, updated_at = ?9,
         version = version + 1 WHERE id = ?1",
    )?
    .execute(params![
        id,
        i.dni,
        i.paternal,
        i.maternal,
        i.given,
        i.name_key,
        i.birth_date,
        i.sex,
        i.at
    ])?;
    unindex_name(conn, id)?;
    index_name(conn, id, i.given, i.paternal, i.maternal)
}

/// Whom a person was merged into, if they were.
pub fn merged_into(conn: &Connection, person: i64) -> StoreResult<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT merged_into_id FROM person WHERE id = ?1")?
        .query_row([person], |r| r.get(0))
        .optional()?
        .flatten())
}
