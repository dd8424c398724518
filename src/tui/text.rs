//! Text as the terminal will show it. Names, minutes and typed text can hold anything: control
//! characters, right-to-left overrides, emoji two cells wide, piles of combining accents,
//! thousands of characters. The store keeps them as given; only what is drawn is made safe.
//!
//! ratatui already drops every grapheme that holds a control character (C0, DEL, C1) and
//! measures emoji (joined families, flags) as two cells. What it lets through is the
//! zero-width *format* characters: `Span`s, `Line`s, table cells and block titles append them
//! to the cell before, so a right-to-left override (U+202E) reaches the terminal and reverses
//! the rest of the line; and it keeps any number of combining marks in one cell, which some
//! terminals stack over the lines above and below. [`clean_buffer`] removes those from the
//! finished frame: one pass in `view::render` covers every widget.
//!
//! The rest is for text laid out by hand: cutting to a width counted in cells (not
//! characters) in [`fit`] and [`pad`], and the [`Glyph`]s of a line being edited, so a field
//! scrolls and places its cursor by the cells actually drawn.

use ratatui::buffer::Buffer;
use std::borrow::Cow;
use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};
use unicode_width::UnicodeWidthStr;

/// What a control character is drawn as, where it is drawn at all (the minutes, a field).
pub const REPLACEMENT: char = '\u{FFFD}';

/// The most combining marks kept on one character: enough for any real writing and for emoji
/// keycaps (`1️⃣` has two), too few to climb over the neighbouring lines.
pub const MAX_MARKS: usize = 4;

/// The domain's list of direction controls: what names lose when stored is what the screen
/// never draws.
pub use crate::domain::names::is_bidi_control;

/// What `c` is drawn as: nothing for a direction control, a space for a tab or a line or
/// page break (words stay apart), [`REPLACEMENT`] for any other control character.
fn shown(c: char) -> Option<char> {
    match c {
        c if is_bidi_control(c) => None,
        '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => Some(' '),
        c if c.is_control() => Some(REPLACEMENT),
        c => Some(c),
    }
}

/// `text` safe to draw: direction controls dropped, tabs and line breaks made spaces (a
/// `\r\n` one space), other control characters made `�`, combining marks beyond
/// [`MAX_MARKS`] in a row dropped. Borrowed when nothing needed changing, as is usual.
pub fn clean(text: &str) -> Cow<'_, str> {
    let mut marks = 0;
    let needs = text.chars().any(|c| {
        marks = if is_combining_mark(c) { marks + 1 } else { 0 };
        marks > MAX_MARKS || shown(c) != Some(c)
    });
    if !needs {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut marks = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            continue;
        }
        marks = if is_combining_mark(c) { marks + 1 } else { 0 };
        if marks > MAX_MARKS {
            continue;
        }
        if let Some(shown) = shown(c) {
            out.push(shown);
        }
    }
    Cow::Owned(out)
}

/// Cleans every cell of a drawn frame (see the module's notes): the last step of drawing, so
/// no widget has to remember it. A cell left with nothing becomes a space.
pub fn clean_buffer(buf: &mut Buffer) {
    for cell in &mut buf.content {
        if let Cow::Owned(cleaned) = clean(cell.symbol()) {
            cell.set_symbol(if cleaned.is_empty() { " " } else { &cleaned });
        }
    }
}

/// The cells `text` takes when drawn.
pub fn width(text: &str) -> usize {
    clean(text).width()
}

