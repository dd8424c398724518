//! Overlap flags and their history. A flag is identified by its fingerprint, so a re-scan
//! finds it again instead of duplicating it; a dismissed flag reopens only when its evidence
//! changed.

use super::error::StoreResult;
use super::ids;
use rusqlite::{params, Connection, OptionalExtension};

/// A flag as a scan found it.
#[derive(Debug, Clone, Default)]
pub struct Found<'a> {
    pub kind: &'a str,
    pub severity: &'a str,
    pub fingerprint: String,
    pub evidence: String,
    pub evidence_hash: String,
    pub score_milli: Option<i64>,
    pub district: Option<String>,
    pub community: Option<i64>,
    pub programme_a: Option<i64>,
    pub programme_b: Option<i64>,
    pub household: Option<i64>,
    pub person_a: Option<i64>,
    pub person_b: Option<i64>,
    pub record_a: Option<i64>,
    pub record_b: Option<i64>,
    pub association: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upsert {
    New,
    Seen,
    Reopened,
}

pub fn upsert(conn: &Connection, f: &Found, scan: i64, at: &str) -> StoreResult<Upsert> {
    let existing: Option<(i64, String, String)> = conn
        .prepare_cached(
            "SELECT id, status, evidence_hash FROM overlap_flag WHERE fingerprint = ?1",
        )?
        .query_row([&f.fingerprint], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let Some((id, status, hash)) = existing else {
        insert(conn, f, scan, at)?;
        return Ok(Upsert::New);
    };
    let changed = hash != f.evidence_hash;
    let reopen = changed && status == "dismissed";
    conn.prepare_cached(
        "UPDATE overlap_flag SET last_scan_id = ?2,
           evidence = CASE WHEN ?3 THEN ?4 ELSE evidence END,
           evidence_hash = ?5, score_milli = ?6, severity = ?7,
           status = CASE WHEN ?8 THEN 'open' ELSE status END,
           updated_at = CASE WHEN ?3 THEN ?9 ELSE updated_at END,
           version = version + CASE WHEN ?3 THEN 1 ELSE 0 END
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        scan,
        changed,
        f.evidence,
        f.evidence_hash,
        f.score_milli,
        f.severity,
        reopen,
        at
    ])?;
    if reopen {
        event(
            conn,
            &Event {
                flag: id,
                user: None,
                from: Some("dismissed"),
                to: Some("open"),
                agency: None,
                note: Some("evidence_changed"),
                at,
            },
        )?;
        return Ok(Upsert::Reopened);
    }
    Ok(Upsert::Seen)
}

/// Records a flag found outside a scan (a report typed in by hand), once.
pub fn upsert_unscanned(conn: &Connection, f: &Found, at: &str) -> StoreResult<()> {
    let exists: Option<i64> = conn
        .prepare_cached("SELECT id FROM overlap_flag WHERE fingerprint = ?1")?
        .query_row([&f.fingerprint], |r| r.get(0))
        .optional()?;
    if exists.is_none() {
        insert(conn, f, None, at)?;
    }
    Ok(())
}

fn insert(
    conn: &Connection,
    f: &Found,
    scan: impl Into<Option<i64>>,
    at: &str,
) -> StoreResult<i64> {
    let scan: Option<i64> = scan.into();
    let id = ids::next(conn)?;
    conn.prepare_cached(
        "INSERT INTO overlap_flag(id, kind, severity, fingerprint, evidence, evidence_hash,
         score_milli, district_ubigeo, community_id, programme_a_id, programme_b_id,
         household_id, person_a_id, person_b_id, record_a_id, record_b_id, association_id,
         first_scan_id, last_scan_id, created_at, updated_at)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?18,?19,?19)",
    )?
    .execute(params![
        id,
        f.kind,
        f.severity,
        f.fingerprint,
        f.evidence,
        f.evidence_hash,
        f.score_milli,
        f.district,
        f.community,
        f.programme_a,
        f.programme_b,
        f.household,
        f.person_a,
        f.person_b,
        f.record_a,
        f.record_b,
        f.association,
        scan,
        at
    ])?;
    Ok(id)
}

/// One entry of a flag's history.
pub struct Event<'a> {
    pub flag: i64,
    pub user: Option<i64>,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub agency: Option<i64>,
    pub note: Option<&'a str>,
    pub at: &'a str,
}

