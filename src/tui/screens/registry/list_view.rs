//! Drawing the person list: the search box, a line saying which filters and order apply, and
//! the page of results with its position. Reads the state and the choice lists only.

use super::list::{ListFocus, ListState};
use crate::domain::sisfoh::SisfohClass;
use crate::i18n::{Lang, Localize, Reg, RegMessage, Tui};
use crate::services::registry::choices::Choices;
use crate::services::registry::search::{PersonItem, SortBy};
use crate::tui::view::ViewCtx;
use crate::tui::widgets::text_input::InputView;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::Wrap;
use ratatui::widgets::{Block, Cell, Paragraph, Row, StatefulWidget, Table, TableState, Widget};

/// The three parts of the list view.
pub struct ListLayout {
    pub search: Rect,
    pub filters: Rect,
    pub table: Rect,
}

pub fn layout(body: Rect) -> ListLayout {
    let [search, filters, table] = body.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    ListLayout {
        search,
        filters,
        table,
    }
}

/// Result rows visible at once: the table less its frame and header. A page asks for this many.
pub fn page_rows(body: Rect) -> usize {
    usize::from(layout(body).table.height.saturating_sub(3)).max(1)
}

/// The widest the search box gets, so the "Buscando…" note keeps room on its right.
const SEARCH_WIDTH: u16 = 44;

pub struct ListView<'a> {
    pub list: &'a ListState,
    pub choices: Option<&'a Choices>,
    pub ctx: ViewCtx<'a>,
}

impl ListView<'_> {
    fn search_label(&self) -> String {
        format!(" {} ", Tui::Reg(Reg::SearchLabel).text(self.ctx.lang))
    }

    fn input_rect(&self, area: Rect) -> Rect {
        let label = u16::try_from(self.search_label().chars().count()).unwrap_or(0);
        let x = area.x + label.min(area.width);
        let width = SEARCH_WIDTH.min(area.right().saturating_sub(x));
        Rect::new(x, area.y, width, 1)
    }

    /// Where the terminal cursor goes: in the search box, when it has the keys.
    pub fn cursor(&self, body: Rect) -> Option<Position> {
        if self.list.focus() != ListFocus::SearchBox {
            return None;
        }
        let rect = self.input_rect(layout(body).search);
        Some(self.list.search_box().cursor_position(rect))
    }

    fn render_search(&self, area: Rect, buf: &mut Buffer) {
        let theme = self.ctx.theme;
        let focused = self.list.focus() == ListFocus::SearchBox;
        let style = if focused { theme.title } else { theme.muted };
        Line::styled(self.search_label(), style).render(area, buf);
        let input = self.input_rect(area);
        InputView {
            input: self.list.search_box(),
            focused,
            theme,
        }
        .render(input, buf);
        let note = if self.list.is_searching() {
            Tui::Reg(Reg::Searching).text(self.ctx.lang)
        } else if !focused {
            Tui::Reg(Reg::SearchHowToType).text(self.ctx.lang)
        } else {
            "".into()
        };
        let rest = Rect::new(
            input.right() + 1,
            area.y,
            area.right().saturating_sub(input.right() + 1),
            1,
        );
        Line::styled(note, theme.muted).render(rest, buf);
    }

    fn render_filters(&self, area: Rect, buf: &mut Buffer) {
        let text = filter_summary(self.list, self.choices, self.ctx.lang);
        Line::styled(format!(" {text}"), self.ctx.theme.muted).render(area, buf);
    }

    fn render_table(&self, area: Rect, buf: &mut Buffer) {
        let (lang, theme) = (self.ctx.lang, self.ctx.theme);
        let title = Line::styled(
            format!(" {} ", Tui::Reg(Reg::ResultsTitle).text(lang)),
            theme.title,
        );
        let mut block = Block::bordered().title(title);
        let Some(shown) = self.list.shown() else {
            let text = match self.list.failed() {
                Some(message) => Line::styled(message.text(lang), theme.error),
                None => Line::styled(Tui::Reg(Reg::Searching).text(lang), theme.muted),
            };
            Paragraph::new(text)
                .wrap(Wrap { trim: true })
                .block(block)
                .render(area, buf);
            return;
        };
        if !shown.page.items.is_empty() {
            let position = RegMessage::PageInfo {
                page: self.list.page_number(),
                row: self.list.selected() + 1,
            };
            block = block.title(Line::raw(format!(" {} ", position.text(lang))).right_aligned());
        }
        if let Some(message) = self.list.failed() {
            block = block.title_bottom(Line::styled(
                format!(" {} ", message.text(lang)),
                theme.error,
            ));
        } else if shown.page.unsorted {
            let note = Tui::Reg(Reg::Unsorted).text(lang);
            block = block.title_bottom(Line::styled(format!(" {note} "), theme.figure));
        }
        if shown.page.items.is_empty() {
            let empty = Line::styled(Tui::Reg(Reg::NoResults).text(lang), theme.muted);
            Paragraph::new(empty)
                .wrap(Wrap { trim: true })
                .block(block)
                .render(area, buf);
            return;
        }
        let by_district = self.list.sort() == SortBy::District;
        let rows = shown
            .page
            .items
            .iter()
            .map(|item| self.row(item, by_district));
        let table = Table::new(rows, column_widths())
            .header(self.header(by_district))
            .block(block)
            .row_highlight_style(theme.selected);
        let mut state = TableState::new().with_selected(Some(self.list.selected()));
        StatefulWidget::render(table, area, buf, &mut state);
    }

    fn header(&self, by_district: bool) -> Row<'static> {
        let place = if by_district {
            Reg::ColDistrict
        } else {
            Reg::ColCommunity
        };
        let cells = [Reg::ColDni, Reg::ColName, place, Reg::ColProgrammes]
            .map(|h| Cell::from(Tui::Reg(h).text(self.ctx.lang)));
        Row::new(cells).style(self.ctx.theme.title)
    }

    fn row<'r>(&self, item: &'r PersonItem, by_district: bool) -> Row<'r> {
        let place = if by_district {
            item.district.as_str()
        } else {
            item.community.as_deref().unwrap_or("—")
        };
        Row::new([
            Cell::from(item.dni.as_str()),
            Cell::from(item.name.as_str()),
            Cell::from(place),
            Cell::from(programme_names(&item.programmes, self.choices)),
        ])
    }
}

