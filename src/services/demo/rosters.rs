//! Each agency's roster, as if it had been sent and imported: one record per enrolment, typed
//! with the agency's noise, and linked to a person the way the roster importer links it.
//!
//! The importer's rule, mirrored here: a record whose DNI is valid and belongs to a registered
//! person is that person; any other record (DNI mistyped, short or missing) becomes a new person,
//! placed in the household the agency's household code already points to, or in a new one.
//! Those new persons are the duplicates the overlap scan must find; a record carrying someone
//! else's DNI (a planted conflict) is linked to that someone. `demo_identity` keeps the truth
//! for every record: the true person and the noise kinds, plus `homonym` when the true person
//! shares a full name with another adult of the community.

use super::enrolments::{Plan, Programme};
use super::households::{Household, Person};
use super::noise::{Disguise, Identity, NoiseKind, NoiseProfile};
use super::rng::{Rng, WHOLE_BP};
use super::roster_fields::{content_hash, facts_of, household_code, source_code};
use super::sink::{Facts, Sink, Site};
use crate::domain::dates::iso;
use crate::services::CoreResult;
use crate::store::demo::rosters::{EnrolmentRow, ImportRow, ImportTotals, RecordRow};
use sha2::{Digest, Sha256};

/// One programme's roster being written.
struct Roster {
    programme: Programme,
    programme_id: i64,
    import_id: i64,
    records: u64,
    households: u64,
    digest: Sha256,
}

/// The last person linked by their own DNI in the community: whose DNI a planted conflict
/// borrows, so that one DNI stands for two clearly different people across rosters.
#[derive(Debug, Clone)]
struct Donor {
    person_id: i64,
    household_id: i64,
    dni: String,
    paternal: &'static str,
}

/// Where a record was linked: (person id, household id).
type Link = (i64, i64);

pub struct Rosters {
    rosters: Vec<Roster>,
    profile: NoiseProfile,
    rng: Rng,
    donor: Option<Donor>,
}

/// What one household's records share.
pub struct Batch<'a> {
    pub site: Site<'a>,
    pub household: &'a Household,
    pub plans: &'a [Plan],
}

impl Rosters {
    /// Starts one import per programme. `programme_ids` are in [`Programme::ALL`] order.
    pub fn start(
        sink: &mut Sink,
        programme_ids: [i64; 4],
        user_id: Option<i64>,
        (profile, rng): (NoiseProfile, Rng),
    ) -> CoreResult<Rosters> {
        let mut rosters = Vec::new();
        for (programme, programme_id) in Programme::ALL.into_iter().zip(programme_ids) {
            let import_id = sink.id()?;
            let file_name = format!("padron_{}_demo.csv", programme.code().to_lowercase());
            sink.rosters.import(&ImportRow {
                id: import_id,
                programme_id,
                file_name: &file_name,
                user_id,
            })?;
            rosters.push(Roster {
                programme,
                programme_id,
                import_id,
                records: 0,
                households: 0,
                digest: Sha256::new(),
            });
        }
        Ok(Rosters {
            rosters,
            profile,
            rng,
            donor: None,
        })
    }

    /// A new community: conflicts borrow DNIs from neighbours only.
    pub fn enter_community(&mut self) {
        self.donor = None;
    }

    /// Writes the records, persons and enrolments of one household's plans.
    pub fn household(&mut self, sink: &mut Sink, batch: &Batch) -> CoreResult<()> {
        for programme in Programme::ALL {
            let plans: Vec<&Plan> = batch
                .plans
                .iter()
                .filter(|p| p.programme == programme)
                .collect();
            if plans.is_empty() {
                continue;
            }
            let roster = &mut self.rosters[programme.index()];
            roster.households += 1;
            let code = household_code(programme, roster.households, batch.site.district_ubigeo);
            let mut code_household = None;
            let mut people: Vec<usize> = Vec::new();
            for plan in &plans {
                if !people.contains(&plan.person) {
                    people.push(plan.person);
                }
            }
            for person in people {
                let own: Vec<&Plan> = plans
                    .iter()
                    .copied()
                    .filter(|p| p.person == person)
                    .collect();
                let entry = Entry {
                    code: &code,
                    person: &batch.household.persons[person],
                    own: &own,
                };
                self.person_records(sink, batch, entry, &mut code_household)?;
            }
        }
        Ok(())
    }

