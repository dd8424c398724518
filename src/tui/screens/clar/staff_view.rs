//! Drawing the office's CLAR area: each view from its state, nothing else. Every view keeps
//! its last line for the notice (what was saved, or what went wrong).

use super::budget::{BudgetEditor, COLUMNS};
use super::list::{Cursor, ListState, Load};
use super::staff::{StaffPage, StaffState};
use super::Notice;
use crate::i18n::{bp_text, ClarTui, Localize, Tui};
use crate::services::clar::award::RankingView;
use crate::services::clar::proposals::ProposalDetail;
use crate::services::clar::ranking::milli_text;
use crate::store::clar::calls::CallRow;
use crate::store::clar::proposals::ProposalRow;
use crate::store::clar::sessions::SessionRow;
use crate::tui::view::ViewCtx;
use crate::tui::widgets::centred;
use crate::tui::widgets::text_input::InputView;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{
    Block, Cell, Paragraph, Row, StatefulWidget, Table, TableState, Widget, Wrap,
};

pub struct StaffView<'a> {
    pub state: &'a StaffState,
    pub ctx: ViewCtx<'a>,
}

/// A CLAR text in the view's language.
pub(super) fn t(ctx: ViewCtx, key: ClarTui) -> String {
    key.text(ctx.lang).into_owned()
}

/// The body less its last line, and that line (for the notice).
pub(super) fn split_notice(area: Rect) -> (Rect, Rect) {
    let [main, notice] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    (main, notice)
}

pub(super) fn draw_notice(ctx: ViewCtx, notice: Option<&Notice>, area: Rect, buf: &mut Buffer) {
    let line = match notice {
        Some(Notice::Good(m)) => Line::styled(format!(" {}", m.text(ctx.lang)), ctx.theme.success),
        Some(Notice::Bad(m)) => Line::styled(format!(" {}", m.text(ctx.lang)), ctx.theme.error),
        None => return,
    };
    line.render(area, buf);
}

pub(super) fn titled(ctx: ViewCtx, title: &str) -> Block<'static> {
    Block::bordered().title(Line::styled(format!(" {title} "), ctx.theme.title))
}

/// "Cargando…" or the reason it failed, in the middle of `area`.
pub(super) fn draw_waiting<T>(ctx: ViewCtx, load: &Load<T>, area: Rect, buf: &mut Buffer) -> bool {
    let line = match load {
        Load::Ready(_) => return false,
        Load::Loading => Line::styled(Tui::Loading.text(ctx.lang), ctx.theme.muted),
        Load::Failed(m) => Line::styled(m.text(ctx.lang), ctx.theme.error),
    };
    Paragraph::new(line)
        .centered()
        .wrap(Wrap { trim: true })
        .render(centred(area, area.width.saturating_sub(2), 3), buf);
    true
}

/// A table of `rows` with a highlighted row, scrolled by `cursor`.
pub(super) struct ListTable<'a> {
    pub title: String,
    pub head: Vec<String>,
    pub widths: Vec<Constraint>,
    pub rows: Vec<Vec<String>>,
    /// Columns aligned to the right.
    pub right: &'a [usize],
    /// The highlighted row; `None` for a table that only shows.
    pub cursor: Option<Cursor>,
    pub empty: String,
}

impl ListTable<'_> {
    pub fn draw(self, ctx: ViewCtx, area: Rect, buf: &mut Buffer) {
        let mut block = titled(ctx, &self.title);
        if let (Some(cursor), false) = (self.cursor, self.rows.is_empty()) {
            let position = format!(" {}/{} ", cursor.selected + 1, self.rows.len());
            block = block.title(Line::raw(position).right_aligned());
        }
        if self.rows.is_empty() {
            Paragraph::new(Line::styled(self.empty, ctx.theme.muted))
                .block(block)
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        let page = usize::from(area.height.saturating_sub(3)).max(1);
        let first = self.cursor.map_or(0, |c| c.first_visible(page));
        let right = self.right;
        let cell = |i: usize, text: String| {
            let line = Line::raw(text);
            Cell::from(if right.contains(&i) {
                line.right_aligned()
            } else {
                line
            })
        };
        let header = Row::new(self.head.into_iter().enumerate().map(|(i, h)| cell(i, h)))
            .style(ctx.theme.title);
        let rows = self
            .rows
            .into_iter()
            .skip(first)
            .take(page)
            .map(|r| Row::new(r.into_iter().enumerate().map(|(i, c)| cell(i, c))));
        let table = Table::new(rows, self.widths)
            .header(header)
            .block(block)
            .row_highlight_style(ctx.theme.selected);
        let selected = self.cursor.map(|c| c.selected.saturating_sub(first));
        let mut state = TableState::new().with_selected(selected);
        StatefulWidget::render(table, area, buf, &mut state);
    }
}

