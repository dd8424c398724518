//! The coordinator's view across meetings: every pending agreement, grouped by the agency
//! that owns it, soonest due first, overdue ones marked, as of today.

use super::Load;
use crate::i18n::{Committee, CommitteeTui as T, Localize};
use crate::services::committee::pending::PendingView;
use crate::tui::action::Command;
use crate::tui::view::ViewCtx;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

#[derive(Debug, Clone, PartialEq)]
pub struct PendingList {
    pub load: Load<PendingView>,
    /// The first line shown.
    pub scroll: usize,
}

impl PendingList {
    pub fn loading() -> PendingList {
        PendingList {
            load: Load::Loading,
            scroll: 0,
        }
    }

    fn line_count(&self) -> usize {
        match &self.load {
            Load::Ready(view) => view.agencies.iter().map(|a| a.agreements.len() + 1).sum(),
            _ => 0,
        }
    }

    pub fn move_by(&mut self, command: Command, page: usize) {
        self.scroll = super::moved(self.scroll, self.line_count(), command, page);
    }
}

pub struct PendingListView<'a> {
    pub list: &'a PendingList,
    pub ctx: ViewCtx<'a>,
}

impl Widget for &PendingListView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (lang, theme) = (self.ctx.lang, self.ctx.theme);
        let Load::Ready(view) = &self.list.load else {
            super::render_load(&self.list.load, self.ctx, area, buf);
            return;
        };
        let title = format!(
            " {} · {} {} · {} ",
            T::PendingTitle.text(lang),
            Committee::AsOf.text(lang),
            view.as_of,
            Committee::PendingCount {
                pending: view.pending,
                overdue: view.overdue
            }
            .text(lang)
        );
        let block = Block::bordered().title(Line::styled(title, theme.title));
        let mut lines: Vec<Line> = Vec::new();
        for agency in &view.agencies {
            let count = Committee::PendingCount {
                pending: agency.agreements.len(),
                overdue: agency.overdue,
            };
            lines.push(Line::styled(
                format!("{} · {}", agency.name, count.text(lang)),
                theme.title,
            ));
            for a in &agency.agreements {
                let mut spans = vec![Span::raw(format!("  {}  ", a.due_on))];
                if a.is_overdue() {
                    let late = Committee::OverdueBy(a.days_overdue).text(lang);
                    spans.push(Span::styled(format!("{late} · "), theme.error));
                }
                spans.push(Span::raw(a.row.description.clone()));
                lines.push(Line::from(spans));
            }
        }
        if lines.is_empty() {
            lines.push(Line::styled(Committee::NoPending.text(lang), theme.muted));
        }
        let scroll = u16::try_from(self.list.scroll).unwrap_or(u16::MAX);
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll, 0))
            .render(area, buf);
    }
}