pub fn event(conn: &Connection, e: &Event) -> StoreResult<()> {
    let id = ids::next(conn)?;
    conn.prepare_cached(
        "INSERT INTO flag_event(id, flag_id, at, user_id, from_status, to_status,
         assigned_agency_id, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        id, e.flag, e.at, e.user, e.from, e.to, e.agency, e.note
    ])?;
    Ok(())
}

pub fn start_scan(conn: &Connection, kind: &str, user: Option<i64>, at: &str) -> StoreResult<i64> {
    let id = ids::next(conn)?;
    conn.execute(
        "INSERT INTO scan_run(id, kind, started_at, user_id) VALUES (?1, ?2, ?3, ?4)",
        params![id, kind, at, user],
    )?;
    Ok(id)
}

pub struct ScanCounts {
    pub records: i64,
    pub pairs: i64,
    pub new: i64,
    pub seen: i64,
}

pub fn finish_scan(conn: &Connection, id: i64, c: &ScanCounts, at: &str) -> StoreResult<()> {
    conn.execute(
        "UPDATE scan_run SET finished_at = ?2, records_scanned = ?3, pairs_compared = ?4,
         flags_new = ?5, flags_seen = ?6 WHERE id = ?1",
        params![id, at, c.records, c.pairs, c.new, c.seen],
    )?;
    Ok(())
}

/// A flag as lists and details show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagRow {
    pub id: i64,
    pub kind: String,
    pub severity: String,
    pub status: String,
    pub evidence: String,
    pub score_milli: Option<i64>,
    pub district: Option<String>,
    pub district_name: Option<String>,
    pub community: Option<String>,
    pub programme_a: Option<String>,
    pub programme_b: Option<String>,
    pub household: Option<i64>,
    pub person_a: Option<i64>,
    pub person_b: Option<i64>,
    pub record_a: Option<i64>,
    pub record_b: Option<i64>,
    pub association: Option<i64>,
    pub assigned_agency: Option<String>,
    pub updated_at: String,
    pub version: i64,
}

/// Filters of the flag list; `None` means any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FlagFilter {
    pub kind: Option<String>,
    pub severity: Option<String>,
    pub status: Option<String>,
    pub district: Option<String>,
    pub programme: Option<i64>,
}

const FLAG_SELECT: &str = "SELECT f.id, f.kind, f.severity, f.status, f.evidence, f.score_milli,
    f.district_ubigeo, d.name, c.name, pa.code, pb.code, f.household_id, f.person_a_id,
    f.person_b_id, f.record_a_id, f.record_b_id, f.association_id, ag.code, f.updated_at, f.version
    FROM overlap_flag f LEFT JOIN district d ON d.ubigeo = f.district_ubigeo
    LEFT JOIN community c ON c.id = f.community_id
    LEFT JOIN programme pa ON pa.id = f.programme_a_id
    LEFT JOIN programme pb ON pb.id = f.programme_b_id
    LEFT JOIN agency ag ON ag.id = f.assigned_agency_id";

fn flag_row(r: &rusqlite::Row) -> rusqlite::Result<FlagRow> {
    Ok(FlagRow {
        id: r.get(0)?,
        kind: r.get(1)?,
        severity: r.get(2)?,
        status: r.get(3)?,
        evidence: r.get(4)?,
        score_milli: r.get(5)?,
        district: r.get(6)?,
        district_name: r.get(7)?,
        community: r.get(8)?,
        programme_a: r.get(9)?,
        programme_b: r.get(10)?,
        household: r.get(11)?,
        person_a: r.get(12)?,
        person_b: r.get(13)?,
        record_a: r.get(14)?,
        record_b: r.get(15)?,
        association: r.get(16)?,
        assigned_agency: r.get(17)?,
        updated_at: r.get(18)?,
        version: r.get(19)?,
    })
}

