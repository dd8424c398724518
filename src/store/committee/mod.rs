//! The multisector committee's rows: agencies and their representatives, the committee and
//! its member agencies, meetings, agenda items (with their links to overlap flags and CLAR
//! calls and proposals), attendance and agreements.
//!
//! Only SQL lives here, always with bound parameters. Rules (what may be written, what is
//! overdue, what is carried forward) live in `domain::committee` and `services::committee`.
//! Updates of editable rows match the `version` they were read at and fail with
//! [`StoreError::Conflict`](super::StoreError::Conflict) when someone else saved first.

pub mod agencies;
pub mod agenda;
pub mod agreements;
pub mod attendance;
pub mod committees;
pub mod meetings;

use super::error::{StoreError, StoreResult};

/// Turns "no row updated" into a conflict on `entity` `id` at `expected` version.
fn one_row_or_conflict(
    updated: usize,
    entity: &'static str,
    id: i64,
    expected: i64,
) -> StoreResult<()> {
    if updated == 0 {
        return Err(StoreError::Conflict {
            entity,
            id,
            expected,
        });
    }
    Ok(())
}
