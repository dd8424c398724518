//! Keeping the database safe: backups (by hand and automatically once a day, keeping the last
//! N), restoring one, and checking integrity — SQLite's own checks plus the application's
//! invariants, reported in plain words.

use crate::services::{write, Actor, CoreError, CoreResult, Permission};
use crate::store::{audit, backup, office, Store, StoreError};
use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};

/// Where automatic backups go: `backups/` beside the database.
pub fn backups_dir(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new(".")).join("backups")
}

fn stamp(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d-%H%M%S").to_string()
}

/// Backups in the folder, newest first.
pub fn list_backups(db: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(backups_dir(db)) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            name.starts_with("tinkuy-") && name.ends_with(".db")
        })
        .collect();
    // Names carry the date and time, so name order is time order.
    found.sort();
    found.reverse();
    found
}

/// Copies the database to `out`, or to a new dated file in the backups folder.
pub fn backup(store: &Store, out: Option<&Path>) -> CoreResult<PathBuf> {
    let dest = match out {
        Some(p) => p.to_path_buf(),
        None => backups_dir(store.path()).join(format!("tinkuy-{}.db", stamp(store.clock().now()))),
    };
    backup::copy_to(store.conn(), &dest)?;
    Ok(dest)
}

/// Makes the day's backup when none was made today, then keeps only the newest `keep`.
/// Returns the new backup, if one was made.
pub fn auto_backup(store: &Store) -> CoreResult<Option<PathBuf>> {
    let today = store.clock().now().format("tinkuy-%Y-%m-%d").to_string();
    let existing = list_backups(store.path());
    let made = if existing.iter().any(|p| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with(&today))
    }) {
        None
    } else {
        Some(backup(store, None)?)
    };
    let keep = backup_keep(store)?;
    for old in list_backups(store.path()).into_iter().skip(keep) {
        let _ = std::fs::remove_file(old);
    }
    Ok(made)
}

/// The most automatic backups ever kept; more than a year of daily copies would only fill
/// an old PC's disk.
pub const MAX_BACKUP_KEEP: usize = 365;

/// How many automatic backups are kept (the office setting `backup.keep`, 14 by default).
pub fn backup_keep(store: &Store) -> CoreResult<usize> {
    Ok(office::setting(store.conn(), "backup.keep")?
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(14)
        .clamp(1, MAX_BACKUP_KEEP))
}

/// Sets how many automatic backups are kept (1 to [`MAX_BACKUP_KEEP`]); an administrator's
/// decision, recorded in the audit log. Older copies go at the next automatic backup.
pub fn set_backup_keep(store: &mut Store, actor: &Actor, keep: usize) -> CoreResult<()> {
    if !(1..=MAX_BACKUP_KEEP).contains(&keep) {
        return Err(CoreError::BackupKeepOutOfRange(keep));
    }
    write(store, actor, Permission::ManageUsers, |tx, ctx| {
        office::set_setting(tx, "backup.keep", &keep.to_string(), &ctx.at)?;
        ctx.audit(
            tx,
            audit::Entry {
                action: "update",
                entity: "setting",
                entity_id: None,
                details: serde_json::json!({ "key": "backup.keep", "value": keep }),
            },
        )
    })
}

/// Replaces the database at `db` with the backup at `source`, after checking it and keeping
/// a copy of the current database. Refused while another Tinkuy has the database open.
pub fn restore(db: &Path, source: &Path) -> CoreResult<PathBuf> {
    backup::check_restorable(source)?;
    let _alone = backup::lock_exclusive(db)?;
    let kept = match backup::check_restorable(db) {
        // A sound database is copied aside through SQLite first.
        Ok(_) => {
            let current = rusqlite::Connection::open(db).map_err(StoreError::from)?;
            let dest = backups_dir(db).join(format!(
                "tinkuy-{}-antes-de-restaurar.db",
                stamp(Utc::now())
            ));
            backup::copy_to(&current, &dest)?;
            dest
        }
        // A damaged one cannot be read page by page: the file itself is moved aside, kept.
        Err(_) => {
            let dest = db.with_extension(format!("danado-{}.db", stamp(Utc::now())));
            std::fs::rename(db, &dest).map_err(|e| StoreError::Io {
                path: db.to_path_buf(),
                detail: e.to_string(),
            })?;
            for side in ["db-wal", "db-shm"] {
                let _ = std::fs::remove_file(db.with_extension(side));
            }
            dest
        }
    };
    backup::restore_into(db, source)?;
    crate::store::restrict(db);
    Ok(kept)
}

/// One finding of the integrity check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    SqliteIntegrity(String),
    ForeignKey { table: String, count: i64 },
    Invariant { rule: &'static str, count: i64 },
    AuditBroken { seq: i64 },
}

/// Runs every check; an empty list means the database is sound.
pub fn check(store: &Store, actor: &Actor) -> CoreResult<Vec<Finding>> {
    actor
        .require(Permission::ReadRegistry)
        .or_else(|_| actor.require(Permission::ManageUsers))?;
    let conn = store.conn();
    let mut findings = Vec::new();
    for line in crate::store::checks::integrity(conn)? {
        if line != "ok" {
            findings.push(Finding::SqliteIntegrity(line));
        }
    }
    for (table, count) in crate::store::checks::foreign_keys(conn)? {
        findings.push(Finding::ForeignKey { table, count });
    }
    for (rule, count) in crate::store::checks::invariants(conn)? {
        if count > 0 {
            findings.push(Finding::Invariant { rule, count });
        }
    }
    if let Some(seq) = audit::verify(conn)? {
        findings.push(Finding::AuditBroken { seq });
    }
    Ok(findings)
}

/// Whether a refused database is damaged, and the newest backup to restore, for the message.
pub fn newest_backup(db: &Path) -> Option<PathBuf> {
    list_backups(db).into_iter().next()
}

/// Opens the database; a damaged file is refused with the newest backup named, so the message
/// can say exactly what to restore.
pub fn open(path: &Path) -> CoreResult<Store> {
    match Store::open(path) {
        Ok(store) => Ok(store),
        Err(StoreError::Corrupt { path, detail }) => {
            let newest_backup = newest_backup(&path);
            Err(crate::services::CoreError::Damaged {
                path,
                detail,
                newest_backup,
            })
        }
        Err(e) => Err(e.into()),
    }
}