impl Widget for &StaffView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let ctx = self.ctx;
        let (main, notice) = split_notice(area);
        match self.state.top() {
            StaffPage::Calls(list) => calls(ctx, list, main, buf),
            StaffPage::Proposals { call, list, .. } => {
                proposals(ctx, call.as_ref(), list, main, buf)
            }
            StaffPage::Detail { load, .. } => {
                if !draw_waiting(ctx, load, main, buf) {
                    if let Some(d) = load.ready() {
                        detail(ctx, d, main, buf);
                    }
                }
            }
            StaffPage::Budget(editor) => budget(ctx, editor, main, buf),
            StaffPage::Sessions(list) => sessions(ctx, list, main, buf),
            StaffPage::Session {
                load,
                panel,
                cursor,
                ..
            } => {
                if !draw_waiting(ctx, load, main, buf) {
                    if let Some(o) = load.ready() {
                        super::session_panels::draw(ctx, o, *panel, *cursor, main, buf);
                    }
                }
            }
            StaffPage::Ranking { load, .. } => {
                if !draw_waiting(ctx, load, main, buf) {
                    if let Some(r) = load.ready() {
                        ranking(ctx, r, main, buf);
                    }
                }
            }
        }
        draw_notice(ctx, self.state.notice(), notice, buf);
    }
}

fn calls(ctx: ViewCtx, list: &ListState<CallRow>, area: Rect, buf: &mut Buffer) {
    if draw_waiting(ctx, &list.load, area, buf) {
        return;
    }
    ListTable {
        title: t(ctx, ClarTui::CallsTitle),
        head: vec![
            t(ctx, ClarTui::ColCall),
            t(ctx, ClarTui::ColStatus),
            t(ctx, ClarTui::ColEnvelope),
            t(ctx, ClarTui::ColCloses),
        ],
        widths: vec![
            Constraint::Fill(1),
            Constraint::Length(11),
            Constraint::Length(15),
            Constraint::Length(10),
        ],
        rows: list
            .rows()
            .iter()
            .map(|c| {
                vec![
                    c.title.clone(),
                    c.status.text(ctx.lang).into_owned(),
                    c.envelope.to_string(),
                    crate::domain::dates::iso(c.closes_on),
                ]
            })
            .collect(),
        right: &[2],
        cursor: Some(list.cursor),
        empty: t(ctx, ClarTui::NoCalls),
    }
    .draw(ctx, area, buf);
}

fn proposals(
    ctx: ViewCtx,
    call: Option<&CallRow>,
    list: &ListState<ProposalRow>,
    area: Rect,
    buf: &mut Buffer,
) {
    if draw_waiting(ctx, &list.load, area, buf) {
        return;
    }
    let title = call.map(|c| c.title.clone()).unwrap_or_default();
    ListTable {
        title,
        head: vec![
            t(ctx, ClarTui::ColProposal),
            t(ctx, ClarTui::ColAssociation),
            t(ctx, ClarTui::ColStatus),
            t(ctx, ClarTui::ColProgramme),
            t(ctx, ClarTui::ColShare),
        ],
        widths: vec![
            Constraint::Fill(3),
            Constraint::Fill(2),
            Constraint::Length(13),
            Constraint::Length(13),
            Constraint::Length(5),
        ],
        rows: list
            .rows()
            .iter()
            .map(|p| {
                let total = p.programme.checked_add(p.counterpart).unwrap_or_default();
                let share = crate::domain::money::share_basis_points(p.programme, total);
                vec![
                    p.title.clone(),
                    p.association_name.clone(),
                    p.status.text(ctx.lang).into_owned(),
                    amount(p.programme),
                    format!("{}%", share / 100),
                ]
            })
            .collect(),
        right: &[3, 4],
        cursor: Some(list.cursor),
        empty: t(ctx, ClarTui::NoProposals),
    }
    .draw(ctx, area, buf);
}

