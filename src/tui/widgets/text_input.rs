//! A single-line text field that edits and draws itself: a cursor, Left/Right/Home/End,
//! Backspace/Delete, a kind that decides which characters it accepts, and masking for
//! passwords. Small on purpose: the forms of Tinkuy ask for one line at a time.
//!
//! The cursor moves and deletes by grapheme (an emoji family, a flag, a letter and its accent
//! go at once), and the field scrolls by the cells actually drawn, so emoji two cells wide and
//! marks of none keep the cursor on the character it is at and inside the field.

use crate::tui::action::Edit;
use crate::tui::text::{self, Glyph};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;

/// What a field accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// Any text up to `max` characters.
    Text { max: usize },
    /// A user name: typed letters become lower case and spaces are refused, as the core
    /// stores names that way and a clerk should see what will be stored.
    Username,
    /// A password: shown as `*`.
    Password,
    /// Digits only, at most `max` (UBIGEO, office number).
    Digits { max: usize },
    /// A date as people write it: digits and the separators `/`, `-` (`12/04/1988`).
    Date,
    /// Soles as people write them: digits, `.`, `,`, spaces and `S/` (`S/ 1,200.50`).
    Amount,
}

const DATE_MAX: usize = 10;
const AMOUNT_MAX: usize = 20;

const USERNAME_MAX: usize = 40;
const PASSWORD_MAX: usize = 128;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextInput {
    kind: FieldKind,
    chars: Vec<char>,
    /// Position of the cursor, in characters (0 = before the first).
    cursor: usize,
}

impl TextInput {
    pub fn new(kind: FieldKind) -> TextInput {
        TextInput {
            kind,
            chars: Vec::new(),
            cursor: 0,
        }
    }

    pub fn with_value(kind: FieldKind, value: &str) -> TextInput {
        let mut input = TextInput::new(kind);
        for c in value.chars() {
            input.insert(c);
        }
        input
    }

    pub fn value(&self) -> String {
        self.chars.iter().collect()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn clear(&mut self) {
        self.chars.clear();
        self.cursor = 0;
    }

    /// Applies an edit; returns whether the value changed (a moved cursor is not a change).
    pub fn edit(&mut self, edit: Edit) -> bool {
        let len = self.chars.len();
        match edit {
            Edit::Insert(c) => return self.insert(c),
            Edit::Backspace if self.cursor > 0 => {
                let before = text::prev_boundary(&self.chars, self.cursor);
                self.chars.drain(before..self.cursor);
                self.cursor = before;
                return true;
            }
            Edit::Delete if self.cursor < len => {
                let after = text::next_boundary(&self.chars, self.cursor);
                self.chars.drain(self.cursor..after);
                return true;
            }
            Edit::Left => self.cursor = text::prev_boundary(&self.chars, self.cursor),
            Edit::Right => self.cursor = text::next_boundary(&self.chars, self.cursor),
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = len,
            Edit::Backspace | Edit::Delete => {}
        }
        false
    }

    /// The graphemes of the value as drawn (one `*` each in a password).
    fn glyphs(&self) -> Vec<Glyph> {
        text::glyphs(&self.chars, self.kind == FieldKind::Password)
    }

    fn insert(&mut self, c: char) -> bool {
        let (c, max) = match self.kind {
            FieldKind::Text { max } => (c, max),
            FieldKind::Username if c.is_whitespace() => return false,
            FieldKind::Username => (lower(c), USERNAME_MAX),
            FieldKind::Password => (c, PASSWORD_MAX),
            FieldKind::Digits { max } if c.is_ascii_digit() => (c, max),
            FieldKind::Digits { .. } => return false,
            FieldKind::Date if c.is_ascii_digit() || c == '/' || c == '-' => (c, DATE_MAX),
            FieldKind::Amount if c.is_ascii_digit() || ".,/ Ss".contains(c) => (c, AMOUNT_MAX),
            FieldKind::Date | FieldKind::Amount => return false,
        };
        if c.is_control() || self.chars.len() >= max {
            return false;
        }
        self.chars.insert(self.cursor, c);
        self.cursor = text::after_insert(&self.chars, self.cursor);
        true
    }

    /// Where the terminal cursor goes when this field, drawn in `area`, has the focus: on
    /// the cell after the text before the cursor, as the field scrolls it.
    pub fn cursor_position(&self, area: Rect) -> Position {
        let (_, column) = text::scroll(&self.glyphs(), self.cursor, usize::from(area.width));
        let column = u16::try_from(column)
            .unwrap_or(u16::MAX)
            .min(area.width.saturating_sub(1));
        Position::new(area.x + column, area.y)
    }
}

/// Lower case for one character, keeping it one character (`Ñ` → `ñ`).
fn lower(c: char) -> char {
    let mut lowered = c.to_lowercase();
    match (lowered.next(), lowered.next()) {
        (Some(single), None) => single,
        _ => c,
    }
}

/// Draws a field; its background marks the whole width, so a person new to computers sees
/// where to type even when the field is empty.
pub struct InputView<'a> {
    pub input: &'a TextInput,
    pub focused: bool,
    pub theme: &'a Theme,
}

