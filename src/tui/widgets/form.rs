//! A form drawn as a framed box: an intro line, labelled fields each with a note line under
//! it (a hint, an error, or good news such as the district found), an optional button, and a
//! message at the bottom. When the window is too short, the rows scroll to keep the focus
//! visible instead of being cut off.
//!
//! It only draws: the screen that owns the fields decides notes, focus and validation.

use super::centred;
use super::choice::{ChoiceInput, ChoiceView};
use super::text_input::{InputView, TextInput};
use crate::i18n::Lang;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};
use std::borrow::Cow;

/// The line under a field, or the message under the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note<'a> {
    Nothing,
    Hint(Cow<'a, str>),
    Error(Cow<'a, str>),
    Good(Cow<'a, str>),
}

impl Note<'_> {
    fn style(&self, theme: &Theme) -> Style {
        match self {
            Note::Nothing | Note::Hint(_) => theme.muted,
            Note::Error(_) => theme.error,
            Note::Good(_) => theme.success,
        }
    }

    fn text(&self) -> &str {
        match self {
            Note::Nothing => "",
            Note::Hint(t) | Note::Error(t) | Note::Good(t) => t,
        }
    }
}

/// What a field holds: typed text, or one of a list of options (drawn in `Lang`).
#[derive(Debug, Clone, Copy)]
pub enum InputRef<'a> {
    Text(&'a TextInput),
    Choice(&'a ChoiceInput, Lang),
}

impl<'a> From<&'a TextInput> for InputRef<'a> {
    fn from(input: &'a TextInput) -> InputRef<'a> {
        InputRef::Text(input)
    }
}

pub struct Field<'a> {
    pub label: Cow<'a, str>,
    pub input: InputRef<'a>,
    pub note: Note<'a>,
}

/// What has the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Field(usize),
    Button,
    /// Nothing (the form is busy saving or checking).
    Nothing,
}

pub struct Form<'a> {
    pub title: Cow<'a, str>,
    pub intro: Cow<'a, str>,
    pub fields: Vec<Field<'a>>,
    pub button: Option<Cow<'a, str>>,
    pub message: Note<'a>,
    pub focus: Focus,
    /// The widest the box grows; it shrinks with the window.
    pub max_width: u16,
    pub label_width: u16,
    pub theme: &'a Theme,
}

/// Lines kept for the message under the form: core errors can take two or three lines.
const MESSAGE_LINES: u16 = 3;
/// The widest a field's input gets; the rest of the line is left for its note.
const INPUT_MAX_WIDTH: u16 = 40;

/// The rows of the form, in "virtual" lines from the top of the box's inside.
struct Rows {
    first_field: u16,
    button: u16,
    message: u16,
    total: u16,
}

impl Form<'_> {
    fn rows(&self) -> Rows {
        let fields = u16::try_from(self.fields.len()).unwrap_or(u16::MAX);
        // intro, blank, two lines per field, blank, button, message; without an intro the
        // fields start at the top, so a seven-field form still fits 80×24 whole.
        let first_field = if self.intro.is_empty() { 0 } else { 2 };
        let after_fields = first_field + 2 * fields + 1;
        let (button, message) = match self.button {
            Some(_) => (after_fields, after_fields + 1),
            None => (after_fields, after_fields),
        };
        Rows {
            first_field,
            button,
            message,
            total: message + MESSAGE_LINES,
        }
    }

    /// The framed box inside `area`, centred.
    fn frame(&self, area: Rect) -> Rect {
        centred(area, self.max_width, self.rows().total + 2)
    }

    /// How many virtual lines are scrolled off the top so the focused row is visible.
    fn scroll(&self, visible: u16) -> u16 {
        let rows = self.rows();
        let bottom = match self.focus {
            Focus::Field(i) => rows.first_field + 2 * u16::try_from(i).unwrap_or(0) + 1,
            Focus::Button | Focus::Nothing => rows.total.saturating_sub(1),
        };
        (bottom + 1).saturating_sub(visible)
    }

    /// The input rectangles of each field (or `None` when scrolled out of view).
    fn inputs(&self, inner: Rect) -> Vec<Option<Rect>> {
        let scroll = self.scroll(inner.height);
        let x = inner.x + self.label_width.min(inner.width) + 1;
        let width = (inner.right().saturating_sub(x)).min(INPUT_MAX_WIDTH);
        (0..self.fields.len())
            .map(|i| {
                let line = self.rows().first_field + 2 * u16::try_from(i).unwrap_or(0);
                visible_line(line, scroll, inner).map(|y| Rect::new(x, y, width, 1))
            })
            .collect()
    }

    /// Where the terminal cursor goes: in the focused field, if it is on screen.
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        let Focus::Field(i) = self.focus else {
            return None;
        };
        let inner = Block::bordered().inner(self.frame(area));
        let rect = (*self.inputs(inner).get(i)?)?;
        match self.fields.get(i)?.input {
            InputRef::Text(input) => Some(input.cursor_position(rect)),
            InputRef::Choice(..) => None,
        }
    }
}

