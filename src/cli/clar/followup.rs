//! `tinkuy clar tranche list|pay|release` and `tinkuy clar visit`: disbursing a funded
//! proposal's tranches (numbered 1, 2… per proposal) and recording whether it still operates.

use super::args::{
    ProposalRef, TrancheCommand, TranchePayArgs, TrancheReleaseArgs, VisitArgs, VisitStatusArg,
};
use super::session_id;
use super::{col, date_or_today, money, named, open, parse_id, print_table, refuse, say};
use crate::cli::Ctx;
use crate::domain::clar::VisitStatus;
use crate::domain::dates::iso;
use crate::i18n::{ClarCli as T, ClarCliMessage as M, Localize};
use crate::services::clar::followup::{self as service, VisitDraft};
use crate::services::clar::proposals::proposal_detail;
use crate::services::clar::{session, ClarRecord};
use crate::services::{Actor, CoreResult};
use crate::store::clar::followup::TrancheRow;
use crate::store::Store;

pub fn run_tranche(ctx: &Ctx, command: TrancheCommand) -> CoreResult<()> {
    match command {
        TrancheCommand::List(a) => list(ctx, a),
        TrancheCommand::Pay(a) => pay(ctx, a),
        TrancheCommand::Release(a) => release(ctx, a),
    }
}

/// The proposal's id (checked to exist) and its tranches.
fn tranches(store: &Store, actor: &Actor, text: &str) -> CoreResult<(i64, Vec<TrancheRow>)> {
    let id = parse_id(ClarRecord::Proposal, text)?;
    named(proposal_detail(store, actor, id))?;
    Ok((id, service::tranches(store, actor, id)?))
}

/// Tranche `n` of the list, or "the proposal has no tranche n".
fn nth(ctx: &Ctx, rows: Vec<TrancheRow>, n: i64) -> CoreResult<TrancheRow> {
    let count = rows.len();
    rows.into_iter()
        .find(|t| t.tranche == n)
        .ok_or_else(|| refuse(ctx, M::NoSuchTranche { tranche: n, count }))
}

fn list(ctx: &Ctx, a: ProposalRef) -> CoreResult<()> {
    let (store, actor) = open(ctx)?;
    let (_, rows) = tranches(&store, &actor, &a.proposal)?;
    let lang = ctx.lang;
    if rows.is_empty() {
        say(ctx, T::NoTranches);
        return Ok(());
    }
    let headings = vec![
        col(T::ColTranche, lang),
        col(T::ColPlanned, lang),
        col(T::ColPaid, lang),
        col(T::ColPaidOn, lang),
        col(T::Status, lang),
    ];
    let table: Vec<Vec<String>> = rows
        .into_iter()
        .map(|t| {
            let mut status = t.status.text(lang).into_owned();
            if t.requires_review && t.review_session_id.is_none() {
                status = format!("{status} ({})", T::NeedsReview.text(lang));
            }
            vec![
                t.tranche.to_string(),
                t.planned.to_string(),
                t.paid.map(|m| m.to_string()).unwrap_or_else(|| "—".into()),
                t.paid_on.map(iso).unwrap_or_else(|| "—".into()),
                status,
            ]
        })
        .collect();
    print_table(&headings, &table);
    Ok(())
}

fn pay(ctx: &Ctx, a: TranchePayArgs) -> CoreResult<()> {
    let amount = money(ctx, "--amount", &a.amount)?;
    let (mut store, actor) = open(ctx)?;
    let paid_on = date_or_today(ctx, &store, "--date", a.date.as_deref())?;
    let (_, rows) = tranches(&store, &actor, &a.proposal)?;
    let t = nth(ctx, rows, a.tranche)?;
    service::pay_tranche(&mut store, &actor, t.id, t.version, (amount, paid_on))?;
    say(
        ctx,
        M::TranchePaid {
            tranche: t.tranche,
            amount,
        },
    );
    Ok(())
}

fn release(ctx: &Ctx, a: TrancheReleaseArgs) -> CoreResult<()> {
    let (mut store, actor) = open(ctx)?;
    let review = session_id(&store, &a.session)?;
    let (_, rows) = tranches(&store, &actor, &a.proposal)?;
    let t = nth(ctx, rows, a.tranche)?;
    service::release_tranche(&mut store, &actor, t.id, t.version, review)?;
    let acta = session::session_overview(&store, &actor, review)
        .map(|o| crate::services::clar::acta_label(&o.session))?;
    say(
        ctx,
        M::TrancheReleased {
            tranche: t.tranche,
            acta,
        },
    );
    Ok(())
}

pub fn visit(ctx: &Ctx, a: VisitArgs) -> CoreResult<()> {
    let (mut store, actor) = open(ctx)?;
    let visited_on = date_or_today(ctx, &store, "--date", a.date.as_deref())?;
    let id = parse_id(ClarRecord::Proposal, &a.proposal)?;
    let title = named(proposal_detail(&store, &actor, id))?.proposal.title;
    let status = match a.status {
        VisitStatusArg::Operating => VisitStatus::Operating,
        VisitStatusArg::Struggling => VisitStatus::Struggling,
        VisitStatusArg::Stopped => VisitStatus::Stopped,
    };
    let draft = VisitDraft {
        visited_on,
        status,
        notes: a.notes,
    };
    service::record_visit(&mut store, &actor, id, &draft)?;
    say(ctx, M::VisitRecorded { title, status });
    Ok(())
}
