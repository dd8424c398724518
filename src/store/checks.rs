//! The queries of `tinkuy check`: SQLite's integrity and foreign-key checks, and the
//! application's own invariants (each query counts rows that break one).

use super::error::StoreResult;
use rusqlite::Connection;

pub fn integrity(conn: &Connection) -> StoreResult<Vec<String>> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// (table, rows pointing at something missing)
pub fn foreign_keys(conn: &Connection) -> StoreResult<Vec<(String, i64)>> {
    let mut stmt =
        conn.prepare("SELECT \"table\", count(*) FROM pragma_foreign_key_check GROUP BY 1")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// (rule, rows breaking it). Names are keys the i18n catalogue explains.
pub const INVARIANTS: &[(&str, &str)] = &[
    ("person_district", "SELECT count(*) FROM person p JOIN household h ON h.id = p.household_id
        WHERE p.district_ubigeo <> h.district_ubigeo"),
    ("counters_households", "SELECT count(*) FROM (SELECT h.district_ubigeo AS d, count(*) AS n FROM household h GROUP BY 1) x
        LEFT JOIN stat_district s ON s.district_ubigeo = x.d WHERE coalesce(s.households, -1) <> x.n"),
    ("counters_persons", "SELECT count(*) FROM (SELECT district_ubigeo AS d, count(*) AS n FROM person WHERE merged_into_id IS NULL GROUP BY 1) x
        LEFT JOIN stat_district s ON s.district_ubigeo = x.d WHERE coalesce(s.persons, -1) <> x.n"),
    ("counters_enrolments", "SELECT count(*) FROM (SELECT h.district_ubigeo AS d, e.programme_id AS g, count(*) AS n
        FROM enrolment e JOIN household h ON h.id = e.household_id WHERE e.end_date IS NULL GROUP BY 1, 2) x
        LEFT JOIN stat_enrolment s ON s.district_ubigeo = x.d AND s.programme_id = x.g WHERE coalesce(s.active, -1) <> x.n"),
    ("award_within_envelope", "SELECT count(*) FROM clar_call c WHERE c.envelope_cents <
        (SELECT coalesce(sum(w.programme_cents), 0) FROM award w JOIN proposal p ON p.id = w.proposal_id
         WHERE p.call_id = c.id AND w.funded = 1)"),
    ("merged_chain", "SELECT count(*) FROM person p JOIN person q ON q.id = p.merged_into_id WHERE q.merged_into_id IS NOT NULL"),
    ("active_record_enrolment", "SELECT count(*) FROM roster_record r WHERE r.status = 'active'
        AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.roster_record_id = r.id AND e.end_date IS NULL)"),
];

pub fn invariants(conn: &Connection) -> StoreResult<Vec<(&'static str, i64)>> {
    let mut out = Vec::new();
    for (name, sql) in INVARIANTS {
        out.push((*name, conn.query_row(sql, [], |r| r.get(0))?));
    }
    Ok(out)
}
