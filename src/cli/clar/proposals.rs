//! `tinkuy clar proposal add|line|remove-line|submit|list|show` and `tinkuy clar review`:
//! proposals with their budgets, submission (the core checks every rule of the call and says
//! which is broken and by how much) and the technicians' review with the field visit.

use super::args::{
    CategoryArg, ProposalAddArgs, ProposalCommand, ProposalLineArgs, ProposalListArgs, ProposalRef,
    RemoveLineArgs, ReviewArgs, VerdictArg,
};
use super::{association_id, col, date, money, named, open, parse_id, print_table, refuse, say};
use crate::cli::Ctx;
use crate::domain::clar::{BudgetCategory, Verdict};
use crate::i18n::{Clar, ClarCli as T, ClarCliMessage as M, Localize};
use crate::services::clar::proposals::{self as service, ProposalDetail, ProposalDraft};
use crate::services::clar::review::{self, ReviewDraft};
use crate::services::clar::rules::{BudgetLine, BudgetTotals};
use crate::services::clar::ClarRecord;
use crate::services::{Actor, CoreResult};
use crate::store::{ids, Store};

pub fn run(ctx: &Ctx, command: ProposalCommand) -> CoreResult<()> {
    match command {
        ProposalCommand::Add(a) => add(ctx, a),
        ProposalCommand::Line(a) => line(ctx, a),
        ProposalCommand::RemoveLine(a) => remove_line(ctx, a),
        ProposalCommand::Submit(a) => submit(ctx, a),
        ProposalCommand::List(a) => list(ctx, a),
        ProposalCommand::Show(a) => show(ctx, a),
    }
}

/// A proposal's detail from its code, or "there is no proposal …".
fn detail(store: &Store, actor: &Actor, text: &str) -> CoreResult<ProposalDetail> {
    let id = parse_id(ClarRecord::Proposal, text)?;
    named(service::proposal_detail(store, actor, id))
}

fn add(ctx: &Ctx, a: ProposalAddArgs) -> CoreResult<()> {
    let (mut store, actor) = open(ctx)?;
    let call_id = parse_id(ClarRecord::Call, &a.call)?;
    let draft = ProposalDraft {
        association_id: association_id(ctx, &store, &actor, &a.association)?,
        title: a.title,
        product: a.product,
        description: a.description,
        lines: Vec::new(),
    };
    let id = named(service::create_proposal(
        &mut store, &actor, call_id, &draft,
    ))?;
    let title = service::proposal_detail(&store, &actor, id)?.proposal.title;
    say(
        ctx,
        M::ProposalAdded {
            id: ids::display(id),
            title,
        },
    );
    Ok(())
}

fn category(arg: CategoryArg) -> BudgetCategory {
    match arg {
        CategoryArg::Materials => BudgetCategory::Materials,
        CategoryArg::TechnicalAssistance => BudgetCategory::TechnicalAssistance,
        CategoryArg::Training => BudgetCategory::Training,
        CategoryArg::Other => BudgetCategory::Other,
    }
}

/// The draft as stored, to rewrite with a changed budget.
fn draft_of(d: &ProposalDetail) -> ProposalDraft {
    let p = &d.proposal;
    ProposalDraft {
        association_id: p.association_id,
        title: p.title.clone(),
        product: p.product.clone(),
        description: p.description.clone(),
        lines: d
            .lines
            .iter()
            .map(|l| BudgetLine {
                category: l.category,
                description: l.description.clone(),
                programme: l.programme,
                counterpart: l.counterpart,
            })
            .collect(),
    }
}

/// Saves a changed budget; returns the new totals.
fn save_budget(
    (store, actor): (&mut Store, &Actor),
    d: &ProposalDetail,
    draft: &ProposalDraft,
) -> CoreResult<BudgetTotals> {
    let id = d.proposal.id;
    service::update_proposal(store, actor, id, d.proposal.version, draft)?;
    Ok(service::proposal_detail(store, actor, id)?.totals)
}

fn totals(t: &BudgetTotals) -> M {
    M::Totals {
        programme: t.programme,
        counterpart: t.counterpart,
        total: t.total,
        share_bp: t.programme_share_bp,
    }
}

fn line(ctx: &Ctx, a: ProposalLineArgs) -> CoreResult<()> {
    let programme = money(ctx, "--programme", &a.programme)?;
    let counterpart = money(ctx, "--counterpart", &a.counterpart)?;
    let (mut store, actor) = open(ctx)?;
    let d = detail(&store, &actor, &a.proposal)?;
    let mut draft = draft_of(&d);
    draft.lines.push(BudgetLine {
        category: category(a.category),
        description: a.description,
        programme,
        counterpart,
    });
    let line = draft.lines.len();
    let after = save_budget((&mut store, &actor), &d, &draft)?;
    let title = d.proposal.title;
    say(ctx, M::LineAdded { line, title });
    say(ctx, totals(&after));
    Ok(())
}

fn remove_line(ctx: &Ctx, a: RemoveLineArgs) -> CoreResult<()> {
    let (mut store, actor) = open(ctx)?;
    let d = detail(&store, &actor, &a.proposal)?;
    let mut draft = draft_of(&d);
    let count = draft.lines.len();
    if a.line == 0 || a.line > count {
        return Err(refuse(
            ctx,
            M::NoSuchLine {
                line: a.line,
                count,
            },
        ));
    }
    draft.lines.remove(a.line - 1);
    let after = save_budget((&mut store, &actor), &d, &draft)?;
    let title = d.proposal.title;
    say(
        ctx,
        M::LineRemoved {
            line: a.line,
            title,
        },
    );
    say(ctx, totals(&after));
    Ok(())
}