impl Widget for InputView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let style = if self.focused {
            self.theme.focus
        } else {
            self.theme.field
        };
        buf.set_style(area, style);
        let width = usize::from(area.width);
        let glyphs = self.input.glyphs();
        let (skip, _) = text::scroll(&glyphs, self.input.cursor, width);
        let shown = text::visible(&glyphs, skip, width);
        buf.set_stringn(area.x, area.y, shown, width, style);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(kind: FieldKind, text: &str) -> TextInput {
        let mut input = TextInput::new(kind);
        for c in text.chars() {
            input.edit(Edit::Insert(c));
        }
        input
    }

    #[test]
    fn edits_at_the_cursor() {
        let mut input = typed(FieldKind::Text { max: 20 }, "Jose");
        input.edit(Edit::Left);
        input.edit(Edit::Backspace);
        input.edit(Edit::Insert('é'));
        assert_eq!(input.value(), "Joée");
        input.edit(Edit::Home);
        input.edit(Edit::Delete);
        assert_eq!(input.value(), "oée");
        input.edit(Edit::End);
        assert!(!input.edit(Edit::Delete));
        assert_eq!(input.cursor(), 3);
    }

    #[test]
    fn kinds_refuse_what_they_cannot_hold() {
        assert_eq!(
            typed(FieldKind::Digits { max: 6 }, "03a02129").value(),
            "030212"
        );
        assert_eq!(typed(FieldKind::Username, "Ana Ñ").value(), "anañ");
        assert_eq!(typed(FieldKind::Text { max: 3 }, "abcd").value(), "abc");
        assert_eq!(typed(FieldKind::Date, "12/a04/1988x").value(), "12/04/1988");
        assert_eq!(
            typed(FieldKind::Amount, "S/ 1,2x00.50").value(),
            "S/ 1,200.50"
        );
    }

    #[test]
    fn a_password_is_drawn_masked() {
        let input = typed(FieldKind::Password, "clave");
        let theme = Theme::plain();
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        let view = InputView {
            input: &input,
            focused: false,
            theme: &theme,
        };
        view.render(buf.area, &mut buf);
        let shown: String = buf.content().iter().map(|c| c.symbol()).collect();
        assert_eq!(shown, "*****   ");
    }

    #[test]
    fn long_text_scrolls_to_keep_the_cursor_visible() {
        let input = typed(FieldKind::Text { max: 40 }, "abcdefghij");
        let area = Rect::new(5, 2, 4, 1);
        assert_eq!(input.cursor_position(area), Position::new(8, 2));
        let theme = Theme::plain();
        let mut buf = Buffer::empty(area);
        let view = InputView {
            input: &input,
            focused: true,
            theme: &theme,
        };
        view.render(area, &mut buf);
        assert_eq!(buf.content()[0].symbol(), "h");
    }

    /// The field drawn in `area` (focused), and the cells of its row as text.
    fn drawn(input: &TextInput, area: Rect) -> (Buffer, String) {
        let theme = Theme::plain();
        let mut buf = Buffer::empty(Rect::new(0, area.y, area.right() + 2, 1));
        InputView {
            input,
            focused: true,
            theme: &theme,
        }
        .render(area, &mut buf);
        let row = buf.content().iter().map(|c| c.symbol()).collect();
        (buf, row)
    }

    #[test]
    fn ten_thousand_characters_scroll_inside_the_field() {
        let long: String = "ñandú ".repeat(2_000);
        let input = typed(FieldKind::Text { max: 20_000 }, &long);
        assert_eq!(input.value(), long);
        let area = Rect::new(3, 0, 12, 1);
        assert_eq!(input.cursor_position(area), Position::new(14, 0));
        let (_, row) = drawn(&input, area);
        assert_eq!(row, "   andú ñandú    ");
        // Home shows the start, the cursor on the first cell.
        let mut input = input;
        input.edit(Edit::Home);
        assert_eq!(input.cursor_position(area), Position::new(3, 0));
        let (_, row) = drawn(&input, area);
        assert_eq!(row, "   ñandú ñandú   ");
        // A field holds what its kind allows, no more, however much is typed.
        assert_eq!(
            typed(FieldKind::Username, &long).value().chars().count(),
            40
        );
    }

    #[test]
    fn emoji_take_two_cells_and_go_whole() {
        let family = "👨\u{200D}👩\u{200D}👧";
        let mut input = typed(FieldKind::Text { max: 80 }, &format!("a{family}🇵🇪b"));
        let area = Rect::new(0, 0, 10, 1);
        // a (1) + family (2) + flag (2) + b (1): the cursor on the seventh cell.
        assert_eq!(input.cursor_position(area), Position::new(6, 0));
        input.edit(Edit::Left);
        input.edit(Edit::Left);
        assert_eq!(input.cursor_position(area), Position::new(3, 0));
        // Backspace takes the whole family, not its last person.
        assert!(input.edit(Edit::Backspace));
        assert_eq!(input.value(), "a🇵🇪b");
        assert_eq!(input.cursor_position(area), Position::new(1, 0));
        assert!(input.edit(Edit::Delete));
        assert_eq!(input.value(), "ab");
        // In a field too narrow for the text, emoji scroll by cells and are never cut.
        let input = typed(FieldKind::Text { max: 80 }, &"🦙".repeat(30));
        let area = Rect::new(2, 0, 5, 1);
        assert_eq!(input.cursor_position(area), Position::new(6, 0));
        let (buf, _) = drawn(&input, area);
        assert_eq!(buf[(2, 0)].symbol(), "🦙");
        assert_eq!(buf[(4, 0)].symbol(), "🦙");
        assert_eq!(buf[(6, 0)].symbol(), " ");
    }

    #[test]
    fn direction_marks_are_kept_in_the_value_but_not_drawn() {
        let text = "abc\u{202E}def\u{202C}\u{200F}";
        let input = typed(FieldKind::Text { max: 80 }, text);
        assert_eq!(input.value(), text);
        let area = Rect::new(0, 0, 10, 1);
        assert_eq!(input.cursor_position(area), Position::new(6, 0));
        let (buf, row) = drawn(&input, area);
        assert_eq!(row, "abcdef      ");
        assert!(buf
            .content()
            .iter()
            .all(|c| !c.symbol().chars().any(crate::tui::text::is_bidi_control)));
    }

    #[test]
    fn control_characters_are_refused_and_accents_stay_on_their_letter() {
        let input = typed(
            FieldKind::Text { max: 80 },
            "a\u{1b}[2J\u{7}\u{9b}\t\r\n\u{7f}b",
        );
        assert_eq!(input.value(), "a[2Jb");
        // An accent typed after a letter joins it; Left then steps over both at once.
        let mut input = typed(FieldKind::Text { max: 80 }, "Jose\u{301}");
        assert_eq!(
            input.cursor_position(Rect::new(0, 0, 10, 1)),
            Position::new(4, 0)
        );
        input.edit(Edit::Left);
        assert_eq!(input.cursor(), 3);
        // A letter typed before a stray accent takes it: the cursor goes after the pair,
        // not between them.
        let mut input = typed(FieldKind::Text { max: 80 }, "\u{301}ab");
        input.edit(Edit::Home);
        input.edit(Edit::Insert('x'));
        assert_eq!(input.value(), "x\u{301}ab");
        assert_eq!(input.cursor(), 2);
    }

    #[test]
    fn tiny_fields_do_not_panic() {
        let input = typed(FieldKind::Text { max: 80 }, "🦙🇵🇪ñ");
        for width in 0..4 {
            let area = Rect::new(1, 0, width, 1);
            let position = input.cursor_position(area);
            assert!(position.x <= area.x + width.saturating_sub(1));
            drawn(&input, area);
        }
    }
}
