//! Reading flags (lists, details with both records side by side), the overlap matrix, the
//! match export, and recording a report of Juntos conditionality misuse.

use crate::domain::dates;
use crate::services::{write, Actor, CoreError, CoreResult, Permission};
use crate::store::audit::Entry;
use crate::store::flags::{self, EventRow, FlagFilter, FlagRow, MatchExportRow};
use crate::store::{overlaps as q, rosters, Store};
use serde_json::json;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagPage {
    pub flags: Vec<FlagRow>,
    /// Where the next page starts: (severity rank, id).
    pub next: Option<(i64, i64)>,
}

fn severity_rank(severity: &str) -> i64 {
    match severity {
        "high" => 0,
        "medium" => 1,
        _ => 2,
    }
}

pub fn list(
    store: &Store,
    actor: &Actor,
    filter: &FlagFilter,
    after: Option<(i64, i64)>,
    limit: usize,
) -> CoreResult<FlagPage> {
    actor.require(Permission::ReadRegistry)?;
    let limit = limit.max(1) as i64;
    let mut flags = flags::list(store.conn(), filter, after, limit + 1)?;
    let more = flags.len() as i64 > limit;
    flags.truncate(limit as usize);
    let next = flags
        .last()
        .filter(|_| more)
        .map(|f| (severity_rank(&f.severity), f.id));
    Ok(FlagPage { flags, next })
}

/// A roster record as the side-by-side view shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordSide {
    pub programme: String,
    pub source_code: String,
    pub fields: Vec<(&'static str, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagDetail {
    pub flag: FlagRow,
    pub sides: Option<(RecordSide, RecordSide)>,
    pub events: Vec<EventRow>,
}

pub fn detail(store: &Store, actor: &Actor, id: i64) -> CoreResult<FlagDetail> {
    actor.require(Permission::ReadRegistry)?;
    let conn = store.conn();
    let flag = flags::get(conn, id)?;
    let personal = actor.can(Permission::ReadPersonalData);
    let sides = match (flag.record_a, flag.record_b) {
        (Some(a), Some(b)) => Some((side(store, a, personal)?, side(store, b, personal)?)),
        _ => None,
    };
    Ok(FlagDetail {
        events: flags::events(conn, id)?,
        flag,
        sides,
    })
}

fn side(store: &Store, record: i64, personal: bool) -> CoreResult<RecordSide> {
    let (programme, code, mut fields) = rosters::record_for_display(store.conn(), record)?;
    if !personal {
        for (name, value) in fields.iter_mut() {
            if *name == "dni" && value.len() == 8 {
                *value = format!("****{}", &value[4..]);
            }
            if *name == "birth_date" && !value.is_empty() {
                *value = "****".into();
            }
        }
    }
    Ok(RecordSide {
        programme,
        source_code: code,
        fields,
    })
}

/// One cell of the matrix: households and persons enrolled in both programmes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixCell {
    pub programme_a: String,
    pub programme_b: String,
    pub households: i64,
    pub persons: i64,
    pub class: Option<String>,
}

pub fn matrix(store: &Store, actor: &Actor) -> CoreResult<Vec<MatrixCell>> {
    actor.require(Permission::ReadRegistry)?;
    let conn = store.conn();
    let codes = rosters::programme_ids(conn)?;
    let classes = q::matrix_classes(conn)?;
    let counts = q::matrix(conn)?;
    let name = |id: i64| {
        codes
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, c)| c.clone())
            .unwrap_or_default()
    };
    let mut cells = Vec::new();
    for (i, (a, _)) in codes.iter().enumerate() {
        for (b, _) in &codes[i + 1..] {
            let (households, persons) = counts
                .iter()
                .find(|c| c.0 == *a && c.1 == *b)
                .map(|c| (c.2, c.3))
                .unwrap_or((0, 0));
            let class = classes
                .iter()
                .find(|c| c.0 == *a && c.1 == *b)
                .map(|c| c.2.clone());
            cells.push(MatrixCell {
                programme_a: name(*a),
                programme_b: name(*b),
                households,
                persons,
                class,
            });
        }
    }
    Ok(cells)
}

/// A page of the households in one cell of the matrix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HouseholdPage {
    pub households: Vec<q::SharedHousehold>,
    /// Where the next page starts (the last household's id), if there is one.
    pub next: Option<i64>,
}

