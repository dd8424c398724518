//! Rows of `agency` and `agency_representative`.

use super::one_row_or_conflict;
use crate::store::error::StoreResult;
use rusqlite::{params, Connection, OptionalExtension};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgencyRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub sector: String,
    pub level: String,
    pub district_ubigeo: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub active: bool,
    pub version: i64,
}

const AGENCY_COLUMNS: &str =
    "id, code, name, sector, level, district_ubigeo, address, phone, active, version";

fn agency_from_row(r: &rusqlite::Row) -> rusqlite::Result<AgencyRow> {
    Ok(AgencyRow {
        id: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        sector: r.get(3)?,
        level: r.get(4)?,
        district_ubigeo: r.get(5)?,
        address: r.get(6)?,
        phone: r.get(7)?,
        active: r.get(8)?,
        version: r.get(9)?,
    })
}

/// The fields of an agency a person edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgencyFields<'a> {
    pub name: &'a str,
    pub sector: &'a str,
    pub level: &'a str,
    pub district_ubigeo: Option<&'a str>,
    pub address: Option<&'a str>,
    pub phone: Option<&'a str>,
}

pub fn insert(
    conn: &Connection,
    id: i64,
    code: &str,
    f: &AgencyFields,
    at: &str,
) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO agency(id, code, name, sector, level, district_ubigeo, address, phone,
         created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![
            id,
            code,
            f.name,
            f.sector,
            f.level,
            f.district_ubigeo,
            f.address,
            f.phone,
            at
        ],
    )?;
    Ok(())
}

pub fn by_id(conn: &Connection, id: i64) -> StoreResult<Option<AgencyRow>> {
    let sql = format!("SELECT {AGENCY_COLUMNS} FROM agency WHERE id = ?1");
    Ok(conn.query_row(&sql, [id], agency_from_row).optional()?)
}

pub fn by_code(conn: &Connection, code: &str) -> StoreResult<Option<AgencyRow>> {
    let sql = format!("SELECT {AGENCY_COLUMNS} FROM agency WHERE code = ?1");
    Ok(conn.query_row(&sql, [code], agency_from_row).optional()?)
}

/// Every agency, active ones only unless `include_inactive`; by name.
pub fn list(conn: &Connection, include_inactive: bool) -> StoreResult<Vec<AgencyRow>> {
    let sql =
        format!("SELECT {AGENCY_COLUMNS} FROM agency WHERE active = 1 OR ?1 ORDER BY name, code");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([include_inactive], agency_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn update(
    conn: &Connection,
    id: i64,
    expected: i64,
    f: &AgencyFields,
    at: &str,
) -> StoreResult<()> {
    let updated = conn.execute(
        "UPDATE agency SET name = ?1, sector = ?2, level = ?3, district_ubigeo = ?4,
         address = ?5, phone = ?6, updated_at = ?7, version = version + 1
         WHERE id = ?8 AND version = ?9",
        params![
            f.name,
            f.sector,
            f.level,
            f.district_ubigeo,
            f.address,
            f.phone,
            at,
            id,
            expected
        ],
    )?;
    one_row_or_conflict(updated, "agency", id, expected)
}

pub fn set_active(
    conn: &Connection,
    id: i64,
    expected: i64,
    active: bool,
    at: &str,
) -> StoreResult<()> {
    let updated = conn.execute(
        "UPDATE agency SET active = ?1, updated_at = ?2, version = version + 1
         WHERE id = ?3 AND version = ?4",
        params![active, at, id, expected],
    )?;
    one_row_or_conflict(updated, "agency", id, expected)
}

/// How many agreements name the agency as responsible.
pub fn agreement_count(conn: &Connection, id: i64) -> StoreResult<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM agreement WHERE responsible_agency_id = ?1",
        [id],
        |r| r.get(0),
    )?)
}

