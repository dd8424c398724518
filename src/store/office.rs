//! The office that owns the database, and its settings.

use super::error::StoreResult;
use rusqlite::{params, Connection, OptionalExtension};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Office {
    pub code: i64,
    pub district_ubigeo: String,
    pub name: String,
}

pub fn get(conn: &Connection) -> StoreResult<Option<Office>> {
    Ok(conn
        .query_row(
            "SELECT code, district_ubigeo, name FROM office LIMIT 1",
            [],
            |r| {
                Ok(Office {
                    code: r.get(0)?,
                    district_ubigeo: r.get(1)?,
                    name: r.get(2)?,
                })
            },
        )
        .optional()?)
}

pub fn insert(conn: &Connection, office: &Office, at: &str) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO office(code, district_ubigeo, name, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![office.code, office.district_ubigeo, office.name, at],
    )?;
    Ok(())
}

pub fn setting(conn: &Connection, key: &str) -> StoreResult<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

pub fn set_setting(conn: &Connection, key: &str, value: &str, at: &str) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO setting(key, value, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        params![key, value, at],
    )?;
    Ok(())
}