/// The households enrolled (actively) in both programmes, `limit` at a time, keyset-paged by
/// household id. Programmes are named by code, as [`MatrixCell`] names them.
pub fn shared_households(
    store: &Store,
    actor: &Actor,
    programmes: (&str, &str),
    after: Option<i64>,
    limit: usize,
) -> CoreResult<HouseholdPage> {
    actor.require(Permission::ReadRegistry)?;
    let conn = store.conn();
    let codes = rosters::programme_ids(conn)?;
    let id = |code: &str| {
        codes
            .iter()
            .find(|(_, c)| c == code)
            .map(|(i, _)| *i)
            .ok_or_else(|| CoreError::InvalidValue {
                field: "programme",
                value: code.to_string(),
            })
    };
    let pair = (id(programmes.0)?, id(programmes.1)?);
    let limit = limit.max(1) as i64;
    let mut households = q::shared_households(conn, pair, after, limit + 1)?;
    let more = households.len() as i64 > limit;
    households.truncate(limit as usize);
    let next = households.last().filter(|_| more).map(|h| h.id);
    Ok(HouseholdPage { households, next })
}

/// What the alert list can be filtered by, besides the fixed kinds, severities and states.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterChoices {
    /// (id, code) of the active programmes.
    pub programmes: Vec<(i64, String)>,
    /// (UBIGEO, name) of the districts that have flags.
    pub districts: Vec<(String, String)>,
}

pub fn filter_choices(store: &Store, actor: &Actor) -> CoreResult<FilterChoices> {
    actor.require(Permission::ReadRegistry)?;
    let conn = store.conn();
    Ok(FilterChoices {
        programmes: rosters::programme_ids(conn)?,
        districts: q::flag_districts(conn)?,
    })
}

/// Writes the record-match export (`shared/formats/ROSTER.md`) as CSV.
pub fn write_matches(
    store: &Store,
    actor: &Actor,
    out: &mut dyn std::io::Write,
) -> CoreResult<u64> {
    actor.require(Permission::ReadPersonalData)?;
    let io = |e: csv::Error| CoreError::WriteFile {
        path: "-".into(),
        detail: e.to_string(),
    };
    let mut writer = csv::Writer::from_writer(out);
    writer
        .write_record([
            "programa_a",
            "codigo_origen_a",
            "programa_b",
            "codigo_origen_b",
            "score",
            "basis",
        ])
        .map_err(io)?;
    let mut count = 0;
    let mut failure = None;
    flags::for_each_match(store.conn(), |row: MatchExportRow| {
        let score = format!("{:.3}", row.score_milli as f64 / 1000.0);
        if failure.is_none() {
            failure = writer
                .write_record([
                    &row.programme_a,
                    &row.code_a,
                    &row.programme_b,
                    &row.code_b,
                    &score,
                    &row.basis,
                ])
                .err();
        }
        count += 1;
        Ok(())
    })?;
    if let Some(e) = failure {
        return Err(io(e));
    }
    writer.flush().map_err(|e| io(e.into()))?;
    Ok(count)
}

/// A report that an agency threatened a Juntos household's transfer to force other
/// participation. It becomes a high-severity flag at once.
#[derive(Debug, Clone, Default)]
pub struct MisuseDraft {
    pub reported_on: String,
    pub agency_code: String,
    pub forced_activity: String,
    pub description: String,
    pub household: Option<i64>,
    pub community: Option<i64>,
    pub reported_by: String,
}

pub fn report_misuse(store: &mut Store, actor: &Actor, draft: &MisuseDraft) -> CoreResult<i64> {
    let today = store.clock().today();
    let date = dates::parse_past_date(&draft.reported_on, today).map_err(|e| {
        CoreError::Invalid(crate::domain::forms::FieldErrors(vec![(
            "reported_on",
            crate::domain::forms::FieldProblem::Date(e),
        )]))
    })?;
    let agency =
        q::agency_id(store.conn(), &draft.agency_code.trim().to_uppercase())?.ok_or_else(|| {
            CoreError::InvalidValue {
                field: "agency",
                value: draft.agency_code.clone(),
            }
        })?;
    if draft.description.trim().is_empty() || draft.forced_activity.trim().is_empty() {
        return Err(CoreError::ReasonRequired);
    }
    write(store, actor, Permission::WorkFlags, |tx, ctx| {
        let id = q::insert_misuse(
            tx,
            &q::NewMisuse {
                reported_on: &dates::iso(date),
                household: draft.household,
                community: draft.community,
                agency,
                forced_activity: draft.forced_activity.trim(),
                description: draft.description.trim(),
                reported_by: Some(draft.reported_by.trim()).filter(|s| !s.is_empty()),
                user: ctx.actor().user_id,
                at: &ctx.at,
            },
        )?;
        let found = super::rules::misuse_flags(tx)?;
        for f in found
            .iter()
            .filter(|f| f.fingerprint == format!("conditionality_misuse:{id}"))
        {
            flags::upsert_unscanned(tx, f, &ctx.at)?;
        }
        ctx.audit(
            tx,
            Entry {
                action: "create",
                entity: "conditionality_report",
                entity_id: Some(id),
                details: json!({ "agency": draft.agency_code }),
            },
        )?;
        Ok(id)
    })
}
