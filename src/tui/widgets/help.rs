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
        // The blank line before the footer goes first when the window is short, so the way to
        // close the overlay stays on screen.
        if lines.len() + 4 <= usize::from(area.height) {
            lines.push(Line::raw(""));
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn(entries: usize, height: u16) -> Vec<String> {
        let overlay = HelpOverlay {
            title: Cow::Borrowed("Ayuda"),
            entries: (0..entries)
                .map(|i| Hint {
                    keys: i.to_string(),
                    label: Cow::Borrowed("algo"),
                    keep: false,
                })
                .collect(),
            footer: Cow::Borrowed("Esc cierra esta ayuda."),
            theme: &Theme::plain(),
        };
        let area = Rect::new(0, 0, 40, height);
        let mut buf = Buffer::empty(area);
        overlay.render(area, &mut buf);
        (0..height)
            .map(|y| (0..40).map(|x| buf[(x, y)].symbol()).collect())
            .collect()
    }

    #[test]
    fn the_footer_stays_on_a_short_window() {
        let roomy = drawn(20, 24);
        assert!(roomy[21].trim_matches([' ', '│']).is_empty(), "{roomy:#?}");
        assert!(roomy[22].contains("Esc cierra"), "{roomy:#?}");
        // One entry too many for the blank line: it gives way, the footer stays.
        let tight = drawn(21, 24);
        assert!(tight[21].contains("20  algo"), "{tight:#?}");
        assert!(tight[22].contains("Esc cierra"), "{tight:#?}");
    }
}
