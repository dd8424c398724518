//! Merging two persons after a confirmed match, and undoing it: what moved is written down so
//! the undo puts every row back where it was.

use super::error::{StoreError, StoreResult};
use super::ids;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

/// The rows a merge moved from the merged person to the survivor.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moved {
    pub roster_records: Vec<i64>,
    pub enrolments: Vec<i64>,
    pub association_members: Vec<i64>,
    /// The DNI the survivor took from the merged person (it had none).
    pub dni_copied: Option<String>,
}

fn ids_of(conn: &Connection, sql: &str, person: i64) -> StoreResult<Vec<i64>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([person], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn merge(
    conn: &Connection,
    survivor: i64,
    merged: i64,
    flag: Option<i64>,
    user: Option<i64>,
    at: &str,
) -> StoreResult<i64> {
    let merged_state: Option<(Option<String>, Option<i64>)> = conn
        .query_row(
            "SELECT dni, merged_into_id FROM person WHERE id = ?1",
            [merged],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((dni, None)) = merged_state else {
        return Err(StoreError::NotFound {
            entity: "person",
            id: ids::display(merged),
        });
    };
    let survivor_dni: Option<String> =
        conn.query_row("SELECT dni FROM person WHERE id = ?1", [survivor], |r| {
            r.get(0)
        })?;
    let moved = Moved {
        roster_records: ids_of(
            conn,
            "SELECT id FROM roster_record WHERE person_id = ?1",
            merged,
        )?,
        enrolments: ids_of(
            conn,
            "SELECT id FROM enrolment WHERE person_id = ?1",
            merged,
        )?,
        association_members: ids_of(
            conn,
            "SELECT id FROM association_member WHERE person_id = ?1",
            merged,
        )?,
        dni_copied: if survivor_dni.is_none() { dni } else { None },
    };
    conn.execute("UPDATE person SET merged_into_id = ?2, updated_at = ?3, version = version + 1 WHERE id = ?1", params![merged, survivor, at])?;
    conn.execute(
        "UPDATE roster_record SET person_id = ?2 WHERE person_id = ?1",
        params![merged, survivor],
    )?;
    conn.execute(
        "UPDATE enrolment SET person_id = ?2 WHERE person_id = ?1",
        params![merged, survivor],
    )?;
    conn.execute(
        "UPDATE OR IGNORE association_member SET person_id = ?2 WHERE person_id = ?1",
        params![merged, survivor],
    )?;
    if let Some(d) = &moved.dni_copied {
        conn.execute(
            "UPDATE person SET dni = ?2 WHERE id = ?1",
            params![survivor, d],
        )?;
    }
    let id = ids::next(conn)?;
    let moved_json = serde_json::to_string(&moved).unwrap_or_else(|_| "{}".into());
    conn.execute(
        "INSERT INTO person_merge(id, surviving_person_id, merged_person_id, flag_id, moved, merged_at, merged_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![id, survivor, merged, flag, moved_json, at, user],
    )?;
    Ok(id)
}

/// The latest merge not undone for a flag: (merge id, survivor, merged, moved).
pub fn merge_of_flag(conn: &Connection, flag: i64) -> StoreResult<Option<(i64, i64, i64, Moved)>> {
    let row: Option<(i64, i64, i64, String)> = conn
        .query_row(
            "SELECT id, surviving_person_id, merged_person_id, moved FROM person_merge
             WHERE flag_id = ?1 AND undone_at IS NULL ORDER BY id DESC LIMIT 1",
            [flag],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    Ok(row.map(|(id, s, m, json)| (id, s, m, serde_json::from_str(&json).unwrap_or_default())))
}

pub fn undo(
    conn: &Connection,
    merge: i64,
    survivor: i64,
    merged: i64,
    moved: &Moved,
    user: Option<i64>,
    at: &str,
) -> StoreResult<()> {
    if moved.dni_copied.is_some() {
        conn.execute("UPDATE person SET dni = NULL WHERE id = ?1", [survivor])?;
    }
    conn.execute("UPDATE person SET merged_into_id = NULL, updated_at = ?2, version = version + 1 WHERE id = ?1", params![merged, at])?;
    for id in &moved.roster_records {
        conn.execute(
            "UPDATE roster_record SET person_id = ?2 WHERE id = ?1",
            params![id, merged],
        )?;
    }
    for id in &moved.enrolments {
        conn.execute(
            "UPDATE enrolment SET person_id = ?2 WHERE id = ?1",
            params![id, merged],
        )?;
    }
    for id in &moved.association_members {
        conn.execute(
            "UPDATE association_member SET person_id = ?2 WHERE id = ?1",
            params![id, merged],
        )?;
    }
    conn.execute(
        "UPDATE person_merge SET undone_at = ?2, undone_by = ?3 WHERE id = ?1",
        params![merge, at, user],
    )?;
    Ok(())
}

pub fn decide(
    conn: &Connection,
    a: i64,
    b: i64,
    decision: &str,
    user: Option<i64>,
    at: &str,
) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO match_decision(record_a_id, record_b_id, decision, user_id, at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(record_a_id, record_b_id) DO UPDATE SET decision = excluded.decision,
           user_id = excluded.user_id, at = excluded.at",
        params![a.min(b), a.max(b), decision, user, at],
    )?;
    Ok(())
}

pub fn undecide(conn: &Connection, a: i64, b: i64) -> StoreResult<()> {
    conn.execute(
        "DELETE FROM match_decision WHERE record_a_id = ?1 AND record_b_id = ?2",
        params![a.min(b), a.max(b)],
    )?;
    Ok(())
}
