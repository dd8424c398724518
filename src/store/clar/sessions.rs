//! CLAR members (`clar_member`), sessions (`clar_session`), who sits on each
//! (`clar_session_member`) and conflicts of interest (`conflict_declaration`), including the
//! query that detects a conflict from an association's member list.

use super::{code, date, expect_updated, iso};
use crate::domain::clar::ConflictKind;
use crate::store::error::StoreResult;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRow {
    pub id: i64,
    pub user_id: Option<i64>,
    pub full_name: String,
    pub represents: String,
    pub person_id: Option<i64>,
    pub dni: Option<String>,
    pub active: bool,
}

const MEMBER_COLUMNS: &str =
    "id, user_id, full_name, represents, person_id, dni, active FROM clar_member";

fn member_from_row(r: &rusqlite::Row) -> rusqlite::Result<MemberRow> {
    Ok(MemberRow {
        id: r.get(0)?,
        user_id: r.get(1)?,
        full_name: r.get(2)?,
        represents: r.get(3)?,
        person_id: r.get(4)?,
        dni: r.get(5)?,
        active: r.get(6)?,
    })
}

pub fn insert_member(conn: &Connection, m: &MemberRow, at: &str) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO clar_member(id, user_id, full_name, represents, person_id, dni, active,
         created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![
            m.id,
            m.user_id,
            m.full_name,
            m.represents,
            m.person_id,
            m.dni,
            m.active,
            at
        ],
    )?;
    Ok(())
}

pub fn member(conn: &Connection, id: i64) -> StoreResult<Option<MemberRow>> {
    let sql = format!("SELECT {MEMBER_COLUMNS} WHERE id = ?1");
    Ok(conn.query_row(&sql, [id], member_from_row).optional()?)
}

pub fn member_for_user(conn: &Connection, user_id: i64) -> StoreResult<Option<MemberRow>> {
    let sql = format!("SELECT {MEMBER_COLUMNS} WHERE user_id = ?1");
    Ok(conn
        .query_row(&sql, [user_id], member_from_row)
        .optional()?)
}

pub fn members(conn: &Connection) -> StoreResult<Vec<MemberRow>> {
    let sql = format!("SELECT {MEMBER_COLUMNS} ORDER BY full_name, id");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], member_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    pub id: i64,
    pub call_id: i64,
    pub call_title: String,
    pub acta_number: i64,
    pub acta_year: i64,
    pub held_on: NaiveDate,
    pub place: String,
    pub closed: bool,
    pub closed_at: Option<String>,
    pub version: i64,
}

const SESSION_COLUMNS: &str = "s.id, s.call_id, c.title, s.acta_number, s.acta_year, s.held_on,
    s.place, s.status, s.closed_at, s.version
    FROM clar_session s JOIN clar_call c ON c.id = s.call_id";

fn session_from_row(r: &rusqlite::Row) -> rusqlite::Result<SessionRow> {
    let status: String = r.get(7)?;
    Ok(SessionRow {
        id: r.get(0)?,
        call_id: r.get(1)?,
        call_title: r.get(2)?,
        acta_number: r.get(3)?,
        acta_year: r.get(4)?,
        held_on: date(r, 5)?,
        place: r.get(6)?,
        closed: status == "closed",
        closed_at: r.get(8)?,
        version: r.get(9)?,
    })
}

/// The next acta number of `year` in this office's database.
pub fn next_acta_number(conn: &Connection, year: i64) -> StoreResult<i64> {
    Ok(conn.query_row(
        "SELECT COALESCE(max(acta_number), 0) + 1 FROM clar_session WHERE acta_year = ?1",
        [year],
        |r| r.get(0),
    )?)
}

/// A new session to insert.
#[derive(Debug, Clone)]
pub struct NewSession<'a> {
    pub id: i64,
    pub call_id: i64,
    pub acta_number: i64,
    pub acta_year: i64,
    pub held_on: NaiveDate,
    pub place: &'a str,
}

pub fn insert_session(conn: &Connection, s: &NewSession, at: &str) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO clar_session(id, call_id, acta_number, acta_year, held_on, place,
         created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![
            s.id,
            s.call_id,
            s.acta_number,
            s.acta_year,
            iso(s.held_on),
            s.place,
            at
        ],
    )?;
    Ok(())
}

pub fn session(conn: &Connection, id: i64) -> StoreResult<Option<SessionRow>> {
    let sql = format!("SELECT {SESSION_COLUMNS} WHERE s.id = ?1");
    Ok(conn.query_row(&sql, [id], session_from_row).optional()?)
}

/// A session by its acta number and year.
pub fn session_by_acta(conn: &Connection, number: i64, year: i64) -> StoreResult<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM clar_session WHERE acta_number = ?1 AND acta_year = ?2",
            [number, year],
            |r| r.get(0),
        )
        .optional()?)
}

