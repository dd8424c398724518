//! Errors of the store: what went wrong with the database file or a query.

use std::path::PathBuf;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("cannot create the data folder {path}: {source}")]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not a Tinkuy database")]
    NotTinkuy { path: PathBuf },
    #[error("{path} is damaged or not a database: {detail}")]
    Corrupt { path: PathBuf, detail: String },
    #[error("{path} is schema version {found}; this program knows up to {supported}")]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("migration to version {version} failed: {source}")]
    Migration {
        version: i64,
        source: rusqlite::Error,
    },
    #[error("reference data is malformed ({what}): {detail}")]
    ReferenceData { what: &'static str, detail: String },
    #[error("the database has not been set up (no office)")]
    NotInitialised,
    #[error("the database is already set up")]
    AlreadyInitialised,
    #[error("{entity} {id} was changed by someone else (version {expected} expected)")]
    Conflict {
        entity: &'static str,
        id: i64,
        expected: i64,
    },
    #[error("{entity} {id} not found")]
    NotFound { entity: &'static str, id: String },
    #[error("the database is busy (another program holds it)")]
    Busy,
    #[error("another Tinkuy has this database open")]
    InUse,
    #[error("file error on {path}: {detail}")]
    Io { path: PathBuf, detail: String },
}

pub type StoreResult<T> = Result<T, StoreError>;

impl StoreError {
    /// Maps SQLite's busy/locked codes to [`StoreError::Busy`] so callers can say so plainly.
    pub fn from_sqlite(err: rusqlite::Error) -> StoreError {
        if let rusqlite::Error::SqliteFailure(code, _) = &err {
            if matches!(
                code.code,
                rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
            ) {
                return StoreError::Busy;
            }
        }
        StoreError::Sqlite(err)
    }
}
