//! Drawing a proposal's detail (its budget, the call's rules it meets or breaks, its review),
//! the budget editor, and a session's ranking with what the envelope funds.

use super::budget::{BudgetEditor, COLUMNS};
use super::staff_view::{amount, t, titled, ListTable};
use crate::i18n::{bp_text, ClarTui, Localize};
use crate::services::clar::award::RankingView;
use crate::services::clar::proposals::ProposalDetail;
use crate::services::clar::ranking::milli_text;
use crate::services::clar::rules::RuleViolation;
use crate::tui::text::{fit, width as cells};
use crate::tui::view::ViewCtx;
use crate::tui::widgets::text_input::InputView;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, Widget, Wrap};

/// The widths of the budget's columns: category, description, programme, counterpart.
const BUDGET_WIDTHS: [Constraint; 4] = [
    Constraint::Length(20),
    Constraint::Fill(1),
    Constraint::Length(13),
    Constraint::Length(13),
];

pub(super) fn detail(ctx: ViewCtx, d: &ProposalDetail, area: Rect, buf: &mut Buffer) {
    let lines_height = u16::try_from(d.lines.len()).unwrap_or(0) + 4;
    let [head, table, checks] = area.layout(&Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(lines_height),
        Constraint::Fill(1),
    ]));
    let p = &d.proposal;
    // A long title or association name is cut so the status and the size stay in view.
    let width = usize::from(head.width).saturating_sub(1);
    let status = format!("  [{}]", p.status.text(ctx.lang));
    let size = format!(" · {} {}", d.member_count, t(ctx, ClarTui::Members));
    let heading = vec![
        Line::from(vec![
            Span::styled(
                format!(" {}", fit(&p.title, width.saturating_sub(cells(&status)))),
                ctx.theme.title,
            ),
            Span::raw(status),
        ]),
        Line::raw(format!(
            " {}{size} · {}",
            fit(&p.association_name, width.saturating_sub(cells(&size))),
            p.product
        )),
    ];
    Paragraph::new(heading).render(head, buf);
    budget_table(ctx, budget_rows(ctx, d), table, buf);
    Paragraph::new(detail_checks(ctx, d))
        .wrap(Wrap { trim: false })
        .render(checks, buf);
}

fn budget_rows(ctx: ViewCtx, d: &ProposalDetail) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = d
        .lines
        .iter()
        .map(|l| {
            vec![
                l.category.text(ctx.lang).into_owned(),
                l.description.clone(),
                amount(l.programme),
                amount(l.counterpart),
            ]
        })
        .collect();
    rows.push(vec![
        t(ctx, ClarTui::Total),
        String::new(),
        amount(d.totals.programme),
        amount(d.totals.counterpart),
    ]);
    rows
}

/// The programme's share against the call's limits, the rules, and the technical review.
fn detail_checks(ctx: ViewCtx, d: &ProposalDetail) -> Vec<Line<'static>> {
    let mut lines = vec![Line::raw(format!(
        " {}: {} ({} {}) · {} {}",
        t(ctx, ClarTui::ProgrammeShare),
        bp_text(d.totals.programme_share_bp),
        t(ctx, ClarTui::Maximum),
        bp_text(d.rules.max_programme_share_bp),
        t(ctx, ClarTui::Ceiling),
        d.rules.programme_ceiling
    ))];
    lines.extend(rule_lines(ctx, &d.violations));
    if let Some(r) = &d.review {
        let presence = match (r.families_present, r.families_listed) {
            (Some(present), Some(listed)) => {
                format!(" · {present}/{listed} {}", t(ctx, ClarTui::FamiliesPresent))
            }
            _ => String::new(),
        };
        lines.push(Line::raw(format!(
            " {}: {}{presence}",
            t(ctx, ClarTui::Review),
            r.verdict.text(ctx.lang)
        )));
    }
    lines
}

/// "Meets the call's rules", or each rule broken and by how much.
fn rule_lines(ctx: ViewCtx, broken: &[RuleViolation]) -> Vec<Line<'static>> {
    if broken.is_empty() {
        let met = format!(" ✓ {}", t(ctx, ClarTui::RulesMet));
        return vec![Line::styled(met, ctx.theme.success)];
    }
    broken
        .iter()
        .map(|v| Line::styled(format!(" ✗ {}", v.text(ctx.lang)), ctx.theme.error))
        .collect()
}

fn budget_header(ctx: ViewCtx) -> Row<'static> {
    Row::new([
        Cell::from(t(ctx, ClarTui::ColCategory)),
        Cell::from(t(ctx, ClarTui::ColDescription)),
        Cell::from(Line::raw(t(ctx, ClarTui::ColProgramme)).right_aligned()),
        Cell::from(Line::raw(t(ctx, ClarTui::ColCounterpart)).right_aligned()),
    ])
    .style(ctx.theme.title)
}

fn budget_table(ctx: ViewCtx, rows: Vec<Vec<String>>, area: Rect, buf: &mut Buffer) {
    let rows = rows.into_iter().map(|r| {
        Row::new(r.into_iter().enumerate().map(|(i, c)| {
            let line = Line::raw(c);
            Cell::from(if i >= 2 { line.right_aligned() } else { line })
        }))
    });
    let table = Table::new(rows, BUDGET_WIDTHS)
        .header(budget_header(ctx))
        .block(titled(ctx, &t(ctx, ClarTui::Budget)));
    Widget::render(table, area, buf);
}

