//! Resumen: the totals, active enrolments per programme as bars, and a scrollable table of
//! districts. The figures come from `services::overview::load`, asked for as an effect when
//! the area opens; until they arrive the area says "Cargando…".

use super::main::AreaCtx;
use crate::i18n::{Lang, Localize, Tui};
use crate::services::overview::Overview;
use crate::services::Actor;
use crate::store::overview::Totals;
use crate::tui::action::{Action, Command};
use crate::tui::effect::{Effect, Message};
use crate::tui::keymap::{self, Binding};
use crate::tui::view::ViewCtx;
use crate::tui::widgets::bars::{BarRow, Bars};
use crate::tui::widgets::{centred, count};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Cell, Paragraph, Row, StatefulWidget, Table, TableState, Widget, Wrap,
};

/// Where the figures are.
#[derive(Debug, Clone, PartialEq)]
pub enum Load {
    Loading,
    Ready(Overview),
    Failed(Message),
}

#[derive(Debug, Clone, PartialEq)]
pub struct OverviewState {
    load: Load,
    /// The highlighted district row.
    selected: usize,
    /// The first district row on screen.
    offset: usize,
}

pub fn bindings() -> Vec<Binding> {
    let mut table = keymap::TABLE_MOVES.to_vec();
    table.push(keymap::REFRESH);
    table
}

impl OverviewState {
    /// The area as it opens: waiting for its figures, and the effect that fetches them.
    pub fn open(actor: &Actor) -> (OverviewState, Vec<Effect>) {
        let state = OverviewState {
            load: Load::Loading,
            selected: 0,
            offset: 0,
        };
        (state, vec![load(actor)])
    }

    pub fn load(&self) -> &Load {
        &self.load
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn offset(&self) -> usize {
        self.offset
    }

    pub fn update(&mut self, action: Action, ctx: &AreaCtx) -> Vec<Effect> {
        match action {
            // The figures on screen stay until the new ones arrive, so a refresh does not
            // blank the screen.
            Action::Command(Command::Refresh) => return vec![load(ctx.actor)],
            Action::Command(command) => self.scroll(command, ctx),
            Action::Resize { .. } => self.scroll(Command::Refresh, ctx),
            Action::OverviewLoaded(Ok(overview)) => {
                self.load = Load::Ready(overview);
                self.scroll(Command::Refresh, ctx);
            }
            Action::OverviewLoaded(Err(message)) => self.load = Load::Failed(message),
            _ => {}
        }
        Vec::new()
    }

    fn district_count(&self) -> usize {
        match &self.load {
            Load::Ready(overview) => overview.districts.len(),
            Load::Loading | Load::Failed(_) => 0,
        }
    }

    /// Moves the highlighted row, then keeps it on screen and the page full. Any other
    /// command only re-applies those limits (after new figures or a resize).
    fn scroll(&mut self, command: Command, ctx: &AreaCtx) {
        let rows = self.district_count();
        let page = match &self.load {
            Load::Ready(overview) => page_height(parts(ctx.body, overview, ctx.lang).table),
            Load::Loading | Load::Failed(_) => 1,
        };
        let last = rows.saturating_sub(1);
        self.selected = match command {
            Command::Up => self.selected.saturating_sub(1),
            Command::Down => self.selected + 1,
            Command::PageUp => self.selected.saturating_sub(page),
            Command::PageDown => self.selected + page,
            Command::Top => 0,
            Command::Bottom => last,
            _ => self.selected,
        }
        .min(last);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + page {
            self.offset = self.selected + 1 - page;
        }
        self.offset = self.offset.min(rows.saturating_sub(page));
    }
}

fn load(actor: &Actor) -> Effect {
    Effect::LoadOverview {
        actor: actor.clone(),
    }
}

/// The three parts of the area: the totals line(s), the chart, the districts table. The
/// table keeps at least a couple of rows; the chart gives way first when the window is short.
struct Parts {
    totals: Rect,
    chart: Rect,
    table: Rect,
}

fn parts(body: Rect, overview: &Overview, lang: Lang) -> Parts {
    let totals = totals_lines(&overview.totals, lang, body.width).len();
    let chart = overview.programmes.len().saturating_add(2);
    let [totals, chart, table] = body.layout(&Layout::vertical([
        Constraint::Length(u16::try_from(totals).unwrap_or(2)),
        Constraint::Length(u16::try_from(chart).unwrap_or(u16::MAX)),
        Constraint::Min(4),
    ]));
    Parts {
        totals,
        chart,
        table,
    }
}

/// District rows visible at once in a table drawn in `table`: less its frame and header.
fn page_height(table: Rect) -> usize {
    usize::from(table.height.saturating_sub(3)).max(1)
}

/// One figure of the totals line: its label and its value.
type Figure = (String, String);

/// The totals, as many per line as fit in `width`: a figure is never split from its label,
/// so a narrow window shows two lines rather than a number cut off.
fn totals_lines(totals: &Totals, lang: Lang, width: u16) -> Vec<Vec<Figure>> {
    let figures = [
        (Tui::ColHouseholds, totals.households),
        (Tui::ColPersons, totals.persons),
        (Tui::ColActiveEnrolments, totals.active_enrolments),
    ];
    let mut lines: Vec<Vec<Figure>> = Vec::new();
    let mut used = 0;
    for (label, value) in figures {
        let figure = (format!(" {}: ", label.text(lang)), count(value));
        let needed = figure.0.chars().count() + figure.1.len() + FIGURE_GAP.len();
        match lines.last_mut() {
            Some(line) if used + needed <= usize::from(width) => line.push(figure),
            _ => {
                used = 0;
                lines.push(vec![figure]);
            }
        }
        used += needed;
    }
    lines
}

const FIGURE_GAP: &str = "   ";

/// The widest the district column gets (the longest names in Peru are about 35 letters).
const DISTRICT_NAME_MAX: u16 = 36;

/// Draws the area.
pub struct OverviewView<'a> {
    pub state: &'a OverviewState,
    pub ctx: ViewCtx<'a>,
}

