//! What the CLAR's views have in common: something loading, loaded or failed, and a list with
//! a highlighted row that scrolls by rows and pages and keeps the highlight on screen.

use crate::tui::action::Command;
use crate::tui::effect::Message;

/// Where a view's data is.
#[derive(Debug, Clone, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(Message),
}

impl<T> Load<T> {
    pub fn ready(&self) -> Option<&T> {
        match self {
            Load::Ready(value) => Some(value),
            Load::Loading | Load::Failed(_) => None,
        }
    }

    /// Takes a result from the core.
    pub fn from_result(result: Result<T, Message>) -> Load<T> {
        match result {
            Ok(value) => Load::Ready(value),
            Err(message) => Load::Failed(message),
        }
    }
}

/// A highlighted row and the first row on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

impl Cursor {
    /// Moves the highlight for `command` in a list of `rows` shown `page` rows at a time, then
    /// keeps it on screen. Any other command only re-applies the limits.
    pub fn apply(&mut self, command: Command, rows: usize, page: usize) {
        let page = page.max(1);
        let last = rows.saturating_sub(1);
        self.selected = match command {
            Command::Up => self.selected.saturating_sub(1),
            Command::Down => self.selected + 1,
            Command::PageUp => self.selected.saturating_sub(page),
            Command::PageDown => self.selected + page,
            Command::Top => 0,
            Command::Bottom => last,
            _ => self.selected,
        }
        .min(last);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + page {
            self.offset = self.selected + 1 - page;
        }
        self.offset = self.offset.min(rows.saturating_sub(page));
    }

    /// The first row to draw so the highlight shows in a table of `page` rows.
    pub fn first_visible(&self, page: usize) -> usize {
        if self.selected >= self.offset + page.max(1) {
            self.selected + 1 - page.max(1)
        } else {
            self.offset
        }
    }
}

/// A list view: its rows and its cursor.
#[derive(Debug, Clone, PartialEq)]
pub struct ListState<T> {
    pub load: Load<Vec<T>>,
    pub cursor: Cursor,
}

impl<T> ListState<T> {
    pub fn loading() -> ListState<T> {
        ListState {
            load: Load::Loading,
            cursor: Cursor::default(),
        }
    }

    pub fn rows(&self) -> &[T] {
        self.load.ready().map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn selected(&self) -> Option<&T> {
        self.rows().get(self.cursor.selected)
    }

    /// New rows arrived: keep the highlight where it was, within the new length.
    pub fn loaded(&mut self, result: Result<Vec<T>, Message>, page: usize) {
        self.load = Load::from_result(result);
        let rows = self.rows().len();
        self.cursor.apply(Command::Refresh, rows, page);
    }

    pub fn scroll(&mut self, command: Command, page: usize) {
        let rows = self.rows().len();
        self.cursor.apply(command, rows, page);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_highlight_stays_on_screen_and_in_the_list() {
        let mut c = Cursor::default();
        for _ in 0..7 {
            c.apply(Command::Down, 10, 4);
        }
        assert_eq!((c.selected, c.offset), (7, 4));
        c.apply(Command::Bottom, 10, 4);
        assert_eq!((c.selected, c.offset), (9, 6));
        c.apply(Command::Refresh, 3, 4);
        assert_eq!((c.selected, c.offset), (2, 0));
        c.apply(Command::Up, 0, 4);
        assert_eq!((c.selected, c.offset), (0, 0));
    }
}