fn submit(ctx: &Ctx, a: ProposalRef) -> CoreResult<()> {
    let (mut store, actor) = open(ctx)?;
    let d = detail(&store, &actor, &a.proposal)?;
    service::submit_proposal(&mut store, &actor, d.proposal.id, d.proposal.version)?;
    say(
        ctx,
        M::Submitted {
            title: d.proposal.title,
        },
    );
    Ok(())
}

fn list(ctx: &Ctx, a: ProposalListArgs) -> CoreResult<()> {
    let (store, actor) = open(ctx)?;
    let call_id = parse_id(ClarRecord::Call, &a.call)?;
    named(crate::services::clar::calls::call_detail(
        &store, &actor, call_id,
    ))?;
    let rows = service::list_proposals(&store, &actor, call_id)?;
    let lang = ctx.lang;
    if rows.is_empty() {
        say(ctx, T::NoProposals);
        return Ok(());
    }
    let headings = vec![
        col(T::ColCode, lang),
        col(Clar::ColStatus, lang),
        col(Clar::ColProgrammeAmount, lang),
        col(T::ColCounterpart, lang),
        col(Clar::ColAssociation, lang),
        col(T::ColTitle, lang),
    ];
    let table: Vec<Vec<String>> = rows
        .into_iter()
        .map(|p| {
            vec![
                ids::display(p.id),
                p.status.text(lang).into_owned(),
                p.programme.to_string(),
                p.counterpart.to_string(),
                p.association_name,
                p.title,
            ]
        })
        .collect();
    print_table(&headings, &table);
    Ok(())
}

fn show(ctx: &Ctx, a: ProposalRef) -> CoreResult<()> {
    let (store, actor) = open(ctx)?;
    let d = detail(&store, &actor, &a.proposal)?;
    let lang = ctx.lang;
    let p = &d.proposal;
    println!("{} «{}»", ids::display(p.id), p.title);
    println!(
        "  {}: {} ({} {})",
        T::Association.text(lang),
        p.association_name,
        d.member_count,
        col(T::ColMembers, lang)
    );
    println!("  {}: {}", T::Product.text(lang), p.product);
    println!("  {}: {}", T::Status.text(lang), p.status.text(lang));
    println!();
    print_budget(ctx, &d);
    println!();
    println!("{}:", T::BrokenHeading.text(lang));
    if d.violations.is_empty() {
        println!("  {}", T::NoBroken.text(lang));
    }
    for v in &d.violations {
        println!("  {}", v.text(lang));
    }
    if let Some(r) = &d.review {
        println!();
        println!("{}:", T::ReviewHeading.text(lang));
        println!("  {} — {}", r.verdict.text(lang), r.reasons);
    }
    println!();
    println!("{}:", T::HistoryHeading.text(lang));
    for h in &d.history {
        let who = h.username.as_deref().unwrap_or("—");
        println!("  {}  {:<12} {}", h.at, who, h.to.text(lang));
    }
    Ok(())
}

fn print_budget(ctx: &Ctx, d: &ProposalDetail) {
    let lang = ctx.lang;
    println!("{}:", T::BudgetHeading.text(lang));
    if d.lines.is_empty() {
        println!("  {}", T::NoLines.text(lang));
        return;
    }
    let headings = vec![
        col(T::ColLine, lang),
        col(T::ColCategory, lang),
        col(Clar::ColProgrammeAmount, lang),
        col(T::ColCounterpart, lang),
        col(T::ColDescription, lang),
    ];
    let table: Vec<Vec<String>> = d
        .lines
        .iter()
        .map(|l| {
            vec![
                l.position.to_string(),
                l.category.text(lang).into_owned(),
                l.programme.to_string(),
                l.counterpart.to_string(),
                l.description.clone(),
            ]
        })
        .collect();
    print_table(&headings, &table);
    say(ctx, totals(&d.totals));
}

pub fn review(ctx: &Ctx, a: ReviewArgs) -> CoreResult<()> {
    let visit = match a.visit.as_deref() {
        Some(text) => Some(date(ctx, "--visit", text)?),
        None => None,
    };
    let (mut store, actor) = open(ctx)?;
    let d = detail(&store, &actor, &a.proposal)?;
    let draft = ReviewDraft {
        verdict: match a.verdict {
            VerdictArg::Viable => Verdict::Viable,
            VerdictArg::NotViable => Verdict::NotViable,
        },
        reasons: a.reasons,
        field_visit_on: visit,
        present_dnis: a.present,
        present_member_ids: Vec::new(),
    };
    let p = &d.proposal;
    let outcome = review::record_review(&mut store, &actor, p.id, p.version, &draft)?;
    if visit.is_some() {
        say(
            ctx,
            M::Presence {
                present: outcome.families_present,
                listed: outcome.families_listed,
                enough: outcome.presence_ok,
            },
        );
    }
    if !outcome.unknown_dnis.is_empty() {
        let dnis = outcome.unknown_dnis.join(", ");
        say(ctx, M::UnknownDnis { dnis });
    }
    say(
        ctx,
        M::ReviewRecorded {
            title: p.title.clone(),
            verdict: outcome.verdict,
        },
    );
    Ok(())
}
