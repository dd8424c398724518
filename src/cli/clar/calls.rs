//! `tinkuy clar call add|open|close|list|show`: calls for proposals. A call takes the preset
//! rules and rubric of its kind (`CallDraft::preset`); a preset names the programme too.

use super::args::{CallAddArgs, CallCommand, CallKindArg, CallRef, PresetArg};
use super::{col, date, money, named, open, parse_id, print_table, refuse, say};
use crate::cli::Ctx;
use crate::domain::clar::{CallKind, CallStatus};
use crate::domain::dates::iso;
use crate::i18n::{Clar, ClarCli as T, ClarCliMessage as M, Lang, Localize};
use crate::services::clar::calls::{self as service, CallDetail, CallDraft};
use crate::services::clar::ClarRecord;
use crate::services::CoreResult;
use crate::store::ids;

pub fn run(ctx: &Ctx, command: CallCommand) -> CoreResult<()> {
    match command {
        CallCommand::Add(a) => add(ctx, a),
        CallCommand::Open(a) => set_status(ctx, a, CallStatus::Open),
        CallCommand::Close(a) => set_status(ctx, a, CallStatus::Closed),
        CallCommand::List => list(ctx),
        CallCommand::Show(a) => show(ctx, a),
    }
}

fn kind_of(arg: CallKindArg) -> CallKind {
    match arg {
        CallKindArg::BusinessPlan => CallKind::BusinessPlan,
        CallKindArg::CommunityProject => CallKind::CommunityProject,
        CallKindArg::LocalVenture => CallKind::LocalVenture,
    }
}

/// What a preset fixes: the programme and the kind of call.
fn preset(arg: PresetArg) -> (&'static str, CallKind) {
    match arg {
        PresetArg::AliadosBusinessPlan => ("ALIADOS_II", CallKind::BusinessPlan),
        PresetArg::AliadosCommunityProject => ("ALIADOS_II", CallKind::CommunityProject),
        PresetArg::HakuWinayVenture => ("HAKU_WINAY", CallKind::LocalVenture),
    }
}

/// The programme code and kind from `--programme`, `--kind` and `--preset`.
fn programme_and_kind(ctx: &Ctx, a: &CallAddArgs) -> CoreResult<(String, CallKind)> {
    let from_preset = a.preset.map(preset);
    let kind = match (a.kind.map(kind_of), from_preset) {
        (Some(kind), Some((_, preset))) if kind != preset => {
            return Err(refuse(ctx, M::PresetMismatch { preset, kind }))
        }
        (Some(kind), _) | (None, Some((_, kind))) => kind,
        (None, None) => return Err(refuse(ctx, M::MissingFlag { flag: "--kind" })),
    };
    let code = match (a.programme.as_deref(), from_preset) {
        (Some(code), _) => code.trim().to_uppercase(),
        (None, Some((code, _))) => code.to_string(),
        (None, None) => {
            return Err(refuse(
                ctx,
                M::MissingFlag {
                    flag: "--programme",
                },
            ))
        }
    };
    Ok((code, kind))
}

fn add(ctx: &Ctx, a: CallAddArgs) -> CoreResult<()> {
    let (code, kind) = programme_and_kind(ctx, &a)?;
    let envelope = money(ctx, "--envelope", &a.envelope)?;
    let dates = (
        date(ctx, "--opens", &a.opens)?,
        date(ctx, "--closes", &a.closes)?,
    );
    let (mut store, actor) = open(ctx)?;
    let Some(programme_id) = service::programme_id(&store, &code)? else {
        return Err(refuse(ctx, M::UnknownProgramme { code }));
    };
    let draft = CallDraft::preset(programme_id, kind, &a.title, envelope, dates);
    let id = service::create_call(&mut store, &actor, &draft)?;
    let detail = service::call_detail(&store, &actor, id)?;
    say(
        ctx,
        M::CallAdded {
            id: ids::display(id),
            title: detail.call.title.clone(),
        },
    );
    print_rules(ctx, &detail);
    Ok(())
}

