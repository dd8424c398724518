//! The minutes preview: the summary exactly as it will be sent or saved, in the chosen
//! format and the interface's language, scrolled with the arrows.

use super::editor::ExportState;
use crate::i18n::{CommitteeTui as T, Lang, Localize};
use crate::services::committee::detail::MeetingDetail;
use crate::services::committee::summary::{self, Format};
use crate::tui::view::ViewCtx;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

/// The text the preview shows (the same the export writes).
pub fn preview(detail: &MeetingDetail, format: Format, lang: Lang) -> String {
    summary::render(detail, format, lang)
}

pub struct ExportView<'a> {
    pub detail: &'a MeetingDetail,
    pub export: ExportState,
    pub ctx: ViewCtx<'a>,
}

impl Widget for &ExportView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let lang = self.ctx.lang;
        let text = preview(self.detail, self.export.format, lang);
        let title = format!(
            " {} · {}: {} · {} bytes ",
            T::ExportTitle.text(lang),
            T::ExportFormat.text(lang),
            self.export.format.code(),
            text.len()
        );
        let block = Block::bordered().title(Line::styled(title, self.ctx.theme.title));
        let lines: Vec<Line> = text.lines().map(|l| Line::raw(l.to_string())).collect();
        let scroll = u16::try_from(self.export.scroll).unwrap_or(u16::MAX);
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0))
            .render(area, buf);
    }
}
