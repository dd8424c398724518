//! Pieces of screens that draw themselves: text fields, choices, forms, bar charts, progress
//! bars, the status bar, the help overlay and confirmations. None of them reads the database
//! or changes state.

pub mod bars;
pub mod choice;
pub mod confirm;
pub mod form;
pub mod help;
pub mod progress;
pub mod status_bar;
pub mod text_input;

use ratatui::layout::Rect;

/// A count with thousands grouped by commas (`12,345`), as Tinkuy writes amounts of money.
pub fn count(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A rectangle of at most `width`×`height`, centred in `area`.
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1_000), "1,000");
        assert_eq!(count(1_234_567), "1,234,567");
        assert_eq!(count(-4_500), "-4,500");
    }
}