/// The call's rules and its rubric, in the order members score it.
fn print_rules(ctx: &Ctx, d: &CallDetail) {
    let lang = ctx.lang;
    let r = &d.rules;
    println!();
    println!("{}:", T::RulesHeading.text(lang));
    let mut lines = vec![
        M::RuleMembers {
            min: r.min_members,
            max: r.max_members,
        },
        M::RuleShare {
            share_bp: r.max_programme_share_bp,
            ceiling: r.programme_ceiling,
        },
    ];
    if let Some(share_bp) = r.materials_share_bp {
        lines.push(M::RuleMaterials { share_bp });
    }
    if let Some(share_bp) = r.assistance_share_bp {
        lines.push(M::RuleAssistance { share_bp });
    }
    lines.push(M::RulePresence {
        share_bp: r.field_presence_min_bp,
    });
    for line in lines {
        println!("  {}", line.text(lang));
    }
    println!("{}:", T::RubricHeading.text(lang));
    for c in &d.criteria {
        let label = match lang {
            Lang::Es => c.label_es.clone(),
            Lang::En => c.label_en.clone(),
        };
        let line = M::Criterion {
            position: c.position,
            label,
            max: c.max_points,
        };
        println!("  {}", line.text(lang));
    }
}

fn set_status(ctx: &Ctx, a: CallRef, to: CallStatus) -> CoreResult<()> {
    let (mut store, actor) = open(ctx)?;
    let id = parse_id(ClarRecord::Call, &a.call)?;
    let call = named(service::call_detail(&store, &actor, id))?.call;
    service::set_call_status(&mut store, &actor, id, call.version, to)?;
    let title = call.title;
    match to {
        CallStatus::Open => say(ctx, M::CallOpened { title }),
        _ => say(ctx, M::CallClosed { title }),
    }
    Ok(())
}

fn list(ctx: &Ctx) -> CoreResult<()> {
    let (store, actor) = open(ctx)?;
    let rows = service::list_calls(&store, &actor)?;
    let lang = ctx.lang;
    if rows.is_empty() {
        say(ctx, T::NoCalls);
        return Ok(());
    }
    let headings = vec![
        col(T::ColCode, lang),
        col(Clar::ColStatus, lang),
        col(T::ColOpens, lang),
        col(T::ColCloses, lang),
        col(T::ColEnvelope, lang),
        col(Clar::ColKind, lang),
        col(T::ColTitle, lang),
    ];
    let table: Vec<Vec<String>> = rows
        .into_iter()
        .map(|c| {
            vec![
                ids::display(c.id),
                c.status.text(lang).into_owned(),
                iso(c.opens_on),
                iso(c.closes_on),
                c.envelope.to_string(),
                c.kind.text(lang).into_owned(),
                c.title,
            ]
        })
        .collect();
    print_table(&headings, &table);
    Ok(())
}

fn show(ctx: &Ctx, a: CallRef) -> CoreResult<()> {
    let (store, actor) = open(ctx)?;
    let id = parse_id(ClarRecord::Call, &a.call)?;
    let d = named(service::call_detail(&store, &actor, id))?;
    let lang = ctx.lang;
    let c = &d.call;
    println!("{} «{}»", ids::display(c.id), c.title);
    println!("  {}: {}", T::Programme.text(lang), c.programme_name);
    println!("  {}: {}", Clar::ActaKind.text(lang), c.kind.text(lang));
    println!("  {}: {}", T::Status.text(lang), c.status.text(lang));
    println!("  {}: {}", Clar::ActaEnvelope.text(lang), c.envelope);
    let window = M::Window {
        opens: iso(c.opens_on),
        closes: iso(c.closes_on),
    };
    println!("  {}", window.text(lang));
    print_rules(ctx, &d);
    Ok(())
}
