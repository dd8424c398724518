//! Second phase of an import: write a checked file in one transaction. New records add
//! persons (or join the person with that DNI), changed ones are updated, records that
//! disappeared from the programme's roster are ended — never deleted.

use super::check::{check_file, CheckedFile, ImportOptions};
use super::errors_file;
use super::record::RosterRecord;
use crate::domain::dates::iso;
use crate::i18n::Lang;
use crate::services::progress::{Progress, ProgressSink};
use crate::services::{dry_run, write, Actor, CoreError, CoreResult, Permission, WriteCtx};
use crate::store::audit::Entry;
use crate::store::households::{self as hh, Identity, NewHousehold, NewPerson};
use crate::store::rosters::{self, Existing, ImportCounts, NewImport, RecordFields};
use crate::store::Store;
use rusqlite::Transaction;
use serde_json::json;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::PathBuf;

/// A person whom two agencies place in different households.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    pub row: u64,
    pub household_code: String,
    pub person_id: i64,
    pub person_household: i64,
    pub agency_household: i64,
}

/// What an import did (or, for a dry run, would do).
#[derive(Debug, Clone)]
pub struct ImportReport {
    pub checked: CheckedFile,
    pub counts: ImportCounts,
    pub imported: bool,
    pub dry_run: bool,
    pub error_file: Option<PathBuf>,
    pub disagreements: Vec<Disagreement>,
    pub import_id: Option<i64>,
}

/// Reads, checks and (unless there are errors and `skip_invalid` is off) imports a roster.
pub fn import_file(
    store: &mut Store,
    actor: &Actor,
    path: &std::path::Path,
    options: &ImportOptions,
    lang: Lang,
    progress: &mut dyn ProgressSink,
) -> CoreResult<ImportReport> {
    actor.require(Permission::WriteRegistry)?;
    let checked = check_file(store, path, options, progress)?;
    apply_checked(store, actor, checked, options, lang, progress)
}

/// Writes an already checked file (the TUI checks first, shows it, then calls this).
pub fn apply_checked(
    store: &mut Store,
    actor: &Actor,
    checked: CheckedFile,
    options: &ImportOptions,
    lang: Lang,
    progress: &mut dyn ProgressSink,
) -> CoreResult<ImportReport> {
    let mut report = ImportReport {
        counts: ImportCounts {
            total: checked.rows_total as i64,
            ..ImportCounts::default()
        },
        checked,
        imported: false,
        dry_run: options.dry_run,
        error_file: None,
        disagreements: Vec::new(),
        import_id: None,
    };
    report.counts.rejected = report.checked.rejected.len() as i64;
    let blocked = report.checked.has_errors() && !options.skip_invalid;
    let Some(programme) = report.checked.programme.clone() else {
        return Ok(report);
    };
    if blocked || report.checked.records.is_empty() {
        return Ok(report);
    }
    let run = |tx: &Transaction, ctx: &WriteCtx| {
        write_all(tx, ctx, &report.checked, &programme, progress)
    };
    let outcome = if options.dry_run {
        dry_run(store, actor, Permission::WriteRegistry, run)?
    } else {
        write(store, actor, Permission::WriteRegistry, run)?
    };
    report.import_id = Some(outcome.import_id);
    report.counts = ImportCounts {
        total: report.counts.total,
        rejected: report.counts.rejected,
        ..outcome.counts
    };
    report.disagreements = outcome.disagreements;
    report.imported = !options.dry_run;
    if options.skip_invalid && !report.checked.rejected.is_empty() && !options.dry_run {
        report.error_file = Some(errors_file::write(&report.checked, lang)?);
    }
    Ok(report)
}

struct Outcome {
    import_id: i64,
    counts: ImportCounts,
    disagreements: Vec<Disagreement>,
}

/// The state of one import while it writes.
struct Writer<'a> {
    tx: &'a Transaction<'a>,
    ctx: &'a WriteCtx<'a>,
    programme_id: i64,
    import_id: i64,
    today: String,
    existing: HashMap<String, Existing>,
    counts: ImportCounts,
    disagreements: Vec<Disagreement>,
}

