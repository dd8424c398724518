//! Calls for proposals (concursos): creating one from a preset or by hand, editing it while
//! it is a draft, opening and closing it, and reading calls with their rules and rubric.

use super::rules::{self, preset_rules, CallRules, CriterionDraft};
use super::{audit, load_call, require_read, required, ClarError, ClarField};
use crate::domain::clar::{CallKind, CallStatus, Phase};
use crate::domain::money::Money;
use crate::i18n::{Clar, Lang, Localize};
use crate::services::{write, Actor, CoreResult, Permission, WriteCtx};
use crate::store::clar::calls::{self as store, CallFields, CallRow, CriterionRow};
use crate::store::{ids, Store};
use chrono::NaiveDate;
use rusqlite::Transaction;
use serde_json::json;

/// A call as a person fills it in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallDraft {
    pub programme_id: i64,
    pub title: String,
    pub kind: CallKind,
    pub envelope: Money,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub rules: CallRules,
    pub criteria: Vec<CriterionDraft>,
}

impl CallDraft {
    /// A call of `kind` with the preset rules and rubric, ready to adjust.
    pub fn preset(
        programme_id: i64,
        kind: CallKind,
        title: &str,
        envelope: Money,
        dates: (NaiveDate, NaiveDate),
    ) -> CallDraft {
        CallDraft {
            programme_id,
            title: title.to_string(),
            kind,
            envelope,
            opens_on: dates.0,
            closes_on: dates.1,
            rules: preset_rules(kind),
            criteria: preset_rubric(),
        }
    }
}

/// The Sierra Sur rubric: a field evaluation (up to 50 points: family participation, the
/// organisation, coherence of the plan) and a public presentation before the CLAR (up to
/// 50 points), added together.
pub fn preset_rubric() -> Vec<CriterionDraft> {
    let criterion = |phase, key: Clar, max_points| CriterionDraft {
        phase,
        label_es: key.text(Lang::Es).into_owned(),
        label_en: key.text(Lang::En).into_owned(),
        max_points,
        weight_bp: 10_000,
    };
    vec![
        criterion(Phase::Field, Clar::CritFamilies, 20),
        criterion(Phase::Field, Clar::CritOrganisation, 15),
        criterion(Phase::Field, Clar::CritCoherence, 15),
        criterion(Phase::Presentation, Clar::CritExposition, 25),
        criterion(Phase::Presentation, Clar::CritMastery, 25),
    ]
}

/// The rules a stored call sets.
pub fn rules_of(call: &CallRow) -> CallRules {
    CallRules {
        min_members: call.min_members,
        max_members: call.max_members,
        max_programme_share_bp: call.max_programme_share_bp,
        programme_ceiling: call.programme_ceiling,
        materials_share_bp: call.materials_share_bp,
        assistance_share_bp: call.assistance_share_bp,
        field_presence_min_bp: call.field_presence_min_bp,
    }
}

fn validate(draft: &CallDraft) -> Result<String, ClarError> {
    let title = required(&draft.title, ClarField::Title)?;
    if draft.closes_on < draft.opens_on {
        return Err(ClarError::CallDatesReversed {
            opens_on: draft.opens_on,
            closes_on: draft.closes_on,
        });
    }
    if draft.envelope.cents() < 0 {
        return Err(ClarError::InvalidRule {
            what: "envelope",
            value: draft.envelope.to_string(),
        });
    }
    rules::validate_rules(&draft.rules)?;
    rules::validate_rubric(&draft.criteria)?;
    Ok(title)
}

fn fields<'a>(draft: &'a CallDraft, title: &'a str) -> CallFields<'a> {
    let r = &draft.rules;
    CallFields {
        programme_id: draft.programme_id,
        title,
        kind: draft.kind,
        envelope: draft.envelope,
        opens_on: draft.opens_on,
        closes_on: draft.closes_on,
        min_members: r.min_members,
        max_members: r.max_members,
        max_programme_share_bp: r.max_programme_share_bp,
        programme_ceiling: r.programme_ceiling,
        materials_share_bp: r.materials_share_bp,
        assistance_share_bp: r.assistance_share_bp,
        field_presence_min_bp: r.field_presence_min_bp,
    }
}

