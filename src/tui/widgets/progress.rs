//! A one-line progress bar with its figure (`########------  52 %  5,200 / 10,000`), drawn by
//! hand like the bar chart: `#` in the plain theme, solid blocks in colour, so it reads on any
//! terminal and font.

use super::count;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct ProgressBar<'a> {
    pub done: u64,
    pub total: u64,
    pub theme: &'a Theme,
}

impl ProgressBar<'_> {
    /// Whole percent done, 0–100 (0 when the total is unknown).
    pub fn percent(&self) -> u64 {
        (self.done.min(self.total) * 100)
            .checked_div(self.total)
            .unwrap_or(0)
    }
}

impl Widget for &ProgressBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let figure = format!(
            " {:>3} %  {} / {}",
            self.percent(),
            count(i64::try_from(self.done).unwrap_or(i64::MAX)),
            count(i64::try_from(self.total).unwrap_or(i64::MAX))
        );
        let width = usize::from(area.width).saturating_sub(figure.chars().count());
        let filled = usize::try_from(self.percent()).unwrap_or(0) * width / 100;
        let bar: String = std::iter::repeat_n(self.theme.bar_char(), filled)
            .chain(std::iter::repeat_n('-', width - filled))
            .collect();
        let (x, _) = buf.set_stringn(area.x, area.y, bar, width, self.theme.bar);
        let room = usize::from(area.right().saturating_sub(x));
        buf.set_stringn(x, area.y, figure, room, self.theme.figure);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_the_share_done_in_plain_text() {
        let theme = Theme::plain();
        let bar = ProgressBar {
            done: 500,
            total: 1_000,
            theme: &theme,
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 1));
        bar.render(buf.area, &mut buf);
        let text: String = (0..40).map(|x| buf[(x, 0)].symbol()).collect();
        assert_eq!(text, "##########-----------  50 %  500 / 1,000");
    }
}
