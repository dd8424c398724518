//! A small multi-line editor for the minutes of one agenda item (or the general notes):
//! Enter starts a line, arrows move, Backspace joins lines. It keeps the version the notes
//! were read at, so the save can be refused when someone else saved first, and it keeps the
//! text through such a refusal: nothing typed is lost.

use super::effects::NotesTarget;
use crate::i18n::{CommitteeTui as T, Localize};
use crate::tui::action::Edit;
use crate::tui::effect::Message;
use crate::tui::text;
use crate::tui::theme::Theme;
use crate::tui::view::ViewCtx;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

/// Where the editor is in its life.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotesPhase {
    Editing,
    /// Esc was pressed once with unsaved changes; a second Esc discards them.
    ConfirmDiscard,
    Saving,
    /// The save was refused because someone else saved first: their text is shown below,
    /// and the next save goes over the version read again.
    Conflict {
        theirs: String,
    },
    Failed(Message),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotesEditor {
    pub target: NotesTarget,
    /// What is being edited, as the title says it ("3. Cruces de datos").
    pub label: String,
    /// The version the notes were read at; a save names it.
    pub version: i64,
    original: String,
    lines: Vec<Vec<char>>,
    row: usize,
    col: usize,
    pub phase: NotesPhase,
}

impl NotesEditor {
    pub fn new(target: NotesTarget, label: String, version: i64, text: &str) -> NotesEditor {
        let lines: Vec<Vec<char>> = text.split('\n').map(|l| l.chars().collect()).collect();
        let row = lines.len().saturating_sub(1);
        let col = lines.last().map(Vec::len).unwrap_or(0);
        NotesEditor {
            target,
            label,
            version,
            original: text.to_string(),
            lines,
            row,
            col,
            phase: NotesPhase::Editing,
        }
    }

    pub fn text(&self) -> String {
        let lines: Vec<String> = self.lines.iter().map(|l| l.iter().collect()).collect();
        lines.join("\n")
    }

    pub fn is_dirty(&self) -> bool {
        self.text() != self.original
    }

    fn line(&mut self) -> &mut Vec<char> {
        if self.lines.is_empty() {
            self.lines.push(Vec::new());
        }
        let last = self.lines.len() - 1;
        let row = self.row.min(last);
        &mut self.lines[row]
    }

    /// Applies an edit of the current line (Backspace at a line's start joins it to the one
    /// above). The cursor moves and deletes by grapheme, as in a field.
    pub fn edit(&mut self, edit: Edit) {
        let col = self.col;
        match edit {
            Edit::Insert(c) if !c.is_control() => {
                let line = self.line();
                line.insert(col, c);
                self.col = text::after_insert(line, col);
            }
            Edit::Backspace if col > 0 => {
                let line = self.line();
                let before = text::prev_boundary(line, col);
                line.drain(before..col);
                self.col = before;
            }
            Edit::Backspace if self.row > 0 => {
                let tail = self.lines.remove(self.row);
                self.row -= 1;
                self.col = self.lines[self.row].len();
                self.lines[self.row].extend(tail);
            }
            Edit::Delete if col < self.line().len() => {
                let line = self.line();
                let after = text::next_boundary(line, col);
                line.drain(col..after);
            }
            Edit::Delete if self.row + 1 < self.lines.len() => {
                let next = self.lines.remove(self.row + 1);
                self.line().extend(next);
            }
            Edit::Left => self.col = text::prev_boundary(self.line(), col),
            Edit::Right => self.col = text::next_boundary(self.line(), col),
            Edit::Home => self.col = 0,
            Edit::End => self.col = self.line().len(),
            _ => {}
        }
        if matches!(
            self.phase,
            NotesPhase::ConfirmDiscard | NotesPhase::Failed(_)
        ) {
            self.phase = NotesPhase::Editing;
        }
    }

    /// Enter: splits the line at the cursor.
    pub fn new_line(&mut self) {
        let col = self.col;
        let tail = self.line().split_off(col);
        self.lines.insert(self.row + 1, tail);
        self.row += 1;
        self.col = 0;
    }

