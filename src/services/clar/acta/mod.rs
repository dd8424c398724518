//! The acta of a closed CLAR session (`Acta N° 7-2026`): the office, the call and the
//! session; members present; conflicts declared or detected; the rubric; every member's scores
//! per proposal; the ranking; the allocation with the remaining envelope; the tie-break rule;
//! signature lines. In Markdown, plain text or a printable HTML page, Spanish by default.
//!
//! Built from the same stored scores and conflicts the ranking uses, so the acta and the
//! ranking screen always agree. Writing it to a file is [`file::write_atomically`].

pub mod document;
pub mod file;

use super::award::{compute, RankingView};
use super::session::require_session_access;
use super::{acta_label, load_session, ClarError};
use crate::domain::clar::ConflictKind;
use crate::i18n::{detected_reason, long_date, weight_text, Clar, Lang, Localize};
use crate::services::clar::ranking::milli_text;
use crate::services::{Actor, CoreResult};
use crate::store::clar::calls::{self as call_store, CriterionRow};
use crate::store::clar::scores::{self as score_store, ScoreRow};
use crate::store::clar::sessions::{self as session_store, ConflictRow, SeatRow};
use crate::store::{office, Store};
use document::{Block, Table};

/// The formats an acta can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActaFormat {
    Markdown,
    Text,
    Html,
}

impl ActaFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ActaFormat::Markdown => "md",
            ActaFormat::Text => "txt",
            ActaFormat::Html => "html",
        }
    }
}

/// Everything the acta says, gathered once.
#[derive(Debug, Clone)]
pub struct ActaData {
    pub office_name: String,
    pub ranking: RankingView,
    pub criteria: Vec<CriterionRow>,
    pub seats: Vec<SeatRow>,
    pub conflicts: Vec<ConflictRow>,
    pub scores: Vec<ScoreRow>,
}

/// Gathers a closed session's acta (staff, or a member who sat on it).
pub fn gather(store: &Store, actor: &Actor, session_id: i64) -> CoreResult<ActaData> {
    let conn = store.conn();
    let session = load_session(conn, session_id)?;
    require_session_access(conn, actor, &session)?;
    if !session.closed {
        return Err(ClarError::SessionOpen.into());
    }
    Ok(ActaData {
        office_name: office::get(conn)?.map(|o| o.name).unwrap_or_default(),
        criteria: call_store::criteria(conn, session.call_id)?,
        seats: session_store::seats(conn, session.id)?,
        conflicts: session_store::conflicts(conn, session.id)?,
        scores: score_store::for_session(conn, session.id, None)?,
        ranking: compute(conn, &session)?,
    })
}

/// The acta of a session in `format` and `lang`.
pub fn acta(
    store: &Store,
    actor: &Actor,
    session_id: i64,
    format: ActaFormat,
    lang: Lang,
) -> CoreResult<String> {
    let data = gather(store, actor, session_id)?;
    Ok(render(&data, format, lang))
}

pub fn render(data: &ActaData, format: ActaFormat, lang: Lang) -> String {
    let blocks = compose(data, lang);
    match format {
        ActaFormat::Markdown => document::markdown(&blocks),
        ActaFormat::Text => document::text(&blocks),
        ActaFormat::Html => document::html(&blocks, lang.code(), &title(data, lang)),
    }
}

fn t(key: Clar, lang: Lang) -> String {
    key.text(lang).into_owned()
}

fn title(data: &ActaData, lang: Lang) -> String {
    format!(
        "{} {}",
        t(Clar::ActaNumber, lang),
        acta_label(&data.ranking.session)
    )
}

/// The acta as blocks, in order.
pub fn compose(data: &ActaData, lang: Lang) -> Vec<Block> {
    let mut blocks = vec![
        Block::Title(title(data, lang)),
        Block::Subtitle(t(Clar::ActaSubtitle, lang)),
        Block::Fields(header_fields(data, lang)),
    ];
    members(data, lang, &mut blocks);
    conflicts(data, lang, &mut blocks);
    rubric(data, lang, &mut blocks);
    scores(data, lang, &mut blocks);
    ranking(data, lang, &mut blocks);
    allocation(data, lang, &mut blocks);
    blocks.push(Block::Heading(t(Clar::ActaTieBreak, lang)));
    blocks.push(Block::Paragraph(t(Clar::ActaTieBreakText, lang)));
    blocks.push(Block::Paragraph(t(Clar::ActaMethodText, lang)));
    blocks.push(Block::Heading(t(Clar::ActaSignatures, lang)));
    blocks.push(Block::Signatures(
        present(data)
            .map(|s| (s.member.full_name.clone(), s.member.represents.clone()))
            .collect(),
    ));
    blocks.push(Block::Footer(t(Clar::ActaGenerated, lang)));
    blocks
}

