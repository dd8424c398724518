//! Scores (`clar_score`): one row per session, member, proposal and criterion, with a version
//! so two people editing the same score cannot overwrite each other unseen.

use super::expect_updated;
use crate::store::error::StoreResult;
use rusqlite::{params, Connection, OptionalExtension};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreRow {
    pub id: i64,
    pub member_id: i64,
    pub proposal_id: i64,
    pub criterion_id: i64,
    pub points: i64,
    pub version: i64,
}

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<ScoreRow> {
    Ok(ScoreRow {
        id: r.get(0)?,
        member_id: r.get(1)?,
        proposal_id: r.get(2)?,
        criterion_id: r.get(3)?,
        points: r.get(4)?,
        version: r.get(5)?,
    })
}

/// Which score a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScoreKey {
    pub session_id: i64,
    pub member_id: i64,
    pub proposal_id: i64,
    pub criterion_id: i64,
}

pub fn find(conn: &Connection, key: ScoreKey) -> StoreResult<Option<ScoreRow>> {
    Ok(conn
        .query_row(
            "SELECT id, member_id, proposal_id, criterion_id, points, version FROM clar_score
             WHERE session_id = ?1 AND member_id = ?2 AND proposal_id = ?3 AND criterion_id = ?4",
            params![
                key.session_id,
                key.member_id,
                key.proposal_id,
                key.criterion_id
            ],
            from_row,
        )
        .optional()?)
}

pub fn insert(conn: &Connection, id: i64, key: ScoreKey, points: i64, at: &str) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO clar_score(id, session_id, member_id, proposal_id, criterion_id, points,
         scored_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            id,
            key.session_id,
            key.member_id,
            key.proposal_id,
            key.criterion_id,
            points,
            at
        ],
    )?;
    Ok(())
}

/// Changes a score; refuses when it changed since `expected_version` was read.
pub fn update(
    conn: &Connection,
    id: i64,
    expected_version: i64,
    points: i64,
    at: &str,
) -> StoreResult<()> {
    let updated = conn.execute(
        "UPDATE clar_score SET points = ?1, scored_at = ?2, version = version + 1
         WHERE id = ?3 AND version = ?4",
        params![points, at, id, expected_version],
    )?;
    expect_updated(updated, "clar_score", id, expected_version)
}

/// Every score of a session, or only one member's.
pub fn for_session(
    conn: &Connection,
    session_id: i64,
    member_id: Option<i64>,
) -> StoreResult<Vec<ScoreRow>> {
    let mut stmt = conn.prepare(
        "SELECT id, member_id, proposal_id, criterion_id, points, version FROM clar_score
         WHERE session_id = ?1 AND (?2 IS NULL OR member_id = ?2)
         ORDER BY proposal_id, member_id, criterion_id",
    )?;
    let rows = stmt.query_map(params![session_id, member_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}
