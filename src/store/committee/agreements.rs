//! Rows of `agreement`.

use super::one_row_or_conflict;
use crate::store::error::StoreResult;
use rusqlite::{params, Connection, OptionalExtension};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementRow {
    pub id: i64,
    pub meeting_id: i64,
    /// The day of the meeting that made it.
    pub made_on: String,
    pub agenda_item_id: Option<i64>,
    pub description: String,
    pub responsible_agency_id: i64,
    pub agency_code: String,
    pub agency_name: String,
    pub due_on: String,
    pub status: String,
    pub status_note: Option<String>,
    pub closed_on: Option<String>,
    pub version: i64,
}

const COLUMNS: &str = "g.id, g.meeting_id, m.held_on, g.agenda_item_id, g.description,
    g.responsible_agency_id, a.code, a.name, g.due_on, g.status, g.status_note, g.closed_on,
    g.version FROM agreement g JOIN meeting m ON m.id = g.meeting_id
    JOIN agency a ON a.id = g.responsible_agency_id";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<AgreementRow> {
    Ok(AgreementRow {
        id: r.get(0)?,
        meeting_id: r.get(1)?,
        made_on: r.get(2)?,
        agenda_item_id: r.get(3)?,
        description: r.get(4)?,
        responsible_agency_id: r.get(5)?,
        agency_code: r.get(6)?,
        agency_name: r.get(7)?,
        due_on: r.get(8)?,
        status: r.get(9)?,
        status_note: r.get(10)?,
        closed_on: r.get(11)?,
        version: r.get(12)?,
    })
}

/// What was agreed, who answers for it and by when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementFields<'a> {
    pub description: &'a str,
    pub responsible_agency_id: i64,
    pub due_on: &'a str,
    pub agenda_item_id: Option<i64>,
}

pub fn insert(
    conn: &Connection,
    id: i64,
    meeting_id: i64,
    f: &AgreementFields,
    at: &str,
) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO agreement(id, meeting_id, agenda_item_id, description, responsible_agency_id,
         due_on, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![
            id,
            meeting_id,
            f.agenda_item_id,
            f.description,
            f.responsible_agency_id,
            f.due_on,
            at
        ],
    )?;
    Ok(())
}

pub fn by_id(conn: &Connection, id: i64) -> StoreResult<Option<AgreementRow>> {
    let sql = format!("SELECT {COLUMNS} WHERE g.id = ?1");
    Ok(conn.query_row(&sql, [id], from_row).optional()?)
}

/// The agreements made at a meeting, in the order they were made.
pub fn for_meeting(conn: &Connection, meeting_id: i64) -> StoreResult<Vec<AgreementRow>> {
    let sql = format!("SELECT {COLUMNS} WHERE g.meeting_id = ?1 ORDER BY g.id");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([meeting_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every agreement of the committee, by the day it was made, then id.
pub fn for_committee(conn: &Connection, committee_id: i64) -> StoreResult<Vec<AgreementRow>> {
    let sql = format!("SELECT {COLUMNS} WHERE m.committee_id = ?1 ORDER BY m.held_on, g.id");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([committee_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn update(
    conn: &Connection,
    id: i64,
    expected: i64,
    f: &AgreementFields,
    at: &str,
) -> StoreResult<()> {
    let updated = conn.execute(
        "UPDATE agreement SET description = ?1, responsible_agency_id = ?2, due_on = ?3,
         agenda_item_id = ?4, updated_at = ?5, version = version + 1
         WHERE id = ?6 AND version = ?7",
        params![
            f.description,
            f.responsible_agency_id,
            f.due_on,
            f.agenda_item_id,
            at,
            id,
            expected
        ],
    )?;
    one_row_or_conflict(updated, "agreement", id, expected)
}

/// A change of an agreement's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusFields<'a> {
    pub status: &'a str,
    pub note: Option<&'a str>,
    pub closed_on: Option<&'a str>,
}

pub fn set_status(
    conn: &Connection,
    id: i64,
    expected: i64,
    f: &StatusFields,
    at: &str,
) -> StoreResult<()> {
    let updated = conn.execute(
        "UPDATE agreement SET status = ?1, status_note = ?2, closed_on = ?3, updated_at = ?4,
         version = version + 1 WHERE id = ?5 AND version = ?6",
        params![f.status, f.note, f.closed_on, at, id, expected],
    )?;
    one_row_or_conflict(updated, "agreement", id, expected)
}