fn present(data: &ActaData) -> impl Iterator<Item = &SeatRow> {
    data.seats.iter().filter(|s| s.present)
}

fn header_fields(data: &ActaData, lang: Lang) -> Vec<(String, String)> {
    let r = &data.ranking;
    vec![
        (t(Clar::ActaOffice, lang), data.office_name.clone()),
        (t(Clar::ActaCall, lang), r.call.title.clone()),
        (t(Clar::ActaProgramme, lang), r.call.programme_name.clone()),
        (t(Clar::ActaKind, lang), r.call.kind.text(lang).into_owned()),
        (t(Clar::ActaDate, lang), long_date(r.session.held_on, lang)),
        (t(Clar::ActaPlace, lang), r.session.place.clone()),
        (t(Clar::ActaEnvelope, lang), r.envelope.to_string()),
    ]
}

fn members(data: &ActaData, lang: Lang, blocks: &mut Vec<Block>) {
    let table = |seats: Vec<&SeatRow>| {
        Block::Table(Table {
            head: vec![t(Clar::ColMember, lang), t(Clar::ColRepresents, lang)],
            rows: seats
                .iter()
                .map(|s| vec![s.member.full_name.clone(), s.member.represents.clone()])
                .collect(),
            right: vec![false, false],
        })
    };
    blocks.push(Block::Heading(t(Clar::ActaMembersPresent, lang)));
    blocks.push(table(present(data).collect()));
    let absent: Vec<&SeatRow> = data.seats.iter().filter(|s| !s.present).collect();
    if !absent.is_empty() {
        blocks.push(Block::Heading(t(Clar::ActaMembersAbsent, lang)));
        blocks.push(table(absent));
    }
}

fn member_name(data: &ActaData, member_id: i64) -> String {
    data.seats
        .iter()
        .find(|s| s.member.id == member_id)
        .map(|s| s.member.full_name.clone())
        .unwrap_or_else(|| crate::store::ids::display(member_id))
}

fn proposal_title(data: &ActaData, proposal_id: i64) -> Option<String> {
    data.ranking
        .rows
        .iter()
        .find(|r| r.proposal.id == proposal_id)
        .map(|r| r.proposal.title.clone())
}

fn conflicts(data: &ActaData, lang: Lang, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading(t(Clar::ActaConflicts, lang)));
    let rows: Vec<Vec<String>> = data
        .conflicts
        .iter()
        .filter_map(|c| {
            let note = match (c.kind, c.note.as_deref()) {
                (ConflictKind::Detected, Some(n)) => detected_reason(n, lang).into_owned(),
                (_, n) => n.unwrap_or("").to_string(),
            };
            Some(vec![
                member_name(data, c.member_id),
                proposal_title(data, c.proposal_id)?,
                c.kind.text(lang).into_owned(),
                note,
            ])
        })
        .collect();
    if rows.is_empty() {
        blocks.push(Block::Paragraph(t(Clar::ActaNoConflicts, lang)));
        return;
    }
    blocks.push(Block::Table(Table {
        head: [
            Clar::ColMember,
            Clar::ColProposal,
            Clar::ColKind,
            Clar::ColNote,
        ]
        .iter()
        .map(|k| t(*k, lang))
        .collect(),
        rows,
        right: vec![false; 4],
    }));
}

fn criterion_label(c: &CriterionRow, lang: Lang) -> String {
    match lang {
        Lang::Es => c.label_es.clone(),
        Lang::En => c.label_en.clone(),
    }
}

fn rubric(data: &ActaData, lang: Lang, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading(t(Clar::ActaRubric, lang)));
    // The weight column only says something when some criterion counts more than once.
    let weighted = data.criteria.iter().any(|c| c.weight_bp != 10_000);
    let rows = data
        .criteria
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut row = vec![
                format!("C{}", i + 1),
                c.phase.text(lang).into_owned(),
                criterion_label(c, lang),
                c.max_points.to_string(),
            ];
            if weighted {
                row.push(weight_text(c.weight_bp));
            }
            row
        })
        .collect();
    let mut head = vec![
        String::new(),
        t(Clar::ActaPhase, lang),
        t(Clar::ColCriterion, lang),
        t(Clar::ActaMaxPoints, lang),
    ];
    if weighted {
        head.push(t(Clar::ActaWeight, lang));
    }
    let right = (0..head.len()).map(|i| i >= 3).collect();
    blocks.push(Block::Table(Table { head, rows, right }));
}

