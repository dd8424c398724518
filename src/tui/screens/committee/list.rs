//! The meetings list: upcoming meetings first (soonest at the top), then past ones (latest
//! first), each with its date, time, status, agreements and place.

use super::effects::MeetingsData;
use super::Load;
use crate::domain::committee::MeetingStatus;
use crate::i18n::{CommitteeTui as T, Localize};
use crate::store::committee::meetings::MeetingRow;
use crate::store::ids;
use crate::tui::action::Command;
use crate::tui::view::ViewCtx;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Paragraph, Row, StatefulWidget, Table, TableState, Widget};

#[derive(Debug, Clone, PartialEq)]
pub struct MeetingList {
    pub load: Load<MeetingsData>,
    pub selected: usize,
}

impl MeetingList {
    pub fn loading() -> MeetingList {
        MeetingList {
            load: Load::Loading,
            selected: 0,
        }
    }

    /// The meetings in the order shown.
    fn rows(&self) -> Vec<&MeetingRow> {
        match &self.load {
            Load::Ready(data) => data.upcoming.iter().chain(data.past.iter()).collect(),
            _ => Vec::new(),
        }
    }

    pub fn selected_meeting(&self) -> Option<i64> {
        self.rows().get(self.selected).map(|m| m.id)
    }

    pub fn move_by(&mut self, command: Command, page: usize) {
        self.selected = super::moved(self.selected, self.rows().len(), command, page);
    }
}

/// The table's lines: a heading row before each section, then its meetings.
enum ListLine<'a> {
    Heading(T),
    Meeting(&'a MeetingRow),
}

pub struct MeetingListView<'a> {
    pub list: &'a MeetingList,
    pub ctx: ViewCtx<'a>,
}

impl Widget for &MeetingListView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let ctx = self.ctx;
        let Load::Ready(data) = &self.list.load else {
            super::render_load(&self.list.load, ctx, area, buf);
            return;
        };
        let title = format!(
            " {} · {} ",
            T::MeetingsTitle.text(ctx.lang),
            data.committee.name
        );
        let block = Block::bordered().title(Line::styled(title, ctx.theme.title));
        if data.upcoming.is_empty() && data.past.is_empty() {
            let empty = Line::styled(T::NoMeetings.text(ctx.lang), ctx.theme.muted);
            Paragraph::new(empty).block(block).render(area, buf);
            return;
        }
        let mut lines = Vec::new();
        for (heading, rows) in [(T::Upcoming, &data.upcoming), (T::Past, &data.past)] {
            if !rows.is_empty() {
                lines.push(ListLine::Heading(heading));
                lines.extend(rows.iter().map(ListLine::Meeting));
            }
        }
        // The selected meeting's line, counting the headings above it.
        let heading_before = if self.list.selected < data.upcoming.len() || data.upcoming.is_empty()
        {
            1
        } else {
            2
        };
        let selected_line = self.list.selected + heading_before;
        let rows = lines.iter().map(|line| match line {
            ListLine::Heading(h) => Row::new([Cell::from(h.text(ctx.lang))]).style(ctx.theme.title),
            ListLine::Meeting(m) => meeting_row(m, ctx),
        });
        let widths = [
            Constraint::Length(12),
            Constraint::Length(10),
            Constraint::Length(5),
            Constraint::Length(10),
            Constraint::Length(10),
            Constraint::Fill(1),
        ];
        let lang = ctx.lang;
        let header = [
            String::new(),
            T::ColDate.text(lang).into_owned(),
            T::ColTime.text(lang).into_owned(),
            T::ColStatus.text(lang).into_owned(),
            T::ColAgreements.text(lang).into_owned(),
            T::ColPlace.text(lang).into_owned(),
        ];
        let table = Table::new(rows, widths)
            .header(Row::new(header).style(ctx.theme.title))
            .block(block)
            .row_highlight_style(ctx.theme.selected);
        let mut state = TableState::new().with_selected(Some(selected_line));
        StatefulWidget::render(table, area, buf, &mut state);
    }
}

fn meeting_row<'a>(m: &'a MeetingRow, ctx: ViewCtx) -> Row<'a> {
    let status = MeetingStatus::parse(&m.status)
        .map(|s| s.text(ctx.lang).into_owned())
        .unwrap_or_default();
    Row::new([
        Cell::from(ids::display(m.id)),
        Cell::from(m.held_on.as_str()),
        Cell::from(m.starts_at.clone().unwrap_or_default()),
        Cell::from(status),
        Cell::from(Line::raw(m.agreement_count.to_string()).right_aligned()),
        Cell::from(m.place.as_str()),
    ])
}
