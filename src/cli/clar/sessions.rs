//! The CLAR itself: `member add|list`, `session open|close`, `conflict`, `score` and
//! `award`. Recusal, the scoring scale, who may score and the funding order are the core's:
//! these commands only name records and print what it decided.

use super::args::{
    ConflictArgs, ConflictKindArg, MemberAddArgs, MemberCommand, ScoreArgs, SessionArgs,
    SessionCommand, SessionOpenArgs,
};
use super::{col, date, member_id, named, open, parse_id, print_table, refuse, say, session_id};
use crate::cli::Ctx;
use crate::domain::clar::ConflictKind;
use crate::i18n::{ClarCli as T, ClarCliMessage as M, Lang, Localize};
use crate::services::clar::conflicts::{self, ConflictDraft};
use crate::services::clar::members::{self, ClarMemberDraft};
use crate::services::clar::reviewer::{self, ReviewerSession};
use crate::services::clar::scoring::{self, ScoreEntry, ScoreSheet};
use crate::services::clar::session::{self, SessionDraft};
use crate::services::clar::{acta_label, award, ClarRecord};
use crate::services::{Actor, CoreResult, Permission};
use crate::store::{ids, Store};

pub fn run_member(ctx: &Ctx, command: MemberCommand) -> CoreResult<()> {
    match command {
        MemberCommand::Add(a) => add_member(ctx, a),
        MemberCommand::List => list_members(ctx),
    }
}

pub fn run_session(ctx: &Ctx, command: SessionCommand) -> CoreResult<()> {
    match command {
        SessionCommand::Open(a) => open_session(ctx, a),
        SessionCommand::Close(a) => close_session(ctx, a),
    }
}

fn add_member(ctx: &Ctx, a: MemberAddArgs) -> CoreResult<()> {
    let (mut store, actor) = open(ctx)?;
    let user_id = match a.username.as_deref() {
        Some(name) => Some(members::find_user(&store, &actor, name)?),
        None => None,
    };
    let draft = ClarMemberDraft {
        full_name: a.name,
        represents: a.represents,
        user_id,
        person_id: None,
        dni: a.dni,
    };
    let id = members::add_clar_member(&mut store, &actor, &draft)?;
    let name = members::list_clar_members(&store, &actor)?
        .into_iter()
        .find(|m| m.id == id)
        .map(|m| m.full_name)
        .unwrap_or_default();
    say(
        ctx,
        M::ClarMemberAdded {
            id: ids::display(id),
            name,
        },
    );
    Ok(())
}

fn list_members(ctx: &Ctx) -> CoreResult<()> {
    let (store, actor) = open(ctx)?;
    let rows = members::list_clar_members(&store, &actor)?;
    let lang = ctx.lang;
    if rows.is_empty() {
        say(ctx, T::NoClarMembers);
        return Ok(());
    }
    let headings = vec![
        col(T::ColCode, lang),
        col(crate::i18n::Clar::ColRepresents, lang),
        col(T::ColName, lang),
    ];
    let table: Vec<Vec<String>> = rows
        .into_iter()
        .map(|m| vec![ids::display(m.id), m.represents, m.full_name])
        .collect();
    print_table(&headings, &table);
    Ok(())
}

/// The acta number of a session, as people say it.
fn acta_of(store: &Store, actor: &Actor, id: i64) -> CoreResult<String> {
    session::session_overview(store, actor, id).map(|o| acta_label(&o.session))
}

fn open_session(ctx: &Ctx, a: SessionOpenArgs) -> CoreResult<()> {
    let held_on = date(ctx, "--date", &a.date)?;
    let (mut store, actor) = open(ctx)?;
    let call_id = parse_id(ClarRecord::Call, &a.call)?;
    let mut member_ids = Vec::new();
    for text in a.members.iter().filter(|m| !m.trim().is_empty()) {
        member_ids.push(member_id(ctx, &store, &actor, text)?);
    }
    let draft = SessionDraft {
        call_id,
        held_on,
        place: a.place,
        member_ids,
    };
    let id = named(session::open_session(&mut store, &actor, &draft))?;
    say(
        ctx,
        M::SessionOpened {
            acta: acta_of(&store, &actor, id)?,
            id: ids::display(id),
            seated: draft.member_ids.len(),
        },
    );
    Ok(())
}

fn close_session(ctx: &Ctx, a: SessionArgs) -> CoreResult<()> {
    let (mut store, actor) = open(ctx)?;
    let id = session_id(&store, &a.session)?;
    let s = session::session_overview(&store, &actor, id)?.session;
    session::close_session(&mut store, &actor, id, s.version)?;
    say(
        ctx,
        M::SessionClosed {
            acta: acta_label(&s),
        },
    );
    Ok(())
}

