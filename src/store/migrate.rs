//! Schema versions keyed on `PRAGMA user_version`.
//!
//! A fresh database gets `schema.sql` whole; an older one gets each numbered step after its
//! version, all in one transaction; a newer one is refused untouched. Steps in `migrations/`
//! are never edited once released: a change to `schema.sql` comes with a new step, and a test
//! checks that a database built from the steps has the same schema as one built from
//! `schema.sql`.

use super::error::{StoreError, StoreResult};
use rusqlite::Connection;
use std::path::Path;

/// Marks a file as Tinkuy's (`PRAGMA application_id`, the ASCII of "TINK").
pub const APPLICATION_ID: i64 = 0x5449_4E4B;

pub const SCHEMA: &str = include_str!("../../schema.sql");

/// Upgrade steps: `STEPS[i]` takes a database from version `i + 1` to `i + 2`.
/// Version 1 is `migrations/0001_initial.sql`.
pub const STEPS: &[&str] = &[];

pub const INITIAL: &str = include_str!("../../migrations/0001_initial.sql");

/// The schema version this program writes.
pub fn latest_version() -> i64 {
    1 + STEPS.len() as i64
}

/// What opening found in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Created,
    Upgraded { from: i64 },
    Current,
}

/// Brings the database to the latest version, or refuses it.
pub fn migrate(conn: &mut Connection, path: &Path) -> StoreResult<Outcome> {
    migrate_with(conn, path, STEPS)
}

/// [`migrate`] over an explicit list of steps, so the upgrade path can be tested with steps
/// that do not exist yet.
pub fn migrate_with(conn: &mut Connection, path: &Path, steps: &[&str]) -> StoreResult<Outcome> {
    let app_id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    if app_id == 0 && version == 0 && tables == 0 {
        create_fresh(conn)?;
        return Ok(Outcome::Created);
    }
    if app_id != APPLICATION_ID {
        return Err(StoreError::NotTinkuy {
            path: path.to_path_buf(),
        });
    }
    let latest = 1 + steps.len() as i64;
    if version > latest {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported: latest,
        });
    }
    if version == latest {
        return Ok(Outcome::Current);
    }
    upgrade(conn, version, steps)?;
    Ok(Outcome::Upgraded { from: version })
}

fn create_fresh(conn: &mut Connection) -> StoreResult<()> {
    let tx = conn.transaction()?;
    tx.execute_batch(SCHEMA)?;
    super::seed::reference(&tx)?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", latest_version())?;
    tx.commit()?;
    Ok(())
}

fn upgrade(conn: &mut Connection, from: i64, steps: &[&str]) -> StoreResult<()> {
    // Foreign keys cannot be switched inside a transaction; steps that rebuild tables need
    // them off, and the check at the end proves nothing was left dangling.
    conn.pragma_update(None, "foreign_keys", false)?;
    let result = run_steps(conn, from, steps);
    conn.pragma_update(None, "foreign_keys", true)?;
    result
}

fn run_steps(conn: &mut Connection, from: i64, steps: &[&str]) -> StoreResult<()> {
    let latest = 1 + steps.len() as i64;
    let tx = conn.transaction()?;
    for (index, step) in steps.iter().enumerate() {
        let target = index as i64 + 2;
        if target <= from {
            continue;
        }
        tx.execute_batch(step)
            .map_err(|source| StoreError::Migration {
                version: target,
                source,
            })?;
    }
    let dangling: i64 = tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
        r.get(0)
    })?;
    if dangling > 0 {
        return Err(StoreError::Migration {
            version: latest,
            source: rusqlite::Error::InvalidQuery,
        });
    }
    tx.pragma_update(None, "user_version", latest)?;
    tx.commit()?;
    Ok(())
}

/// Builds a database at an older version, for tests of the upgrade path.
pub fn create_at_version(conn: &mut Connection, version: i64) -> StoreResult<()> {
    let tx = conn.transaction()?;
    tx.execute_batch(INITIAL)?;
    for step in STEPS.iter().take((version - 1).max(0) as usize) {
        tx.execute_batch(step)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", version)?;
    tx.commit()?;
    Ok(())
}