/// A page of flags, most severe first, then newest; keyset after (severity rank, id).
pub fn list(
    conn: &Connection,
    filter: &FlagFilter,
    after: Option<(i64, i64)>,
    limit: i64,
) -> StoreResult<Vec<FlagRow>> {
    let sql = format!(
        "{FLAG_SELECT} WHERE (?1 IS NULL OR f.kind = ?1) AND (?2 IS NULL OR f.severity = ?2)
           AND (?3 IS NULL OR f.status = ?3) AND (?4 IS NULL OR f.district_ubigeo = ?4)
           AND (?5 IS NULL OR f.programme_a_id = ?5 OR f.programme_b_id = ?5)
           AND (?6 IS NULL OR (CASE f.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, -f.id) > (?6, -?7))
         ORDER BY CASE f.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, f.id DESC
         LIMIT ?8"
    );
    let (rank, id) = after
        .map(|(r, i)| (Some(r), Some(i)))
        .unwrap_or((None, None));
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(
        params![
            filter.kind,
            filter.severity,
            filter.status,
            filter.district,
            filter.programme,
            rank,
            id,
            limit
        ],
        flag_row,
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(conn: &Connection, id: i64) -> StoreResult<FlagRow> {
    let sql = format!("{FLAG_SELECT} WHERE f.id = ?1");
    conn.query_row(&sql, [id], flag_row)
        .optional()?
        .ok_or(super::error::StoreError::NotFound {
            entity: "overlap_flag",
            id: ids::display(id),
        })
}

/// Changes a flag's status (and assignment) if it is still at `version`.
pub fn set_status(
    conn: &Connection,
    id: i64,
    version: i64,
    status: &str,
    agency: Option<i64>,
    at: &str,
) -> StoreResult<()> {
    let changed = conn.execute(
        "UPDATE overlap_flag SET status = ?3, assigned_agency_id = coalesce(?4, assigned_agency_id),
         updated_at = ?5, version = version + 1 WHERE id = ?1 AND version = ?2",
        params![id, version, status, agency, at],
    )?;
    if changed == 1 {
        Ok(())
    } else {
        Err(super::error::StoreError::Conflict {
            entity: "overlap_flag",
            id,
            expected: version,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRow {
    pub at: String,
    pub username: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub agency: Option<String>,
    pub note: Option<String>,
}

pub fn events(conn: &Connection, flag: i64) -> StoreResult<Vec<EventRow>> {
    let mut stmt = conn.prepare(
        "SELECT e.at, u.username, e.from_status, e.to_status, a.code, e.note FROM flag_event e
         LEFT JOIN app_user u ON u.id = e.user_id LEFT JOIN agency a ON a.id = e.assigned_agency_id
         WHERE e.flag_id = ?1 ORDER BY e.at, e.id",
    )?;
    let rows = stmt.query_map([flag], |r| {
        Ok(EventRow {
            at: r.get(0)?,
            username: r.get(1)?,
            from: r.get(2)?,
            to: r.get(3)?,
            agency: r.get(4)?,
            note: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Pairs of roster records held to be one person, for the match export: identical DNI pairs
/// (one person, no conflict flag) and probable matches not rejected.
pub fn for_each_match(
    conn: &Connection,
    mut each: impl FnMut(MatchExportRow) -> StoreResult<()>,
) -> StoreResult<()> {
    let mut stmt = conn.prepare(
        "SELECT pa.code, a.source_code, pb.code, b.source_code, 1000, 'dni'
         FROM roster_record a JOIN roster_record b ON b.person_id = a.person_id AND b.id > a.id
         JOIN programme pa ON pa.id = a.programme_id JOIN programme pb ON pb.id = b.programme_id
         WHERE a.dni IS NOT NULL AND a.dni = b.dni
           AND NOT EXISTS (SELECT 1 FROM overlap_flag f WHERE f.kind = 'dni_conflict'
                           AND f.record_a_id = a.id AND f.record_b_id = b.id)
         UNION ALL
         SELECT pa.code, a.source_code, pb.code, b.source_code, f.score_milli, 'probable'
         FROM overlap_flag f JOIN roster_record a ON a.id = f.record_a_id
         JOIN roster_record b ON b.id = f.record_b_id
         JOIN programme pa ON pa.id = a.programme_id JOIN programme pb ON pb.id = b.programme_id
         WHERE f.kind = 'probable_same_person' AND f.status <> 'dismissed'
         ORDER BY 1, 2, 3, 4",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        each(MatchExportRow {
            programme_a: r.get(0)?,
            code_a: r.get(1)?,
            programme_b: r.get(2)?,
            code_b: r.get(3)?,
            score_milli: r.get(4)?,
            basis: r.get(5)?,
        })?;
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchExportRow {
    pub programme_a: String,
    pub code_a: String,
    pub programme_b: String,
    pub code_b: String,
    pub score_milli: i64,
    pub basis: String,
}