fn write_all(
    tx: &Transaction,
    ctx: &WriteCtx,
    checked: &CheckedFile,
    programme: &str,
    progress: &mut dyn ProgressSink,
) -> CoreResult<Outcome> {
    let programme_id =
        rosters::programme_id(tx, programme)?.ok_or_else(|| CoreError::InvalidValue {
            field: "programa",
            value: programme.into(),
        })?;
    let file_name = checked
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    let import_id = rosters::insert_import(
        tx,
        &NewImport {
            programme_id,
            file_name: file_name.as_deref().unwrap_or(""),
            file_sha256: &checked.sha256,
            scheme: "inei",
            user_id: ctx.actor().user_id,
            at: &ctx.at,
        },
    )?;
    let mut w = Writer {
        tx,
        ctx,
        programme_id,
        import_id,
        today: iso(ctx.today),
        existing: rosters::existing_records(tx, programme_id)?,
        counts: ImportCounts::default(),
        disagreements: Vec::new(),
    };
    let total = checked.records.len() as u64;
    for (done, record) in checked.records.iter().enumerate() {
        w.record(record)?;
        if done % 1000 == 0 {
            progress.report(Progress {
                done: done as u64,
                total,
            });
        }
    }
    for code in &checked.rejected_codes {
        if let Some(existing) = w.existing.get(code) {
            rosters::touch_record(tx, existing.id, import_id)?;
        }
    }
    w.counts.ended =
        rosters::end_absent(tx, programme_id, import_id, &w.today, &ctx.at)?.len() as i64;
    w.counts.total = checked.rows_total as i64;
    w.counts.rejected = checked.rejected.len() as i64;
    rosters::finish_import(tx, import_id, &w.counts)?;
    ctx.audit(
        tx,
        Entry {
            action: "import",
            entity: "roster_import",
            entity_id: Some(import_id),
            details: json!({
                "programme": programme, "file": file_name, "sha256": checked.sha256,
                "new": w.counts.new, "updated": w.counts.updated, "unchanged": w.counts.unchanged,
                "ended": w.counts.ended, "rejected": w.counts.rejected,
            }),
        },
    )?;
    progress.report(Progress { done: total, total });
    Ok(Outcome {
        import_id,
        counts: w.counts,
        disagreements: w.disagreements,
    })
}

/// The canonical text of a record's content; equal hashes mean nothing changed.
fn content_hash(r: &RosterRecord) -> String {
    let fields = [
        r.household_code.clone().unwrap_or_default(),
        r.dni
            .as_ref()
            .map(|d| d.as_str().to_string())
            .unwrap_or_default(),
        r.name.paternal().to_string(),
        r.name.maternal().unwrap_or_default().to_string(),
        r.name.given().to_string(),
        r.birth_date.map(iso).unwrap_or_default(),
        r.sex.map(|s| s.code().to_string()).unwrap_or_default(),
        r.district.clone(),
        r.community
            .as_deref()
            .map(crate::domain::names::fold_key)
            .unwrap_or_default(),
        r.sisfoh.map(|s| s.code().to_string()).unwrap_or_default(),
        r.start_date.map(iso).unwrap_or_default(),
        r.activity.clone().unwrap_or_default(),
        r.amount.map(|m| m.cents().to_string()).unwrap_or_default(),
        r.altitude_m.map(|v| v.to_string()).unwrap_or_default(),
        r.herd_size.map(|v| v.to_string()).unwrap_or_default(),
    ];
    let mut hasher = Sha256::new();
    for field in fields {
        hasher.update(field.as_bytes());
        hasher.update([0x1f]);
    }
    format!("{:x}", hasher.finalize())
}