    /// All records of one person in one programme: one identity, as the agency typed it once.
    fn person_records(
        &mut self,
        sink: &mut Sink,
        batch: &Batch,
        entry: Entry,
        code_household: &mut Option<i64>,
    ) -> CoreResult<()> {
        let programme = entry.own[0].programme;
        let (identity, kinds) = self.disguise(programme, entry.person, sink);
        let facts = facts_of(programme, batch.household);
        let mut labels: Vec<&str> = kinds.iter().map(|k| k.code()).collect();
        if entry.person.homonym {
            labels.push("homonym");
        }
        let truth = Truth {
            person_id: entry.person.id,
            labels: labels.join(","),
        };
        sink.counts.noisy_records += if kinds.is_empty() {
            0
        } else {
            entry.own.len() as u64
        };
        for plan in entry.own {
            // Linked record by record, as the importer reads rows: a record without a DNI
            // becomes a new person each time, one with a mistyped DNI only the first time.
            let link = self.link(
                sink,
                batch,
                (&identity, &kinds),
                (entry.person, *code_household, facts),
            )?;
            if code_household.is_none() {
                let programme_id = self.rosters[programme.index()].programme_id;
                sink.registry
                    .household_code(programme_id, entry.code, link.1)?;
                *code_household = Some(link.1);
            }
            let record = RecordSpec {
                plan,
                identity: &identity,
                link,
                facts,
                code: entry.code,
            };
            self.record(sink, batch, &record, &truth)?;
        }
        Ok(())
    }

    /// The person as this programme's roster has them.
    fn disguise(
        &mut self,
        programme: Programme,
        person: &Person,
        sink: &mut Sink,
    ) -> (Identity, Vec<NoiseKind>) {
        let scale_bp = match programme {
            Programme::Juntos => self.profile.juntos_scale_bp,
            _ => WHOLE_BP,
        };
        let disguise = Disguise {
            profile: &self.profile,
            scale_bp,
        };
        let (mut identity, mut kinds) = disguise.apply(&mut self.rng, person);
        let conflict_bp =
            u64::from(self.profile.dni_conflict_bp) * u64::from(scale_bp) / u64::from(WHOLE_BP);
        let donor = self
            .donor
            .as_ref()
            .filter(|d| d.person_id != person.id && d.paternal != person.paternal);
        if let Some(donor) = donor {
            if identity.dni.is_some()
                && !kinds.iter().any(|k| k.breaks_dni())
                && self.rng.chance(conflict_bp as u32)
            {
                identity.dni = Some(donor.dni.clone());
                kinds.push(NoiseKind::DniConflict);
                kinds.sort();
                sink.counts.dni_conflicts += 1;
            }
        }
        // Juntos and Agrorural type names in capitals; case is not noise, matching ignores it.
        if matches!(programme, Programme::Juntos | Programme::Agrorural) {
            identity.given = identity.given.to_uppercase();
            identity.paternal = identity.paternal.to_uppercase();
            identity.maternal = identity.maternal.map(|m| m.to_uppercase());
        }
        (identity, kinds)
    }

    /// Links a record to a person as the importer would, creating the person if needed.
    fn link(
        &mut self,
        sink: &mut Sink,
        batch: &Batch,
        (identity, kinds): (&Identity, &[NoiseKind]),
        (person, code_household, facts): (&Person, Option<i64>, Facts),
    ) -> CoreResult<Link> {
        if let Some(dni) = &identity.dni {
            if person.dni.as_ref() == Some(dni) {
                self.donor = Some(Donor {
                    person_id: person.id,
                    household_id: batch.household.id,
                    dni: dni.clone(),
                    paternal: person.paternal,
                });
                return Ok((person.id, batch.household.id));
            }
            if kinds.contains(&NoiseKind::DniConflict) {
                if let Some(donor) = &self.donor {
                    return Ok((donor.person_id, donor.household_id));
                }
            }
            if let Some(found) = sink.registry.person_by_dni(dni)? {
                return Ok(found);
            }
        }
        let household_id = match code_household {
            Some(id) => id,
            None => sink.imported_household(batch.site, facts)?,
        };
        Ok((sink.duplicate(identity, household_id)?, household_id))
    }

