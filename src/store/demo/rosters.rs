//! Bulk inserts of programme rosters: one import per programme, its records with their first
//! change, the enrolments they stand for, and the demo's ground truth about each record.

use crate::store::error::StoreResult;
use rusqlite::{params, Connection, Statement};

/// One roster import, as if the agency's file had been read.
#[derive(Debug, Clone)]
pub struct ImportRow<'a> {
    pub id: i64,
    pub programme_id: i64,
    pub file_name: &'a str,
    pub user_id: Option<i64>,
}

/// What an import amounted to, written when its last record is in.
#[derive(Debug, Clone)]
pub struct ImportTotals<'a> {
    pub id: i64,
    pub file_sha256: &'a str,
    pub rows: i64,
}

/// A roster record as the agency sent it, linked to the person the import resolved it to.
#[derive(Debug, Clone)]
pub struct RecordRow<'a> {
    pub id: i64,
    pub programme_id: i64,
    pub import_id: i64,
    pub source_code: &'a str,
    pub person_id: i64,
    pub household_code: &'a str,
    pub dni: Option<&'a str>,
    pub paternal: &'a str,
    pub maternal: Option<&'a str>,
    pub given: &'a str,
    pub birth_date: Option<&'a str>,
    pub sex: Option<&'a str>,
    pub district_ubigeo: &'a str,
    pub community_id: i64,
    pub sisfoh_class: Option<&'a str>,
    pub start_date: &'a str,
    pub activity_code: &'a str,
    pub amount_cents: Option<i64>,
    pub altitude_m: Option<i64>,
    pub herd_size: Option<i64>,
    pub ended_on: Option<&'a str>,
    pub content_hash: &'a str,
}

/// An enrolment; `end` is the end date with its reason.
#[derive(Debug, Clone)]
pub struct EnrolmentRow<'a> {
    pub id: i64,
    pub household_id: i64,
    pub person_id: i64,
    pub programme_id: i64,
    pub roster_record_id: i64,
    pub activity_code: &'a str,
    pub amount_cents: Option<i64>,
    pub start_date: &'a str,
    pub end: Option<(&'a str, &'a str)>,
}

/// The prepared inserts of rosters, stamped with one instant.
pub struct RosterWriter<'c> {
    at: String,
    import: Statement<'c>,
    import_totals: Statement<'c>,
    record: Statement<'c>,
    change: Statement<'c>,
    enrolment: Statement<'c>,
    identity: Statement<'c>,
}

impl<'c> RosterWriter<'c> {
    pub fn new(conn: &'c Connection, at: &str) -> StoreResult<Self> {
        Ok(RosterWriter {
            at: at.to_string(),
            import: conn.prepare(
                "INSERT INTO roster_import(id, programme_id, file_name, file_sha256,
                 ubigeo_scheme, imported_at, user_id) VALUES (?1, ?2, ?3, '', 'inei', ?4, ?5)",
            )?,
            import_totals: conn.prepare(
                "UPDATE roster_import SET file_sha256 = ?2, rows_total = ?3, rows_new = ?3
                 WHERE id = ?1",
            )?,
            record: conn.prepare(
                "INSERT INTO roster_record(id, programme_id, source_code, person_id,
                 household_code, dni, paternal_surname, maternal_surname, given_names,
                 birth_date, sex, district_ubigeo, community_id, sisfoh_class, start_date,
                 activity_code, amount_cents, altitude_m, herd_size, status, ended_on,
                 content_hash, first_import_id, last_import_id, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                 ?17, ?18, ?19, CASE WHEN ?20 IS NULL THEN 'active' ELSE 'ended' END, ?20, ?21,
                 ?22, ?22, ?23, ?23)",
            )?,
            change: conn.prepare(
                "INSERT INTO roster_record_change(id, roster_record_id, import_id, kind,
                 changed_fields, at) VALUES (?1, ?2, ?3, 'new', '[]', ?4)",
            )?,
            enrolment: conn.prepare(
                "INSERT INTO enrolment(id, household_id, person_id, programme_id,
                 roster_record_id, activity_code, amount_cents, start_date, end_date,
                 end_reason, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
            )?,
            identity: conn.prepare(
                "INSERT INTO demo_identity(roster_record_id, true_person, noise)
                 VALUES (?1, ?2, ?3)",
            )?,
        })
    }

    /// Starts an import; its totals and file hash come with [`RosterWriter::finish_import`].
    pub fn import(&mut self, row: &ImportRow) -> StoreResult<()> {
        self.import.execute(params![
            row.id,
            row.programme_id,
            row.file_name,
            self.at,
            row.user_id
        ])?;
        Ok(())
    }

    pub fn finish_import(&mut self, totals: &ImportTotals) -> StoreResult<()> {
        self.import_totals
            .execute(params![totals.id, totals.file_sha256, totals.rows])?;
        Ok(())
    }

    /// Inserts a record and its first change (`new`, by its import, with id `change_id`).
    pub fn record(&mut self, row: &RecordRow, change_id: i64) -> StoreResult<()> {
        self.record.execute(params![
            row.id,
            row.programme_id,
            row.source_code,
            row.person_id,
            row.household_code,
            row.dni,
            row.paternal,
            row.maternal,
            row.given,
            row.birth_date,
            row.sex,
            row.district_ubigeo,
            row.community_id,
            row.sisfoh_class,
            row.start_date,
            row.activity_code,
            row.amount_cents,
            row.altitude_m,
            row.herd_size,
            row.ended_on,
            row.content_hash,
            row.import_id,
            self.at
        ])?;
        self.change
            .execute(params![change_id, row.id, row.import_id, self.at])?;
        Ok(())
    }

    pub fn enrolment(&mut self, row: &EnrolmentRow) -> StoreResult<()> {
        let (end_date, end_reason) = row.end.unzip();
        self.enrolment.execute(params![
            row.id,
            row.household_id,
            row.person_id,
            row.programme_id,
            row.roster_record_id,
            row.activity_code,
            row.amount_cents,
            row.start_date,
            end_date,
            end_reason,
            self.at
        ])?;
        Ok(())
    }

    /// The truth about a record: which person it really stands for, and the noise kinds
    /// (comma-separated codes, empty when clean) that disguise it.
    pub fn identity(&mut self, record_id: i64, true_person: i64, noise: &str) -> StoreResult<()> {
        self.identity
            .execute(params![record_id, true_person, noise])?;
        Ok(())
    }
}
