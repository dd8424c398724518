//! Following funded ventures: disbursement tranches (`disbursement`) and visits
//! (`follow_up_visit`).

use super::{code, date, date_opt, expect_updated, iso, money};
use crate::domain::clar::{ProposalStatus, TrancheStatus, VisitStatus};
use crate::domain::money::Money;
use crate::store::error::StoreResult;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrancheRow {
    pub id: i64,
    pub award_id: i64,
    pub tranche: i64,
    pub planned: Money,
    pub planned_on: Option<NaiveDate>,
    pub paid: Option<Money>,
    pub paid_on: Option<NaiveDate>,
    pub requires_review: bool,
    pub review_session_id: Option<i64>,
    pub status: TrancheStatus,
    pub version: i64,
}

const TRANCHE_COLUMNS: &str = "id, award_id, tranche, planned_cents, planned_on, paid_cents,
    paid_on, requires_review, review_session_id, status, version FROM disbursement";

fn tranche_from_row(r: &rusqlite::Row) -> rusqlite::Result<TrancheRow> {
    let paid: Option<i64> = r.get(5)?;
    Ok(TrancheRow {
        id: r.get(0)?,
        award_id: r.get(1)?,
        tranche: r.get(2)?,
        planned: money(r, 3)?,
        planned_on: date_opt(r, 4)?,
        paid: paid.map(Money::from_cents),
        paid_on: date_opt(r, 6)?,
        requires_review: r.get(7)?,
        review_session_id: r.get(8)?,
        status: code(r, 9, TrancheStatus::from_code)?,
        version: r.get(10)?,
    })
}

pub fn insert_tranche(conn: &Connection, t: &TrancheRow, at: &str) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO disbursement(id, award_id, tranche, planned_cents, planned_on,
         requires_review, status, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![
            t.id,
            t.award_id,
            t.tranche,
            t.planned.cents(),
            t.planned_on.map(iso),
            t.requires_review,
            t.status.code(),
            at
        ],
    )?;
    Ok(())
}

pub fn tranche(conn: &Connection, id: i64) -> StoreResult<Option<TrancheRow>> {
    let sql = format!("SELECT {TRANCHE_COLUMNS} WHERE id = ?1");
    Ok(conn.query_row(&sql, [id], tranche_from_row).optional()?)
}

pub fn tranches(conn: &Connection, award_id: i64) -> StoreResult<Vec<TrancheRow>> {
    let sql = format!("SELECT {TRANCHE_COLUMNS} WHERE award_id = ?1 ORDER BY tranche");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([award_id], tranche_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Records the progress review that releases a tranche; version-checked.
pub fn release(
    conn: &Connection,
    id: i64,
    expected_version: i64,
    review_session_id: i64,
    at: &str,
) -> StoreResult<()> {
    let updated = conn.execute(
        "UPDATE disbursement SET status = 'released', review_session_id = ?1, updated_at = ?2,
         version = version + 1 WHERE id = ?3 AND version = ?4",
        params![review_session_id, at, id, expected_version],
    )?;
    expect_updated(updated, "disbursement", id, expected_version)
}

/// Records a payment; version-checked.
pub fn pay(
    conn: &Connection,
    id: i64,
    expected_version: i64,
    paid: Money,
    paid_on: NaiveDate,
    at: &str,
) -> StoreResult<()> {
    let updated = conn.execute(
        "UPDATE disbursement SET status = 'paid', paid_cents = ?1, paid_on = ?2, updated_at = ?3,
         version = version + 1 WHERE id = ?4 AND version = ?5",
        params![paid.cents(), iso(paid_on), at, id, expected_version],
    )?;
    expect_updated(updated, "disbursement", id, expected_version)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitRow {
    pub id: i64,
    pub proposal_id: i64,
    pub visited_on: NaiveDate,
    pub status: VisitStatus,
    pub notes: Option<String>,
}

pub fn insert_visit(
    conn: &Connection,
    v: &VisitRow,
    user_id: Option<i64>,
    at: &str,
) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO follow_up_visit(id, proposal_id, visited_on, status, notes, user_id,
         created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            v.id,
            v.proposal_id,
            iso(v.visited_on),
            v.status.code(),
            v.notes,
            user_id,
            at
        ],
    )?;
    Ok(())
}

/// Visits to a proposal's venture, or to every funded venture when `proposal_id` is `None`;
/// oldest first.
pub fn visits(conn: &Connection, proposal_id: Option<i64>) -> StoreResult<Vec<VisitRow>> {
    let mut stmt = conn.prepare(
        "SELECT v.id, v.proposal_id, v.visited_on, v.status, v.notes FROM follow_up_visit v
         WHERE (?1 IS NULL OR v.proposal_id = ?1)
           AND v.proposal_id IN (SELECT proposal_id FROM award WHERE funded = 1)
         ORDER BY v.visited_on, v.id",
    )?;
    let rows = stmt.query_map([proposal_id], |r| {
        Ok(VisitRow {
            id: r.get(0)?,
            proposal_id: r.get(1)?,
            visited_on: date(r, 2)?,
            status: code(r, 3, VisitStatus::from_code)?,
            notes: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A funded venture, for the follow-up report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VentureRow {
    pub call_id: i64,
    pub call_title: String,
    pub proposal_id: i64,
    pub title: String,
    pub association_name: String,
    pub status: ProposalStatus,
    pub award_id: i64,
    pub programme: Money,
    /// When the award was decided (ISO instant).
    pub decided_at: String,
}

/// Every funded venture, by call and rank.
pub fn funded_ventures(conn: &Connection) -> StoreResult<Vec<VentureRow>> {
    let mut stmt = conn.prepare(
        "SELECT c.id, c.title, p.id, p.title, a.name, p.status, w.id, w.programme_cents,
         w.decided_at
         FROM award w JOIN proposal p ON p.id = w.proposal_id
         JOIN clar_call c ON c.id = p.call_id JOIN association a ON a.id = p.association_id
         WHERE w.funded = 1 ORDER BY c.opens_on DESC, c.id, w.rank",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(VentureRow {
            call_id: r.get(0)?,
            call_title: r.get(1)?,
            proposal_id: r.get(2)?,
            title: r.get(3)?,
            association_name: r.get(4)?,
            status: code(r, 5, ProposalStatus::from_code)?,
            award_id: r.get(6)?,
            programme: money(r, 7)?,
            decided_at: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
