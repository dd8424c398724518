//! The committee area's keys, per mode: the meetings list, a meeting's tabs, the preview of
//! its minutes, the pending agreements, and the two typing modes (a small form, the notes
//! editor). The shell adds the tab keys and the global ones, or the editing keys while text is
//! typed (`keymap::Context::Area` with `AreaMode::Committee`).
//!
//! Letters are chosen for Spanish first and never change with the language: `p` presente,
//! `a` ausente, `j` justificada, `d` done/cumplido, `b` baja (dropped), `o` reabrir.

use crate::i18n::{CommitteeTui as T, Tui};
use crate::tui::action::Command;
use crate::tui::keymap::{Binding, Bound, Key, REFRESH, TABLE_MOVES};
use ratatui::crossterm::event::KeyCode;

/// The committee's own intents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommitteeCommand {
    /// Enter: open the meeting, or edit the chosen item's notes.
    Open,
    /// Esc: back to the list, or leave a form or the notes editor.
    Back,
    New,
    Pending,
    NextTab,
    PrevTab,
    Present,
    Absent,
    Excused,
    Done,
    Drop,
    Reopen,
    Export,
    Held,
    NextFormat,
    SaveFile,
    /// Ctrl+S in the notes editor.
    Save,
}

/// The tabs of the meeting editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Agenda,
    Attendance,
    Minutes,
    Agreements,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Agenda, Tab::Attendance, Tab::Minutes, Tab::Agreements];

    pub fn title(self) -> T {
        match self {
            Tab::Agenda => T::TabAgenda,
            Tab::Attendance => T::TabAttendance,
            Tab::Minutes => T::TabMinutes,
            Tab::Agreements => T::TabAgreements,
        }
    }

    pub fn next(self) -> Tab {
        let i = Tab::ALL.iter().position(|t| *t == self).unwrap_or(0);
        Tab::ALL[(i + 1) % Tab::ALL.len()]
    }

    pub fn prev(self) -> Tab {
        let i = Tab::ALL.iter().position(|t| *t == self).unwrap_or(0);
        Tab::ALL[(i + Tab::ALL.len() - 1) % Tab::ALL.len()]
    }
}

/// What the area is doing, as far as keys are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    List,
    Pending,
    Editor(Tab),
    Export,
    Form,
    Notes,
}

impl Mode {
    /// Whether unbound printable keys are typed into a field.
    pub fn takes_text(self) -> bool {
        matches!(self, Mode::Form | Mode::Notes)
    }
}

const fn cmd(keys: &'static [Key], c: CommitteeCommand, help: T, hint: Option<T>) -> Binding {
    Binding {
        keys,
        bound: Bound::Command(Command::Committee(c)),
        help: Tui::Committee(help),
        hint: match hint {
            Some(h) => Some(Tui::Committee(h)),
            None => None,
        },
    }
}

const fn shell(keys: &'static [Key], c: Command, help: Tui, hint: Option<Tui>) -> Binding {
    Binding {
        keys,
        bound: Bound::Command(c),
        help,
        hint,
    }
}

const ENTER: Key = Key::plain(KeyCode::Enter);
const ESC: Key = Key::plain(KeyCode::Esc);
const UP: Key = Key::plain(KeyCode::Up);
const DOWN: Key = Key::plain(KeyCode::Down);
const LEFT: Key = Key::plain(KeyCode::Left);
const RIGHT: Key = Key::plain(KeyCode::Right);
const TAB: Key = Key::plain(KeyCode::Tab);
const BACK_TAB: Key = Key::plain(KeyCode::BackTab);
const PAGE_UP: Key = Key::plain(KeyCode::PageUp);
const PAGE_DOWN: Key = Key::plain(KeyCode::PageDown);

const BACK: Binding = cmd(
    &[ESC],
    CommitteeCommand::Back,
    T::HelpBack,
    Some(T::HintBack),
);

const LIST: &[Binding] = &[
    cmd(
        &[ENTER],
        CommitteeCommand::Open,
        T::HelpOpenMeeting,
        Some(T::HintOpen),
    ),
    cmd(
        &[Key::char('n')],
        CommitteeCommand::New,
        T::HelpNewMeeting,
        Some(T::HintNew),
    ),
    cmd(
        &[Key::char('v')],
        CommitteeCommand::Pending,
        T::HelpPending,
        Some(T::HintPending),
    ),
];

const EDITOR: &[Binding] = &[
    cmd(
        &[LEFT, BACK_TAB],
        CommitteeCommand::PrevTab,
        T::HelpPrevTab,
        Some(T::HintTab),
    ),
    cmd(
        &[RIGHT, TAB],
        CommitteeCommand::NextTab,
        T::HelpNextTab,
        Some(T::HintTab),
    ),
];

const EDITOR_END: &[Binding] = &[
    cmd(
        &[Key::char('e')],
        CommitteeCommand::Export,
        T::HelpExport,
        Some(T::HintExport),
    ),
    BACK,
    cmd(&[Key::char('h')], CommitteeCommand::Held, T::HelpHeld, None),
];

