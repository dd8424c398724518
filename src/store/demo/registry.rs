//! Bulk inserts into the registry: households, their SISFOH history and agency codes, persons
//! and the persons' full-text index.

use crate::store::error::StoreResult;
use rusqlite::{params, Connection, OptionalExtension, Statement};

/// A household row.
#[derive(Debug, Clone)]
pub struct HouseholdRow<'a> {
    pub id: i64,
    pub district_ubigeo: &'a str,
    pub community_id: i64,
    pub address: Option<&'a str>,
    /// The SISFOH classification, or none.
    pub sisfoh: Option<SisfohRow<'a>>,
    pub herd_size: Option<i64>,
    pub altitude_m: Option<i64>,
}

/// A household's SISFOH classification: current on the household row, and the first entry of
/// its history (with id `id`).
#[derive(Debug, Clone)]
pub struct SisfohRow<'a> {
    pub id: i64,
    pub class: &'a str,
    pub classified_on: &'a str,
    /// Where the classification came from (`SISFOH`, or `padrón` when a roster said it).
    pub source: &'a str,
}

/// A person row. Names arrive normalised, and `name_key` is their sort key.
#[derive(Debug, Clone)]
pub struct PersonRow<'a> {
    pub id: i64,
    pub household_id: i64,
    pub dni: Option<&'a str>,
    pub paternal: &'a str,
    pub maternal: Option<&'a str>,
    pub given: &'a str,
    pub name_key: &'a str,
    pub birth_date: Option<&'a str>,
    pub sex: Option<&'a str>,
    pub pregnancy_noted_on: Option<&'a str>,
    pub relationship: Option<&'a str>,
}

/// The prepared inserts of the registry, stamped with one instant.
pub struct RegistryWriter<'c> {
    at: String,
    household: Statement<'c>,
    sisfoh: Statement<'c>,
    household_code: Statement<'c>,
    person: Statement<'c>,
    person_by_dni: Statement<'c>,
}

impl<'c> RegistryWriter<'c> {
    pub fn new(conn: &'c Connection, at: &str) -> StoreResult<Self> {
        Ok(RegistryWriter {
            at: at.to_string(),
            household: conn.prepare(
                "INSERT INTO household(id, district_ubigeo, community_id, address, sisfoh_class,
                 sisfoh_date, herd_size, altitude_m, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            )?,
            sisfoh: conn.prepare(
                "INSERT INTO household_sisfoh(id, household_id, sisfoh_class, classified_on,
                 source, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?,
            household_code: conn.prepare(
                "INSERT INTO household_code(programme_id, code, household_id, created_at)
                 VALUES (?1, ?2, ?3, ?4)",
            )?,
            person: conn.prepare(
                "INSERT INTO person(id, household_id, district_ubigeo, dni, paternal_surname,
                 maternal_surname, given_names, name_key, birth_date, sex, pregnant,
                 pregnancy_noted_on, relationship, created_at, updated_at)
                 VALUES (?1, ?2, (SELECT district_ubigeo FROM household WHERE id = ?2), ?3, ?4,
                 ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
            )?,
            person_by_dni: conn.prepare(
                "SELECT id, household_id FROM person WHERE dni = ?1 AND merged_into_id IS NULL",
            )?,
        })
    }

    /// Inserts a household and, when it is classified, the first entry of its SISFOH history.
    pub fn household(&mut self, row: &HouseholdRow) -> StoreResult<()> {
        let (class, date) = row
            .sisfoh
            .as_ref()
            .map(|s| (s.class, s.classified_on))
            .unzip();
        self.household.execute(params![
            row.id,
            row.district_ubigeo,
            row.community_id,
            row.address,
            class,
            date,
            row.herd_size,
            row.altitude_m,
            self.at
        ])?;
        if let Some(s) = &row.sisfoh {
            self.sisfoh.execute(params![
                s.id,
                row.id,
                s.class,
                s.classified_on,
                "SISFOH",
                self.at
            ])?;
        }
        Ok(())
    }

    /// Records a programme's own code for a household.
    pub fn household_code(
        &mut self,
        programme_id: i64,
        code: &str,
        household_id: i64,
    ) -> StoreResult<()> {
        self.household_code
            .execute(params![programme_id, code, household_id, self.at])?;
        Ok(())
    }

    /// Inserts a person. Their name is indexed for search afterwards, all at once, by
    /// [`index_names`].
    pub fn person(&mut self, row: &PersonRow) -> StoreResult<()> {
        self.person.execute(params![
            row.id,
            row.household_id,
            row.dni,
            row.paternal,
            row.maternal,
            row.given,
            row.name_key,
            row.birth_date,
            row.sex,
            row.pregnancy_noted_on.is_some(),
            row.pregnancy_noted_on,
            row.relationship,
            self.at
        ])?;
        Ok(())
    }

    /// The (unmerged) person holding a DNI, with their household: (person id, household id).
    pub fn person_by_dni(&mut self, dni: &str) -> StoreResult<Option<(i64, i64)>> {
        Ok(self
            .person_by_dni
            .query_row([dni], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }
}

/// Adds every person from id `first_id` on to the full-text index, as "Given Paternal
/// Maternal" (the order people type a name in), in one statement.
///
/// Done once after the bulk load rather than row by row: every insert into a table with a
/// trigger opens a statement savepoint, and FTS5 flushes its pending terms to disk at each
/// savepoint, so interleaved inserts would write one tiny segment per person and spend most of
/// the load merging them.
pub fn index_names(conn: &Connection, first_id: i64) -> StoreResult<usize> {
    Ok(conn.execute(
        "INSERT INTO person_fts(rowid, full_name)
         SELECT id, given_names || ' ' || paternal_surname || coalesce(' ' || maternal_surname, '')
         FROM person WHERE id >= ?1 ORDER BY id",
        [first_id],
    )?)
}
