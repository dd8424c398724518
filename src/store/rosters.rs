//! Roster imports, roster records, their change history, and the enrolments they carry.

use super::error::StoreResult;
use super::ids;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashMap;

pub fn programme_id(conn: &Connection, code: &str) -> StoreResult<Option<i64>> {
    Ok(conn
        .query_row("SELECT id FROM programme WHERE code = ?1", [code], |r| {
            r.get(0)
        })
        .optional()?)
}

pub fn programme_codes(conn: &Connection) -> StoreResult<Vec<String>> {
    let mut stmt = conn.prepare("SELECT code FROM programme WHERE active = 1 ORDER BY id")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn activity_codes(conn: &Connection) -> StoreResult<Vec<String>> {
    let mut stmt = conn.prepare("SELECT code FROM activity_type ORDER BY code")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// (INEI, RENIEC) for every district.
pub fn district_codes(conn: &Connection) -> StoreResult<Vec<(String, Option<String>)>> {
    let mut stmt = conn.prepare("SELECT ubigeo, reniec_ubigeo FROM district")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub struct NewImport<'a> {
    pub programme_id: i64,
    pub file_name: &'a str,
    pub file_sha256: &'a str,
    pub scheme: &'a str,
    pub user_id: Option<i64>,
    pub at: &'a str,
}

pub fn insert_import(conn: &Connection, i: &NewImport) -> StoreResult<i64> {
    let id = ids::next(conn)?;
    conn.execute(
        "INSERT INTO roster_import(id, programme_id, file_name, file_sha256, ubigeo_scheme,
         imported_at, user_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            id,
            i.programme_id,
            i.file_name,
            i.file_sha256,
            i.scheme,
            i.at,
            i.user_id
        ],
    )?;
    Ok(id)
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub total: i64,
    pub new: i64,
    pub updated: i64,
    pub unchanged: i64,
    pub ended: i64,
    pub rejected: i64,
}

pub fn finish_import(conn: &Connection, id: i64, c: &ImportCounts) -> StoreResult<()> {
    conn.execute(
        "UPDATE roster_import SET rows_total = ?2, rows_new = ?3, rows_updated = ?4,
         rows_unchanged = ?5, rows_ended = ?6, rows_rejected = ?7 WHERE id = ?1",
        params![
            id,
            c.total,
            c.new,
            c.updated,
            c.unchanged,
            c.ended,
            c.rejected
        ],
    )?;
    Ok(())
}

/// What the database already holds for a record of the programme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Existing {
    pub id: i64,
    pub person_id: i64,
    pub content_hash: String,
    pub active: bool,
}

