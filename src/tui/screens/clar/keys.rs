//! The keys of each CLAR view, as data: what a key does, its line in the `?` help, and its
//! word in the hints line. Letters follow the Spanish words (`p` presentar, `o` orden de
//! mérito, `d` declarar) and never change with the language.

use super::{ClarCommand, ReviewMode, StaffMode};
use crate::i18n::{ClarTui, Tui};
use crate::tui::action::Command;
use crate::tui::keymap::{Binding, Bound, Key, FORM_MOVES, REFRESH, TABLE_MOVES};
use ratatui::crossterm::event::KeyCode;

const fn clar(
    keys: &'static [Key],
    c: ClarCommand,
    help: ClarTui,
    hint: Option<ClarTui>,
) -> Binding {
    let hint = match hint {
        Some(h) => Some(Tui::Clar(h)),
        None => None,
    };
    Binding {
        keys,
        bound: Bound::Command(Command::Clar(c)),
        help: Tui::Clar(help),
        hint,
    }
}

const ENTER: Key = Key::plain(KeyCode::Enter);
const ESC: Key = Key::plain(KeyCode::Esc);

const OPEN: Binding = clar(
    &[ENTER],
    ClarCommand::Open,
    ClarTui::HelpOpen,
    Some(ClarTui::HintOpen),
);
const BACK: Binding = clar(
    &[ESC],
    ClarCommand::Back,
    ClarTui::HelpBack,
    Some(ClarTui::HintBack),
);
const SESSIONS: Binding = clar(
    &[Key::char('s')],
    ClarCommand::Sessions,
    ClarTui::HelpSessions,
    Some(ClarTui::HintSessions),
);
const EDIT: Binding = clar(
    &[Key::char('e')],
    ClarCommand::Edit,
    ClarTui::HelpEdit,
    Some(ClarTui::HintEdit),
);
const PRESENT: Binding = clar(
    &[Key::char('p')],
    ClarCommand::Present,
    ClarTui::HelpPresent,
    Some(ClarTui::HintPresent),
);
const ATTENDANCE: Binding = clar(
    &[Key::char(' ')],
    ClarCommand::Attendance,
    ClarTui::HelpAttendance,
    Some(ClarTui::HintAttendance),
);
const CLOSE: Binding = clar(
    &[Key::char('c')],
    ClarCommand::CloseSession,
    ClarTui::HelpCloseSession,
    Some(ClarTui::HintCloseSession),
);
const RANKING: Binding = clar(
    &[Key::char('o')],
    ClarCommand::Ranking,
    ClarTui::HelpRanking,
    Some(ClarTui::HintRanking),
);
const AWARD: Binding = clar(
    &[Key::char('a')],
    ClarCommand::Award,
    ClarTui::HelpAward,
    Some(ClarTui::HintAward),
);
const DECLARE: Binding = clar(
    &[Key::char('d')],
    ClarCommand::Declare,
    ClarTui::HelpDeclare,
    Some(ClarTui::HintDeclare),
);
const DECLARE_OK: Binding = clar(
    &[ENTER],
    ClarCommand::Open,
    ClarTui::HelpDeclareOk,
    Some(ClarTui::HintDeclareOk),
);
const SAVE: Binding = clar(
    &[ENTER],
    ClarCommand::Save,
    ClarTui::HelpSave,
    Some(ClarTui::HintSave),
);
const CANCEL: Binding = clar(
    &[ESC],
    ClarCommand::Back,
    ClarTui::HelpCancel,
    Some(ClarTui::HintBack),
);
const PANEL: Binding = Binding {
    keys: &[Key::plain(KeyCode::Tab)],
    bound: Bound::Command(Command::NextField),
    help: Tui::Clar(ClarTui::HelpPanel),
    hint: Some(Tui::Clar(ClarTui::HintPanel)),
};
const MORE: Binding = clar(
    &[Key::char('+')],
    ClarCommand::Increase,
    ClarTui::HelpIncrease,
    None,
);
const LESS: Binding = clar(
    &[Key::char('-')],
    ClarCommand::Decrease,
    ClarTui::HelpDecrease,
    None,
);

/// The keys of a staff view, most used first.
pub fn staff_bindings(mode: StaffMode) -> Vec<Binding> {
    let mut table: Vec<Binding> = Vec::new();
    match mode {
        StaffMode::Calls => {
            table.extend_from_slice(TABLE_MOVES);
            table.extend([OPEN, SESSIONS, REFRESH]);
        }
        StaffMode::Proposals | StaffMode::Sessions => {
            table.extend_from_slice(TABLE_MOVES);
            table.extend([OPEN, BACK, REFRESH]);
        }
        StaffMode::Detail => table.extend([EDIT, PRESENT, BACK, REFRESH]),
        StaffMode::Budget => {
            table.extend_from_slice(FORM_MOVES);
            table.extend([SAVE, CANCEL]);
        }
        StaffMode::Session => {
            table.extend_from_slice(&TABLE_MOVES[..2]);
            table.extend([PANEL, ATTENDANCE, CLOSE, RANKING, BACK, REFRESH]);
        }
        StaffMode::Ranking => table.extend([AWARD, BACK, REFRESH]),
    }
    table
}

/// The keys of a reviewer view, most used first.
pub fn review_bindings(mode: ReviewMode) -> Vec<Binding> {
    let mut table: Vec<Binding> = Vec::new();
    match mode {
        ReviewMode::Sessions => {
            table.extend_from_slice(&TABLE_MOVES[..2]);
            table.extend([OPEN, REFRESH]);
        }
        ReviewMode::Proposals => {
            table.extend_from_slice(&TABLE_MOVES[..2]);
            table.extend([OPEN, DECLARE, BACK, REFRESH]);
        }
        ReviewMode::Declare => {
            table.extend_from_slice(&TABLE_MOVES[..2]);
            table.extend([DECLARE_OK, CANCEL]);
        }
        ReviewMode::Scoring => {
            table.extend_from_slice(FORM_MOVES);
            table.extend([SAVE, CANCEL, MORE, LESS]);
        }
    }
    table
}
