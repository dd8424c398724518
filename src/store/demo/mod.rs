//! Bulk writes of generated demo data, with statements prepared once and parameters bound.
//!
//! The demo writes millions of rows in one transaction, so each table's insert is prepared once
//! per run (see [`registry`], [`rosters`], [`groups`]) instead of once per row. These writers
//! only insert what they are given: every choice of what to write belongs to
//! `services::demo`. They must never run outside the caller's transaction.

pub mod groups;
pub mod registry;
pub mod rosters;

use super::error::StoreResult;
use rusqlite::{Connection, OptionalExtension};

/// True when the database already holds a household (the demo then refuses to run).
pub fn has_households(conn: &Connection) -> StoreResult<bool> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM household)", [], |r| r.get(0))?)
}

/// The id of a programme by its code.
pub fn programme_id(conn: &Connection, code: &str) -> StoreResult<Option<i64>> {
    Ok(conn
        .query_row("SELECT id FROM programme WHERE code = ?1", [code], |r| {
            r.get(0)
        })
        .optional()?)
}

/// The id of an agency by its code.
pub fn agency_id(conn: &Connection, code: &str) -> StoreResult<Option<i64>> {
    Ok(conn
        .query_row("SELECT id FROM agency WHERE code = ?1", [code], |r| {
            r.get(0)
        })
        .optional()?)
}

/// The page cache size in KiB (SQLite's negative `cache_size`), to restore it later.
pub fn cache_kib(conn: &Connection) -> StoreResult<i64> {
    let pages_or_kib: i64 = conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    if pages_or_kib < 0 {
        return Ok(-pages_or_kib);
    }
    let page_size: i64 = conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
    Ok(pages_or_kib * page_size / 1024)
}

/// Sets the page cache size in KiB. A bulk load into indexes whose keys arrive in random order
/// (DNIs, name keys) rereads pages from disk when the cache is smaller than the indexes.
pub fn set_cache_kib(conn: &Connection, kib: i64) -> StoreResult<()> {
    conn.pragma_update(None, "cache_size", -kib.max(1))?;
    Ok(())
}