    pub fn up(&mut self) {
        self.row = self.row.saturating_sub(1);
        self.keep_col_on_line();
    }

    pub fn down(&mut self) {
        self.row = (self.row + 1).min(self.lines.len().saturating_sub(1));
        self.keep_col_on_line();
    }

    /// After a move to another line: the cursor within it, between two graphemes.
    fn keep_col_on_line(&mut self) {
        let col = self.col.min(self.line().len());
        let line = self.line();
        self.col = if text::is_boundary(line, col) {
            col
        } else {
            text::prev_boundary(line, col)
        };
    }

    /// The first line shown in an area of `height`×`width`, the cells scrolled out on the
    /// left (every line alike), and the cursor's cell in the area, so the cursor stays in view.
    fn scroll(&self, width: u16, height: u16) -> (usize, usize, usize) {
        let top = self
            .row
            .saturating_sub(usize::from(height).saturating_sub(1));
        let glyphs = self
            .lines
            .get(self.row)
            .map(|line| text::glyphs(line, false))
            .unwrap_or_default();
        let (skip, column) = text::scroll(&glyphs, self.col, usize::from(width));
        (top, skip, column)
    }

    /// Where the terminal cursor goes when the text is drawn in `area`.
    pub fn cursor_position(&self, area: Rect) -> Position {
        let (top, _, column) = self.scroll(area.width, area.height);
        let x = u16::try_from(column)
            .unwrap_or(u16::MAX)
            .min(area.width.saturating_sub(1));
        let y = u16::try_from(self.row - top).unwrap_or(0);
        Position::new(area.x + x, area.y + y)
    }
}

/// Draws the text of the editor (the frame and title are the caller's).
pub struct NotesView<'a> {
    pub editor: &'a NotesEditor,
    pub theme: &'a Theme,
}

impl Widget for &NotesView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        buf.set_style(area, self.theme.focus);
        let (top, skip, _) = self.editor.scroll(area.width, area.height);
        for (i, line) in self
            .editor
            .lines
            .iter()
            .skip(top)
            .take(usize::from(area.height))
            .enumerate()
        {
            let glyphs = text::glyphs(line, false);
            let shown = text::visible(&glyphs, skip, usize::from(area.width));
            let y = area.y + u16::try_from(i).unwrap_or(0);
            buf.set_stringn(area.x, y, shown, usize::from(area.width), self.theme.focus);
        }
    }
}

/// The editor in its frame, titled with what is edited, and under it what happened to the
/// last save (refused, conflict with the other person's text).
pub struct NotesPanel<'a> {
    pub editor: &'a NotesEditor,
    pub ctx: ViewCtx<'a>,
}

impl NotesPanel<'_> {
    fn parts(area: Rect) -> [Rect; 2] {
        area.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(4),
        ]))
    }

    /// Where the text goes inside a panel drawn in `area`.
    pub fn text_area(area: Rect) -> Rect {
        Block::bordered().inner(Self::parts(area)[0])
    }
}

