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

fn insert(conn: &Connection, f: &Found, scan: i64, at: &str) -> StoreResult<i64> {
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
