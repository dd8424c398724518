//! The help overlay: the keys of the screen underneath and what they do, generated from the
//! same keymap table as the hints line, so it can never describe keys that do something else.

use super::centred;
use crate::tui::keymap::Hint;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};
use std::borrow::Cow;

pub struct HelpOverlay<'a> {
    pub title: Cow<'a, str>,
    pub entries: Vec<Hint>,
    /// The last line: how to close the overlay.
    pub footer: Cow<'a, str>,
    pub theme: &'a Theme,
}

/// The key column never takes more than this, so descriptions keep room on narrow windows.
const KEYS_MAX: usize = 24;

impl Widget for &HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let keys_width = self
            .entries
            .iter()
            .map(|e| e.keys.chars().count())
            .max()
            .unwrap_or(0)
            .min(KEYS_MAX);
        let mut lines: Vec<Line> = self
            .entries
            .iter()
            .map(|entry| {
                Line::from(vec![
                    Span::styled(format!(" {:<keys_width$}  ", entry.keys), self.theme.key),
                    Span::raw(entry.label.as_ref()),
                ])
            })
            .collect();
        lines.push(Line::raw(""));
        lines.push(Line::styled(format!(" {}", self.footer), self.theme.muted));
        let content_width = lines.iter().map(Line::width).max().unwrap_or(0) + 2;
        let width =
            u16::try_from(content_width.max(self.title.chars().count() + 6)).unwrap_or(u16::MAX);
        let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
        let frame = centred(area, width, height);
        Clear.render(frame, buf);
        let block = Block::bordered()
            .border_style(self.theme.overlay_border)
            .title(Line::styled(format!(" {} ", self.title), self.theme.title));
        Paragraph::new(lines).block(block).render(frame, buf);
    }
}