impl Writer<'_> {
    fn record(&mut self, r: &RosterRecord) -> CoreResult<()> {
        let hash = content_hash(r);
        match self.existing.get(&r.source_code).cloned() {
            Some(old) if old.active && old.content_hash == hash => {
                rosters::touch_record(self.tx, old.id, self.import_id)?;
                self.counts.unchanged += 1;
            }
            Some(old) => self.update(r, &old, &hash)?,
            None => self.insert(r, &hash)?,
        }
        Ok(())
    }

    fn community(&self, r: &RosterRecord) -> CoreResult<Option<i64>> {
        let Some(name) = &r.community else {
            return Ok(None);
        };
        let key = crate::domain::names::fold_key(name);
        Ok(Some(hh::community_id(
            self.tx,
            &r.district,
            name,
            &key,
            &self.ctx.at,
        )?))
    }

    fn fields<'r>(
        &self,
        r: &'r RosterRecord,
        community: Option<i64>,
        hash: &'r str,
        dates: &'r RecordDates,
    ) -> RecordFields<'r> {
        RecordFields {
            household_code: r.household_code.as_deref(),
            dni: r.dni.as_ref().map(|d| d.as_str()),
            paternal: r.name.paternal(),
            maternal: r.name.maternal(),
            given: r.name.given(),
            birth_date: dates.birth.as_deref(),
            sex: r.sex.map(|s| s.code()),
            district: &r.district,
            community_id: community,
            sisfoh: r.sisfoh.map(|s| s.code()),
            start_date: dates.start.as_deref(),
            activity: r.activity.as_deref(),
            amount_cents: r.amount.map(|m| m.cents()),
            altitude_m: r.altitude_m,
            herd_size: r.herd_size,
            content_hash: hash,
        }
    }

    fn insert(&mut self, r: &RosterRecord, hash: &str) -> CoreResult<()> {
        let community = self.community(r)?;
        let (person, household) = self.person_for(r, community)?;
        let dates = RecordDates::of(r);
        let fields = self.fields(r, community, hash, &dates);
        let id = rosters::insert_record(
            self.tx,
            self.programme_id,
            &r.source_code,
            person,
            &fields,
            self.import_id,
            &self.ctx.at,
        )?;
        rosters::insert_change(self.tx, id, self.import_id, "new", "[]", &self.ctx.at)?;
        rosters::insert_enrolment(
            self.tx,
            &rosters::NewEnrolment {
                household_id: household,
                person_id: person,
                programme_id: self.programme_id,
                roster_record_id: id,
                activity: r.activity.as_deref(),
                amount_cents: r.amount.map(|m| m.cents()),
                start_date: dates.start.as_deref().unwrap_or(&self.today),
                at: &self.ctx.at,
            },
        )?;
        self.counts.new += 1;
        Ok(())
    }

    fn update(&mut self, r: &RosterRecord, old: &Existing, hash: &str) -> CoreResult<()> {
        let community = self.community(r)?;
        let dates = RecordDates::of(r);
        let before = rosters::record_snapshot(self.tx, old.id)?;
        let fields = self.fields(r, community, hash, &dates);
        rosters::update_record(self.tx, old.id, &fields, self.import_id, &self.ctx.at)?;
        let after = rosters::record_snapshot(self.tx, old.id)?;
        let changed: Vec<&str> = before
            .iter()
            .zip(&after)
            .filter(|(b, a)| b.1 != a.1)
            .map(|(b, _)| b.0)
            .collect();
        let kind = if old.active { "updated" } else { "reactivated" };
        rosters::insert_change(
            self.tx,
            old.id,
            self.import_id,
            kind,
            &json!(changed).to_string(),
            &self.ctx.at,
        )?;
        let start = dates.start.clone().unwrap_or_else(|| self.today.clone());
        let open = rosters::update_open_enrolment(
            self.tx,
            old.id,
            r.activity.as_deref(),
            r.amount.map(|m| m.cents()),
            &start,
            &self.ctx.at,
        )?;
        if !open {
            let household = hh::household_of(self.tx, old.person_id)?;
            rosters::insert_enrolment(
                self.tx,
                &rosters::NewEnrolment {
                    household_id: household,
                    person_id: old.person_id,
                    programme_id: self.programme_id,
                    roster_record_id: old.id,
                    activity: r.activity.as_deref(),
                    amount_cents: r.amount.map(|m| m.cents()),
                    start_date: &start,
                    at: &self.ctx.at,
                },
            )?;
        }
        if rosters::records_of_person(self.tx, old.person_id)? == 1 {
            self.mirror_identity(r, old.person_id, &dates)?;
        }
        self.counts.updated += 1;
        Ok(())
    }

    /// When this record is a person's only source, the person follows its corrections.
    fn mirror_identity(
        &self,
        r: &RosterRecord,
        person: i64,
        dates: &RecordDates,
    ) -> CoreResult<()> {
        let dni = r.dni.as_ref().map(|d| d.as_str());
        let dni_free = match dni {
            Some(d) => hh::person_by_dni(self.tx, d)?.is_none_or(|(id, _)| id == person),
            None => true,
        };
        let key = r.name.sort_key();
        hh::update_identity(
            self.tx,
            person,
            &Identity {
                dni: if dni_free { dni } else { None },
                paternal: r.name.paternal(),
                maternal: r.name.maternal(),
                given: r.name.given(),
                name_key: &key,
                birth_date: dates.birth.as_deref(),
                sex: r.sex.map(|s| s.code()),
                at: &self.ctx.at,
            },
        )?;
        Ok(())
    }
}

/// Dates of a record as stored text.
struct RecordDates {
    birth: Option<String>,
    start: Option<String>,
}

