//! The short lists a registry screen offers to choose from: the districts that have
//! households, their communities, the programmes and the activity types. Each list is small
//! (tens to a few thousand rows) and read from indexed tables or counters, never by scanning
//! persons, so it stays instant at a million of them.

use super::error::StoreResult;
use rusqlite::Connection;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistrictChoice {
    pub ubigeo: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommunityChoice {
    pub id: i64,
    pub district_ubigeo: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeChoice {
    pub id: i64,
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityChoice {
    pub code: String,
    pub name_es: String,
    pub name_en: String,
}

/// Districts with at least one household (from the counters), by name.
pub fn districts_in_use(conn: &Connection) -> StoreResult<Vec<DistrictChoice>> {
    let mut stmt = conn.prepare(
        "SELECT d.ubigeo, d.name FROM stat_district s JOIN district d ON d.ubigeo = s.district_ubigeo
         WHERE s.households > 0 ORDER BY d.name, d.ubigeo",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(DistrictChoice {
            ubigeo: r.get(0)?,
            name: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every community, by district then name.
pub fn communities(conn: &Connection) -> StoreResult<Vec<CommunityChoice>> {
    let mut stmt = conn.prepare(
        "SELECT id, district_ubigeo, name FROM community ORDER BY district_ubigeo, name_key, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(CommunityChoice {
            id: r.get(0)?,
            district_ubigeo: r.get(1)?,
            name: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Active programmes, in their usual order.
pub fn programmes(conn: &Connection) -> StoreResult<Vec<ProgrammeChoice>> {
    let mut stmt =
        conn.prepare("SELECT id, code, name FROM programme WHERE active = 1 ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok(ProgrammeChoice {
            id: r.get(0)?,
            code: r.get(1)?,
            name: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Activity types, by code.
pub fn activities(conn: &Connection) -> StoreResult<Vec<ActivityChoice>> {
    let mut stmt =
        conn.prepare("SELECT code, name_es, name_en FROM activity_type ORDER BY code")?;
    let rows = stmt.query_map([], |r| {
        Ok(ActivityChoice {
            code: r.get(0)?,
            name_es: r.get(1)?,
            name_en: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
