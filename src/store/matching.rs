//! What record matching reads and writes: roster records, decisions already taken, and the
//! mark of records already compared.

use super::error::StoreResult;
use crate::services::matching::record::RawRecord;
use rusqlite::{params, Connection};
use std::collections::HashSet;

/// Every roster record, streamed into `each` (never all rows as SQL values at once).
pub fn for_each_record(conn: &Connection, mut each: impl FnMut(RawRecord)) -> StoreResult<()> {
    let mut stmt = conn.prepare(
        "SELECT r.id, r.person_id, r.programme_id, r.dni, r.paternal_surname, r.maternal_surname,
                r.given_names, r.birth_date, r.sex, r.district_ubigeo, r.community_id,
                r.match_scanned_at IS NULL
         FROM roster_record r ORDER BY r.id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        each(RawRecord {
            id: r.get(0)?,
            person_id: r.get(1)?,
            programme_id: r.get(2)?,
            dni: r.get(3)?,
            paternal: r.get(4)?,
            maternal: r.get(5)?,
            given: r.get(6)?,
            birth_date: r.get(7)?,
            sex: r.get(8)?,
            district: r.get(9)?,
            community: r.get(10)?,
            pending: r.get(11)?,
        });
    }
    Ok(())
}

/// Record pairs (smaller id first) that a person decided are not the same person.
pub fn rejected_pairs(conn: &Connection) -> StoreResult<HashSet<(i64, i64)>> {
    let mut stmt = conn.prepare(
        "SELECT record_a_id, record_b_id FROM match_decision WHERE decision = 'rejected'",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn mark_scanned(conn: &Connection, at: &str) -> StoreResult<i64> {
    Ok(conn.execute(
        "UPDATE roster_record SET match_scanned_at = ?1 WHERE match_scanned_at IS NULL",
        params![at],
    )? as i64)
}

/// The labelled set of a demo database: (record, true person, noise kinds applied).
pub fn demo_truth(conn: &Connection) -> StoreResult<Vec<(i64, i64, String)>> {
    let mut stmt =
        conn.prepare("SELECT roster_record_id, true_person, noise FROM demo_identity")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}
