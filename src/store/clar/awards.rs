//! Awards (`award`): the outcome of each ranked proposal of a session, written once when the
//! session's results are adopted.

use super::money;
use crate::domain::money::Money;
use crate::store::error::StoreResult;
use rusqlite::{params, Connection, OptionalExtension};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AwardRow {
    pub id: i64,
    pub session_id: i64,
    pub proposal_id: i64,
    pub rank: i64,
    pub score_milli: i64,
    pub funded: bool,
    pub programme: Money,
    pub decided_at: String,
}

const COLUMNS: &str = "id, session_id, proposal_id, rank, score_milli, funded, programme_cents,
    decided_at FROM award";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<AwardRow> {
    Ok(AwardRow {
        id: r.get(0)?,
        session_id: r.get(1)?,
        proposal_id: r.get(2)?,
        rank: r.get(3)?,
        score_milli: r.get(4)?,
        funded: r.get(5)?,
        programme: money(r, 6)?,
        decided_at: r.get(7)?,
    })
}

pub fn insert(conn: &Connection, a: &AwardRow) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO award(id, session_id, proposal_id, rank, score_milli, funded,
         programme_cents, decided_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            a.id,
            a.session_id,
            a.proposal_id,
            a.rank,
            a.score_milli,
            a.funded,
            a.programme.cents(),
            a.decided_at
        ],
    )?;
    Ok(())
}

/// A session's awards in ranking order.
pub fn for_session(conn: &Connection, session_id: i64) -> StoreResult<Vec<AwardRow>> {
    let sql = format!("SELECT {COLUMNS} WHERE session_id = ?1 ORDER BY rank, id");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([session_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn for_proposal(conn: &Connection, proposal_id: i64) -> StoreResult<Option<AwardRow>> {
    let sql = format!("SELECT {COLUMNS} WHERE proposal_id = ?1");
    Ok(conn.query_row(&sql, [proposal_id], from_row).optional()?)
}

pub fn by_id(conn: &Connection, id: i64) -> StoreResult<Option<AwardRow>> {
    let sql = format!("SELECT {COLUMNS} WHERE id = ?1");
    Ok(conn.query_row(&sql, [id], from_row).optional()?)
}

/// What sessions of a call other than `except_session` have already funded.
pub fn funded_in_call(conn: &Connection, call_id: i64, except_session: i64) -> StoreResult<Money> {
    let cents: i64 = conn.query_row(
        "SELECT COALESCE(sum(a.programme_cents), 0) FROM award a
         JOIN clar_session s ON s.id = a.session_id
         WHERE s.call_id = ?1 AND a.session_id <> ?2 AND a.funded = 1",
        params![call_id, except_session],
        |r| r.get(0),
    )?;
    Ok(Money::from_cents(cents))
}
