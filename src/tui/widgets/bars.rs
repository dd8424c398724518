//! A horizontal bar chart, one row per item: name, bar, figure. Drawn by hand rather than
//! with ratatui's `BarChart` so the figure is always printed (also for zero), the bar is made
//! of `#` in plain mode, and the rows read the same at any width.

use super::count;
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

pub struct BarRow<'a> {
    pub label: &'a str,
    pub value: i64,
}

pub struct Bars<'a> {
    pub rows: Vec<BarRow<'a>>,
    pub theme: &'a Theme,
}

/// Labels longer than this are cut, so the bars keep most of a narrow window.
const LABEL_MAX: usize = 18;

impl Widget for &Bars<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let label_width = self
            .rows
            .iter()
            .map(|r| text::width(r.label))
            .max()
            .unwrap_or(0)
            .min(LABEL_MAX);
        let figures: Vec<String> = self.rows.iter().map(|r| count(r.value)).collect();
        let figure_width = figures.iter().map(|f| f.len()).max().unwrap_or(1);
        let bar_width = usize::from(area.width).saturating_sub(label_width + figure_width + 2);
        let max = self.rows.iter().map(|r| r.value).max().unwrap_or(0).max(1);
        let rows = self.rows.iter().zip(&figures);
        for ((row, figure), y) in rows.zip(area.top()..area.bottom()) {
            let filled = bar_length(row.value, max, bar_width);
            let bar: String = std::iter::repeat_n(self.theme.bar_char(), filled).collect();
            let line = [
                (
                    format!("{} ", text::pad(row.label, label_width)),
                    Style::new(),
                ),
                (format!("{bar:<bar_width$} "), self.theme.bar),
                (format!("{figure:>figure_width$}"), self.theme.figure),
            ];
            let mut x = area.x;
            for (text, style) in line {
                let room = usize::from(area.right().saturating_sub(x));
                let (end, _) = buf.set_stringn(x, y, &text, room, style);
                x = end;
            }
        }
    }
}

/// The bar's length in cells: proportional, and at least one cell for any non-zero value so a
/// small programme is not mistaken for an empty one.
fn bar_length(value: i64, max: i64, width: usize) -> usize {
    if value <= 0 || width == 0 {
        return 0;
    }
    let scaled = i128::from(value) * width as i128 / i128::from(max);
    usize::try_from(scaled).unwrap_or(width).clamp(1, width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_proportional_and_never_vanish_for_small_values() {
        assert_eq!(bar_length(100, 100, 40), 40);
        assert_eq!(bar_length(50, 100, 40), 20);
        assert_eq!(bar_length(1, 1_000_000, 40), 1);
        assert_eq!(bar_length(0, 100, 40), 0);
    }

    #[test]
    fn draws_plain_text_bars_with_figures() {
        let theme = Theme::plain();
        let bars = Bars {
            rows: vec![
                BarRow {
                    label: "Juntos",
                    value: 1_200,
                },
                BarRow {
                    label: "Aliados II",
                    value: 0,
                },
            ],
            theme: &theme,
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 30, 2));
        bars.render(buf.area, &mut buf);
        let text: Vec<String> = (0..2)
            .map(|y| (0..30).map(|x| buf[(x, y)].symbol()).collect())
            .collect();
        assert_eq!(
            text,
            [
                "Juntos     ############# 1,200",
                "Aliados II                   0"
            ]
        );
    }
}