impl RecordDates {
    fn of(r: &RosterRecord) -> RecordDates {
        RecordDates {
            birth: r.birth_date.map(iso),
            start: r.start_date.map(iso),
        }
    }
}

impl Writer<'_> {
    /// The person a new record stands for, and their household. A valid DNI already known is
    /// that person (who stays in their household); anyone else is a new person, in the
    /// household this agency's `hogar` code names, or in a household of their own.
    fn person_for(&mut self, r: &RosterRecord, community: Option<i64>) -> CoreResult<(i64, i64)> {
        let known = match &r.dni {
            Some(dni) => hh::person_by_dni(self.tx, dni.as_str())?,
            None => None,
        };
        let mapped = match &r.household_code {
            Some(code) => hh::household_for_code(self.tx, self.programme_id, code)?,
            None => None,
        };
        if let Some((person, household)) = known {
            self.note_household(r, person, household, mapped)?;
            self.fill(r, household)?;
            return Ok((person, household));
        }
        let household = match mapped {
            Some(h) => {
                self.fill(r, h)?;
                h
            }
            None => self.new_household(r, community)?,
        };
        if let Some(code) = &r.household_code {
            hh::map_household_code(self.tx, self.programme_id, code, household, &self.ctx.at)?;
        }
        let dates = RecordDates::of(r);
        let key = r.name.sort_key();
        let person = hh::insert_person(
            self.tx,
            &NewPerson {
                household_id: household,
                dni: r.dni.as_ref().map(|d| d.as_str()),
                paternal: r.name.paternal(),
                maternal: r.name.maternal(),
                given: r.name.given(),
                name_key: &key,
                birth_date: dates.birth.as_deref(),
                sex: r.sex.map(|s| s.code()),
                at: &self.ctx.at,
            },
        )?;
        Ok((person, household))
    }

    fn new_household(&self, r: &RosterRecord, community: Option<i64>) -> CoreResult<i64> {
        Ok(hh::insert_household(
            self.tx,
            &NewHousehold {
                district: &r.district,
                community_id: community,
                sisfoh: r.sisfoh.map(|s| s.code()),
                sisfoh_date: r.sisfoh.map(|_| self.today.as_str()),
                herd_size: r.herd_size,
                altitude_m: r.altitude_m,
                at: &self.ctx.at,
            },
        )?)
    }

    fn fill(&self, r: &RosterRecord, household: i64) -> CoreResult<()> {
        hh::fill_household(
            self.tx,
            &hh::HouseholdFacts {
                id: household,
                sisfoh: r.sisfoh.map(|s| s.code()),
                sisfoh_date: &self.today,
                herd_size: r.herd_size,
                altitude_m: r.altitude_m,
                at: &self.ctx.at,
            },
        )?;
        Ok(())
    }

    /// A known person keeps their household. When this agency's `hogar` code groups them with
    /// another household, the disagreement is listed and flagged, not resolved.
    fn note_household(
        &mut self,
        r: &RosterRecord,
        person: i64,
        household: i64,
        mapped: Option<i64>,
    ) -> CoreResult<()> {
        let Some(code) = &r.household_code else {
            return Ok(());
        };
        let Some(agency_household) = mapped else {
            hh::map_household_code(self.tx, self.programme_id, code, household, &self.ctx.at)?;
            return Ok(());
        };
        if agency_household == household {
            return Ok(());
        }
        let evidence = json!({
            "programme_id": self.programme_id, "household_code": code, "person_id": person,
            "person_household": household, "agency_household": agency_household,
            "row": r.row, "source_code": r.source_code,
        })
        .to_string();
        let fingerprint = format!(
            "household_disagreement:{}:{}:{}",
            self.programme_id, code, person
        );
        let hash = format!("{:x}", Sha256::digest(evidence.as_bytes()));
        rosters::insert_flag_once(
            self.tx,
            &rosters::NewFlag {
                kind: "household_disagreement",
                severity: "low",
                fingerprint: &fingerprint,
                evidence: &evidence,
                evidence_hash: &hash,
                district: Some(&r.district),
                household_id: Some(household),
                person_a_id: Some(person),
                programme_a_id: Some(self.programme_id),
                at: &self.ctx.at,
            },
        )?;
        self.disagreements.push(Disagreement {
            row: r.row,
            household_code: code.clone(),
            person_id: person,
            person_household: household,
            agency_household,
        });
        Ok(())
    }
}
