//! Producer associations (`association`) and their member lists (`association_member`).
//! A member is a registry person or a name with a DNI; a member who leaves keeps the row
//! with `left_on` set.

use super::{code, expect_updated, iso};
use crate::domain::clar::{AssociationKind, LegalStatus};
use crate::store::error::StoreResult;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssociationRow {
    pub id: i64,
    pub name: String,
    pub kind: AssociationKind,
    pub community_id: Option<i64>,
    pub community_name: Option<String>,
    pub legal_status: LegalStatus,
    pub ruc: Option<String>,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    /// Members who have not left.
    pub member_count: i64,
    pub version: i64,
}

/// The fields of an association as written.
#[derive(Debug, Clone)]
pub struct AssociationFields<'a> {
    pub name: &'a str,
    pub name_key: &'a str,
    pub kind: AssociationKind,
    pub community_id: Option<i64>,
    pub legal_status: LegalStatus,
    pub ruc: Option<&'a str>,
    pub contact_name: Option<&'a str>,
    pub contact_phone: Option<&'a str>,
}

const COLUMNS: &str = "a.id, a.name, a.kind, a.community_id, c.name, a.legal_status, a.ruc,
    a.contact_name, a.contact_phone,
    (SELECT count(*) FROM association_member m WHERE m.association_id = a.id
     AND m.left_on IS NULL), a.version
    FROM association a LEFT JOIN community c ON c.id = a.community_id";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<AssociationRow> {
    Ok(AssociationRow {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: code(r, 2, AssociationKind::from_code)?,
        community_id: r.get(3)?,
        community_name: r.get(4)?,
        legal_status: code(r, 5, LegalStatus::from_code)?,
        ruc: r.get(6)?,
        contact_name: r.get(7)?,
        contact_phone: r.get(8)?,
        member_count: r.get(9)?,
        version: r.get(10)?,
    })
}

pub fn insert(conn: &Connection, id: i64, f: &AssociationFields, at: &str) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO association(id, name, name_key, kind, community_id, legal_status, ruc,
         contact_name, contact_phone, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
        params![
            id,
            f.name,
            f.name_key,
            f.kind.code(),
            f.community_id,
            f.legal_status.code(),
            f.ruc,
            f.contact_name,
            f.contact_phone,
            at
        ],
    )?;
    Ok(())
}

/// Rewrites an association; refuses when it changed since `expected_version` was read.
pub fn update(
    conn: &Connection,
    id: i64,
    expected_version: i64,
    f: &AssociationFields,
    at: &str,
) -> StoreResult<()> {
    let updated = conn.execute(
        "UPDATE association SET name = ?1, name_key = ?2, kind = ?3, community_id = ?4,
         legal_status = ?5, ruc = ?6, contact_name = ?7, contact_phone = ?8, updated_at = ?9,
         version = version + 1 WHERE id = ?10 AND version = ?11",
        params![
            f.name,
            f.name_key,
            f.kind.code(),
            f.community_id,
            f.legal_status.code(),
            f.ruc,
            f.contact_name,
            f.contact_phone,
            at,
            id,
            expected_version
        ],
    )?;
    expect_updated(updated, "association", id, expected_version)
}

pub fn by_id(conn: &Connection, id: i64) -> StoreResult<Option<AssociationRow>> {
    let sql = format!("SELECT {COLUMNS} WHERE a.id = ?1");
    Ok(conn.query_row(&sql, [id], from_row).optional()?)
}

pub fn list(conn: &Connection) -> StoreResult<Vec<AssociationRow>> {
    let sql = format!("SELECT {COLUMNS} ORDER BY a.name_key, a.id");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRow {
    pub id: i64,
    pub association_id: i64,
    pub person_id: Option<i64>,
    pub dni: Option<String>,
    pub full_name: String,
    pub role: Option<String>,
    pub joined_on: Option<String>,
    pub left_on: Option<String>,
}

/// A member to add.
#[derive(Debug, Clone)]
pub struct NewMember<'a> {
    pub id: i64,
    pub association_id: i64,
    pub person_id: Option<i64>,
    pub dni: Option<&'a str>,
    pub full_name: &'a str,
    pub role: Option<&'a str>,
    pub joined_on: Option<NaiveDate>,
}

