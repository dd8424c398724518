//! Rows of `committee` and `committee_member`.

use super::one_row_or_conflict;
use crate::store::error::StoreResult;
use rusqlite::{params, Connection, OptionalExtension};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitteeRow {
    pub id: i64,
    pub district_ubigeo: String,
    pub district_name: String,
    pub name: String,
    pub monthly_rule: Option<String>,
    pub quorum_bp: i64,
    pub active: bool,
    pub version: i64,
}

const COLUMNS: &str = "c.id, c.district_ubigeo, d.name, c.name, c.monthly_rule, c.quorum_bp,
    c.active, c.version FROM committee c JOIN district d ON d.ubigeo = c.district_ubigeo";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<CommitteeRow> {
    Ok(CommitteeRow {
        id: r.get(0)?,
        district_ubigeo: r.get(1)?,
        district_name: r.get(2)?,
        name: r.get(3)?,
        monthly_rule: r.get(4)?,
        quorum_bp: r.get(5)?,
        active: r.get(6)?,
        version: r.get(7)?,
    })
}

/// What a committee is: its name, monthly rule and quorum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitteeFields<'a> {
    pub name: &'a str,
    pub monthly_rule: Option<&'a str>,
    pub quorum_bp: i64,
}

pub fn insert(
    conn: &Connection,
    id: i64,
    district: &str,
    f: &CommitteeFields,
    at: &str,
) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO committee(id, district_ubigeo, name, monthly_rule, quorum_bp, created_at,
         updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![id, district, f.name, f.monthly_rule, f.quorum_bp, at],
    )?;
    Ok(())
}

pub fn by_id(conn: &Connection, id: i64) -> StoreResult<Option<CommitteeRow>> {
    let sql = format!("SELECT {COLUMNS} WHERE c.id = ?1");
    Ok(conn.query_row(&sql, [id], from_row).optional()?)
}

/// Active committees, those of `district` first, then by district and id.
pub fn active(conn: &Connection, district: &str) -> StoreResult<Vec<CommitteeRow>> {
    let sql = format!(
        "SELECT {COLUMNS} WHERE c.active = 1
         ORDER BY c.district_ubigeo <> ?1, c.district_ubigeo, c.id"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([district], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn update(
    conn: &Connection,
    id: i64,
    expected: i64,
    f: &CommitteeFields,
    at: &str,
) -> StoreResult<()> {
    let updated = conn.execute(
        "UPDATE committee SET name = ?1, monthly_rule = ?2, quorum_bp = ?3, updated_at = ?4,
         version = version + 1 WHERE id = ?5 AND version = ?6",
        params![f.name, f.monthly_rule, f.quorum_bp, at, id, expected],
    )?;
    one_row_or_conflict(updated, "committee", id, expected)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRow {
    pub agency_id: i64,
    pub code: String,
    pub name: String,
    pub agency_active: bool,
    pub since: String,
    pub until: Option<String>,
}

const MEMBER_COLUMNS: &str = "m.agency_id, a.code, a.name, a.active, m.since, m.until
    FROM committee_member m JOIN agency a ON a.id = m.agency_id";

fn member_from_row(r: &rusqlite::Row) -> rusqlite::Result<MemberRow> {
    Ok(MemberRow {
        agency_id: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        agency_active: r.get(3)?,
        since: r.get(4)?,
        until: r.get(5)?,
    })
}

/// Every membership the committee ever had, by agency name.
pub fn members(conn: &Connection, committee_id: i64) -> StoreResult<Vec<MemberRow>> {
    let sql = format!("SELECT {MEMBER_COLUMNS} WHERE m.committee_id = ?1 ORDER BY a.name, a.code");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([committee_id], member_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The agencies that were members on `day` (ISO date), by agency name.
pub fn members_on(conn: &Connection, committee_id: i64, day: &str) -> StoreResult<Vec<MemberRow>> {
    let sql = format!(
        "SELECT {MEMBER_COLUMNS} WHERE m.committee_id = ?1 AND m.since <= ?2
         AND (m.until IS NULL OR m.until >= ?2) ORDER BY a.name, a.code"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params![committee_id, day], member_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn membership(
    conn: &Connection,
    committee_id: i64,
    agency_id: i64,
) -> StoreResult<Option<MemberRow>> {
    let sql = format!("SELECT {MEMBER_COLUMNS} WHERE m.committee_id = ?1 AND m.agency_id = ?2");
    Ok(conn
        .query_row(&sql, params![committee_id, agency_id], member_from_row)
        .optional()?)
}

/// Makes the agency a member from `since` (re-opening an ended membership).
pub fn put_member(
    conn: &Connection,
    committee_id: i64,
    agency_id: i64,
    since: &str,
) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO committee_member(committee_id, agency_id, since) VALUES (?1, ?2, ?3)
         ON CONFLICT(committee_id, agency_id) DO UPDATE SET since = excluded.since, until = NULL",
        params![committee_id, agency_id, since],
    )?;
    Ok(())
}

/// Ends a membership on `until` (the last day the agency is a member).
pub fn end_member(
    conn: &Connection,
    committee_id: i64,
    agency_id: i64,
    until: &str,
) -> StoreResult<()> {
    conn.execute(
        "UPDATE committee_member SET until = ?3 WHERE committee_id = ?1 AND agency_id = ?2",
        params![committee_id, agency_id, until],
    )?;
    Ok(())
}