fn scores(data: &ActaData, lang: Lang, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading(t(Clar::ActaScores, lang)));
    if data.ranking.rows.is_empty() {
        blocks.push(Block::Paragraph(t(Clar::ActaNoProposals, lang)));
        return;
    }
    for row in &data.ranking.rows {
        let p = &row.proposal;
        blocks.push(Block::Subheading(format!(
            "{}. {} — {}",
            row.ranked.rank, p.title, p.association_name
        )));
        let mut head = vec![t(Clar::ColMember, lang)];
        head.extend((1..=data.criteria.len()).map(|i| format!("C{i}")));
        head.push(t(Clar::ColTotal, lang));
        let rows = present(data)
            .map(|seat| member_row(data, seat, p.id))
            .collect();
        let mut right = vec![true; head.len()];
        right[0] = false;
        blocks.push(Block::Table(Table { head, rows, right }));
        let recused: Vec<String> = present(data)
            .filter(|seat| is_recused(data, seat, p.id))
            .map(|seat| seat.member.full_name.clone())
            .collect();
        if !recused.is_empty() {
            let names = recused.join(", ");
            blocks.push(Block::Paragraph(format!(
                "{}: {names}.",
                t(Clar::Recused, lang)
            )));
        }
        blocks.push(Block::Paragraph(format!(
            "{}: {}",
            t(Clar::ActaMean, lang),
            milli_text(row.ranked.score_milli)
        )));
    }
}

fn is_recused(data: &ActaData, seat: &SeatRow, proposal_id: i64) -> bool {
    data.conflicts
        .iter()
        .any(|c| c.member_id == seat.member.id && c.proposal_id == proposal_id)
}

/// A member's points on a proposal and their weighted total; dashes when they abstained.
fn member_row(data: &ActaData, seat: &SeatRow, proposal_id: i64) -> Vec<String> {
    let mut cells = vec![seat.member.full_name.clone()];
    if is_recused(data, seat, proposal_id) {
        cells.extend((0..=data.criteria.len()).map(|_| "—".to_string()));
        return cells;
    }
    let mut total = 0;
    for c in &data.criteria {
        let points = data.scores.iter().find(|s| {
            s.member_id == seat.member.id && s.proposal_id == proposal_id && s.criterion_id == c.id
        });
        total += points.map_or(0, |s| s.points * c.weight_bp / 10);
        cells.push(points.map(|s| s.points.to_string()).unwrap_or_default());
    }
    cells.push(milli_text(total));
    cells
}

fn ranking(data: &ActaData, lang: Lang, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading(t(Clar::ActaRanking, lang)));
    let rows = data
        .ranking
        .rows
        .iter()
        .map(|r| {
            let result = if r.decision.funded {
                Clar::Funded
            } else {
                Clar::NotFunded
            };
            vec![
                r.ranked.rank.to_string(),
                r.proposal.title.clone(),
                r.proposal.association_name.clone(),
                milli_text(r.ranked.score_milli),
                r.proposal.programme.to_string(),
                t(result, lang),
            ]
        })
        .collect();
    blocks.push(Block::Table(Table {
        head: [
            Clar::ColRank,
            Clar::ColProposal,
            Clar::ColAssociation,
            Clar::ColScore,
            Clar::ColProgrammeAmount,
            Clar::ColResult,
        ]
        .iter()
        .map(|k| t(*k, lang))
        .collect(),
        rows,
        right: vec![true, false, false, true, true, false],
    }));
}

fn allocation(data: &ActaData, lang: Lang, blocks: &mut Vec<Block>) {
    let a = &data.ranking.allocation;
    blocks.push(Block::Heading(t(Clar::ActaAwards, lang)));
    blocks.push(Block::Fields(vec![
        (t(Clar::ActaEnvelope, lang), a.envelope.to_string()),
        (t(Clar::ActaFundedTotal, lang), a.funded_total.to_string()),
        (t(Clar::ActaRemaining, lang), a.remaining.to_string()),
    ]));
    if !data.ranking.awarded {
        blocks.push(Block::Paragraph(t(Clar::ActaPending, lang)));
    }
}
