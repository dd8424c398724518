//! Drawing the office's CLAR area: each view from its state, nothing else. Every view keeps
//! its last line for the notice (what was saved, or what went wrong).

use super::detail_view::{budget_editor, detail, ranking};
use super::list::{Cursor, ListState, Load};
use super::staff::{StaffPage, StaffState};
use super::Notice;
use crate::i18n::{ClarTui, Localize, Tui};
use crate::store::clar::calls::CallRow;
use crate::store::clar::proposals::ProposalRow;
use crate::store::clar::sessions::SessionRow;
use crate::tui::view::ViewCtx;
use crate::tui::widgets::centred;
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
            StaffPage::Budget(editor) => budget_editor(ctx, editor, main, buf),
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