/// Every session, or only those `user_id` sits on; the most recent first.
pub fn sessions(conn: &Connection, user_id: Option<i64>) -> StoreResult<Vec<SessionRow>> {
    let sql = format!(
        "SELECT {SESSION_COLUMNS} WHERE ?1 IS NULL OR s.id IN (
            SELECT sm.session_id FROM clar_session_member sm
            JOIN clar_member m ON m.id = sm.member_id WHERE m.user_id = ?1)
         ORDER BY s.held_on DESC, s.acta_year DESC, s.acta_number DESC"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([user_id], session_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn close_session(
    conn: &Connection,
    id: i64,
    expected_version: i64,
    user_id: Option<i64>,
    at: &str,
) -> StoreResult<()> {
    let updated = conn.execute(
        "UPDATE clar_session SET status = 'closed', closed_at = ?1, closed_by = ?2,
         updated_at = ?1, version = version + 1
         WHERE id = ?3 AND version = ?4 AND status = 'open'",
        params![at, user_id, id, expected_version],
    )?;
    expect_updated(updated, "clar_session", id, expected_version)
}

/// Seats a member on a session, or changes whether they are present.
pub fn seat(conn: &Connection, session_id: i64, member_id: i64, present: bool) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO clar_session_member(session_id, member_id, present) VALUES (?1, ?2, ?3)
         ON CONFLICT(session_id, member_id) DO UPDATE SET present = excluded.present",
        params![session_id, member_id, present],
    )?;
    Ok(())
}

/// A seat on a session: the member and whether they are present.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatRow {
    pub member: MemberRow,
    pub present: bool,
}

pub fn seats(conn: &Connection, session_id: i64) -> StoreResult<Vec<SeatRow>> {
    let mut stmt = conn.prepare(
        "SELECT m.id, m.user_id, m.full_name, m.represents, m.person_id, m.dni, m.active,
         sm.present FROM clar_session_member sm JOIN clar_member m ON m.id = sm.member_id
         WHERE sm.session_id = ?1 ORDER BY m.full_name, m.id",
    )?;
    let rows = stmt.query_map([session_id], |r| {
        Ok(SeatRow {
            member: member_from_row(r)?,
            present: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictRow {
    pub member_id: i64,
    pub proposal_id: i64,
    pub kind: ConflictKind,
    pub note: Option<String>,
    pub declared_at: String,
}

/// Records a conflict. A declaration replaces a detected conflict on the same pair (the
/// member's own words are better evidence); a detection never replaces a declaration.
pub fn insert_conflict(
    conn: &Connection,
    id: i64,
    session_id: i64,
    c: &ConflictRow,
) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO conflict_declaration(id, session_id, member_id, proposal_id, kind, note,
         declared_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT(session_id, member_id, proposal_id) DO UPDATE
         SET kind = excluded.kind, note = excluded.note, declared_at = excluded.declared_at
         WHERE conflict_declaration.kind = 'detected' AND excluded.kind <> 'detected'",
        params![
            id,
            session_id,
            c.member_id,
            c.proposal_id,
            c.kind.code(),
            c.note,
            c.declared_at
        ],
    )?;
    Ok(())
}

pub fn conflicts(conn: &Connection, session_id: i64) -> StoreResult<Vec<ConflictRow>> {
    let mut stmt = conn.prepare(
        "SELECT member_id, proposal_id, kind, note, declared_at FROM conflict_declaration
         WHERE session_id = ?1 ORDER BY declared_at, id",
    )?;
    let rows = stmt.query_map([session_id], |r| {
        Ok(ConflictRow {
            member_id: r.get(0)?,
            proposal_id: r.get(1)?,
            kind: code(r, 2, ConflictKind::from_code)?,
            note: r.get(3)?,
            declared_at: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// How a conflict was detected: the note stored with it.
pub const DETECTED_PERSON: &str = "person";
pub const DETECTED_DNI: &str = "dni";
pub const DETECTED_HOUSEHOLD: &str = "household";

/// Members of the association behind `proposal_id` who are `clar_member_id` (same registry
/// person, or same DNI) or live in their household: the reason, if any.
pub fn detect_conflict(
    conn: &Connection,
    clar_member_id: i64,
    proposal_id: i64,
) -> StoreResult<Option<&'static str>> {
    let reason: Option<i64> = conn
        .query_row(
            "SELECT min(CASE
                 WHEN m.person_id IS NOT NULL AND am.person_id = m.person_id THEN 0
                 WHEN COALESCE(m.dni, mp.dni) = COALESCE(am.dni, ap.dni) THEN 1
                 ELSE 2 END)
             FROM clar_member m
             JOIN proposal p ON p.id = ?2
             JOIN association_member am ON am.association_id = p.association_id
                  AND am.left_on IS NULL
             LEFT JOIN person mp ON mp.id = m.person_id
             LEFT JOIN person ap ON ap.id = am.person_id
             WHERE m.id = ?1 AND (
                 (m.person_id IS NOT NULL AND am.person_id = m.person_id)
                 OR COALESCE(m.dni, mp.dni) = COALESCE(am.dni, ap.dni)
                 OR (mp.household_id IS NOT NULL AND mp.household_id = ap.household_id))",
            [clar_member_id, proposal_id],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    Ok(reason.map(|r| match r {
        0 => DETECTED_PERSON,
        1 => DETECTED_DNI,
        _ => DETECTED_HOUSEHOLD,
    }))
}