impl Widget for &OverviewView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let ctx = self.ctx;
        match &self.state.load {
            Load::Loading => {
                let text = Line::styled(Tui::Loading.text(ctx.lang), ctx.theme.muted);
                text.centered().render(centred(area, area.width, 1), buf);
            }
            Load::Failed(message) => {
                let lines = vec![
                    Line::styled(message.text(ctx.lang), ctx.theme.error),
                    Line::raw(""),
                    Line::styled(Tui::OverviewRetry.text(ctx.lang), ctx.theme.muted),
                ];
                Paragraph::new(lines)
                    .centered()
                    .wrap(Wrap { trim: true })
                    .render(centred(area, area.width.saturating_sub(4), 6), buf);
            }
            Load::Ready(overview) => self.render_ready(overview, area, buf),
        }
    }
}

impl OverviewView<'_> {
    fn render_ready(&self, overview: &Overview, area: Rect, buf: &mut Buffer) {
        let parts = parts(area, overview, self.ctx.lang);
        self.render_totals(overview, parts.totals, buf);
        let chart = self.titled(Tui::OverviewByProgramme);
        let inner = chart.inner(parts.chart);
        chart.render(parts.chart, buf);
        let bars = Bars {
            rows: overview
                .programmes
                .iter()
                .map(|p| BarRow {
                    label: &p.name,
                    value: p.active_enrolments,
                })
                .collect(),
            theme: self.ctx.theme,
        };
        bars.render(inner.inner(ratatui::layout::Margin::new(1, 0)), buf);
        self.render_districts(overview, parts.table, buf);
    }

    fn titled(&self, title: Tui) -> Block<'static> {
        Block::bordered().title(Line::styled(
            format!(" {} ", title.text(self.ctx.lang)),
            self.ctx.theme.title,
        ))
    }

    fn render_totals(&self, overview: &Overview, area: Rect, buf: &mut Buffer) {
        let theme = self.ctx.theme;
        let lines: Vec<Line> = totals_lines(&overview.totals, self.ctx.lang, area.width)
            .into_iter()
            .map(|figures| {
                let spans = figures.into_iter().flat_map(|(label, value)| {
                    [
                        Span::raw(label),
                        Span::styled(value, theme.figure),
                        Span::raw(FIGURE_GAP),
                    ]
                });
                Line::from(spans.collect::<Vec<_>>())
            })
            .collect();
        Paragraph::new(lines).render(area, buf);
    }

    fn render_districts(&self, overview: &Overview, area: Rect, buf: &mut Buffer) {
        let (lang, theme) = (self.ctx.lang, self.ctx.theme);
        let rows = &overview.districts;
        let state = self.state;
        let mut block = self.titled(Tui::OverviewByDistrict);
        if !rows.is_empty() {
            let position = format!(" {}/{} ", state.selected + 1, rows.len());
            block = block.title(Line::raw(position).right_aligned());
        }
        if rows.is_empty() {
            let empty = Line::styled(Tui::OverviewNoHouseholds.text(lang), theme.muted);
            Paragraph::new(empty).block(block).render(area, buf);
            return;
        }
        let (header, widths) = district_columns(self.ctx);
        // The offset kept by `update` is re-checked here: a language switch can change the
        // height of the totals, and so the page, without any scrolling.
        let page = page_height(area);
        let offset = if state.selected >= state.offset + page {
            state.selected + 1 - page
        } else {
            state.offset
        };
        let visible = rows.iter().skip(offset).take(page).map(|d| {
            Row::new([
                Cell::from(d.ubigeo.as_str()),
                Cell::from(d.name.as_str()),
                Cell::from(Line::raw(count(d.households)).right_aligned()),
                Cell::from(Line::raw(count(d.persons)).right_aligned()),
                Cell::from(Line::raw(count(d.active_enrolments)).right_aligned()),
            ])
        });
        let table = Table::new(visible, widths)
            .header(header)
            .block(block)
            .row_highlight_style(theme.selected);
        let mut table_state =
            TableState::new().with_selected(Some(state.selected.saturating_sub(offset)));
        StatefulWidget::render(table, area, buf, &mut table_state);
    }
}

/// The header row of the districts table and its column widths: figures right-aligned
/// under their headings, each column as wide as its heading and at least 9 (`1,000,000`).
fn district_columns(ctx: ViewCtx) -> (Row<'static>, [Constraint; 5]) {
    let headers = [
        Tui::ColUbigeo,
        Tui::ColDistrict,
        Tui::ColHouseholds,
        Tui::ColPersons,
        Tui::ColActiveEnrolments,
    ]
    .map(|h| h.text(ctx.lang));
    let figure_width = |i: usize| {
        let header = u16::try_from(headers[i].chars().count()).unwrap_or(0);
        Constraint::Length(header.max(9))
    };
    let widths = [
        Constraint::Length(6),
        // Capped, so on a wide screen the figures stay near the name they belong to.
        Constraint::Max(DISTRICT_NAME_MAX),
        figure_width(2),
        figure_width(3),
        figure_width(4),
    ];
    let cells = headers.into_iter().enumerate().map(|(i, h)| {
        let line = Line::raw(h);
        Cell::from(if i >= 2 { line.right_aligned() } else { line })
    });
    (Row::new(cells).style(ctx.theme.title), widths)
}
