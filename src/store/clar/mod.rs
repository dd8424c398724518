//! The CLAR's rows: associations and their members, calls and rubrics, proposals and budget
//! lines, technical reviews, CLAR members and sessions, conflicts, scores, awards and the
//! follow-up (tranches, visits). One file per aggregate; every query binds its parameters.
//!
//! Rows come back typed (codes read into the `domain::clar` enums, céntimos into `Money`,
//! ISO text into dates). Rules and permissions are not checked here: that is
//! `services::clar`. An update of an editable row names the version it read and fails with
//! [`StoreError::Conflict`] when someone else changed the row first.

pub mod associations;
pub mod awards;
pub mod calls;
pub mod followup;
pub mod proposals;
pub mod reviews;
pub mod scores;
pub mod sessions;

use super::error::{StoreError, StoreResult};
use crate::domain::money::Money;
use chrono::NaiveDate;
use rusqlite::types::Type;
use rusqlite::Row;

/// Reads a code column into its enum.
pub(crate) fn code<T>(row: &Row, idx: usize, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let text: String = row.get(idx)?;
    parse(&text).ok_or_else(|| conversion(idx, format!("unknown code {text:?}")))
}

/// Reads a nullable code column.
pub(crate) fn code_opt<T>(
    row: &Row,
    idx: usize,
    parse: fn(&str) -> Option<T>,
) -> rusqlite::Result<Option<T>> {
    let text: Option<String> = row.get(idx)?;
    text.map(|t| parse(&t).ok_or_else(|| conversion(idx, format!("unknown code {t:?}"))))
        .transpose()
}

/// Reads a céntimos column.
pub(crate) fn money(row: &Row, idx: usize) -> rusqlite::Result<Money> {
    Ok(Money::from_cents(row.get(idx)?))
}

/// Reads an ISO date column.
pub(crate) fn date(row: &Row, idx: usize) -> rusqlite::Result<NaiveDate> {
    let text: String = row.get(idx)?;
    parse_date(idx, &text)
}

/// Reads a nullable ISO date column.
pub(crate) fn date_opt(row: &Row, idx: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let text: Option<String> = row.get(idx)?;
    text.map(|t| parse_date(idx, &t)).transpose()
}

fn parse_date(idx: usize, text: &str) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| conversion(idx, format!("not an ISO date {text:?}")))
}

fn conversion(idx: usize, message: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, message.into())
}

/// The stored form of a date.
pub(crate) fn iso(d: NaiveDate) -> String {
    crate::domain::dates::iso(d)
}

/// Turns "no row was updated" into a version conflict on `entity` `id`.
pub(crate) fn expect_updated(
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

/// The error for a row that is not there.
pub(crate) fn not_found(entity: &'static str, id: i64) -> StoreError {
    StoreError::NotFound {
        entity,
        id: super::ids::display(id),
    }
}