pub fn existing_records(
    conn: &Connection,
    programme: i64,
) -> StoreResult<HashMap<String, Existing>> {
    let mut stmt = conn.prepare(
        "SELECT source_code, id, person_id, content_hash, status FROM roster_record
         WHERE programme_id = ?1",
    )?;
    let rows = stmt.query_map([programme], |r| {
        let status: String = r.get(4)?;
        Ok((
            r.get(0)?,
            Existing {
                id: r.get(1)?,
                person_id: r.get(2)?,
                content_hash: r.get(3)?,
                active: status == "active",
            },
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The fields of a roster record as stored.
pub struct RecordFields<'a> {
    pub household_code: Option<&'a str>,
    pub dni: Option<&'a str>,
    pub paternal: &'a str,
    pub maternal: Option<&'a str>,
    pub given: &'a str,
    pub birth_date: Option<&'a str>,
    pub sex: Option<&'a str>,
    pub district: &'a str,
    pub community_id: Option<i64>,
    pub sisfoh: Option<&'a str>,
    pub start_date: Option<&'a str>,
    pub activity: Option<&'a str>,
    pub amount_cents: Option<i64>,
    pub altitude_m: Option<i64>,
    pub herd_size: Option<i64>,
    pub content_hash: &'a str,
}

pub fn insert_record(
    conn: &Connection,
    programme: i64,
    source_code: &str,
    person: i64,
    f: &RecordFields,
    import: i64,
    at: &str,
) -> StoreResult<i64> {
    let id = ids::next(conn)?;
    conn.prepare_cached(
        "INSERT INTO roster_record(id, programme_id, source_code, person_id, household_code, dni,
         paternal_surname, maternal_surname, given_names, birth_date, sex, district_ubigeo,
         community_id, sisfoh_class, start_date, activity_code, amount_cents, altitude_m,
         herd_size, content_hash, first_import_id, last_import_id, created_at, updated_at)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?21,
         ?22,?22)",
    )?
    .execute(params![
        id,
        programme,
        source_code,
        person,
        f.household_code,
        f.dni,
        f.paternal,
        f.maternal,
        f.given,
        f.birth_date,
        f.sex,
        f.district,
        f.community_id,
        f.sisfoh,
        f.start_date,
        f.activity,
        f.amount_cents,
        f.altitude_m,
        f.herd_size,
        f.content_hash,
        import,
        at
    ])?;
    Ok(id)
}

pub fn update_record(
    conn: &Connection,
    id: i64,
    f: &RecordFields,
    import: i64,
    at: &str,
) -> StoreResult<()> {
    conn.prepare_cached(
        "UPDATE roster_record SET household_code = ?2, dni = ?3, paternal_surname = ?4,
         maternal_surname = ?5, given_names = ?6, birth_date = ?7, sex = ?8, district_ubigeo = ?9,
         community_id = ?10, sisfoh_class = ?11, start_date = ?12, activity_code = ?13,
         amount_cents = ?14, altitude_m = ?15, herd_size = ?16, content_hash = ?17,
         status = 'active', ended_on = NULL, last_import_id = ?18, match_scanned_at = NULL,
         updated_at = ?19, version = version + 1 WHERE id = ?1",
    )?
    .execute(params![
        id,
        f.household_code,
        f.dni,
        f.paternal,
        f.maternal,
        f.given,
        f.birth_date,
        f.sex,
        f.district,
        f.community_id,
        f.sisfoh,
        f.start_date,
        f.activity,
        f.amount_cents,
        f.altitude_m,
        f.herd_size,
        f.content_hash,
        import,
        at
    ])?;
    Ok(())
}

/// The stored fields of a record, by name, to tell which changed.
pub fn record_snapshot(
    conn: &Connection,
    id: i64,
) -> StoreResult<Vec<(&'static str, Option<String>)>> {
    const NAMES: [&str; 15] = [
        "household_code",
        "dni",
        "paternal_surname",
        "maternal_surname",
        "given_names",
        "birth_date",
        "sex",
        "district_ubigeo",
        "community_id",
        "sisfoh_class",
        "start_date",
        "activity_code",
        "amount_cents",
        "altitude_m",
        "herd_size",
    ];
    let values: Vec<Option<String>> = conn
        .prepare_cached(
            "SELECT household_code, dni, paternal_surname, maternal_surname, given_names,
             birth_date, sex, district_ubigeo, CAST(community_id AS TEXT), sisfoh_class,
             start_date, activity_code, CAST(amount_cents AS TEXT), CAST(altitude_m AS TEXT),
             CAST(herd_size AS TEXT) FROM roster_record WHERE id = ?1",
        )?
        .query_row([id], |r| (0..15).map(|i| r.get(i)).collect())?;
    Ok(NAMES.into_iter().zip(values).collect())
}

pub fn insert_change(
    conn: &Connection,
    record: i64,
    import: i64,
    kind: &str,
    changed_fields: &str,
    at: &str,
) -> StoreResult<()> {
    let id = ids::next(conn)?;
    conn.prepare_cached(
        "INSERT INTO roster_record_change(id, roster_record_id, import_id, kind, changed_fields, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![id, record, import, kind, changed_fields, at])?;
    Ok(())
}

/// Ends every active record of the programme not seen in this import. Returns their ids.
pub fn end_absent(
    conn: &Connection,
    programme: i64,
    import: i64,
    today: &str,
    at: &str,
) -> StoreResult<Vec<i64>> {
    let ids: Vec<i64> = {
        let mut stmt = conn.prepare(
            "SELECT id FROM roster_record WHERE programme_id = ?1 AND status = 'active'
             AND (last_import_id IS NULL OR last_import_id <> ?2)",
        )?;
        let rows = stmt.query_map(params![programme, import], |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    for id in &ids {
        conn.prepare_cached(
            "UPDATE roster_record SET status = 'ended', ended_on = ?2, updated_at = ?3,
             version = version + 1 WHERE id = ?1",
        )?
        .execute(params![id, today, at])?;
        conn.prepare_cached(
            "UPDATE enrolment SET end_date = max(?2, start_date), end_reason = 'absent_from_roster',
             updated_at = ?3, version = version + 1 WHERE roster_record_id = ?1 AND end_date IS NULL",
        )?
        .execute(params![id, today, at])?;
        insert_change(conn, *id, import, "ended", "[]", at)?;
    }
    Ok(ids)
}

/// Marks a record as seen by this import without changing it.
pub fn touch_record(conn: &Connection, id: i64, import: i64) -> StoreResult<()> {
    conn.prepare_cached("UPDATE roster_record SET last_import_id = ?2 WHERE id = ?1")?
        .execute(params![id, import])?;
    Ok(())
}

pub struct NewEnrolment<'a> {
    pub household_id: i64,
    pub person_id: i64,
    pub programme_id: i64,
    pub roster_record_id: i64,
    pub activity: Option<&'a str>,
    pub amount_cents: Option<i64>,
    pub start_date: &'a str,
    pub at: &'a str,
}

pub fn insert_enrolment(conn: &Connection, e: &NewEnrolment) -> StoreResult<i64> {
    let id = ids::next(conn)?;
    conn.prepare_cached(
        "INSERT INTO enrolment(id, household_id, person_id, programme_id, roster_record_id,
         activity_code, amount_cents, start_date, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
    )?
    .execute(params![
        id,
        e.household_id,
        e.person_id,
        e.programme_id,
        e.roster_record_id,
        e.activity,
        e.amount_cents,
        e.start_date,
        e.at
    ])?;
    Ok(id)
}

/// Brings the open enrolment of a record in line with it; true when one was open.
pub fn update_open_enrolment(
    conn: &Connection,
    record: i64,
    activity: Option<&str>,
    amount_cents: Option<i64>,
    start_date: &str,
    at: &str,
) -> StoreResult<bool> {
    let changed = conn
        .prepare_cached(
            "UPDATE enrolment SET activity_code = ?2, amount_cents = ?3, start_date = ?4,
             updated_at = ?5, version = version + 1 WHERE roster_record_id = ?1 AND end_date IS NULL",
        )?
        .execute(params![record, activity, amount_cents, start_date, at])?;
    Ok(changed > 0)
}

/// How many roster records point at a person (to know whether a record is its only source).
pub fn records_of_person(conn: &Connection, person: i64) -> StoreResult<i64> {
    Ok(conn
        .prepare_cached("SELECT count(*) FROM roster_record WHERE person_id = ?1")?
        .query_row([person], |r| r.get(0))?)
}

/// Records a flag once (its fingerprint is unique); returns whether it is new.
pub struct NewFlag<'a> {
    pub kind: &'a str,
    pub severity: &'a str,
    pub fingerprint: &'a str,
    pub evidence: &'a str,
    pub evidence_hash: &'a str,
    pub district: Option<&'a str>,
    pub household_id: Option<i64>,
    pub person_a_id: Option<i64>,
    pub programme_a_id: Option<i64>,
    pub at: &'a str,
}

pub fn insert_flag_once(conn: &Connection, f: &NewFlag) -> StoreResult<bool> {
    let id = ids::next(conn)?;
    let inserted = conn
        .prepare_cached(
            "INSERT OR IGNORE INTO overlap_flag(id, kind, severity, fingerprint, evidence,
             evidence_hash, district_ubigeo, household_id, person_a_id, programme_a_id,
             created_at, updated_at) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?11)",
        )?
        .execute(params![
            id,
            f.kind,
            f.severity,
            f.fingerprint,
            f.evidence,
            f.evidence_hash,
            f.district,
            f.household_id,
            f.person_a_id,
            f.programme_a_id,
            f.at
        ])?;
    Ok(inserted > 0)
}

/// An active roster record as the roster format writes it, in column order.
pub type ExportRow = [Option<String>; 17];

/// Calls `each` for every active record of the programme, by `codigo_origen`, streaming (the
/// table is never loaded whole).
pub fn for_each_active(
    conn: &Connection,
    programme: i64,
    mut each: impl FnMut(ExportRow) -> StoreResult<()>,
) -> StoreResult<u64> {
    let mut stmt = conn.prepare(
        "SELECT r.source_code, p.code, r.household_code, r.dni, r.paternal_surname,
                r.maternal_surname, r.given_names, r.birth_date, r.sex, r.district_ubigeo,
                c.name, r.sisfoh_class, r.start_date, r.activity_code,
                CAST(r.amount_cents AS TEXT), CAST(r.altitude_m AS TEXT),
                CAST(r.herd_size AS TEXT)
         FROM roster_record r JOIN programme p ON p.id = r.programme_id
         LEFT JOIN community c ON c.id = r.community_id
         WHERE r.programme_id = ?1 AND r.status = 'active' ORDER BY r.source_code",
    )?;
    let mut rows = stmt.query([programme])?;
    let mut count = 0;
    while let Some(row) = rows.next()? {
        let mut out: ExportRow = Default::default();
        for (i, slot) in out.iter_mut().enumerate() {
            *slot = row.get(i)?;
        }
        each(out)?;
        count += 1;
    }
    Ok(count)
}

/// (id, code) of every active programme, by id.
pub fn programme_ids(conn: &Connection) -> StoreResult<Vec<(i64, String)>> {
    let mut stmt = conn.prepare("SELECT id, code FROM programme WHERE active = 1 ORDER BY id")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// (programme code, `codigo_origen`, fields by name as text) of a record.
pub type RecordDisplay = (String, String, Vec<(&'static str, String)>);

/// A roster record's programme, code and fields by name, as text, for display.
pub fn record_for_display(conn: &Connection, id: i64) -> StoreResult<RecordDisplay> {
    const NAMES: [&str; 9] = [
        "dni",
        "paternal_surname",
        "maternal_surname",
        "given_names",
        "birth_date",
        "sex",
        "district",
        "community",
        "household_code",
    ];
    conn.query_row(
        "SELECT p.code, r.source_code, r.dni, r.paternal_surname, r.maternal_surname, r.given_names,
                r.birth_date, r.sex, d.name, c.name, r.household_code
         FROM roster_record r JOIN programme p ON p.id = r.programme_id
         JOIN district d ON d.ubigeo = r.district_ubigeo LEFT JOIN community c ON c.id = r.community_id
         WHERE r.id = ?1",
        [id],
        |r| {
            let mut fields = Vec::new();
            for (i, name) in NAMES.iter().enumerate() {
                fields.push((*name, r.get::<_, Option<String>>(i + 2)?.unwrap_or_default()));
            }
            Ok((r.get(0)?, r.get(1)?, fields))
        },
    )
    .map_err(Into::into)
}
