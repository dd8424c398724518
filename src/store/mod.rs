//! The only place with SQL. Opens the database, keeps its schema current, and offers one
//! module per aggregate. Every write runs in a transaction begun here; queries use bound
//! parameters, never text pasted into SQL.

pub mod audit;
pub mod backup;
pub mod checks;
pub mod choices;
pub mod clar;
pub mod clock;
pub mod committee;
pub mod demo;
pub mod edits;
pub mod error;
pub mod flags;
pub mod household_view;
pub mod households;
pub mod ids;
pub mod matching;
pub mod merges;
pub mod migrate;
pub mod office;
pub mod overlaps;
pub mod overview;
pub mod rosters;
pub mod search;
pub mod seed;
pub mod territory;
pub mod users;

pub use clock::Clock;
pub use error::{StoreError, StoreResult};

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a writer waits for another program holding the database before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// An open Tinkuy database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    clock: Clock,
    outcome: migrate::Outcome,
    _lock: backup::InstanceLock,
}

impl Store {
    /// Opens the database at `path`, creating it (and its folder) when missing, and brings its
    /// schema up to date. Refuses files that are not Tinkuy databases or are too new.
    pub fn open(path: &Path) -> StoreResult<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let existed = path.exists();
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        if !existed {
            restrict_permissions(path);
        }
        Self::from_connection(conn, path.to_path_buf())
    }

    /// A private database in memory, for tests.
    pub fn open_in_memory() -> StoreResult<Store> {
        Self::from_connection(Connection::open_in_memory()?, PathBuf::from(":memory:"))
    }

    fn from_connection(mut conn: Connection, path: PathBuf) -> StoreResult<Store> {
        // Nothing is written before the file is known to be ours and of a version we know:
        // a refused file is left byte for byte as it was.
        prepare(&conn).map_err(|e| classify_open_error(e, &path))?;
        let outcome = migrate::migrate(&mut conn, &path).map_err(|e| match e {
            StoreError::Sqlite(inner) => classify_open_error(inner, &path),
            other => other,
        })?;
        configure(&conn)?;
        // In memory there is no file to share, so no lock.
        let lock = match path.as_os_str() == ":memory:" {
            true => backup::InstanceLock::none(),
            false => backup::lock_shared(&path),
        };
        Ok(Store {
            conn,
            path,
            clock: Clock::System,
            outcome,
            _lock: lock,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn outcome(&self) -> migrate::Outcome {
        self.outcome
    }

    pub fn clock(&self) -> Clock {
        self.clock
    }

    /// Fixes the clock (tests, reproducible demos).
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// The connection, for reads.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Starts a write transaction that takes the write lock at once, so two programs on one
    /// file wait for each other instead of failing half-way.
    pub fn begin(&mut self) -> StoreResult<Transaction<'_>> {
        self.conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::from_sqlite)
    }
}

fn prepare(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // Reading the schema first makes a file that is not a database fail here, clearly.
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    })?;
    conn.pragma_update(None, "foreign_keys", true)
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // Statement journals (opened by every statement that fires a trigger) stay in memory
    // instead of temporary files: bulk imports fire millions of them.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    // A 64 MB page cache: an import touches pages all over the person and roster indexes,
    // and with SQLite's 2 MB default each row evicts (and rereads) pages through the WAL.
    conn.pragma_update(None, "cache_size", -65_536)?;
    Ok(())
}

fn classify_open_error(err: rusqlite::Error, path: &Path) -> StoreError {
    if let rusqlite::Error::SqliteFailure(code, detail) = &err {
        match code.code {
            rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt => {
                return StoreError::Corrupt {
                    path: path.to_path_buf(),
                    detail: detail.clone().unwrap_or_else(|| code.to_string()),
                }
            }
            rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked => {
                return StoreError::Busy
            }
            _ => {}
        }
    }
    StoreError::Sqlite(err)
}

/// The database holds personal data: only its owner may read it.
/// Makes a new file of personal data readable by its owner only.
pub fn restrict(path: &Path) {
    restrict_permissions(path)
}

/// Makes a new folder of personal data usable by its owner only.
#[cfg(unix)]
pub fn restrict_dir(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o700));
}

#[cfg(not(unix))]
pub fn restrict_dir(_path: &Path) {}

#[cfg(unix)]
fn restrict_permissions(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    // Best effort: a filesystem without Unix permissions (a USB stick) keeps its own.
    let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
}

#[cfg(not(unix))]
fn restrict_permissions(_path: &Path) {}

/// Where the database lives when nothing else is said: the user's data directory.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("pe", "Tinkuy", "tinkuy").map(|d| d.data_dir().join("tinkuy.db"))
}