/// `text` as drawn, cut to at most `width` cells; a cut is marked with `…`.
pub fn fit(text: &str, width: usize) -> String {
    let text = clean(text);
    if text.width() <= width {
        return text.into_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        let w = grapheme.width();
        if used + w + 1 > width {
            break;
        }
        out.push_str(grapheme);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// `text` as drawn, cut or padded with spaces to exactly `width` cells.
pub fn pad(text: &str, width: usize) -> String {
    let mut out = fit(text, width);
    let gap = width.saturating_sub(out.width());
    out.extend(std::iter::repeat_n(' ', gap));
    out
}

/// One grapheme of a line being edited, as it is drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glyph {
    /// Where it starts in the line, in characters.
    pub start: usize,
    /// What is drawn (cleaned; empty when nothing is).
    pub text: String,
    /// The cells it takes (0 for a direction mark alone).
    pub width: usize,
}

/// The graphemes of `chars`, as drawn; `mask` draws each as one `*` (passwords).
pub fn glyphs(chars: &[char], mask: bool) -> Vec<Glyph> {
    let line: String = chars.iter().collect();
    let mut start = 0;
    line.graphemes(true)
        .map(|grapheme| {
            let text = match mask {
                true => "*".to_string(),
                false => clean(grapheme).into_owned(),
            };
            let glyph = Glyph {
                start,
                width: text.width(),
                text,
            };
            start += grapheme.chars().count();
            glyph
        })
        .collect()
}

/// Where the grapheme boundary before character `at` of `chars` is: a cursor moved or a
/// character deleted by graphemes is never left in the middle of an emoji or of a letter
/// and its accent.
pub fn prev_boundary(chars: &[char], at: usize) -> usize {
    let (line, byte) = line_and_byte(chars, at);
    let mut cursor = GraphemeCursor::new(byte, line.len(), true);
    match cursor.prev_boundary(&line, 0) {
        Ok(Some(b)) => line[..b].chars().count(),
        Ok(None) => 0,
        Err(_) => at.saturating_sub(1),
    }
}

/// Where the grapheme boundary after character `at` of `chars` is (at most its length).
pub fn next_boundary(chars: &[char], at: usize) -> usize {
    let (line, byte) = line_and_byte(chars, at);
    let mut cursor = GraphemeCursor::new(byte, line.len(), true);
    match cursor.next_boundary(&line, 0) {
        Ok(Some(b)) => line[..b].chars().count(),
        Ok(None) => chars.len(),
        Err(_) => (at + 1).min(chars.len()),
    }
}

/// Where the cursor goes after a character was inserted before character `at`: right after
/// it, or after the whole grapheme when it joined one (an accent typed before a letter's own
/// marks), never inside it.
pub fn after_insert(chars: &[char], at: usize) -> usize {
    let after = at + 1;
    if after < chars.len() && !is_boundary(chars, after) {
        next_boundary(chars, after)
    } else {
        after
    }
}

/// Whether a cursor before character `at` of `chars` stands between two graphemes.
pub fn is_boundary(chars: &[char], at: usize) -> bool {
    let (line, byte) = line_and_byte(chars, at);
    GraphemeCursor::new(byte, line.len(), true)
        .is_boundary(&line, 0)
        .unwrap_or(true)
}

/// `chars` as a string, and the byte where character `at` starts (clamped to the end).
fn line_and_byte(chars: &[char], at: usize) -> (String, usize) {
    let at = at.min(chars.len());
    let line: String = chars.iter().collect();
    let byte = chars[..at].iter().map(|c| c.len_utf8()).sum();
    (line, byte)
}

/// How a line being edited is scrolled in a field `width` cells wide, its cursor before
/// character `cursor`: the cells of the line left out on the left, and the cursor's cell from
/// the field's left. The line scrolls left just enough to keep the cursor in view, keeping a
/// cell for it, and never cuts a grapheme.
pub fn scroll(glyphs: &[Glyph], cursor: usize, width: usize) -> (usize, usize) {
    let at = glyphs
        .iter()
        .position(|g| g.start >= cursor)
        .unwrap_or(glyphs.len());
    let room = width.saturating_sub(1);
    let mut first = at;
    let mut column = 0;
    while first > 0 && column + glyphs[first - 1].width <= room {
        first -= 1;
        column += glyphs[first].width;
    }
    let skipped = glyphs[..first].iter().map(|g| g.width).sum();
    (skipped, column)
}

/// What a field `width` cells wide shows of `glyphs` with the first `skip` cells scrolled
/// out of view. A grapheme cut by the left edge leaves spaces, so every line of a text area
/// scrolled alike keeps its columns.
pub fn visible(glyphs: &[Glyph], skip: usize, width: usize) -> String {
    let mut out = String::new();
    let mut at = 0;
    let mut used = 0;
    for glyph in glyphs {
        let end = at + glyph.width;
        if end > skip {
            let shown = if at >= skip {
                glyph.text.clone()
            } else {
                " ".repeat(end - skip)
            };
            let w = end - at.max(skip);
            if used + w > width {
                break;
            }
            out.push_str(&shown);
            used += w;
        }
        at = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::text::Line;
    use ratatui::widgets::Widget;

    #[test]
    fn clean_drops_direction_controls_and_shows_other_controls() {
        assert!(matches!(clean("Huamán Ñahui 🦙"), Cow::Borrowed(_)));
        assert_eq!(clean("Quispe\u{202E}namauH\u{202C}"), "QuispenamauH");
        assert_eq!(clean("\u{2067}a\u{2069}\u{200E}b\u{200F}\u{061C}"), "ab");
        assert_eq!(clean("a\tb\r\nc\nd\u{85}e"), "a b c d e");
        assert_eq!(clean("\u{1b}[2J\u{7}\u{7f}\u{9b}m"), "�[2J���m");
    }

    #[test]
    fn clean_keeps_a_few_marks_and_emoji_sequences() {
        let zalgo = format!("e{}x", "\u{301}".repeat(30));
        assert_eq!(clean(&zalgo), format!("e{}x", "\u{301}".repeat(MAX_MARKS)));
        for kept in [
            "👨\u{200D}👩\u{200D}👧",
            "🇵🇪",
            "❤\u{FE0F}",
            "1\u{FE0F}\u{20E3}",
        ] {
            assert_eq!(clean(kept), kept);
        }
    }

    #[test]
    fn a_cleaned_frame_has_no_direction_control_left() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        Line::raw("\u{202E}ab\u{202C}c").render(buf.area, &mut buf);
        // What ratatui does on its own: the override rides in the first cell.
        assert_eq!(buf[(0, 0)].symbol(), "\u{202E}a");
        clean_buffer(&mut buf);
        let shown: String = buf.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(shown, "abc     ");
        let mut buf = Buffer::empty(Rect::new(0, 0, 2, 1));
        buf[(0, 0)].set_symbol("\u{202E}");
        clean_buffer(&mut buf);
        assert_eq!(buf[(0, 0)].symbol(), " ");
    }

    #[test]
    fn fit_and_pad_count_cells_not_characters() {
        assert_eq!(fit("Quispe", 10), "Quispe");
        assert_eq!(fit("Quispe Huamán", 8), "Quispe …");
        assert_eq!(fit("🦙🦙🦙🦙", 5), "🦙🦙…");
        assert_eq!(pad("🦙a", 5), "🦙a  ");
        assert_eq!(pad("a\u{202E}b", 3), "ab ");
        assert_eq!(width(&pad("👨\u{200D}👩\u{200D}👧 familia", 7)), 7);
        assert_eq!(fit("abc", 0), "");
        assert_eq!(pad(&"ñ".repeat(10_000), 4), "ñññ…");
    }

    #[test]
    fn glyphs_group_graphemes_and_scroll_by_cells() {
        let chars: Vec<char> = "a🇵🇪e\u{301}\u{202E}b".chars().collect();
        let g = glyphs(&chars, false);
        let starts: Vec<usize> = g.iter().map(|g| g.start).collect();
        assert_eq!(starts, [0, 1, 3, 5, 6]);
        let widths: Vec<usize> = g.iter().map(|g| g.width).collect();
        assert_eq!(widths, [1, 2, 1, 0, 1]);
        assert_eq!(prev_boundary(&chars, 3), 1);
        assert_eq!(prev_boundary(&chars, 0), 0);
        assert_eq!(next_boundary(&chars, 1), 3);
        assert_eq!(next_boundary(&chars, 3), 5);
        assert_eq!(next_boundary(&chars, 7), 7);
        assert!(is_boundary(&chars, 5) && !is_boundary(&chars, 2) && !is_boundary(&chars, 4));
        // At the end, in 4 cells: "é", the mark (no cell), "b" and the cursor's cell; the
        // flag would need two more, so "a" and the flag (3 cells) are scrolled out.
        assert_eq!(scroll(&g, 7, 4), (3, 2));
        assert_eq!(visible(&g, 3, 4), "e\u{301}b");
        // The flag does not fit in a field of 2 cells with the cursor after it: it is not cut
        // in half, the field starts at the cursor.
        assert_eq!(scroll(&g, 3, 2), (3, 0));
        // Another line scrolled by 2 cells loses the flag's first half: a space keeps the rest
        // in its column.
        assert_eq!(visible(&g, 2, 3), " e\u{301}b");
        assert_eq!(visible(&g, 0, 2), "a");
        assert_eq!(glyphs(&chars, true).len(), 5);
    }
}
