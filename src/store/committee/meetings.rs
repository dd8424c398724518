//! Rows of `meeting`.

use super::one_row_or_conflict;
use crate::store::error::StoreResult;
use rusqlite::{params, Connection, OptionalExtension};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingRow {
    pub id: i64,
    pub committee_id: i64,
    pub held_on: String,
    pub starts_at: Option<String>,
    pub place: String,
    pub convened_by_agency_id: Option<i64>,
    pub convened_by_name: Option<String>,
    pub status: String,
    pub general_notes: String,
    pub version: i64,
    /// Agreements made at the meeting.
    pub agreement_count: i64,
}

const COLUMNS: &str = "m.id, m.committee_id, m.held_on, m.starts_at, m.place,
    m.convened_by_agency_id, a.name, m.status, m.general_notes, m.version,
    (SELECT count(*) FROM agreement g WHERE g.meeting_id = m.id)
    FROM meeting m LEFT JOIN agency a ON a.id = m.convened_by_agency_id";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<MeetingRow> {
    Ok(MeetingRow {
        id: r.get(0)?,
        committee_id: r.get(1)?,
        held_on: r.get(2)?,
        starts_at: r.get(3)?,
        place: r.get(4)?,
        convened_by_agency_id: r.get(5)?,
        convened_by_name: r.get(6)?,
        status: r.get(7)?,
        general_notes: r.get(8)?,
        version: r.get(9)?,
        agreement_count: r.get(10)?,
    })
}

/// When and where a meeting is, and who convenes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingFields<'a> {
    pub held_on: &'a str,
    pub starts_at: Option<&'a str>,
    pub place: &'a str,
    pub convened_by_agency_id: Option<i64>,
}

pub fn insert(
    conn: &Connection,
    id: i64,
    committee_id: i64,
    f: &MeetingFields,
    at: &str,
) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO meeting(id, committee_id, held_on, starts_at, place, convened_by_agency_id,
         created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![
            id,
            committee_id,
            f.held_on,
            f.starts_at,
            f.place,
            f.convened_by_agency_id,
            at
        ],
    )?;
    Ok(())
}

pub fn by_id(conn: &Connection, id: i64) -> StoreResult<Option<MeetingRow>> {
    let sql = format!("SELECT {COLUMNS} WHERE m.id = ?1");
    Ok(conn.query_row(&sql, [id], from_row).optional()?)
}

/// The committee's meetings by date (then id).
pub fn list(conn: &Connection, committee_id: i64) -> StoreResult<Vec<MeetingRow>> {
    let sql = format!("SELECT {COLUMNS} WHERE m.committee_id = ?1 ORDER BY m.held_on, m.id");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([committee_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A meeting of the committee on `day` that is not cancelled, other than `except`.
pub fn other_on(
    conn: &Connection,
    committee_id: i64,
    day: &str,
    except: i64,
) -> StoreResult<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM meeting WHERE committee_id = ?1 AND held_on = ?2 AND id <> ?3
             AND status <> 'cancelled' LIMIT 1",
            params![committee_id, day, except],
            |r| r.get(0),
        )
        .optional()?)
}

/// Planned meetings of the committee dated after `day`, by date.
pub fn planned_after(conn: &Connection, committee_id: i64, day: &str) -> StoreResult<Vec<i64>> {
    let mut stmt = conn.prepare(
        "SELECT id FROM meeting WHERE committee_id = ?1 AND held_on > ?2 AND status = 'planned'
         ORDER BY held_on, id",
    )?;
    let rows = stmt.query_map(params![committee_id, day], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn update(
    conn: &Connection,
    id: i64,
    expected: i64,
    f: &MeetingFields,
    at: &str,
) -> StoreResult<()> {
    let updated = conn.execute(
        "UPDATE meeting SET held_on = ?1, starts_at = ?2, place = ?3, convened_by_agency_id = ?4,
         updated_at = ?5, version = version + 1 WHERE id = ?6 AND version = ?7",
        params![
            f.held_on,
            f.starts_at,
            f.place,
            f.convened_by_agency_id,
            at,
            id,
            expected
        ],
    )?;
    one_row_or_conflict(updated, "meeting", id, expected)
}

pub fn set_status(
    conn: &Connection,
    id: i64,
    expected: i64,
    status: &str,
    at: &str,
) -> StoreResult<()> {
    let updated = conn.execute(
        "UPDATE meeting SET status = ?1, updated_at = ?2, version = version + 1
         WHERE id = ?3 AND version = ?4",
        params![status, at, id, expected],
    )?;
    one_row_or_conflict(updated, "meeting", id, expected)
}

/// Saves the meeting's general minutes if nobody saved since `expected`.
pub fn set_general_notes(
    conn: &Connection,
    id: i64,
    expected: i64,
    notes: &str,
    at: &str,
) -> StoreResult<()> {
    let updated = conn.execute(
        "UPDATE meeting SET general_notes = ?1, updated_at = ?2, version = version + 1
         WHERE id = ?3 AND version = ?4",
        params![notes, at, id, expected],
    )?;
    one_row_or_conflict(updated, "meeting", id, expected)
}
