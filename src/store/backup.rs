//! Copies of the database made with SQLite's online backup API (consistent even while the
//! program is in use), the lock that tells whether another instance has the file open, and
//! restoring a copy over the live file.

use super::error::{StoreError, StoreResult};
use super::migrate::{latest_version, APPLICATION_ID};
use rusqlite::{Connection, OpenFlags};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Copies the open database into `dest` (a new file, readable by its owner only).
pub fn copy_to(conn: &Connection, dest: &Path) -> StoreResult<()> {
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        if !dir.exists() {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
                path: dir.to_path_buf(),
                source,
            })?;
            // Backups hold personal data: the folder is its owner's only.
            super::restrict_dir(dir);
        }
    }
    let tmp = dest.with_extension("db.partial");
    let _ = std::fs::remove_file(&tmp);
    {
        let mut out = Connection::open(&tmp)?;
        super::restrict(&tmp);
        let backup = rusqlite::backup::Backup::new(conn, &mut out)?;
        backup.run_to_completion(256, Duration::from_millis(0), None)?;
    }
    std::fs::rename(&tmp, dest).map_err(|e| StoreError::Io {
        path: dest.to_path_buf(),
        detail: e.to_string(),
    })?;
    Ok(())
}

/// Checks that a file is a Tinkuy database this program can open, without changing it.
pub fn check_restorable(path: &Path) -> StoreResult<i64> {
    let conn =
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|e| {
            StoreError::Corrupt {
                path: path.to_path_buf(),
                detail: e.to_string(),
            }
        })?;
    let read = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0));
    let app = read("PRAGMA application_id").map_err(|e| StoreError::Corrupt {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })?;
    if app != APPLICATION_ID {
        return Err(StoreError::NotTinkuy {
            path: path.to_path_buf(),
        });
    }
    let version = read("PRAGMA user_version")?;
    if version > latest_version() {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported: latest_version(),
        });
    }
    let ok: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if ok != "ok" {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: ok,
        });
    }
    Ok(version)
}

/// Replaces the database at `target` with the copy at `source` (page by page, through
/// SQLite, so the WAL and readers see a consistent switch).
pub fn restore_into(target: &Path, source: &Path) -> StoreResult<()> {
    let mut conn = Connection::open(target)?;
    let src = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let backup = rusqlite::backup::Backup::new(&src, &mut conn)?;
    backup.run_to_completion(256, Duration::from_millis(0), None)?;
    Ok(())
}

/// The lock file beside a database: every instance holds it shared; restoring needs it alone.
pub fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".lock");
    db.with_file_name(name)
}

/// Holds the shared lock of an open instance (released when dropped).
#[derive(Debug)]
pub struct InstanceLock(#[allow(dead_code)] Option<File>);

impl InstanceLock {
    pub fn none() -> InstanceLock {
        InstanceLock(None)
    }
}

pub fn lock_shared(db: &Path) -> InstanceLock {
    // Best effort: a filesystem without locks (some network shares) still opens.
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(lock_path(db))
        .ok();
    let file = file.filter(|f| f.lock_shared().is_ok());
    InstanceLock(file)
}

/// The lock alone, or `Busy` when another instance holds the database.
pub fn lock_exclusive(db: &Path) -> StoreResult<File> {
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(lock_path(db))
        .map_err(|e| StoreError::Io {
            path: lock_path(db),
            detail: e.to_string(),
        })?;
    file.try_lock().map_err(|_| StoreError::InUse)?;
    Ok(file)
}
