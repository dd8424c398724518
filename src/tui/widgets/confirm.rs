//! A yes/no question in a box, carrying the action it confirms (quit with unsaved changes,
//! and later: merge two persons, award a fund, close a CLAR session). The focus starts on
//! "No", so an Enter pressed by habit never discards work.

use super::centred;
use crate::i18n::{Lang, Localize, Tui};
use crate::tui::screens::clar::ClarConfirm;
use crate::tui::screens::overlaps::OverlapsConfirm;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

/// What a confirmation is about: the action run on "yes".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmable {
    /// Quit although a form has unsaved changes.
    QuitDiscarding,
    /// Close a CLAR session or adopt its results.
    Clar(ClarConfirm),
    /// Merge the two persons of a probable match, or undo that merge.
    Overlaps(OverlapsConfirm),
}

impl Confirmable {
    fn question(self) -> Tui {
        match self {
            Confirmable::QuitDiscarding => Tui::ConfirmQuitQuestion,
            Confirmable::Clar(c) => Tui::Clar(c.question()),
            Confirmable::Overlaps(c) => Tui::Overlaps(c.question()),
        }
    }

    fn yes(self) -> Tui {
        match self {
            Confirmable::QuitDiscarding => Tui::ConfirmQuitYes,
            Confirmable::Clar(c) => Tui::Clar(c.yes()),
            Confirmable::Overlaps(c) => Tui::Overlaps(c.yes()),
        }
    }

    fn no(self) -> Tui {
        match self {
            Confirmable::QuitDiscarding => Tui::ConfirmQuitNo,
            Confirmable::Clar(c) => Tui::Clar(c.no()),
            Confirmable::Overlaps(c) => Tui::Overlaps(c.no()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Yes,
    No,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Confirm {
    pub subject: Confirmable,
    pub choice: Choice,
}

impl Confirm {
    pub fn new(subject: Confirmable) -> Confirm {
        Confirm {
            subject,
            choice: Choice::No,
        }
    }

    pub fn switch(&mut self) {
        self.choice = match self.choice {
            Choice::Yes => Choice::No,
            Choice::No => Choice::Yes,
        };
    }
}

pub struct ConfirmView<'a> {
    pub confirm: &'a Confirm,
    pub lang: Lang,
    pub theme: &'a Theme,
}

impl Widget for &ConfirmView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let subject = self.confirm.subject;
        let button = |label: Tui, choice: Choice| {
            let style = if self.confirm.choice == choice {
                self.theme.focus
            } else {
                self.theme.field
            };
            Span::styled(format!("[ {} ]", label.text(self.lang)), style)
        };
        let lines = vec![
            Line::raw(""),
            Line::raw(subject.question().text(self.lang)),
            Line::raw(""),
            Line::from(vec![
                button(subject.yes(), Choice::Yes),
                Span::raw("   "),
                button(subject.no(), Choice::No),
            ]),
        ];
        let frame = centred(area, 68, 7);
        Clear.render(frame, buf);
        let block = Block::bordered()
            .border_style(self.theme.overlay_border)
            .title(Line::styled(
                format!(" {} ", Tui::ConfirmTitle.text(self.lang)),
                self.theme.title,
            ));
        Paragraph::new(lines)
            .block(block)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true })
            .render(frame, buf);
    }
}
