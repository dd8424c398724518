//! The committee of a district and its member agencies.
//!
//! An office keeps one active committee per district; the committee of the office's own
//! district is "the" committee the command line and the screens work on. Memberships have a
//! first and (when an agency leaves) a last day, so past quorums stay right.

use super::agencies::{entry, get_active};
use super::{fail, require_read, required, CommitteeError, DateField, RequiredText};
use crate::domain::committee::quorum::parse_percent;
use crate::domain::committee::schedule::MonthlyRule;
use crate::domain::dates::{iso, parse_date};
use crate::services::{write, Actor, CoreResult, Permission, WriteCtx};
use crate::store::committee::committees::{self, CommitteeFields, CommitteeRow, MemberRow};
use crate::store::{ids, office, territory, Store, StoreError};
use rusqlite::{Connection, Transaction};
use serde_json::json;

/// The quorum when none is given: more than half of the member agencies.
pub const DEFAULT_QUORUM_BP: i64 = 5001;

/// What a person fills in for a committee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CommitteeInput<'a> {
    pub name: &'a str,
    /// The district; the office's own when missing.
    pub district_ubigeo: Option<&'a str>,
    /// "primer martes", "first tuesday"…; none when the committee meets on no fixed rule.
    pub monthly_rule: Option<&'a str>,
    /// A percentage ("60"); more than half when missing.
    pub quorum_percent: Option<&'a str>,
}

struct CleanCommittee {
    name: String,
    rule: Option<String>,
    quorum_bp: i64,
}

fn clean(input: &CommitteeInput) -> Result<CleanCommittee, CommitteeError> {
    let name = required(input.name, RequiredText::CommitteeName)?;
    let rule = match input.monthly_rule.map(str::trim).filter(|r| !r.is_empty()) {
        Some(text) => Some(MonthlyRule::parse(text)?.code()),
        None => None,
    };
    let quorum_bp = match input
        .quorum_percent
        .map(str::trim)
        .filter(|q| !q.is_empty())
    {
        Some(text) => parse_percent(text)
            .map(i64::from)
            .ok_or_else(|| CommitteeError::InvalidQuorum(text.to_string()))?,
        None => DEFAULT_QUORUM_BP,
    };
    Ok(CleanCommittee {
        name,
        rule,
        quorum_bp,
    })
}

pub fn create_committee(
    store: &mut Store,
    actor: &Actor,
    input: &CommitteeInput,
) -> CoreResult<i64> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        create_committee_in(tx, ctx, input)
    })
}

pub fn create_committee_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    input: &CommitteeInput,
) -> CoreResult<i64> {
    let clean = clean(input)?;
    let district = match input
        .district_ubigeo
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        Some(ubigeo) => ubigeo.to_string(),
        None => {
            office::get(tx)?
                .ok_or(StoreError::NotInitialised)?
                .district_ubigeo
        }
    };
    if territory::district(tx, &district)?.is_none() {
        return fail(CommitteeError::UnknownDistrict(district));
    }
    if committees::active(tx, &district)?
        .iter()
        .any(|c| c.district_ubigeo == district)
    {
        return fail(CommitteeError::CommitteeExists { district });
    }
    let id = ids::next(tx)?;
    let fields = CommitteeFields {
        name: &clean.name,
        monthly_rule: clean.rule.as_deref(),
        quorum_bp: clean.quorum_bp,
    };
    committees::insert(tx, id, &district, &fields, &ctx.at)?;
    let details = json!({ "district": district, "name": clean.name, "rule": clean.rule,
        "quorum_bp": clean.quorum_bp });
    ctx.audit(tx, entry("create", "committee", id, details))?;
    Ok(id)
}

/// Changes the committee's name, rule or quorum, if nobody did since `expected_version`.
pub fn update_committee(
    store: &mut Store,
    actor: &Actor,
    id: i64,
    expected_version: i64,
    input: &CommitteeInput,
) -> CoreResult<()> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        let clean = clean(input)?;
        let fields = CommitteeFields {
            name: &clean.name,
            monthly_rule: clean.rule.as_deref(),
            quorum_bp: clean.quorum_bp,
        };
        committees::update(tx, id, expected_version, &fields, &ctx.at)?;
        let details =
            json!({ "name": clean.name, "rule": clean.rule, "quorum_bp": clean.quorum_bp });
        ctx.audit(tx, entry("update", "committee", id, details))
    })
}

/// The committee the office works with: the active one of its district, else the first
/// active one.
pub fn current_committee(store: &Store, actor: &Actor) -> CoreResult<CommitteeRow> {
    require_read(actor)?;
    current_in(store.conn())
}

pub(crate) fn current_in(conn: &Connection) -> CoreResult<CommitteeRow> {
    let district = office::get(conn)?
        .map(|o| o.district_ubigeo)
        .unwrap_or_default();
    committees::active(conn, &district)?
        .into_iter()
        .next()
        .ok_or_else(|| CommitteeError::NoCommittee.into())
}

pub(crate) fn get(conn: &Connection, id: i64) -> CoreResult<CommitteeRow> {
    committees::by_id(conn, id)?.ok_or_else(|| CommitteeError::NoCommittee.into())
}

/// Every membership, past ones included.
pub fn members(store: &Store, actor: &Actor, committee_id: i64) -> CoreResult<Vec<MemberRow>> {
    require_read(actor)?;
    Ok(committees::members(store.conn(), committee_id)?)
}

/// Makes an active agency a member from `since` (a date as people write it).
pub fn add_member(
    store: &mut Store,
    actor: &Actor,
    committee_id: i64,
    agency_id: i64,
    since: &str,
) -> CoreResult<()> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        add_member_in(tx, ctx, committee_id, agency_id, since)
    })
}

pub fn add_member_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    committee_id: i64,
    agency_id: i64,
    since: &str,
) -> CoreResult<()> {
    let since = parse_date(since).map_err(CommitteeError::date(DateField::MemberSince))?;
    get(tx, committee_id)?;
    let agency = get_active(tx, agency_id)?;
    committees::put_member(tx, committee_id, agency_id, &iso(since))?;
    let details = json!({ "agency": agency.code, "since": iso(since) });
    ctx.audit(tx, entry("add_member", "committee", committee_id, details))
}

/// Ends a membership: `until` is the agency's last day as a member.
pub fn end_membership(
    store: &mut Store,
    actor: &Actor,
    committee_id: i64,
    agency_id: i64,
    until: &str,
) -> CoreResult<()> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        let until = parse_date(until).map_err(CommitteeError::date(DateField::MemberUntil))?;
        let agency = super::agencies::get(tx, agency_id)?;
        let Some(member) = committees::membership(tx, committee_id, agency_id)? else {
            return fail(CommitteeError::NotAMember {
                agency: agency.code,
                on: until,
            });
        };
        if iso(until) < member.since {
            return fail(CommitteeError::MembershipEndsBeforeStart {
                agency: agency.code,
                since: member.since,
                until,
            });
        }
        committees::end_member(tx, committee_id, agency_id, &iso(until))?;
        let details = json!({ "agency": agency.code, "until": iso(until) });
        ctx.audit(tx, entry("end_member", "committee", committee_id, details))
    })
}
