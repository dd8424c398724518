//! A yes/no question in a box, carrying the action it confirms (quit with unsaved changes,
//! close a form and lose what was typed, write a checked roster into the registry, close a
//! CLAR session or adopt its awards, merge the two persons of an alert or undo that merge).
//! The focus starts on "No", so an Enter pressed by habit never discards work or writes
//! anything.

use super::centred;
use crate::i18n::{Lang, Localize, OverlapsTui, Reg, Tui};
use crate::tui::screens::clar::ClarConfirm;
use crate::tui::screens::overlaps::OverlapsConfirm;
use crate::tui::screens::registry::effects::RegistryQuestion;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};
use std::borrow::Cow;

/// What a confirmation is about: the action run on "yes".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirmable {
    /// Quit although a form has unsaved changes.
    QuitDiscarding,
    /// Quit while a roster is being written (the import would be undone).
    QuitImporting,
    /// Quit while an overlap scan runs (it would stop and save nothing).
    QuitScanning,
    /// Close a CLAR session or adopt its results.
    Clar(ClarConfirm),
    /// Close a Padrón form unsaved, or write a checked roster.
    Registry(RegistryQuestion),
    /// Merge the two persons of a probable match, or undo that merge.
    Overlaps(OverlapsConfirm),
}

impl Confirmable {
    fn question(&self, lang: Lang) -> Cow<'static, str> {
        match self {
            Confirmable::QuitDiscarding => Tui::ConfirmQuitQuestion.text(lang),
            Confirmable::QuitImporting => Tui::Reg(Reg::ConfirmQuitImporting).text(lang),
            Confirmable::QuitScanning => Tui::Overlaps(OverlapsTui::ConfirmQuitScanning).text(lang),
            Confirmable::Clar(c) => Tui::Clar(c.question()).text(lang),
            Confirmable::Registry(question) => question.question(lang),
            Confirmable::Overlaps(c) => Tui::Overlaps(c.question()).text(lang),
        }
    }

    fn yes(&self) -> Tui {
        match self {
            Confirmable::QuitDiscarding
            | Confirmable::QuitImporting
            | Confirmable::QuitScanning => Tui::ConfirmQuitYes,
            Confirmable::Clar(c) => Tui::Clar(c.yes()),
            Confirmable::Registry(question) => question.yes(),
            Confirmable::Overlaps(c) => Tui::Overlaps(c.yes()),
        }
    }

    fn no(&self) -> Tui {
        match self {
            Confirmable::QuitDiscarding
            | Confirmable::QuitImporting
            | Confirmable::QuitScanning => Tui::ConfirmQuitNo,
            Confirmable::Clar(c) => Tui::Clar(c.no()),
            Confirmable::Registry(question) => question.no(),
            Confirmable::Overlaps(c) => Tui::Overlaps(c.no()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Yes,
    No,
}

#[derive(Debug, Clone, PartialEq, Eq)]
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

/// The widest the box gets; narrower windows shrink it.
const BOX_WIDTH: u16 = 68;

impl Widget for &ConfirmView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let subject = &self.confirm.subject;
        let button = |label: Tui, choice: Choice| {
            let style = if self.confirm.choice == choice {
                self.theme.focus
            } else {
                self.theme.field
            };
            Span::styled(format!("[ {} ]", label.text(self.lang)), style)
        };
        let question = subject.question(self.lang);
        let inner_width = usize::from(BOX_WIDTH.min(area.width).saturating_sub(4)).max(1);
        // The question wraps; the box grows to keep the buttons inside it.
        let question_lines = question.chars().count().div_ceil(inner_width).max(1);
        let lines = vec![
            Line::raw(""),
            Line::raw(question),
            Line::raw(""),
            Line::from(vec![
                button(subject.yes(), Choice::Yes),
                Span::raw("   "),
                button(subject.no(), Choice::No),
            ]),
        ];
        let height = u16::try_from(question_lines + 6).unwrap_or(u16::MAX);
        let frame = centred(area, BOX_WIDTH, height);
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
