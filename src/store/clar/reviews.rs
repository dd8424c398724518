//! The technicians' viability reviews (`technical_review`) and who was found at the field
//! visit (`field_visit_presence`).

use super::{code, date, date_opt, iso};
use crate::domain::clar::Verdict;
use crate::store::error::StoreResult;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewRow {
    pub id: i64,
    pub proposal_id: i64,
    pub reviewer_user_id: Option<i64>,
    pub reviewed_on: NaiveDate,
    pub verdict: Verdict,
    pub reasons: String,
    pub field_visit_on: Option<NaiveDate>,
    pub families_listed: Option<i64>,
    pub families_present: Option<i64>,
}

pub fn insert(conn: &Connection, r: &ReviewRow, at: &str) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO technical_review(id, proposal_id, reviewer_user_id, reviewed_on, verdict,
         reasons, field_visit_on, families_listed, families_present, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            r.id,
            r.proposal_id,
            r.reviewer_user_id,
            iso(r.reviewed_on),
            r.verdict.code(),
            r.reasons,
            r.field_visit_on.map(iso),
            r.families_listed,
            r.families_present,
            at
        ],
    )?;
    Ok(())
}

/// Records whether a listed member was found at the visit.
pub fn insert_presence(
    conn: &Connection,
    review_id: i64,
    association_member_id: i64,
    present: bool,
) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO field_visit_presence(review_id, association_member_id, present)
         VALUES (?1, ?2, ?3)",
        params![review_id, association_member_id, present],
    )?;
    Ok(())
}

/// The latest review of a proposal.
pub fn latest(conn: &Connection, proposal_id: i64) -> StoreResult<Option<ReviewRow>> {
    Ok(conn
        .query_row(
            "SELECT id, proposal_id, reviewer_user_id, reviewed_on, verdict, reasons,
             field_visit_on, families_listed, families_present
             FROM technical_review WHERE proposal_id = ?1
             ORDER BY created_at DESC, id DESC LIMIT 1",
            [proposal_id],
            |r| {
                Ok(ReviewRow {
                    id: r.get(0)?,
                    proposal_id: r.get(1)?,
                    reviewer_user_id: r.get(2)?,
                    reviewed_on: date(r, 3)?,
                    verdict: code(r, 4, Verdict::from_code)?,
                    reasons: r.get(5)?,
                    field_visit_on: date_opt(r, 6)?,
                    families_listed: r.get(7)?,
                    families_present: r.get(8)?,
                })
            },
        )
        .optional()?)
}
