//! Person search and lists, paged with keyset queries so a screen never loads more than the
//! rows it shows, at any size. The SQL is assembled from fixed fragments (which filters are
//! on decides which fragments apply, so SQLite can use the right index); every value is a
//! bound parameter.

use super::error::StoreResult;
use rusqlite::types::Value;
use rusqlite::Connection;

/// How rows are matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Matcher {
    /// Every unmerged person (filters still apply).
    All,
    /// Folded name keys starting with this text (a single letter typed).
    NameKeyPrefix(String),
    /// An FTS5 query over names.
    Names(String),
    /// DNIs starting with these digits.
    DniPrefix(String),
}

/// Order and position of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Order {
    /// By name; after (name_key, id).
    Name(Option<(String, i64)>),
    /// By district then name; after (district, name_key, id).
    District(Option<(String, String, i64)>),
    /// By id (insertion order), for very broad name matches; after id.
    Id(Option<i64>),
    /// By DNI; after dni.
    Dni(Option<String>),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub district: Option<String>,
    pub community: Option<i64>,
    pub programme: Option<i64>,
    pub sisfoh: Option<String>,
    /// 0 any, 1 with an active enrolment, 2 with an ended one.
    pub enrolment: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonRow {
    pub id: i64,
    pub household_id: i64,
    pub dni: Option<String>,
    pub paternal: String,
    pub maternal: Option<String>,
    pub given: String,
    pub birth_date: Option<String>,
    pub sex: Option<String>,
    pub district_ubigeo: String,
    pub district: String,
    pub community: Option<String>,
    pub sisfoh: Option<String>,
    pub name_key: String,
    /// Codes of the programmes with an active enrolment, comma-separated.
    pub programmes: String,
}

const SELECT: &str = "SELECT p.id, p.household_id, p.dni, p.paternal_surname, p.maternal_surname,
    p.given_names, p.birth_date, p.sex, p.district_ubigeo, d.name, c.name, h.sisfoh_class,
    p.name_key,
    (SELECT group_concat(code, ',') FROM (SELECT DISTINCT g.code FROM enrolment e
        JOIN programme g ON g.id = e.programme_id
        WHERE e.person_id = p.id AND e.end_date IS NULL ORDER BY g.id))";

const JOINS: &str = " JOIN household h ON h.id = p.household_id
    JOIN district d ON d.ubigeo = p.district_ubigeo
    LEFT JOIN community c ON c.id = h.community_id";

