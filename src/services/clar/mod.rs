//! The CLAR (Comité Local de Asignación de Recursos): associations, calls for proposals,
//! proposals and their budgets, technical review with the field visit, CLAR sessions with
//! conflicts of interest and scoring, ranking and awards, the acta, and the follow-up of
//! funded ventures.
//!
//! Every write goes through [`crate::services::write`] (permission, one transaction, audit
//! entry). Staff (`admin`, `registrador`) write with `WriteClar`; every role but `miembro_clar`
//! reads with `ReadClar`; a CLAR member acts only through [`reviewer`] and [`scoring`] with
//! `ScoreClar`, and any other call gets `Forbidden`. The rules that decide something (budget
//! checks, ranking, tie-break, the envelope) are pure functions in [`rules`] and [`ranking`].
//! Functions ending in `_in` run inside a caller's write (demo data uses them); they check
//! the same rules but not the permission.

pub mod acta;
pub mod associations;
pub mod award;
pub mod calls;
pub mod conflicts;
pub mod demo;
pub mod error;
pub mod followup;
pub mod members;
pub mod proposals;
pub mod ranking;
pub mod review;
pub mod reviewer;
pub mod rules;
pub mod scoring;
pub mod session;

pub use error::{ClarError, ClarField, ClarRecord, Unscored, WriteProblem};

use super::{Actor, CoreResult, Permission, WriteCtx};
use crate::domain::names::normalize_name;
use crate::store::audit::Entry;
use crate::store::clar::sessions as session_store;
use crate::store::clar::{calls as call_store, not_found, proposals as proposal_store};
use rusqlite::{Connection, Transaction};

/// Staff may read the CLAR's records; a CLAR member may not (they use reviewer mode).
pub(crate) fn require_read(actor: &Actor) -> CoreResult<()> {
    actor.require(Permission::ReadClar)
}

/// A required text, cleaned (NFC, single spaces); empty is refused naming the field.
pub(crate) fn required(text: &str, field: ClarField) -> Result<String, ClarError> {
    let clean = normalize_name(text);
    if clean.is_empty() {
        return Err(ClarError::EmptyField { field });
    }
    Ok(clean)
}

/// An optional text, cleaned; blank becomes `None`.
pub(crate) fn optional(text: Option<&str>) -> Option<String> {
    text.map(normalize_name).filter(|t| !t.is_empty())
}

/// Appends the audit entry of a CLAR write.
pub(crate) fn audit(
    tx: &Transaction,
    ctx: &WriteCtx,
    action: &str,
    entity: &str,
    id: i64,
    details: serde_json::Value,
) -> CoreResult<()> {
    ctx.audit(
        tx,
        Entry {
            action,
            entity,
            entity_id: Some(id),
            details,
        },
    )
}

pub(crate) fn load_call(conn: &Connection, id: i64) -> CoreResult<call_store::CallRow> {
    Ok(call_store::by_id(conn, id)?.ok_or_else(|| not_found("clar_call", id))?)
}

pub(crate) fn load_proposal(conn: &Connection, id: i64) -> CoreResult<proposal_store::ProposalRow> {
    Ok(proposal_store::by_id(conn, id)?.ok_or_else(|| not_found("proposal", id))?)
}

pub(crate) fn load_session(conn: &Connection, id: i64) -> CoreResult<session_store::SessionRow> {
    Ok(session_store::session(conn, id)?.ok_or_else(|| not_found("clar_session", id))?)
}

/// The text of an acta number as printed: `7-2026`.
pub fn acta_label(session: &session_store::SessionRow) -> String {
    format!("{}-{}", session.acta_number, session.acta_year)
}
