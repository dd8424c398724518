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

/// How the connection was set before a bulk load, to be put back after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tuning {
    cache_kib: i64,
    journal_mode: String,
    temp_store: i64,
}

/// Prepares the connection for one large transaction: a page cache of `cache_kib` KiB (the
/// indexes on DNIs and name keys take keys in random order and would otherwise reread pages),
/// and a rollback journal instead of the write-ahead log when no other connection has the
/// file open. A new page is never journaled, so a load into a fresh file writes each page
/// once, where the log would write it twice (log, then checkpoint). Atomicity is the same.
/// Must be called outside a transaction. Returns what to restore with [`end_bulk`].
pub fn begin_bulk(conn: &Connection, cache_kib: i64) -> StoreResult<Tuning> {
    let previous = Tuning {
        cache_kib: cache_kib_now(conn)?,
        journal_mode: conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?,
        temp_store: conn.query_row("PRAGMA temp_store", [], |r| r.get(0))?,
    };
    conn.pragma_update(None, "cache_size", -cache_kib.max(1))?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    // Leaving the log needs the file to ourselves; when another program has it open the
    // switch fails, and the load simply goes through the log.
    let _switched: Result<String, _> =
        conn.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0));
    Ok(previous)
}

/// Puts back what [`begin_bulk`] changed.
pub fn end_bulk(conn: &Connection, previous: &Tuning) -> StoreResult<()> {
    conn.pragma_update(None, "cache_size", -previous.cache_kib.max(1))?;
    conn.pragma_update(None, "temp_store", previous.temp_store)?;
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case(&previous.journal_mode) {
        let _mode: String =
            conn.pragma_update_and_check(None, "journal_mode", &previous.journal_mode, |r| {
                r.get(0)
            })?;
    }
    Ok(())
}

/// The page cache size in KiB (SQLite's `cache_size` is KiB when negative, pages otherwise).
fn cache_kib_now(conn: &Connection) -> StoreResult<i64> {
    let pages_or_kib: i64 = conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    if pages_or_kib < 0 {
        return Ok(-pages_or_kib);
    }
    let page_size: i64 = conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
    Ok(pages_or_kib * page_size / 1024)
}