impl Widget for &NotesPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (lang, theme) = (self.ctx.lang, self.ctx.theme);
        let [text, messages] = NotesPanel::parts(area);
        let title = format!(" {} · {} ", T::Editing.text(lang), self.editor.label);
        Block::bordered()
            .title(Line::styled(title, theme.title))
            .render(text, buf);
        NotesView {
            editor: self.editor,
            theme,
        }
        .render(NotesPanel::text_area(area), buf);
        let lines = match &self.editor.phase {
            NotesPhase::Editing => vec![],
            NotesPhase::Saving => vec![Line::styled(T::Saving.text(lang), theme.muted)],
            NotesPhase::ConfirmDiscard => vec![Line::styled(T::UnsavedEsc.text(lang), theme.error)],
            NotesPhase::Failed(message) => vec![Line::styled(message.text(lang), theme.error)],
            NotesPhase::Conflict { theirs } => vec![
                Line::styled(T::ConflictKept.text(lang), theme.error),
                Line::raw(format!(
                    "{}: {}",
                    T::TheirText.text(lang),
                    text::clean(&theirs.replace('\n', " / "))
                )),
            ],
        };
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .render(messages, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(editor: &mut NotesEditor, text: &str) {
        for c in text.chars() {
            if c == '\n' {
                editor.new_line();
            } else {
                editor.edit(Edit::Insert(c));
            }
        }
    }

    #[test]
    fn lines_are_split_joined_and_kept() {
        let mut editor = NotesEditor::new(NotesTarget::General(1), "x".into(), 3, "Primera");
        assert!(!editor.is_dirty());
        typed(&mut editor, "\nSegunda");
        assert_eq!(editor.text(), "Primera\nSegunda");
        editor.edit(Edit::Home);
        editor.edit(Edit::Backspace);
        assert_eq!(editor.text(), "PrimeraSegunda");
        editor.new_line();
        editor.up();
        editor.edit(Edit::End);
        editor.edit(Edit::Delete);
        assert_eq!(editor.text(), "PrimeraSegunda");
        assert!(editor.is_dirty());
        assert_eq!(editor.version, 3);
    }

    #[test]
    fn the_cursor_stays_in_view() {
        let mut editor = NotesEditor::new(NotesTarget::Item(1), "x".into(), 1, "");
        typed(&mut editor, "a\nb\nc\nabcdefghij");
        let area = Rect::new(10, 5, 4, 2);
        assert_eq!(editor.cursor_position(area), Position::new(13, 6));
    }

    /// The editor drawn in `area`, row by row.
    fn drawn(editor: &NotesEditor, area: Rect) -> Vec<String> {
        let theme = Theme::plain();
        let mut buf = Buffer::empty(area);
        (&NotesView {
            editor,
            theme: &theme,
        })
            .render(area, &mut buf);
        (area.y..area.bottom())
            .map(|y| {
                (area.x..area.right())
                    .map(|x| buf[(x, y)].symbol())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn stored_minutes_with_controls_and_emoji_keep_the_cursor_on_the_text() {
        // Minutes keep what was written (tabs, escapes, direction marks); the editor shows
        // tabs as spaces and controls as `�`, and drops direction marks.
        let stored = "a\tb\u{1b}[2J\u{202E}c\n🦙🦙🦙🦙🦙🦙";
        let mut editor = NotesEditor::new(NotesTarget::General(1), "x".into(), 1, stored);
        // (A llama takes two cells: the second one is drawn as a blank.)
        let area = Rect::new(0, 0, 8, 2);
        // At the end of the llamas, three stay in view with the cursor after them; the line
        // above scrolls by the same six cells.
        assert_eq!(drawn(&editor, area), ["Jc      ", "🦙 🦙 🦙   "]);
        assert_eq!(editor.cursor_position(area), Position::new(6, 1));
        editor.up();
        editor.edit(Edit::End);
        // At the end of the first line: "a" scrolled out, the first llama cut in half.
        assert_eq!(drawn(&editor, area), [" b�[2Jc ", " 🦙 🦙 🦙  "]);
        assert_eq!(editor.cursor_position(area), Position::new(7, 0));
        editor.edit(Edit::Backspace);
        assert_eq!(editor.text(), "a\tb\u{1b}[2J\u{202E}\n🦙🦙🦙🦙🦙🦙");
    }

    #[test]
    fn a_ten_thousand_character_line_scrolls_and_graphemes_go_whole() {
        let mut editor = NotesEditor::new(NotesTarget::Item(1), "x".into(), 1, "");
        typed(&mut editor, &"ñandú ".repeat(1_700));
        typed(&mut editor, "👨\u{200D}👩\u{200D}👧");
        let area = Rect::new(2, 1, 10, 3);
        assert_eq!(editor.cursor_position(area), Position::new(11, 1));
        assert_eq!(drawn(&editor, area)[0], " ñandú 👨\u{200D}👩\u{200D}👧  ");
        editor.edit(Edit::Backspace);
        assert!(editor.text().ends_with("ñandú "));
        editor.edit(Edit::Left);
        editor.edit(Edit::Left);
        editor.edit(Edit::Left);
        assert_eq!(editor.cursor_position(area), Position::new(11, 1));
        editor.edit(Edit::Home);
        assert_eq!(editor.cursor_position(area), Position::new(2, 1));
    }
}