/// How many rows other than its representatives and committee memberships refer to the
/// agency (programmes, interventions, meetings, attendance, agenda items, flags, reports).
pub fn other_reference_count(conn: &Connection, id: i64) -> StoreResult<i64> {
    Ok(conn.query_row(
        "SELECT (SELECT count(*) FROM programme WHERE agency_id = ?1)
              + (SELECT count(*) FROM intervention WHERE agency_id = ?1)
              + (SELECT count(*) FROM meeting WHERE convened_by_agency_id = ?1)
              + (SELECT count(*) FROM attendance WHERE agency_id = ?1)
              + (SELECT count(*) FROM agenda_item WHERE presenter_agency_id = ?1)
              + (SELECT count(*) FROM overlap_flag WHERE assigned_agency_id = ?1)
              + (SELECT count(*) FROM flag_event WHERE assigned_agency_id = ?1)
              + (SELECT count(*) FROM conditionality_report WHERE accused_agency_id = ?1)",
        [id],
        |r| r.get(0),
    )?)
}

/// Deletes an agency with its representatives and committee memberships. The caller has made
/// sure nothing else refers to it.
pub fn delete(conn: &Connection, id: i64) -> StoreResult<()> {
    conn.execute(
        "DELETE FROM agency_representative WHERE agency_id = ?1",
        [id],
    )?;
    conn.execute("DELETE FROM committee_member WHERE agency_id = ?1", [id])?;
    conn.execute("DELETE FROM agency WHERE id = ?1", [id])?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepresentativeRow {
    pub id: i64,
    pub agency_id: i64,
    pub name: String,
    pub position: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub active: bool,
    pub version: i64,
}

const REPRESENTATIVE_COLUMNS: &str = "id, agency_id, name, position, phone, email, active, version";

fn representative_from_row(r: &rusqlite::Row) -> rusqlite::Result<RepresentativeRow> {
    Ok(RepresentativeRow {
        id: r.get(0)?,
        agency_id: r.get(1)?,
        name: r.get(2)?,
        position: r.get(3)?,
        phone: r.get(4)?,
        email: r.get(5)?,
        active: r.get(6)?,
        version: r.get(7)?,
    })
}

/// The contact details of a representative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepresentativeFields<'a> {
    pub name: &'a str,
    pub position: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub email: Option<&'a str>,
}

pub fn insert_representative(
    conn: &Connection,
    id: i64,
    agency_id: i64,
    f: &RepresentativeFields,
    at: &str,
) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO agency_representative(id, agency_id, name, position, phone, email,
         created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![id, agency_id, f.name, f.position, f.phone, f.email, at],
    )?;
    Ok(())
}

pub fn representative(conn: &Connection, id: i64) -> StoreResult<Option<RepresentativeRow>> {
    let sql = format!("SELECT {REPRESENTATIVE_COLUMNS} FROM agency_representative WHERE id = ?1");
    Ok(conn
        .query_row(&sql, [id], representative_from_row)
        .optional()?)
}

/// An agency's representatives, active first, then by name.
pub fn representatives(conn: &Connection, agency_id: i64) -> StoreResult<Vec<RepresentativeRow>> {
    let sql = format!(
        "SELECT {REPRESENTATIVE_COLUMNS} FROM agency_representative WHERE agency_id = ?1
         ORDER BY active DESC, name, id"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([agency_id], representative_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn update_representative(
    conn: &Connection,
    id: i64,
    expected: i64,
    f: &RepresentativeFields,
    at: &str,
) -> StoreResult<()> {
    let updated = conn.execute(
        "UPDATE agency_representative SET name = ?1, position = ?2, phone = ?3, email = ?4,
         updated_at = ?5, version = version + 1 WHERE id = ?6 AND version = ?7",
        params![f.name, f.position, f.phone, f.email, at, id, expected],
    )?;
    one_row_or_conflict(updated, "agency_representative", id, expected)
}

pub fn set_representative_active(
    conn: &Connection,
    id: i64,
    expected: i64,
    active: bool,
    at: &str,
) -> StoreResult<()> {
    let updated = conn.execute(
        "UPDATE agency_representative SET active = ?1, updated_at = ?2, version = version + 1
         WHERE id = ?3 AND version = ?4",
        params![active, at, id, expected],
    )?;
    one_row_or_conflict(updated, "agency_representative", id, expected)
}
