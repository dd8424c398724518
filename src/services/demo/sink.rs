//! Where generated rows go: the store's prepared writers, ids reserved in blocks, and the
//! running counts the summary and the audit entry report.
//!
//! Ids come from the office sequence like every other row's, but a block at a time, so a
//! million households do not cost a million updates of the office row. Unused ids of the last
//! block are simply never issued (ids may have gaps).

use super::households::{Household, Person};
use super::noise::Identity;
use super::DemoSummary;
use crate::domain::dates::iso;
use crate::domain::names::PersonName;
use crate::services::{CoreError, CoreResult};
use crate::store::demo::groups::GroupWriter;
use crate::store::demo::registry::{self, HouseholdRow, PersonRow, RegistryWriter, SisfohRow};
use crate::store::demo::rosters::RosterWriter;
use crate::store::ids;
use chrono::NaiveDate;
use rusqlite::Connection;

/// Ids taken from the office sequence at a time.
const ID_BLOCK: i64 = 10_000;

/// The community a household is written into.
#[derive(Debug, Clone, Copy)]
pub struct Site<'a> {
    pub district_ubigeo: &'a str,
    pub community_id: i64,
    /// The community's matching key (rosters hash it with their records).
    pub community_key: &'a str,
}

/// What a roster record says about its household, when it says anything.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Facts {
    pub sisfoh_class: Option<&'static str>,
    pub herd_size: Option<i64>,
    pub altitude_m: Option<i64>,
}

pub struct Sink<'c> {
    conn: &'c Connection,
    /// The first id this run issued: every person from it on is the demo's.
    first_id: Option<i64>,
    /// Today, as the date rows made by an "import" carry.
    today: String,
    next_id: i64,
    end_id: i64,
    pub registry: RegistryWriter<'c>,
    pub rosters: RosterWriter<'c>,
    pub groups: GroupWriter<'c>,
    /// What has been written so far, counted as it goes.
    pub counts: DemoSummary,
}

impl<'c> Sink<'c> {
    pub fn new(conn: &'c Connection, at: &str, today: NaiveDate) -> CoreResult<Sink<'c>> {
        Ok(Sink {
            conn,
            first_id: None,
            today: iso(today),
            next_id: 0,
            end_id: 0,
            registry: RegistryWriter::new(conn, at)?,
            rosters: RosterWriter::new(conn, at)?,
            groups: GroupWriter::new(conn, at)?,
            counts: DemoSummary::default(),
        })
    }

    pub fn conn(&self) -> &'c Connection {
        self.conn
    }

    /// The next id of this office.
    pub fn id(&mut self) -> CoreResult<i64> {
        if self.next_id == self.end_id {
            self.next_id = ids::reserve(self.conn, ID_BLOCK)?;
            self.end_id = self.next_id + ID_BLOCK;
        }
        let id = self.next_id;
        self.next_id += 1;
        self.first_id.get_or_insert(id);
        Ok(id)
    }

    /// Indexes the names of every person written so far for search.
    pub fn index_names(&self) -> CoreResult<()> {
        if let Some(first_id) = self.first_id {
            registry::index_names(self.conn, first_id)?;
        }
        Ok(())
    }

    /// Writes a generated household and its members, giving them their ids.
    pub fn household(&mut self, household: &mut Household, site: Site) -> CoreResult<()> {
        household.id = self.id()?;
        let sisfoh = match household.sisfoh {
            Some((class, date)) => Some((self.id()?, class.code(), iso(date))),
            None => None,
        };
        self.registry.household(&HouseholdRow {
            id: household.id,
            district_ubigeo: site.district_ubigeo,
            community_id: site.community_id,
            address: Some(household.address),
            sisfoh: sisfoh.as_ref().map(|(id, class, date)| SisfohRow {
                id: *id,
                class,
                classified_on: date,
                source: "SISFOH",
            }),
            herd_size: Some(household.herd),
            altitude_m: Some(household.altitude_m),
        })?;
        self.counts.households += 1;
        for person in &mut household.persons {
            person.id = self.id()?;
            self.true_person(person, household.id)?;
        }
        Ok(())
    }

    fn true_person(&mut self, person: &Person, household_id: i64) -> CoreResult<()> {
        let identity = Identity::of(person);
        let pregnancy = person.pregnant_since.map(iso);
        self.person(
            person.id,
            household_id,
            &identity,
            (Some(person.relationship.code()), pregnancy.as_deref()),
        )?;
        self.counts.homonyms += u64::from(person.homonym);
        Ok(())
    }

    /// Writes a person someone's roster made up: the importer found no one with the record's
    /// DNI, so it registered the record's identity as a new person of `household_id`.
    pub fn duplicate(&mut self, identity: &Identity, household_id: i64) -> CoreResult<i64> {
        let id = self.id()?;
        // The importer cannot know how the person is related to the household's head.
        self.person(id, household_id, identity, (None, None))?;
        self.counts.duplicate_persons += 1;
        Ok(id)
    }

    /// A household made by an import for a person it could not place: only what the roster
    /// record says about it, its SISFOH class dated on the day of the import (as the importer
    /// does: the roster does not say when the class was given).
    pub fn imported_household(&mut self, site: Site, facts: Facts) -> CoreResult<i64> {
        let id = self.id()?;
        let sisfoh = match facts.sisfoh_class {
            Some(class) => Some(SisfohRow {
                id: self.id()?,
                class,
                classified_on: &self.today,
                source: "padrón",
            }),
            None => None,
        };
        self.registry.household(&HouseholdRow {
            id,
            district_ubigeo: site.district_ubigeo,
            community_id: site.community_id,
            address: None,
            sisfoh,
            herd_size: facts.herd_size,
            altitude_m: facts.altitude_m,
        })?;
        self.counts.households += 1;
        Ok(id)
    }

    fn person(
        &mut self,
        id: i64,
        household_id: i64,
        identity: &Identity,
        (relationship, pregnancy): (Option<&str>, Option<&str>),
    ) -> CoreResult<()> {
        let name = PersonName::new(
            &identity.paternal,
            identity.maternal.as_deref(),
            &identity.given,
        )
        .map_err(|e| CoreError::InvalidValue {
            field: "name",
            value: e.to_string(),
        })?;
        let birth = identity.birth.map(iso);
        self.registry.person(&PersonRow {
            id,
            household_id,
            dni: identity.dni.as_deref(),
            paternal: name.paternal(),
            maternal: name.maternal(),
            given: name.given(),
            name_key: &name.sort_key(),
            birth_date: birth.as_deref(),
            sex: Some(identity.sex.code()),
            pregnancy_noted_on: pregnancy,
            relationship,
        })?;
        self.counts.persons += 1;
        Ok(())
    }
}
