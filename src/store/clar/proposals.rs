//! Proposals (`proposal`), their budget lines (`proposal_budget_line`) and their history of
//! state changes (`proposal_transition`).

use super::{code, code_opt, expect_updated, money};
use crate::domain::clar::{BudgetCategory, ProposalStatus};
use crate::domain::money::Money;
use crate::store::error::StoreResult;
use rusqlite::{params, Connection, OptionalExtension};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalRow {
    pub id: i64,
    pub call_id: i64,
    pub association_id: i64,
    pub association_name: String,
    pub title: String,
    pub product: String,
    pub description: Option<String>,
    pub status: ProposalStatus,
    pub submitted_at: Option<String>,
    /// Sums of the budget lines.
    pub programme: Money,
    pub counterpart: Money,
    pub version: i64,
}

/// A proposal's own fields as written.
#[derive(Debug, Clone)]
pub struct ProposalFields<'a> {
    pub association_id: i64,
    pub title: &'a str,
    pub product: &'a str,
    pub description: Option<&'a str>,
}

const COLUMNS: &str = "p.id, p.call_id, p.association_id, a.name, p.title, p.product,
    p.description, p.status, p.submitted_at,
    (SELECT COALESCE(sum(programme_cents), 0) FROM proposal_budget_line l
     WHERE l.proposal_id = p.id),
    (SELECT COALESCE(sum(counterpart_cents), 0) FROM proposal_budget_line l
     WHERE l.proposal_id = p.id),
    p.version
    FROM proposal p JOIN association a ON a.id = p.association_id";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<ProposalRow> {
    Ok(ProposalRow {
        id: r.get(0)?,
        call_id: r.get(1)?,
        association_id: r.get(2)?,
        association_name: r.get(3)?,
        title: r.get(4)?,
        product: r.get(5)?,
        description: r.get(6)?,
        status: code(r, 7, ProposalStatus::from_code)?,
        submitted_at: r.get(8)?,
        programme: money(r, 9)?,
        counterpart: money(r, 10)?,
        version: r.get(11)?,
    })
}

pub fn insert(
    conn: &Connection,
    id: i64,
    call_id: i64,
    f: &ProposalFields,
    at: &str,
) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO proposal(id, call_id, association_id, title, product, description,
         created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![
            id,
            call_id,
            f.association_id,
            f.title,
            f.product,
            f.description,
            at
        ],
    )?;
    Ok(())
}

/// Rewrites a proposal's fields; refuses when it changed since `expected_version` was read.
pub fn update(
    conn: &Connection,
    id: i64,
    expected_version: i64,
    f: &ProposalFields,
    at: &str,
) -> StoreResult<()> {
    let updated = conn.execute(
        "UPDATE proposal SET association_id = ?1, title = ?2, product = ?3, description = ?4,
         updated_at = ?5, version = version + 1 WHERE id = ?6 AND version = ?7",
        params![
            f.association_id,
            f.title,
            f.product,
            f.description,
            at,
            id,
            expected_version
        ],
    )?;
    expect_updated(updated, "proposal", id, expected_version)
}

/// Moves a proposal to `status` (stamping `submitted_at` when given); version-checked.
pub fn set_status(
    conn: &Connection,
    id: i64,
    expected_version: i64,
    status: ProposalStatus,
    submitted_at: Option<&str>,
    at: &str,
) -> StoreResult<()> {
    let updated = conn.execute(
        "UPDATE proposal SET status = ?1, submitted_at = COALESCE(?2, submitted_at),
         updated_at = ?3, version = version + 1 WHERE id = ?4 AND version = ?5",
        params![status.code(), submitted_at, at, id, expected_version],
    )?;
    expect_updated(updated, "proposal", id, expected_version)
}

pub fn by_id(conn: &Connection, id: i64) -> StoreResult<Option<ProposalRow>> {
    let sql = format!("SELECT {COLUMNS} WHERE p.id = ?1");
    Ok(conn.query_row(&sql, [id], from_row).optional()?)
}

/// A call's proposals in the order they were created.
pub fn for_call(conn: &Connection, call_id: i64) -> StoreResult<Vec<ProposalRow>> {
    let sql = format!("SELECT {COLUMNS} WHERE p.call_id = ?1 ORDER BY p.created_at, p.id");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([call_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineRow {
    pub position: i64,
    pub category: BudgetCategory,
    pub description: String,
    pub programme: Money,
    pub counterpart: Money,
}

/// Replaces every budget line of a proposal (ids for the new lines start at `first_id`).
pub fn replace_lines(
    conn: &Connection,
    proposal_id: i64,
    first_id: i64,
    lines: &[LineRow],
) -> StoreResult<()> {
    conn.execute(
        "DELETE FROM proposal_budget_line WHERE proposal_id = ?1",
        [proposal_id],
    )?;
    let mut stmt = conn.prepare(
        "INSERT INTO proposal_budget_line(id, proposal_id, position, category, description,
         programme_cents, counterpart_cents) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (offset, line) in (0_i64..).zip(lines) {
        stmt.execute(params![
            first_id + offset,
            proposal_id,
            line.position,
            line.category.code(),
            line.description,
            line.programme.cents(),
            line.counterpart.cents()
        ])?;
    }
    Ok(())
}

pub fn lines(conn: &Connection, proposal_id: i64) -> StoreResult<Vec<LineRow>> {
    let mut stmt = conn.prepare(
        "SELECT position, category, description, programme_cents, counterpart_cents
         FROM proposal_budget_line WHERE proposal_id = ?1 ORDER BY position, id",
    )?;
    let rows = stmt.query_map([proposal_id], |r| {
        Ok(LineRow {
            position: r.get(0)?,
            category: code(r, 1, BudgetCategory::from_code)?,
            description: r.get(2)?,
            programme: money(r, 3)?,
            counterpart: money(r, 4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransitionRow {
    pub from: Option<ProposalStatus>,
    pub to: ProposalStatus,
    pub username: Option<String>,
    pub at: String,
    pub note: Option<String>,
}

/// Records a state change (who and when).
pub fn insert_transition(
    conn: &Connection,
    id: i64,
    proposal_id: i64,
    change: &TransitionRow,
    user_id: Option<i64>,
) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO proposal_transition(id, proposal_id, from_status, to_status, user_id, at,
         note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            id,
            proposal_id,
            change.from.map(|s| s.code()),
            change.to.code(),
            user_id,
            change.at,
            change.note
        ],
    )?;
    Ok(())
}

/// A proposal's history, oldest first.
pub fn transitions(conn: &Connection, proposal_id: i64) -> StoreResult<Vec<TransitionRow>> {
    let mut stmt = conn.prepare(
        "SELECT t.from_status, t.to_status, u.username, t.at, t.note
         FROM proposal_transition t LEFT JOIN app_user u ON u.id = t.user_id
         WHERE t.proposal_id = ?1 ORDER BY t.at, t.id",
    )?;
    let rows = stmt.query_map([proposal_id], |r| {
        Ok(TransitionRow {
            from: code_opt(r, 0, ProposalStatus::from_code)?,
            to: code(r, 1, ProposalStatus::from_code)?,
            username: r.get(2)?,
            at: r.get(3)?,
            note: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
