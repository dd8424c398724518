//! Drawing the matrix: a grid of the programmes (rows) against the programmes (columns),
//! each cell above the diagonal with the households and persons enrolled in both and a letter
//! for its class — C complementary, R review, D duplication — so it reads without colour;
//! with colour, the class colours the cell too. Under the grid, the chosen cell in words. A
//! chosen cell's households are a paged table.

use super::matrix::{HouseholdList, MatrixPanel};
use super::view::{fit, titled, waiting};
use crate::i18n::{Localize, OverlapsTui as T, OverlapsTuiMessage};
use crate::services::overlaps::report::MatrixCell;
use crate::store::ids;
use crate::tui::theme::Palette;
use crate::tui::view::ViewCtx;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, StatefulWidget, Table, TableState, Widget, Wrap};

pub(super) fn draw(ctx: ViewCtx, matrix: &MatrixPanel, area: Rect, buf: &mut Buffer) {
    if let Some(households) = &matrix.households {
        draw_households(ctx, households, area, buf);
        return;
    }
    let block = titled(ctx, &T::MatrixTitle.text(ctx.lang));
    let inner = block.inner(area);
    block.render(area, buf);
    if waiting(ctx, &matrix.load, inner, buf) {
        return;
    }
    let programmes = matrix.programmes();
    if programmes.len() < 2 {
        Paragraph::new(Line::styled(T::MatrixEmpty.text(ctx.lang), ctx.theme.muted))
            .render(inner, buf);
        return;
    }
    let mut lines = grid(ctx, matrix, &programmes, usize::from(inner.width));
    lines.push(Line::raw(""));
    if let Some(cell) = matrix.selected() {
        let said = OverlapsTuiMessage::Cell {
            a: cell.programme_a.clone(),
            b: cell.programme_b.clone(),
            households: cell.households,
            persons: cell.persons,
            class: T::class(cell.class.as_deref()),
        };
        lines.push(Line::raw(said.text(ctx.lang).into_owned()));
    }
    lines.push(Line::styled(
        T::MatrixLegend.text(ctx.lang).into_owned(),
        ctx.theme.muted,
    ));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

fn grid(
    ctx: ViewCtx,
    matrix: &MatrixPanel,
    programmes: &[&str],
    width: usize,
) -> Vec<Line<'static>> {
    let n = programmes.len();
    let label = programmes
        .iter()
        .map(|p| p.chars().count())
        .max()
        .unwrap_or(0)
        .min(14)
        + 1;
    let column = (width.saturating_sub(label) / (n - 1)).clamp(6, 16);
    let mut head = vec![Span::raw(" ".repeat(label))];
    for code in &programmes[1..] {
        let text = fit(code, column - 1);
        head.push(Span::styled(
            format!("{text:>w$} ", w = column - 1),
            ctx.theme.title,
        ));
    }
    let mut lines = vec![Line::from(head)];
    for (row, code) in programmes[..n - 1].iter().enumerate() {
        let mut spans = vec![Span::styled(
            format!("{:<label$}", fit(code, label - 1)),
            ctx.theme.title,
        )];
        for col in 1..n {
            let text = match matrix.cell(row, col) {
                Some(cell) if col > row => cell_text(cell),
                _ => String::new(),
            };
            let text = format!("{:>w$}", fit(&text, column - 1), w = column - 1);
            let style = match matrix.cell(row, col) {
                _ if matrix.at == (row, col) => ctx.theme.selected,
                Some(cell) if col > row => class_style(ctx, cell.class.as_deref()),
                _ => Style::new(),
            };
            spans.push(Span::styled(text, style));
            spans.push(Span::raw(" "));
        }
        lines.push(Line::from(spans));
    }
    lines
}

/// `12/3 D`: households, persons and the class's letter.
fn cell_text(cell: &MatrixCell) -> String {
    let mark = match cell.class.as_deref() {
        Some("complementary") => "C",
        Some("review") => "R",
        Some("duplication") => "D",
        _ => "–",
    };
    format!("{}/{} {mark}", cell.households, cell.persons)
}

fn class_style(ctx: ViewCtx, class: Option<&str>) -> Style {
    match (ctx.theme.palette, class) {
        (Palette::Coloured, Some("complementary")) => Style::new().fg(Color::LightGreen),
        (Palette::Coloured, Some("review")) => Style::new().fg(Color::Yellow),
        (Palette::Coloured, Some("duplication")) => Style::new()
            .fg(Color::LightRed)
            .add_modifier(Modifier::BOLD),
        (Palette::Plain, Some("duplication")) => Style::new().add_modifier(Modifier::BOLD),
        _ => Style::new(),
    }
}

fn draw_households(ctx: ViewCtx, list: &HouseholdList, area: Rect, buf: &mut Buffer) {
    let lang = ctx.lang;
    let title = OverlapsTuiMessage::Households {
        a: list.programmes.0.clone(),
        b: list.programmes.1.clone(),
        page: list.pages.len(),
    };
    let block = titled(ctx, &title.text(lang));
    if waiting(ctx, &list.load, area, buf) {
        return;
    }
    let Some(page) = list.load.ready() else {
        return;
    };
    if page.households.is_empty() {
        Paragraph::new(Line::styled(T::NoHouseholds.text(lang), ctx.theme.muted))
            .block(block)
            .render(area, buf);
        return;
    }
    let header = [
        T::ColHousehold,
        T::ColDistrict,
        T::ColCommunity,
        T::ColPerson,
        T::ColMembers,
    ]
    .map(|t| Cell::from(t.text(lang).into_owned()));
    let rows = page.households.iter().map(|h| {
        Row::new([
            Cell::from(ids::display(h.id)),
            Cell::from(h.district.clone()),
            Cell::from(h.community.clone().unwrap_or_default()),
            Cell::from(h.person.clone().unwrap_or_default()),
            Cell::from(Line::raw(h.members.to_string()).right_aligned()),
        ])
    });
    let widths = [
        Constraint::Length(14),
        Constraint::Length(14),
        Constraint::Length(15),
        Constraint::Fill(1),
        Constraint::Length(8),
    ];
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(ctx.theme.title))
        .block(block)
        .row_highlight_style(ctx.theme.selected);
    let mut state = TableState::new().with_selected(Some(list.selected));
    StatefulWidget::render(table, area, buf, &mut state);
}
