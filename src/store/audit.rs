//! The audit log: one appended row per write, in the writer's transaction.
//!
//! Rows are never updated or deleted (triggers refuse it, and this module offers no way).
//! Each row carries the hash of the previous one, so an edit made behind the program's back
//! breaks the chain and [`verify`] finds the first broken link.

use super::error::StoreResult;
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

/// Who is writing: the acting user as the audit log records them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    pub user_id: Option<i64>,
    pub username: String,
}

/// One entry to append.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: Option<i64>,
    pub details: serde_json::Value,
}

/// A row as read back.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub seq: i64,
    pub at: String,
    pub username: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub details: String,
}

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

pub fn append(conn: &Connection, at: &str, author: &Author, entry: &Entry) -> StoreResult<()> {
    let prev: String = conn
        .query_row(
            "SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or_else(|| GENESIS.to_string());
    let details = entry.details.to_string();
    let hash = chain_hash(
        &prev,
        &Fields {
            at,
            username: &author.username,
            action: entry.action,
            entity: entry.entity,
            entity_id: entry.entity_id,
            details: &details,
        },
    );
    conn.execute(
        "INSERT INTO audit_log(at, user_id, username, action, entity, entity_id, details,
         prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            at,
            author.user_id,
            author.username,
            entry.action,
            entry.entity,
            entry.entity_id,
            details,
            prev,
            hash
        ],
    )?;
    Ok(())
}

struct Fields<'a> {
    at: &'a str,
    username: &'a str,
    action: &'a str,
    entity: &'a str,
    entity_id: Option<i64>,
    details: &'a str,
}

fn chain_hash(prev: &str, f: &Fields) -> String {
    let mut hasher = Sha256::new();
    for part in [prev, f.at, f.username, f.action, f.entity] {
        hasher.update(part.as_bytes());
        hasher.update([0x1f]);
    }
    hasher.update(
        f.entity_id
            .map(|v| v.to_string())
            .unwrap_or_default()
            .as_bytes(),
    );
    hasher.update([0x1f]);
    hasher.update(f.details.as_bytes());
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Filters for listing the log.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub since: Option<String>,
    pub username: Option<String>,
    pub entity: Option<String>,
    pub limit: i64,
}

pub fn list(conn: &Connection, filter: &Filter) -> StoreResult<Vec<Row>> {
    let mut stmt = conn.prepare(
        "SELECT seq, at, username, action, entity, entity_id, details FROM audit_log
         WHERE (?1 IS NULL OR at >= ?1) AND (?2 IS NULL OR username = ?2)
           AND (?3 IS NULL OR entity = ?3)
         ORDER BY seq DESC LIMIT ?4",
    )?;
    let limit = if filter.limit > 0 {
        filter.limit
    } else {
        i64::MAX
    };
    let rows = stmt.query_map(
        params![filter.since, filter.username, filter.entity, limit],
        |r| {
            Ok(Row {
                seq: r.get(0)?,
                at: r.get(1)?,
                username: r.get(2)?,
                action: r.get(3)?,
                entity: r.get(4)?,
                entity_id: r.get(5)?,
                details: r.get(6)?,
            })
        },
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The first row whose hash does not follow from its content and the row before, if any.
pub fn verify(conn: &Connection) -> StoreResult<Option<i64>> {
    let mut stmt = conn.prepare(
        "SELECT seq, at, username, action, entity, entity_id, details, prev_hash, hash
         FROM audit_log ORDER BY seq",
    )?;
    let mut rows = stmt.query([])?;
    let mut expected_prev = GENESIS.to_string();
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        let (at, username, action, entity): (String, String, String, String) =
            (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
        let entity_id: Option<i64> = r.get(5)?;
        let details: String = r.get(6)?;
        let prev: String = r.get(7)?;
        let hash: String = r.get(8)?;
        let fields = Fields {
            at: &at,
            username: &username,
            action: &action,
            entity: &entity,
            entity_id,
            details: &details,
        };
        if prev != expected_prev || chain_hash(&prev, &fields) != hash {
            return Ok(Some(seq));
        }
        expected_prev = hash;
    }
    Ok(None)
}

pub fn count(conn: &Connection) -> StoreResult<i64> {
    Ok(conn.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))?)
}
