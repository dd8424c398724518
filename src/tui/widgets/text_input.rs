//! A single-line text field that edits and draws itself: a cursor, Left/Right/Home/End,
//! Backspace/Delete, a kind that decides which characters it accepts, and masking for
//! passwords. Small on purpose: the forms of Tinkuy ask for one line at a time.

use crate::tui::action::Edit;
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
        match edit {
            Edit::Insert(c) => return self.insert(c),
            Edit::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                self.chars.remove(self.cursor);
                return true;
            }
            Edit::Delete if self.cursor < self.chars.len() => {
                self.chars.remove(self.cursor);
                return true;
            }
            Edit::Left => self.cursor = self.cursor.saturating_sub(1),
            Edit::Right => self.cursor = (self.cursor + 1).min(self.chars.len()),
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = self.chars.len(),
            Edit::Backspace | Edit::Delete => {}
        }
        false
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
        self.cursor += 1;
        true
    }

    /// The characters to show: the value, or one `*` per character of a password.
    fn shown(&self) -> impl Iterator<Item = char> + '_ {
        let masked = self.kind == FieldKind::Password;
        self.chars
            .iter()
            .map(move |&c| if masked { '*' } else { c })
    }

    /// The first character visible in a field `width` cells wide: the text scrolls left just
    /// enough to keep the cursor in view (one cell is kept for the cursor after the end).
    fn first_visible(&self, width: usize) -> usize {
        self.cursor.saturating_sub(width.saturating_sub(1))
    }

    /// Where the terminal cursor goes when this field, drawn in `area`, has the focus.
    pub fn cursor_position(&self, area: Rect) -> Position {
        let width = usize::from(area.width);
        let column = self.cursor - self.first_visible(width);
        let column = u16::try_from(column).unwrap_or(area.width.saturating_sub(1));
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
        let text: String = self
            .input
            .shown()
            .skip(self.input.first_visible(width))
            .take(width)
            .collect();
        buf.set_stringn(area.x, area.y, text, width, style);
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
}