/// Builds the statement and its parameters for one page.
fn statement(
    matcher: &Matcher,
    order: &Order,
    filters: &Filters,
    limit: i64,
) -> (String, Vec<Value>) {
    let mut sql = String::from(SELECT);
    let mut args: Vec<Value> = Vec::new();
    let arg = |v: Value, args: &mut Vec<Value>| {
        args.push(v);
        format!("?{}", args.len())
    };
    match matcher {
        Matcher::Names(_) => sql.push_str(" FROM person_fts f JOIN person p ON p.id = f.rowid"),
        _ => sql.push_str(" FROM person p"),
    }
    sql.push_str(JOINS);
    sql.push_str(" WHERE p.merged_into_id IS NULL");
    match matcher {
        Matcher::All => {}
        Matcher::NameKeyPrefix(prefix) => {
            let lo = arg(Value::Text(prefix.clone()), &mut args);
            let hi = arg(Value::Text(format!("{prefix}\u{7f}")), &mut args);
            sql.push_str(&format!(" AND p.name_key >= {lo} AND p.name_key < {hi}"));
        }
        Matcher::Names(query) => {
            let q = arg(Value::Text(query.clone()), &mut args);
            sql.push_str(&format!(" AND person_fts MATCH {q}"));
        }
        Matcher::DniPrefix(digits) => {
            let lo = arg(Value::Text(digits.clone()), &mut args);
            let hi = arg(Value::Text(format!("{digits}:")), &mut args);
            sql.push_str(&format!(
                " AND p.dni IS NOT NULL AND p.dni >= {lo} AND p.dni < {hi}"
            ));
        }
    }
    if let Some(district) = &filters.district {
        let d = arg(Value::Text(district.clone()), &mut args);
        sql.push_str(&format!(" AND p.district_ubigeo = {d}"));
    }
    if let Some(community) = filters.community {
        let c = arg(Value::Integer(community), &mut args);
        sql.push_str(&format!(" AND h.community_id = {c}"));
    }
    if let Some(class) = &filters.sisfoh {
        let s = arg(Value::Text(class.clone()), &mut args);
        sql.push_str(&format!(" AND h.sisfoh_class = {s}"));
    }
    let state = match filters.enrolment {
        1 => " AND e.end_date IS NULL",
        2 => " AND e.end_date IS NOT NULL",
        _ => "",
    };
    if let Some(programme) = filters.programme {
        let g = arg(Value::Integer(programme), &mut args);
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM enrolment e WHERE e.person_id = p.id AND e.programme_id = {g}{state})"
        ));
    } else if !state.is_empty() {
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM enrolment e WHERE e.person_id = p.id{state})"
        ));
    }
    let order_by = match order {
        Order::Name(after) => {
            if let Some((key, id)) = after {
                let k = arg(Value::Text(key.clone()), &mut args);
                let i = arg(Value::Integer(*id), &mut args);
                sql.push_str(&format!(" AND (p.name_key, p.id) > ({k}, {i})"));
            }
            " ORDER BY p.name_key, p.id"
        }
        Order::District(after) => {
            if let Some((district, key, id)) = after {
                let d = arg(Value::Text(district.clone()), &mut args);
                let k = arg(Value::Text(key.clone()), &mut args);
                let i = arg(Value::Integer(*id), &mut args);
                sql.push_str(&format!(
                    " AND (p.district_ubigeo, p.name_key, p.id) > ({d}, {k}, {i})"
                ));
            }
            " ORDER BY p.district_ubigeo, p.name_key, p.id"
        }
        Order::Id(after) => {
            if let Some(id) = after {
                let i = arg(Value::Integer(*id), &mut args);
                sql.push_str(&format!(" AND p.id > {i}"));
            }
            " ORDER BY p.id"
        }
        Order::Dni(after) => {
            if let Some(dni) = after {
                let d = arg(Value::Text(dni.clone()), &mut args);
                sql.push_str(&format!(" AND p.dni > {d}"));
            }
            " ORDER BY p.dni"
        }
    };
    sql.push_str(order_by);
    let l = arg(Value::Integer(limit), &mut args);
    sql.push_str(&format!(" LIMIT {l}"));
    (sql, args)
}

pub fn page(
    conn: &Connection,
    matcher: &Matcher,
    order: &Order,
    filters: &Filters,
    limit: i64,
) -> StoreResult<Vec<PersonRow>> {
    let (sql, args) = statement(matcher, order, filters, limit);
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| {
        Ok(PersonRow {
            id: r.get(0)?,
            household_id: r.get(1)?,
            dni: r.get(2)?,
            paternal: r.get(3)?,
            maternal: r.get(4)?,
            given: r.get(5)?,
            birth_date: r.get(6)?,
            sex: r.get(7)?,
            district_ubigeo: r.get(8)?,
            district: r.get(9)?,
            community: r.get(10)?,
            sisfoh: r.get(11)?,
            name_key: r.get(12)?,
            programmes: r.get::<_, Option<String>>(13)?.unwrap_or_default(),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// How many persons' names match, counting no further than `cap`.
pub fn count_name_matches(conn: &Connection, query: &str, cap: i64) -> StoreResult<i64> {
    Ok(conn
        .prepare_cached(
            "SELECT count(*) FROM (SELECT rowid FROM person_fts WHERE person_fts MATCH ?1 LIMIT ?2)",
        )?
        .query_row(rusqlite::params![query, cap], |r| r.get(0))?)
}