pub fn insert_member(conn: &Connection, m: &NewMember, at: &str) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO association_member(id, association_id, person_id, dni, full_name, role,
         joined_on, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            m.id,
            m.association_id,
            m.person_id,
            m.dni,
            m.full_name,
            m.role,
            m.joined_on.map(iso),
            at
        ],
    )?;
    Ok(())
}

/// The members who have not left, by name.
pub fn active_members(conn: &Connection, association_id: i64) -> StoreResult<Vec<MemberRow>> {
    let mut stmt = conn.prepare(
        "SELECT id, association_id, person_id, dni, full_name, role, joined_on, left_on
         FROM association_member WHERE association_id = ?1 AND left_on IS NULL
         ORDER BY full_name, id",
    )?;
    let rows = stmt.query_map([association_id], |r| {
        Ok(MemberRow {
            id: r.get(0)?,
            association_id: r.get(1)?,
            person_id: r.get(2)?,
            dni: r.get(3)?,
            full_name: r.get(4)?,
            role: r.get(5)?,
            joined_on: r.get(6)?,
            left_on: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Marks a member as gone from `left_on`.
pub fn end_member(conn: &Connection, member_id: i64, left_on: NaiveDate) -> StoreResult<bool> {
    let n = conn.execute(
        "UPDATE association_member SET left_on = ?1 WHERE id = ?2 AND left_on IS NULL",
        params![iso(left_on), member_id],
    )?;
    Ok(n == 1)
}

/// Is this person or DNI already an active member (directly or through the person's DNI)?
pub fn has_member(
    conn: &Connection,
    association_id: i64,
    person_id: Option<i64>,
    dni: Option<&str>,
) -> StoreResult<bool> {
    let found: i64 = conn.query_row(
        "SELECT count(*) FROM association_member m LEFT JOIN person p ON p.id = m.person_id
         WHERE m.association_id = ?1 AND m.left_on IS NULL
           AND ((?2 IS NOT NULL AND m.person_id = ?2)
             OR (?3 IS NOT NULL AND COALESCE(m.dni, p.dni) = ?3))",
        params![association_id, person_id, dni],
        |r| r.get(0),
    )?;
    Ok(found > 0)
}

/// A registry person's display name and DNI: (full name, DNI).
pub fn person_name_and_dni(
    conn: &Connection,
    person_id: i64,
) -> StoreResult<Option<(String, Option<String>)>> {
    Ok(conn
        .query_row(
            "SELECT trim(given_names || ' ' || paternal_surname || ' ' ||
                    COALESCE(maternal_surname, '')), dni
             FROM person WHERE id = ?1 AND merged_into_id IS NULL",
            [person_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// Registry persons (id, full name, DNI), oldest first, at most `limit`: demo data uses them.
pub fn some_persons(
    conn: &Connection,
    limit: i64,
) -> StoreResult<Vec<(i64, String, Option<String>)>> {
    let mut stmt = conn.prepare(
        "SELECT id, trim(given_names || ' ' || paternal_surname || ' ' ||
                COALESCE(maternal_surname, '')), dni
         FROM person WHERE merged_into_id IS NULL ORDER BY id LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Communities of the office's district (id, name), by name: demo data uses them.
pub fn communities(conn: &Connection) -> StoreResult<Vec<(i64, String)>> {
    let mut stmt = conn.prepare(
        "SELECT c.id, c.name FROM community c JOIN office o ON o.district_ubigeo =
         c.district_ubigeo ORDER BY c.name_key, c.id",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}