/// An amount without the currency sign, for tight columns (`63,000.00`).
pub(super) fn amount(m: crate::domain::money::Money) -> String {
    m.to_string().trim_start_matches("S/ ").to_string()
}

fn sessions(ctx: ViewCtx, list: &ListState<SessionRow>, area: Rect, buf: &mut Buffer) {
    if draw_waiting(ctx, &list.load, area, buf) {
        return;
    }
    session_table(ctx, list, area, buf);
}

/// The sessions list, shared with reviewer mode.
pub(super) fn session_table(
    ctx: ViewCtx,
    list: &ListState<SessionRow>,
    area: Rect,
    buf: &mut Buffer,
) {
    ListTable {
        title: t(ctx, ClarTui::SessionsTitle),
        head: vec![
            t(ctx, ClarTui::ColActa),
            t(ctx, ClarTui::ColDate),
            t(ctx, ClarTui::ColStatus),
            t(ctx, ClarTui::ColCall),
        ],
        widths: vec![
            Constraint::Length(8),
            Constraint::Length(10),
            Constraint::Length(8),
            Constraint::Fill(1),
        ],
        rows: list
            .rows()
            .iter()
            .map(|s| {
                let status = if s.closed {
                    ClarTui::Closed
                } else {
                    ClarTui::Open
                };
                vec![
                    crate::services::clar::acta_label(s),
                    crate::domain::dates::iso(s.held_on),
                    t(ctx, status),
                    s.call_title.clone(),
                ]
            })
            .collect(),
        right: &[],
        cursor: Some(list.cursor),
        empty: t(ctx, ClarTui::NoSessions),
    }
    .draw(ctx, area, buf);
}

fn detail(ctx: ViewCtx, d: &ProposalDetail, area: Rect, buf: &mut Buffer) {
    let p = &d.proposal;
    let lines_height = u16::try_from(d.lines.len()).unwrap_or(0) + 4;
    let [head, table, checks] = area.layout(&Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(lines_height),
        Constraint::Fill(1),
    ]));
    let heading = vec![
        Line::from(vec![
            ratatui::text::Span::styled(format!(" {}", p.title), ctx.theme.title),
            ratatui::text::Span::raw(format!("  [{}]", p.status.text(ctx.lang))),
        ]),
        Line::raw(format!(
            " {} · {} {} · {}",
            p.association_name,
            d.member_count,
            t(ctx, ClarTui::Members),
            p.product
        )),
    ];
    Paragraph::new(heading).render(head, buf);
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
    budget_table(ctx, rows, table, buf);
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
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(checks, buf);
}

/// "Meets the call's rules", or each rule broken and by how much.
pub(super) fn rule_lines(
    ctx: ViewCtx,
    broken: &[crate::services::clar::rules::RuleViolation],
) -> Vec<Line<'static>> {
    if broken.is_empty() {
        return vec![Line::styled(
            format!(" ✓ {}", t(ctx, ClarTui::RulesMet)),
            ctx.theme.success,
        )];
    }
    broken
        .iter()
        .map(|v| Line::styled(format!(" ✗ {}", v.text(ctx.lang)), ctx.theme.error))
        .collect()
}

fn budget_table(ctx: ViewCtx, rows: Vec<Vec<String>>, area: Rect, buf: &mut Buffer) {
    let header = Row::new([
        Cell::from(t(ctx, ClarTui::ColCategory)),
        Cell::from(t(ctx, ClarTui::ColDescription)),
        Cell::from(Line::raw(t(ctx, ClarTui::ColProgramme)).right_aligned()),
        Cell::from(Line::raw(t(ctx, ClarTui::ColCounterpart)).right_aligned()),
    ])
    .style(ctx.theme.title);
    let rows = rows.into_iter().map(|r| {
        Row::new(r.into_iter().enumerate().map(|(i, c)| {
            let line = Line::raw(c);
            Cell::from(if i >= 2 { line.right_aligned() } else { line })
        }))
    });
    let widths = [
        Constraint::Length(20),
        Constraint::Fill(1),
        Constraint::Length(13),
        Constraint::Length(13),
    ];
    Widget::render(
        Table::new(rows, widths)
            .header(header)
            .block(titled(ctx, &t(ctx, ClarTui::Budget))),
        area,
        buf,
    );
}