fn column_widths() -> [Constraint; 4] {
    [
        Constraint::Length(8),
        Constraint::Fill(1),
        Constraint::Length(14),
        Constraint::Length(18),
    ]
}

/// `JUNTOS,HAKU_WINAY` as `Juntos, Haku Wiñay` (the codes themselves until the names are read).
pub fn programme_names(codes: &str, choices: Option<&Choices>) -> String {
    codes
        .split(',')
        .filter(|c| !c.is_empty())
        .map(|code| {
            choices
                .and_then(|c| c.programmes.iter().find(|p| p.code == code))
                .map_or(code.to_string(), |p| p.name.clone())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `Filtros: SAN ANTONIO DE CACHI · Juntos · Orden: por nombre`, or `Filtros: ninguno · …`.
fn filter_summary(list: &ListState, choices: Option<&Choices>, lang: Lang) -> String {
    let f = list.filters();
    let mut parts: Vec<String> = Vec::new();
    if let Some(district) = &f.district {
        let name = choices.and_then(|c| c.districts.iter().find(|d| &d.ubigeo == district));
        parts.push(name.map_or(district.clone(), |d| d.name.clone()));
    }
    if let Some(id) = f.community {
        let name = choices.and_then(|c| c.communities.iter().find(|x| x.id == id));
        parts.push(name.map_or(id.to_string(), |c| c.name.clone()));
    }
    if let Some(id) = f.programme {
        let name = choices.and_then(|c| c.programmes.iter().find(|p| p.id == id));
        parts.push(name.map_or(id.to_string(), |p| p.name.clone()));
    }
    if let Some(class) = &f.sisfoh {
        let name = SisfohClass::parse(class).map(|c| c.text(lang).into_owned());
        parts.push(name.unwrap_or_else(|_| class.clone()));
    }
    match f.enrolment {
        1 => parts.push(Tui::Reg(Reg::ChoiceActiveEnrolment).text(lang).into_owned()),
        2 => parts.push(Tui::Reg(Reg::ChoiceEndedEnrolment).text(lang).into_owned()),
        _ => {}
    }
    let filters = if parts.is_empty() {
        Tui::Reg(Reg::FiltersNone).text(lang).into_owned()
    } else {
        parts.join(" · ")
    };
    let order = match list.sort() {
        SortBy::Name => Reg::ChoiceSortName,
        SortBy::District => Reg::ChoiceSortDistrict,
    };
    RegMessage::FilterLine {
        filters,
        order: Tui::Reg(order).text(lang).into_owned(),
    }
    .text(lang)
    .into_owned()
}

impl Widget for &ListView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let parts = layout(area);
        self.render_search(parts.search, buf);
        self.render_filters(parts.filters, buf);
        self.render_table(parts.table, buf);
    }
}