/// The screen row of virtual line `line`, if it is inside `inner` after scrolling.
fn visible_line(line: u16, scroll: u16, inner: Rect) -> Option<u16> {
    let shown = line.checked_sub(scroll)?;
    (shown < inner.height).then_some(inner.y + shown)
}

impl Widget for &Form<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let frame = self.frame(area);
        Clear.render(frame, buf);
        let block =
            Block::bordered().title(Line::styled(format!(" {} ", self.title), self.theme.title));
        let inner = block.inner(frame);
        block.render(frame, buf);
        let scroll = self.scroll(inner.height);
        let rows = self.rows();
        let line_at = |line: u16| visible_line(line, scroll, inner).map(|y| line_rect(inner, y));
        if let Some(rect) = line_at(0).filter(|_| !self.intro.is_empty()) {
            Line::raw(self.intro.as_ref()).render(rect, buf);
        }
        for (i, (field, input)) in self.fields.iter().zip(self.inputs(inner)).enumerate() {
            let Some(input) = input else { continue };
            let focused = self.focus == Focus::Field(i);
            let label_style = if focused {
                self.theme.title
            } else {
                Style::new()
            };
            let label = Rect::new(inner.x, input.y, self.label_width.min(inner.width), 1);
            Line::styled(field.label.as_ref(), label_style).render(label, buf);
            match field.input {
                InputRef::Text(text) => InputView {
                    input: text,
                    focused,
                    theme: self.theme,
                }
                .render(input, buf),
                InputRef::Choice(choice, lang) => ChoiceView {
                    input: choice,
                    focused,
                    lang,
                    theme: self.theme,
                }
                .render(input, buf),
            }
            let note_line = rows.first_field + 2 * u16::try_from(i).unwrap_or(0) + 1;
            if let Some(y) = visible_line(note_line, scroll, inner) {
                let rect = Rect::new(input.x, y, inner.right().saturating_sub(input.x), 1);
                Line::styled(field.note.text(), field.note.style(self.theme)).render(rect, buf);
            }
        }
        if let (Some(button), Some(rect)) = (&self.button, line_at(rows.button)) {
            let style = if self.focus == Focus::Button {
                self.theme.focus
            } else {
                self.theme.field
            };
            Line::styled(format!("[ {button} ]"), style)
                .alignment(Alignment::Center)
                .render(rect, buf);
        }
        self.render_message(inner, scroll, buf);
    }
}

impl Form<'_> {
    fn render_message(&self, inner: Rect, scroll: u16, buf: &mut Buffer) {
        let first = self.rows().message;
        let Some(y) = visible_line(first, scroll, inner) else {
            return;
        };
        let height = MESSAGE_LINES.min(inner.bottom().saturating_sub(y));
        let rect = Rect::new(inner.x, y, inner.width, height);
        Paragraph::new(self.message.text())
            .style(self.message.style(self.theme))
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true })
            .render(rect, buf);
    }
}

fn line_rect(inner: Rect, y: u16) -> Rect {
    Rect::new(inner.x, y, inner.width, 1)
}