fn budget(ctx: ViewCtx, editor: &BudgetEditor, area: Rect, buf: &mut Buffer) {
    let height = u16::try_from(editor.lines.len()).unwrap_or(0) + 3;
    let [head, table, checks] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(height),
        Constraint::Fill(1),
    ]));
    Line::styled(
        format!(" {}: {}", t(ctx, ClarTui::EditingBudget), editor.title()),
        ctx.theme.title,
    )
    .render(head, buf);
    let block = titled(ctx, &t(ctx, ClarTui::Budget));
    let inner = block.inner(table);
    block.render(table, buf);
    let [cat, desc, prog, counter] = column_areas(inner);
    Line::styled(t(ctx, ClarTui::ColCategory), ctx.theme.title).render(cat, buf);
    Line::styled(t(ctx, ClarTui::ColDescription), ctx.theme.title).render(desc, buf);
    Line::styled(t(ctx, ClarTui::ColProgramme), ctx.theme.title)
        .right_aligned()
        .render(prog, buf);
    Line::styled(t(ctx, ClarTui::ColCounterpart), ctx.theme.title)
        .right_aligned()
        .render(counter, buf);
    for (i, line) in editor.lines.iter().enumerate() {
        let y = u16::try_from(i).unwrap_or(0) + 1;
        let at = |r: Rect| Rect::new(r.x, r.y + y, r.width, 1);
        Line::raw(line.category.text(ctx.lang)).render(at(cat), buf);
        for (column, rect) in [desc, prog, counter].into_iter().enumerate() {
            let focused = editor.focus == i * COLUMNS + column;
            InputView {
                input: &line.inputs[column],
                focused,
                theme: ctx.theme,
            }
            .render(at(rect), buf);
        }
    }
    let mut lines = Vec::new();
    match (editor.problem(), editor.check()) {
        (Some(problem), _) => lines.push(Line::styled(
            format!(" ✗ {}", problem.text(ctx.lang)),
            ctx.theme.error,
        )),
        (None, Some((totals, broken))) => {
            lines.push(Line::raw(format!(
                " {} {} · {} {} · {}",
                t(ctx, ClarTui::ColProgramme),
                totals.programme,
                t(ctx, ClarTui::ColCounterpart),
                totals.counterpart,
                bp_text(totals.programme_share_bp)
            )));
            lines.extend(rule_lines(ctx, &broken));
        }
        (None, None) => {}
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(checks, buf);
}

/// The budget editor's columns inside its frame: category, description, programme, counterpart.
fn column_areas(inner: Rect) -> [Rect; 4] {
    inner.layout(
        &Layout::horizontal([
            Constraint::Length(20),
            Constraint::Fill(1),
            Constraint::Length(13),
            Constraint::Length(13),
        ])
        .spacing(1),
    )
}

fn ranking(ctx: ViewCtx, r: &RankingView, area: Rect, buf: &mut Buffer) {
    let rows_height = u16::try_from(r.rows.len()).unwrap_or(0) + 3;
    let [head, table, foot] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(rows_height),
        Constraint::Fill(1),
    ]));
    Line::styled(
        format!(
            " {} {} · {}",
            t(ctx, ClarTui::Acta),
            crate::services::clar::acta_label(&r.session),
            r.call.title
        ),
        ctx.theme.title,
    )
    .render(head, buf);
    let rows = r
        .rows
        .iter()
        .map(|row| {
            let result = if row.decision.funded {
                ClarTui::Funded
            } else {
                ClarTui::NotFunded
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
    ListTable {
        title: t(ctx, ClarTui::RankingTitle),
        head: vec![
            "N°".into(),
            t(ctx, ClarTui::ColProposal),
            t(ctx, ClarTui::ColScore),
            t(ctx, ClarTui::ColProgramme),
            t(ctx, ClarTui::ColResult),
        ],
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
    .draw(ctx, table, buf);
    let a = &r.allocation;
    let status = if r.awarded {
        ClarTui::AwardedStatus
    } else {
        ClarTui::NotAwardedStatus
    };
    let lines = vec![
        Line::raw(format!(" {}: {}", t(ctx, ClarTui::Envelope), a.envelope)),
        Line::raw(format!(
            " {}: {}",
            t(ctx, ClarTui::FundedTotal),
            a.funded_total
        )),
        Line::styled(
            format!(" {}: {}", t(ctx, ClarTui::Remaining), a.remaining),
            ctx.theme.figure,
        ),
        Line::styled(format!(" {}", t(ctx, status)), ctx.theme.muted),
    ];
    Paragraph::new(lines).render(foot, buf);
}