fn write_criteria(tx: &Transaction, call_id: i64, criteria: &[CriterionDraft]) -> CoreResult<()> {
    let first = ids::reserve(tx, criteria.len() as i64)?;
    for (offset, c) in (0_i64..).zip(criteria) {
        store::insert_criterion(
            tx,
            &CriterionRow {
                id: first + offset,
                call_id,
                phase: c.phase,
                position: offset + 1,
                label_es: c.label_es.trim().to_string(),
                label_en: c.label_en.trim().to_string(),
                max_points: c.max_points,
                weight_bp: c.weight_bp,
            },
        )?;
    }
    Ok(())
}

/// Creates a call in draft.
pub fn create_call(store: &mut Store, actor: &Actor, draft: &CallDraft) -> CoreResult<i64> {
    write(store, actor, Permission::WriteClar, |tx, ctx| {
        create_call_in(tx, ctx, draft)
    })
}

pub(crate) fn create_call_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    draft: &CallDraft,
) -> CoreResult<i64> {
    let title = validate(draft)?;
    let id = ids::next(tx)?;
    store::insert(tx, id, &fields(draft, &title), &ctx.at)?;
    write_criteria(tx, id, &draft.criteria)?;
    audit(
        tx,
        ctx,
        "create",
        "clar_call",
        id,
        json!({ "title": title, "kind": draft.kind.code(), "envelope_cents": draft.envelope.cents() }),
    )?;
    Ok(id)
}

/// Rewrites a call and its rubric; only while it is a draft (nothing submitted or scored).
pub fn update_call(
    store: &mut Store,
    actor: &Actor,
    id: i64,
    expected_version: i64,
    draft: &CallDraft,
) -> CoreResult<()> {
    write(store, actor, Permission::WriteClar, |tx, ctx| {
        let call = load_call(tx, id)?;
        if call.status != CallStatus::Draft {
            return Err(ClarError::CallNotEditable {
                status: call.status,
            }
            .into());
        }
        let title = validate(draft)?;
        store::update(tx, id, expected_version, &fields(draft, &title), &ctx.at)?;
        store::delete_criteria(tx, id)?;
        write_criteria(tx, id, &draft.criteria)?;
        audit(
            tx,
            ctx,
            "update",
            "clar_call",
            id,
            json!({ "title": title }),
        )
    })
}

/// Opens a draft call, or closes an open one. (A call becomes `awarded` with its awards.)
pub fn set_call_status(
    store: &mut Store,
    actor: &Actor,
    id: i64,
    expected_version: i64,
    to: CallStatus,
) -> CoreResult<()> {
    write(store, actor, Permission::WriteClar, |tx, ctx| {
        let call = load_call(tx, id)?;
        let allowed = matches!(
            (call.status, to),
            (CallStatus::Draft, CallStatus::Open) | (CallStatus::Open, CallStatus::Closed)
        );
        if !allowed {
            return Err(ClarError::CallStatusMove {
                from: call.status,
                to,
            }
            .into());
        }
        set_status_in(
            tx,
            ctx,
            &CallRow {
                version: expected_version,
                ..call
            },
            to,
        )
    })
}

pub(crate) fn set_status_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    call: &CallRow,
    to: CallStatus,
) -> CoreResult<()> {
    store::set_status(tx, call.id, call.version, to, &ctx.at)?;
    audit(
        tx,
        ctx,
        "status",
        "clar_call",
        call.id,
        json!({ "from": call.status.code(), "to": to.code() }),
    )
}

/// Every call, the newest first.
pub fn list_calls(store: &Store, actor: &Actor) -> CoreResult<Vec<CallRow>> {
    require_read(actor)?;
    Ok(store::list(store.conn())?)
}

/// A call with its rules and rubric.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallDetail {
    pub call: CallRow,
    pub rules: CallRules,
    pub criteria: Vec<CriterionRow>,
}

pub fn call_detail(store: &Store, actor: &Actor, id: i64) -> CoreResult<CallDetail> {
    require_read(actor)?;
    let call = load_call(store.conn(), id)?;
    Ok(CallDetail {
        rules: rules_of(&call),
        criteria: store::criteria(store.conn(), id)?,
        call,
    })
}

/// The id of a programme by code (`ALIADOS_II`, `HAKU_WINAY`).
pub fn programme_id(store: &Store, code: &str) -> CoreResult<Option<i64>> {
    Ok(store::programme_id(store.conn(), code)?)
}