    fn record(
        &mut self,
        sink: &mut Sink,
        batch: &Batch,
        spec: &RecordSpec,
        truth: &Truth,
    ) -> CoreResult<()> {
        let roster = &mut self.rosters[spec.plan.programme.index()];
        roster.records += 1;
        let source_code = source_code(roster.programme, roster.records, batch.site.district_ubigeo);
        let (id, change_id) = (sink.id()?, sink.id()?);
        let texts = RecordTexts::of(spec);
        let mut row = RecordRow {
            id,
            programme_id: roster.programme_id,
            import_id: roster.import_id,
            source_code: &source_code,
            person_id: spec.link.0,
            household_code: spec.code,
            dni: spec.identity.dni.as_deref(),
            paternal: &spec.identity.paternal,
            maternal: spec.identity.maternal.as_deref(),
            given: &spec.identity.given,
            birth_date: texts.birth.as_deref(),
            sex: Some(spec.identity.sex.code()),
            district_ubigeo: batch.site.district_ubigeo,
            community_id: batch.site.community_id,
            sisfoh_class: spec.facts.sisfoh_class,
            start_date: &texts.start,
            activity_code: spec.plan.activity,
            amount_cents: spec.plan.amount_cents,
            altitude_m: spec.facts.altitude_m,
            herd_size: spec.facts.herd_size,
            ended_on: texts.end.as_deref(),
            content_hash: "",
        };
        let hash = content_hash(&row, batch.site.community_key);
        roster.digest.update(hash.as_bytes());
        row.content_hash = &hash;
        sink.rosters.record(&row, change_id)?;
        let programme_id = roster.programme_id;
        enrol(sink, spec, (programme_id, id), &texts)?;
        sink.rosters.identity(id, truth.person_id, &truth.labels)?;
        sink.counts.roster_records += 1;
        Ok(())
    }

    /// Closes every import with its row count and a hash of its records.
    pub fn finish(self, sink: &mut Sink) -> CoreResult<()> {
        for roster in self.rosters {
            let sha = format!("{:x}", roster.digest.finalize());
            sink.rosters.finish_import(&ImportTotals {
                id: roster.import_id,
                file_sha256: &sha,
                rows: roster.records as i64,
            })?;
        }
        Ok(())
    }
}

/// The enrolment a record stands for, in the household of the person it was linked to.
fn enrol(
    sink: &mut Sink,
    spec: &RecordSpec,
    (programme_id, record_id): (i64, i64),
    texts: &RecordTexts,
) -> CoreResult<()> {
    let id = sink.id()?;
    sink.rosters.enrolment(&EnrolmentRow {
        id,
        household_id: spec.link.1,
        person_id: spec.link.0,
        programme_id,
        roster_record_id: record_id,
        activity_code: spec.plan.activity,
        amount_cents: spec.plan.amount_cents,
        start_date: &texts.start,
        end: texts
            .end
            .as_deref()
            .zip(spec.plan.end.map(|(_, reason)| reason)),
    })?;
    sink.counts.enrolments += 1;
    sink.counts.active_enrolments += u64::from(spec.plan.end.is_none());
    Ok(())
}

/// One person's share of a household's plans in a programme.
struct Entry<'a> {
    code: &'a str,
    person: &'a Person,
    own: &'a [&'a Plan],
}

struct Truth {
    person_id: i64,
    labels: String,
}

struct RecordSpec<'a> {
    plan: &'a Plan,
    identity: &'a Identity,
    link: Link,
    facts: Facts,
    code: &'a str,
}

/// A record's dates as text.
struct RecordTexts {
    birth: Option<String>,
    start: String,
    end: Option<String>,
}

impl RecordTexts {
    fn of(spec: &RecordSpec) -> RecordTexts {
        RecordTexts {
            birth: spec.identity.birth.map(iso),
            start: iso(spec.plan.start),
            end: spec.plan.end.map(|(d, _)| iso(d)),
        }
    }
}
