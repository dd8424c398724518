//! Aggregates for the overview screen, read from the trigger-kept counters, so they answer in
//! milliseconds whatever the number of households.

use super::error::StoreResult;
use rusqlite::Connection;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Totals {
    pub households: i64,
    pub persons: i64,
    pub active_enrolments: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeCount {
    pub code: String,
    pub name: String,
    pub active_enrolments: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistrictCount {
    pub ubigeo: String,
    pub name: String,
    pub households: i64,
    pub persons: i64,
    pub active_enrolments: i64,
}

pub fn totals(conn: &Connection) -> StoreResult<Totals> {
    Ok(conn.query_row(
        "SELECT (SELECT coalesce(sum(households), 0) FROM stat_district),
                (SELECT coalesce(sum(persons), 0) FROM stat_district),
                (SELECT coalesce(sum(active), 0) FROM stat_enrolment)",
        [],
        |r| {
            Ok(Totals {
                households: r.get(0)?,
                persons: r.get(1)?,
                active_enrolments: r.get(2)?,
            })
        },
    )?)
}

/// Active enrolments per programme, every active programme listed (zero included).
pub fn by_programme(conn: &Connection) -> StoreResult<Vec<ProgrammeCount>> {
    let mut stmt = conn.prepare(
        "SELECT p.code, p.name, coalesce(sum(s.active), 0)
         FROM programme p LEFT JOIN stat_enrolment s ON s.programme_id = p.id
         WHERE p.active = 1 GROUP BY p.id ORDER BY p.id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(ProgrammeCount {
            code: r.get(0)?,
            name: r.get(1)?,
            active_enrolments: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Districts with households, most households first (at most `limit`).
pub fn by_district(conn: &Connection, limit: i64) -> StoreResult<Vec<DistrictCount>> {
    let mut stmt = conn.prepare(
        "SELECT d.ubigeo, d.name, s.households, s.persons,
                (SELECT coalesce(sum(active), 0) FROM stat_enrolment e
                 WHERE e.district_ubigeo = s.district_ubigeo)
         FROM stat_district s JOIN district d ON d.ubigeo = s.district_ubigeo
         WHERE s.households > 0
         ORDER BY s.households DESC, d.ubigeo LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit], |r| {
        Ok(DistrictCount {
            ubigeo: r.get(0)?,
            name: r.get(1)?,
            households: r.get(2)?,
            persons: r.get(3)?,
            active_enrolments: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