pub fn conflict(ctx: &Ctx, a: ConflictArgs) -> CoreResult<()> {
    let (mut store, actor) = open(ctx)?;
    let session_id = session_id(&store, &a.session)?;
    let proposal_id = parse_id(ClarRecord::Proposal, &a.proposal)?;
    let is_member = actor.can(Permission::ScoreClar);
    let member = match a.member.as_deref() {
        Some(text) if is_member => Some(parse_id(ClarRecord::Member, text)?),
        Some(text) => Some(member_id(ctx, &store, &actor, text)?),
        None => None,
    };
    let draft = ConflictDraft {
        session_id,
        member_id: member,
        proposal_id,
        kind: match a.kind {
            ConflictKindArg::Member => ConflictKind::Member,
            ConflictKindArg::Relative => ConflictKind::Relative,
            ConflictKindArg::Other => ConflictKind::Other,
        },
        note: a.note,
    };
    named(conflicts::declare_conflict(&mut store, &actor, &draft))?;
    let overview = session::session_overview(&store, &actor, session_id)?;
    let member = match member {
        Some(id) => overview.seats.iter().find(|s| s.member.id == id),
        None => None,
    }
    .map(|s| s.member.full_name.clone());
    let member = match member {
        Some(name) => name,
        None => reviewer::session_for_member(&store, &actor, session_id)?.member_name,
    };
    let proposal = overview
        .matrix
        .proposals
        .iter()
        .find(|(id, _)| *id == proposal_id)
        .map(|(_, title)| title.clone())
        .unwrap_or_else(|| ids::display(proposal_id));
    say(ctx, M::ConflictRecorded { member, proposal });
    Ok(())
}

/// Whole numbers separated by commas.
fn parse_points(ctx: &Ctx, text: &str) -> CoreResult<Vec<i64>> {
    text.split(',')
        .map(|p| {
            p.trim().parse::<i64>().map_err(|_| {
                refuse(
                    ctx,
                    M::BadPoints {
                        text: p.trim().to_string(),
                    },
                )
            })
        })
        .collect()
}

/// The rubric as a member reads it: `1. … (de 0 a 20); 2. …`.
fn rubric_text(view: &ReviewerSession, lang: Lang) -> String {
    view.criteria
        .iter()
        .map(|c| {
            let label = match lang {
                Lang::Es => c.label_es.clone(),
                Lang::En => c.label_en.clone(),
            };
            M::Criterion {
                position: c.position,
                label,
                max: c.max_points,
            }
            .text(lang)
            .into_owned()
        })
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn score(ctx: &Ctx, a: ScoreArgs) -> CoreResult<()> {
    let points = parse_points(ctx, &a.points)?;
    let (mut store, actor) = open(ctx)?;
    let session_id = session_id(&store, &a.session)?;
    let proposal_id = parse_id(ClarRecord::Proposal, &a.proposal)?;
    let view = reviewer::session_for_member(&store, &actor, session_id)?;
    if points.len() != view.criteria.len() {
        let criteria = rubric_text(&view, ctx.lang);
        let given = points.len();
        return Err(refuse(ctx, M::PointsCount { given, criteria }));
    }
    let mine = view.proposals.iter().find(|p| p.proposal_id == proposal_id);
    let entries = view
        .criteria
        .iter()
        .zip(&points)
        .map(|(c, points)| ScoreEntry {
            criterion_id: c.id,
            points: *points,
            expected_version: mine
                .and_then(|m| m.my_scores.iter().find(|s| s.0 == c.id))
                .map(|s| s.2),
        })
        .collect();
    let sheet = ScoreSheet {
        session_id,
        proposal_id,
        entries,
    };
    named(scoring::save_scores(&mut store, &actor, &sheet))?;
    let title = mine
        .map(|m| m.title.clone())
        .unwrap_or_else(|| ids::display(proposal_id));
    let total = points.iter().sum();
    say(
        ctx,
        M::ScoresSaved {
            title,
            points: total,
        },
    );
    Ok(())
}

pub fn award(ctx: &Ctx, a: SessionArgs) -> CoreResult<()> {
    let (mut store, actor) = open(ctx)?;
    let id = session_id(&store, &a.session)?;
    let view = award::award_session(&mut store, &actor, id)?;
    super::reports::print_ranking(ctx, &view);
    say(ctx, T::Awarded);
    Ok(())
}
