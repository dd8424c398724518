//! Districts, provinces, regions and communities.

use super::error::StoreResult;
use rusqlite::{params, Connection, OptionalExtension};

#[derive(Debug, Clone, PartialEq)]
pub struct District {
    pub ubigeo: String,
    pub reniec_ubigeo: Option<String>,
    pub name: String,
    pub province: String,
    pub region: String,
    pub altitude_m: Option<i64>,
    pub poverty_total_pct: Option<f64>,
}

const DISTRICT_SQL: &str = "SELECT d.ubigeo, d.reniec_ubigeo, d.name, p.name, r.name,
    d.altitude_m, d.poverty_total_pct
    FROM district d JOIN province p ON p.code = d.province_code
    JOIN region r ON r.code = p.region_code";

fn district_from_row(r: &rusqlite::Row) -> rusqlite::Result<District> {
    Ok(District {
        ubigeo: r.get(0)?,
        reniec_ubigeo: r.get(1)?,
        name: r.get(2)?,
        province: r.get(3)?,
        region: r.get(4)?,
        altitude_m: r.get(5)?,
        poverty_total_pct: r.get(6)?,
    })
}

pub fn district(conn: &Connection, inei_ubigeo: &str) -> StoreResult<Option<District>> {
    let sql = format!("{DISTRICT_SQL} WHERE d.ubigeo = ?1");
    Ok(conn
        .query_row(&sql, [inei_ubigeo], district_from_row)
        .optional()?)
}

/// Converts a RENIEC district code into the INEI code used everywhere else.
pub fn inei_from_reniec(conn: &Connection, reniec: &str) -> StoreResult<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT ubigeo FROM district WHERE reniec_ubigeo = ?1",
            [reniec],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn reniec_from_inei(conn: &Connection, inei: &str) -> StoreResult<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT reniec_ubigeo FROM district WHERE ubigeo = ?1",
            [inei],
            |r| r.get(0),
        )
        .optional()?)
}

/// Districts of a province, by name.
pub fn districts_of_province(conn: &Connection, province: &str) -> StoreResult<Vec<District>> {
    let sql = format!("{DISTRICT_SQL} WHERE d.province_code = ?1 ORDER BY d.name");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([province], district_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Districts at or above an altitude (m a.s.l.), by UBIGEO: the highlands, where the programmes
/// of the demo work.
pub fn highland_districts(conn: &Connection, min_altitude_m: i64) -> StoreResult<Vec<District>> {
    let sql = format!("{DISTRICT_SQL} WHERE d.altitude_m >= ?1 ORDER BY d.ubigeo");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([min_altitude_m], district_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn count_districts(conn: &Connection) -> StoreResult<i64> {
    Ok(conn.query_row("SELECT count(*) FROM district", [], |r| r.get(0))?)
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewCommunity<'a> {
    pub id: i64,
    pub district_ubigeo: &'a str,
    pub name: &'a str,
    pub name_key: &'a str,
    pub altitude_m: Option<i64>,
    pub travel_minutes: Option<i64>,
    pub at: &'a str,
}

pub fn insert_community(conn: &Connection, c: &NewCommunity) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO community(id, district_ubigeo, name, name_key, altitude_m, travel_minutes,
         created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![
            c.id,
            c.district_ubigeo,
            c.name,
            c.name_key,
            c.altitude_m,
            c.travel_minutes,
            c.at
        ],
    )?;
    Ok(())
}

pub fn community_by_key(
    conn: &Connection,
    district_ubigeo: &str,
    name_key: &str,
) -> StoreResult<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM community WHERE district_ubigeo = ?1 AND name_key = ?2",
            [district_ubigeo, name_key],
            |r| r.get(0),
        )
        .optional()?)
}