const AGENDA: &[Binding] = &[
    cmd(
        &[ENTER],
        CommitteeCommand::Open,
        T::HelpEditNotes,
        Some(T::HintEdit),
    ),
    cmd(
        &[Key::char('n')],
        CommitteeCommand::New,
        T::HelpNewItem,
        Some(T::HintNew),
    ),
];

const ATTENDANCE: &[Binding] = &[
    cmd(
        &[Key::char('p')],
        CommitteeCommand::Present,
        T::HelpPresent,
        Some(T::HintPresent),
    ),
    cmd(
        &[Key::char('a')],
        CommitteeCommand::Absent,
        T::HelpAbsent,
        Some(T::HintAbsent),
    ),
    cmd(
        &[Key::char('j')],
        CommitteeCommand::Excused,
        T::HelpExcused,
        Some(T::HintExcused),
    ),
];

const MINUTES: &[Binding] = &[cmd(
    &[ENTER],
    CommitteeCommand::Open,
    T::HelpEditNotes,
    Some(T::HintEdit),
)];

const AGREEMENTS: &[Binding] = &[
    cmd(
        &[Key::char('n')],
        CommitteeCommand::New,
        T::HelpNewAgreement,
        Some(T::HintNew),
    ),
    cmd(
        &[Key::char('d')],
        CommitteeCommand::Done,
        T::HelpDone,
        Some(T::HintDone),
    ),
    cmd(
        &[Key::char('b')],
        CommitteeCommand::Drop,
        T::HelpDrop,
        Some(T::HintDrop),
    ),
    cmd(
        &[Key::char('o')],
        CommitteeCommand::Reopen,
        T::HelpReopen,
        None,
    ),
];

const EXPORT: &[Binding] = &[
    cmd(
        &[Key::char('f')],
        CommitteeCommand::NextFormat,
        T::HelpFormat,
        Some(T::HintFormat),
    ),
    cmd(
        &[Key::char('s')],
        CommitteeCommand::SaveFile,
        T::HelpSaveFile,
        Some(T::HintSaveFile),
    ),
    BACK,
    shell(&[UP], Command::Up, Tui::Committee(T::HelpScrollUp), None),
    shell(
        &[DOWN],
        Command::Down,
        Tui::Committee(T::HelpScrollDown),
        None,
    ),
    shell(&[PAGE_UP], Command::PageUp, Tui::HelpPageUp, None),
    shell(&[PAGE_DOWN], Command::PageDown, Tui::HelpPageDown, None),
];

const FORM: &[Binding] = &[
    shell(
        &[DOWN, TAB],
        Command::NextField,
        Tui::Committee(T::HelpFormNext),
        Some(Tui::Committee(T::HintField)),
    ),
    shell(
        &[UP, BACK_TAB],
        Command::PrevField,
        Tui::Committee(T::HelpFormPrev),
        Some(Tui::Committee(T::HintField)),
    ),
    shell(
        &[ENTER],
        Command::Submit,
        Tui::Committee(T::HelpFormSubmit),
        Some(Tui::Committee(T::HintNextOrSave)),
    ),
    cmd(
        &[ESC],
        CommitteeCommand::Back,
        T::HelpFormCancel,
        Some(T::HintCancel),
    ),
];

const NOTES: &[Binding] = &[
    cmd(
        &[Key::ctrl('s')],
        CommitteeCommand::Save,
        T::HelpSaveNotes,
        Some(T::HintSave),
    ),
    cmd(
        &[ESC],
        CommitteeCommand::Back,
        T::HelpCancelEdit,
        Some(T::HintCancel),
    ),
    shell(
        &[ENTER],
        Command::Submit,
        Tui::Committee(T::HelpNewLine),
        None,
    ),
    shell(&[UP], Command::Up, Tui::Committee(T::HelpLineUp), None),
    shell(
        &[DOWN],
        Command::Down,
        Tui::Committee(T::HelpLineDown),
        None,
    ),
];

/// The area's own bindings in `mode`, most used first.
pub fn bindings(mode: Mode) -> Vec<Binding> {
    let mut table: Vec<Binding> = Vec::new();
    match mode {
        Mode::List => {
            table.extend_from_slice(TABLE_MOVES);
            table.extend_from_slice(LIST);
            table.push(REFRESH);
        }
        Mode::Pending => {
            table.extend_from_slice(TABLE_MOVES);
            table.push(BACK);
            table.push(REFRESH);
        }
        Mode::Editor(tab) => {
            table.extend_from_slice(EDITOR);
            table.extend_from_slice(TABLE_MOVES);
            table.extend_from_slice(match tab {
                Tab::Agenda => AGENDA,
                Tab::Attendance => ATTENDANCE,
                Tab::Minutes => MINUTES,
                Tab::Agreements => AGREEMENTS,
            });
            table.extend_from_slice(EDITOR_END);
            table.push(REFRESH);
        }
        Mode::Export => table.extend_from_slice(EXPORT),
        Mode::Form => table.extend_from_slice(FORM),
        Mode::Notes => table.extend_from_slice(NOTES),
    }
    table
}
