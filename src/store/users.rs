//! User accounts: rows of `app_user`. Password hashing and permission rules live in
//! `services::auth`; this module only reads and writes rows.

use super::error::{StoreError, StoreResult};
use rusqlite::{params, Connection, OptionalExtension};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserRow {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub password_hash: String,
    pub active: bool,
    pub must_change_password: bool,
    pub version: i64,
}

const COLUMNS: &str = "id, username, display_name, role, password_hash, active,
    must_change_password, version";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<UserRow> {
    Ok(UserRow {
        id: r.get(0)?,
        username: r.get(1)?,
        display_name: r.get(2)?,
        role: r.get(3)?,
        password_hash: r.get(4)?,
        active: r.get(5)?,
        must_change_password: r.get(6)?,
        version: r.get(7)?,
    })
}

pub struct NewUser<'a> {
    pub id: i64,
    pub username: &'a str,
    pub display_name: &'a str,
    pub role: &'a str,
    pub password_hash: &'a str,
    pub must_change_password: bool,
    pub at: &'a str,
}

pub fn insert(conn: &Connection, user: &NewUser) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO app_user(id, username, display_name, role, password_hash,
         must_change_password, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![
            user.id,
            user.username,
            user.display_name,
            user.role,
            user.password_hash,
            user.must_change_password,
            user.at
        ],
    )?;
    Ok(())
}

pub fn by_username(conn: &Connection, username: &str) -> StoreResult<Option<UserRow>> {
    let sql = format!("SELECT {COLUMNS} FROM app_user WHERE username = ?1");
    Ok(conn.query_row(&sql, [username], from_row).optional()?)
}

pub fn by_id(conn: &Connection, id: i64) -> StoreResult<Option<UserRow>> {
    let sql = format!("SELECT {COLUMNS} FROM app_user WHERE id = ?1");
    Ok(conn.query_row(&sql, [id], from_row).optional()?)
}

pub fn list(conn: &Connection) -> StoreResult<Vec<UserRow>> {
    let sql = format!("SELECT {COLUMNS} FROM app_user ORDER BY username");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn count(conn: &Connection) -> StoreResult<i64> {
    Ok(conn.query_row("SELECT count(*) FROM app_user", [], |r| r.get(0))?)
}

pub struct PasswordChange<'a> {
    pub id: i64,
    pub expected_version: i64,
    pub password_hash: &'a str,
    pub must_change_password: bool,
    pub at: &'a str,
}

/// Replaces a password hash; refuses when the row changed since it was read.
pub fn set_password(conn: &Connection, change: &PasswordChange) -> StoreResult<()> {
    let updated = conn.execute(
        "UPDATE app_user SET password_hash = ?1, must_change_password = ?2, updated_at = ?3,
         version = version + 1 WHERE id = ?4 AND version = ?5",
        params![
            change.password_hash,
            change.must_change_password,
            change.at,
            change.id,
            change.expected_version
        ],
    )?;
    if updated == 0 {
        return Err(StoreError::Conflict {
            entity: "app_user",
            id: change.id,
            expected: change.expected_version,
        });
    }
    Ok(())
}
