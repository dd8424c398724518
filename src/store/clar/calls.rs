//! Calls for proposals (`clar_call`) and their rubrics (`clar_criterion`).

use super::{code, date, expect_updated, iso, money};
use crate::domain::clar::{CallKind, CallStatus, Phase};
use crate::domain::money::Money;
use crate::store::error::StoreResult;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallRow {
    pub id: i64,
    pub programme_id: i64,
    pub programme_code: String,
    pub programme_name: String,
    pub title: String,
    pub kind: CallKind,
    pub envelope: Money,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub min_members: i64,
    pub max_members: i64,
    pub max_programme_share_bp: i64,
    pub programme_ceiling: Money,
    pub materials_share_bp: Option<i64>,
    pub assistance_share_bp: Option<i64>,
    pub field_presence_min_bp: i64,
    pub status: CallStatus,
    pub version: i64,
}

/// A call's fields as written (everything but id, status and version).
#[derive(Debug, Clone)]
pub struct CallFields<'a> {
    pub programme_id: i64,
    pub title: &'a str,
    pub kind: CallKind,
    pub envelope: Money,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub min_members: i64,
    pub max_members: i64,
    pub max_programme_share_bp: i64,
    pub programme_ceiling: Money,
    pub materials_share_bp: Option<i64>,
    pub assistance_share_bp: Option<i64>,
    pub field_presence_min_bp: i64,
}

const COLUMNS: &str = "c.id, c.programme_id, p.code, p.name, c.title, c.kind, c.envelope_cents,
    c.opens_on, c.closes_on, c.min_members, c.max_members, c.max_programme_share_bp,
    c.programme_ceiling_cents, c.materials_share_bp, c.assistance_share_bp,
    c.field_presence_min_bp, c.status, c.version
    FROM clar_call c JOIN programme p ON p.id = c.programme_id";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<CallRow> {
    Ok(CallRow {
        id: r.get(0)?,
        programme_id: r.get(1)?,
        programme_code: r.get(2)?,
        programme_name: r.get(3)?,
        title: r.get(4)?,
        kind: code(r, 5, CallKind::from_code)?,
        envelope: money(r, 6)?,
        opens_on: date(r, 7)?,
        closes_on: date(r, 8)?,
        min_members: r.get(9)?,
        max_members: r.get(10)?,
        max_programme_share_bp: r.get(11)?,
        programme_ceiling: money(r, 12)?,
        materials_share_bp: r.get(13)?,
        assistance_share_bp: r.get(14)?,
        field_presence_min_bp: r.get(15)?,
        status: code(r, 16, CallStatus::from_code)?,
        version: r.get(17)?,
    })
}

pub fn insert(conn: &Connection, id: i64, f: &CallFields, at: &str) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO clar_call(id, programme_id, title, kind, envelope_cents, opens_on, closes_on,
         min_members, max_members, max_programme_share_bp, programme_ceiling_cents,
         materials_share_bp, assistance_share_bp, field_presence_min_bp, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)",
        params![
            id,
            f.programme_id,
            f.title,
            f.kind.code(),
            f.envelope.cents(),
            iso(f.opens_on),
            iso(f.closes_on),
            f.min_members,
            f.max_members,
            f.max_programme_share_bp,
            f.programme_ceiling.cents(),
            f.materials_share_bp,
            f.assistance_share_bp,
            f.field_presence_min_bp,
            at
        ],
    )?;
    Ok(())
}

pub fn update(
    conn: &Connection,
    id: i64,
    expected_version: i64,
    f: &CallFields,
    at: &str,
) -> StoreResult<()> {
    let updated = conn.execute(
        "UPDATE clar_call SET programme_id = ?1, title = ?2, kind = ?3, envelope_cents = ?4,
         opens_on = ?5, closes_on = ?6, min_members = ?7, max_members = ?8,
         max_programme_share_bp = ?9, programme_ceiling_cents = ?10, materials_share_bp = ?11,
         assistance_share_bp = ?12, field_presence_min_bp = ?13, updated_at = ?14,
         version = version + 1 WHERE id = ?15 AND version = ?16",
        params![
            f.programme_id,
            f.title,
            f.kind.code(),
            f.envelope.cents(),
            iso(f.opens_on),
            iso(f.closes_on),
            f.min_members,
            f.max_members,
            f.max_programme_share_bp,
            f.programme_ceiling.cents(),
            f.materials_share_bp,
            f.assistance_share_bp,
            f.field_presence_min_bp,
            at,
            id,
            expected_version
        ],
    )?;
    expect_updated(updated, "clar_call", id, expected_version)
}

pub fn set_status(
    conn: &Connection,
    id: i64,
    expected_version: i64,
    status: CallStatus,
    at: &str,
) -> StoreResult<()> {
    let updated = conn.execute(
        "UPDATE clar_call SET status = ?1, updated_at = ?2, version = version + 1
         WHERE id = ?3 AND version = ?4",
        params![status.code(), at, id, expected_version],
    )?;
    expect_updated(updated, "clar_call", id, expected_version)
}

pub fn by_id(conn: &Connection, id: i64) -> StoreResult<Option<CallRow>> {
    let sql = format!("SELECT {COLUMNS} WHERE c.id = ?1");
    Ok(conn.query_row(&sql, [id], from_row).optional()?)
}

/// Every call, the newest first.
pub fn list(conn: &Connection) -> StoreResult<Vec<CallRow>> {
    let sql = format!("SELECT {COLUMNS} ORDER BY c.opens_on DESC, c.id DESC");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The id of a programme by its code (`ALIADOS_II`).
pub fn programme_id(conn: &Connection, code: &str) -> StoreResult<Option<i64>> {
    Ok(conn
        .query_row("SELECT id FROM programme WHERE code = ?1", [code], |r| {
            r.get(0)
        })
        .optional()?)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionRow {
    pub id: i64,
    pub call_id: i64,
    pub phase: Phase,
    pub position: i64,
    pub label_es: String,
    pub label_en: String,
    pub max_points: i64,
    pub weight_bp: i64,
}

pub fn insert_criterion(conn: &Connection, c: &CriterionRow) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO clar_criterion(id, call_id, phase, position, label_es, label_en,
         max_points, weight_bp) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            c.id,
            c.call_id,
            c.phase.code(),
            c.position,
            c.label_es,
            c.label_en,
            c.max_points,
            c.weight_bp
        ],
    )?;
    Ok(())
}

/// Removes a call's rubric (only while nothing has been scored against it).
pub fn delete_criteria(conn: &Connection, call_id: i64) -> StoreResult<()> {
    conn.execute("DELETE FROM clar_criterion WHERE call_id = ?1", [call_id])?;
    Ok(())
}

/// A call's rubric: field phase first, then presentation, each in its order.
pub fn criteria(conn: &Connection, call_id: i64) -> StoreResult<Vec<CriterionRow>> {
    let mut stmt = conn.prepare(
        "SELECT id, call_id, phase, position, label_es, label_en, max_points, weight_bp
         FROM clar_criterion WHERE call_id = ?1
         ORDER BY CASE phase WHEN 'field' THEN 0 ELSE 1 END, position, id",
    )?;
    let rows = stmt.query_map([call_id], |r| {
        Ok(CriterionRow {
            id: r.get(0)?,
            call_id: r.get(1)?,
            phase: code(r, 2, Phase::from_code)?,
            position: r.get(3)?,
            label_es: r.get(4)?,
            label_en: r.get(5)?,
            max_points: r.get(6)?,
            weight_bp: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