pub(super) fn budget_editor(ctx: ViewCtx, editor: &BudgetEditor, area: Rect, buf: &mut Buffer) {
    let height = u16::try_from(editor.lines.len()).unwrap_or(0) + 3;
    let [head, table, checks] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(height),
        Constraint::Fill(1),
    ]));
    let title = format!(" {}: {}", t(ctx, ClarTui::EditingBudget), editor.title());
    Line::styled(title, ctx.theme.title).render(head, buf);
    let block = titled(ctx, &t(ctx, ClarTui::Budget));
    let inner = block.inner(table);
    block.render(table, buf);
    editor_inputs(ctx, editor, inner, buf);
    Paragraph::new(editor_checks(ctx, editor))
        .wrap(Wrap { trim: false })
        .render(checks, buf);
}

/// The header and one row of inputs per budget line.
fn editor_inputs(ctx: ViewCtx, editor: &BudgetEditor, inner: Rect, buf: &mut Buffer) {
    let columns: [Rect; 4] = inner.layout(&Layout::horizontal(BUDGET_WIDTHS).spacing(1));
    let heads = [
        ClarTui::ColCategory,
        ClarTui::ColDescription,
        ClarTui::ColProgramme,
        ClarTui::ColCounterpart,
    ];
    for (i, (rect, head)) in columns.iter().zip(heads).enumerate() {
        let line = Line::styled(t(ctx, head), ctx.theme.title);
        let line = if i >= 2 { line.right_aligned() } else { line };
        line.render(*rect, buf);
    }
    let [cat, desc, prog, counter] = columns;
    for (i, line) in editor.lines.iter().enumerate() {
        let y = u16::try_from(i).unwrap_or(0) + 1;
        let at = |r: Rect| Rect::new(r.x, r.y + y, r.width, 1);
        Line::raw(line.category.text(ctx.lang)).render(at(cat), buf);
        for (column, rect) in [desc, prog, counter].into_iter().enumerate() {
            InputView {
                input: &line.inputs[column],
                focused: editor.focus == i * COLUMNS + column,
                theme: ctx.theme,
            }
            .render(at(rect), buf);
        }
    }
}

/// What the amounts typed add up to and the rules they break, or the amount to fix first.
fn editor_checks(ctx: ViewCtx, editor: &BudgetEditor) -> Vec<Line<'static>> {
    if let Some(problem) = editor.problem() {
        let text = format!(" ✗ {}", problem.text(ctx.lang));
        return vec![Line::styled(text, ctx.theme.error)];
    }
    let Some((totals, broken)) = editor.check() else {
        return Vec::new();
    };
    let mut lines = vec![Line::raw(format!(
        " {} {} · {} {} · {}",
        t(ctx, ClarTui::ColProgramme),
        totals.programme,
        t(ctx, ClarTui::ColCounterpart),
        totals.counterpart,
        bp_text(totals.programme_share_bp)
    ))];
    lines.extend(rule_lines(ctx, &broken));
    lines
}

pub(super) fn ranking(ctx: ViewCtx, r: &RankingView, area: Rect, buf: &mut Buffer) {
    let rows_height = u16::try_from(r.rows.len()).unwrap_or(0) + 3;
    let [head, table, foot] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(rows_height),
        Constraint::Fill(1),
    ]));
    let title = format!(
        " {} {} · {}",
        t(ctx, ClarTui::Acta),
        crate::services::clar::acta_label(&r.session),
        r.call.title
    );
    Line::styled(title, ctx.theme.title).render(head, buf);
    ranking_table(ctx, r).draw(ctx, table, buf);
    Paragraph::new(allocation_lines(ctx, r)).render(foot, buf);
}

fn ranking_table(ctx: ViewCtx, r: &RankingView) -> ListTable<'static> {
    let rows = r
        .rows
        .iter()
        .map(|row| {
            let result = match row.decision.funded {
                true => ClarTui::Funded,
                false => ClarTui::NotFunded,
            };
            vec![
                row.ranked.rank.to_string(),
                row.proposal.title.clone(),
                milli_text(row.ranked.score_milli),
                amount(row.proposal.programme),
                t(ctx, result),
            ]
        })
        .collect();
    let head = [
        ClarTui::ColProposal,
        ClarTui::ColScore,
        ClarTui::ColProgramme,
        ClarTui::ColResult,
    ];
    ListTable {
        title: t(ctx, ClarTui::RankingTitle),
        head: std::iter::once("N°".to_string())
            .chain(head.iter().map(|h| t(ctx, *h)))
            .collect(),
        widths: vec![
            Constraint::Length(3),
            Constraint::Fill(1),
            Constraint::Length(7),
            Constraint::Length(12),
            Constraint::Length(18),
        ],
        rows,
        right: &[0, 2, 3],
        cursor: None,
        empty: t(ctx, ClarTui::NoProposals),
    }
}

/// The envelope, what it funds, what remains, and whether the results are adopted.
fn allocation_lines(ctx: ViewCtx, r: &RankingView) -> Vec<Line<'static>> {
    let a = &r.allocation;
    let status = match r.awarded {
        true => ClarTui::AwardedStatus,
        false => ClarTui::NotAwardedStatus,
    };
    let remaining = format!(" {}: {}", t(ctx, ClarTui::Remaining), a.remaining);
    vec![
        Line::raw(format!(" {}: {}", t(ctx, ClarTui::Envelope), a.envelope)),
        Line::raw(format!(
            " {}: {}",
            t(ctx, ClarTui::FundedTotal),
            a.funded_total
        )),
        Line::styled(remaining, ctx.theme.figure),
        Line::styled(format!(" {}", t(ctx, status)), ctx.theme.muted),
    ]
}
