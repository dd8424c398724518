//! The Padrón's keys, per mode: the search box (letters are typed), the list (letters are
//! commands), a household, the filters, a form, and each step of the import dialog. The shell
//! adds the rest (`keymap::Context::Area` with `AreaMode::Registry`): the tab keys and the
//! main screen's globals while browsing, the editing keys and the typing globals in a field,
//! only the typing globals in a dialog. Editing keys are only in the tables of roles that may
//! write the registry, so the hints and the help never offer what the core would refuse.
//!
//! Letters follow the Spanish words and never change with the language: `n` nuevo, `i`
//! importar, `f` filtros, `o` orden, `e` editar, `a` agregar, `t` terminar, `h` hogar.

use super::effects::RegistryConfirm;
use crate::i18n::{Reg, Tui};
use crate::tui::action::{Command, Edit};
use crate::tui::keymap::{Binding, Bound, Key, FORM_MOVES, REFRESH, TABLE_MOVES};
use crate::tui::screens::Frame;
use ratatui::crossterm::event::KeyCode;

/// The Padrón's own intents (the shared ones, such as moving in a list, are the shell's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistryCommand {
    /// Leave what is on screen for the one it was opened from (a household for its list).
    Back,
    /// Close a form or dialog without saving (asks first when something was typed).
    Cancel,
    /// Empty the search box.
    ClearSearch,
    /// Put the focus in the search box.
    FocusSearch,
    OpenFilters,
    ToggleSort,
    NewHousehold,
    ImportRoster,
    EditHousehold,
    AddPerson,
    EditPerson,
    Enrol,
    EndEnrolment,
    /// The person said yes to a question the area asked first.
    Confirmed(RegistryConfirm),
}

/// What has the keys in the Padrón.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistryMode {
    /// The search box: letters and digits are typed; arrows and Enter work on the results.
    SearchBox,
    /// The results list: one-letter commands. `can_write` adds the keys that change data.
    Results {
        can_write: bool,
    },
    Household {
        can_write: bool,
    },
    Filters,
    Form,
    ImportForm,
    ImportChecking,
    /// The checked file; `can_import` when nothing blocks writing it.
    ImportPreview {
        can_import: bool,
    },
    ImportRunning,
    ImportDone,
}

impl RegistryMode {
    /// Whether unbound printable keys are typed into a field (in the filters, a letter jumps
    /// to the option starting with it).
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            RegistryMode::SearchBox
                | RegistryMode::Filters
                | RegistryMode::Form
                | RegistryMode::ImportForm
        )
    }

    /// What the shell adds to the mode's keys. The filters and the import dialog keep the keys
    /// until they close: a number key must not leave the area with a file being checked or
    /// written, and their fields are choices that bind their own keys.
    pub fn frame(self) -> Frame {
        match self {
            RegistryMode::Results { .. } | RegistryMode::Household { .. } => Frame::Browse,
            RegistryMode::SearchBox | RegistryMode::Form | RegistryMode::ImportForm => {
                Frame::Typing
            }
            RegistryMode::Filters
            | RegistryMode::ImportChecking
            | RegistryMode::ImportPreview { .. }
            | RegistryMode::ImportRunning
            | RegistryMode::ImportDone => Frame::Dialog,
        }
    }
}

const fn reg(keys: &'static [Key], c: RegistryCommand, help: Reg, hint: Option<Reg>) -> Binding {
    shell(keys, Command::Registry(c), help, hint)
}

/// A shared command, with the Padrón's words for it.
const fn shell(keys: &'static [Key], c: Command, help: Reg, hint: Option<Reg>) -> Binding {
    Binding {
        keys,
        bound: Bound::Command(c),
        help: Tui::Reg(help),
        hint: match hint {
            Some(h) => Some(Tui::Reg(h)),
            None => None,
        },
    }
}

const fn plain(keys: &'static [Key], c: Command, help: Tui) -> Binding {
    Binding {
        keys,
        bound: Bound::Command(c),
        help,
        hint: None,
    }
}

const ENTER: Key = Key::plain(KeyCode::Enter);
const ESC: Key = Key::plain(KeyCode::Esc);
const TAB: Key = Key::plain(KeyCode::Tab);
const BACK_TAB: Key = Key::plain(KeyCode::BackTab);
const UP: Key = Key::plain(KeyCode::Up);
const DOWN: Key = Key::plain(KeyCode::Down);
const LEFT: Key = Key::plain(KeyCode::Left);
const RIGHT: Key = Key::plain(KeyCode::Right);
const PAGE_UP: Key = Key::plain(KeyCode::PageUp);
const PAGE_DOWN: Key = Key::plain(KeyCode::PageDown);
const F3: Key = Key::plain(KeyCode::F(3));

// The arrows need no hint here: with the cursor in a search box, people reach for them.
const SEARCH_BOX: &[Binding] = &[
    plain(&[UP], Command::Up, Tui::HelpRowUp),
    plain(&[DOWN], Command::Down, Tui::HelpRowDown),
    plain(&[PAGE_UP], Command::PageUp, Tui::HelpPageUp),
    plain(&[PAGE_DOWN], Command::PageDown, Tui::HelpPageDown),
    shell(
        &[ENTER],
        Command::Submit,
        Reg::HelpOpen,
        Some(Reg::HintOpen),
    ),
    reg(
        &[F3],
        RegistryCommand::OpenFilters,
        Reg::HelpFilters,
        Some(Reg::HintFilters),
    ),
    shell(
        &[TAB],
        Command::NextField,
        Reg::HelpToList,
        Some(Reg::HintToList),
    ),
    reg(
        &[ESC],
        RegistryCommand::ClearSearch,
        Reg::HelpClearSearch,
        None,
    ),
];

const RESULTS_READ: &[Binding] = &[
    shell(
        &[ENTER],
        Command::Submit,
        Reg::HelpOpen,
        Some(Reg::HintOpen),
    ),
    reg(
        &[Key::char('/'), TAB, ESC],
        RegistryCommand::FocusSearch,
        Reg::HelpFocusSearch,
        Some(Reg::HintSearch),
    ),
    reg(
        &[Key::char('f'), F3],
        RegistryCommand::OpenFilters,
        Reg::HelpFilters,
        Some(Reg::HintFilters),
    ),
    reg(
        &[Key::char('o')],
        RegistryCommand::ToggleSort,
        Reg::HelpToggleSort,
        None,
    ),
];

const RESULTS_WRITE: &[Binding] = &[
    reg(
        &[Key::char('n')],
        RegistryCommand::NewHousehold,
        Reg::HelpNewHousehold,
        Some(Reg::HintNewHousehold),
    ),
    reg(
        &[Key::char('i')],
        RegistryCommand::ImportRoster,
        Reg::HelpImport,
        Some(Reg::HintImport),
    ),
];

const RESULTS_MOVES: &[Binding] = &[
    plain(&[UP], Command::Up, Tui::HelpRowUp),
    plain(&[DOWN], Command::Down, Tui::HelpRowDown),
    plain(&[PAGE_UP], Command::PageUp, Tui::HelpPageUp),
    plain(&[PAGE_DOWN], Command::PageDown, Tui::HelpPageDown),
    shell(
        &[Key::plain(KeyCode::Home)],
        Command::Top,
        Reg::HelpFirstPage,
        None,
    ),
];

const HOUSEHOLD_READ: &[Binding] = &[
    reg(
        &[ESC, LEFT, Key::plain(KeyCode::Backspace)],
        RegistryCommand::Back,
        Reg::HelpBack,
        Some(Reg::HintBack),
    ),
    shell(&[TAB], Command::NextField, Reg::HelpNextSection, None),
    shell(&[BACK_TAB], Command::PrevField, Reg::HelpPrevSection, None),
];

const HOUSEHOLD_WRITE: &[Binding] = &[
    reg(
        &[Key::char('e')],
        RegistryCommand::EditPerson,
        Reg::HelpEditPerson,
        Some(Reg::HintEditPerson),
    ),
    reg(
        &[Key::char('a')],
        RegistryCommand::AddPerson,
        Reg::HelpAddPerson,
        Some(Reg::HintAddPerson),
    ),
    reg(
        &[Key::char('n')],
        RegistryCommand::Enrol,
        Reg::HelpEnrol,
        Some(Reg::HintEnrol),
    ),
    reg(
        &[Key::char('t')],
        RegistryCommand::EndEnrolment,
        Reg::HelpEndEnrolment,
        Some(Reg::HintEndEnrolment),
    ),
    reg(
        &[Key::char('h')],
        RegistryCommand::EditHousehold,
        Reg::HelpEditHousehold,
        Some(Reg::HintEditHousehold),
    ),
];

const fn choice_edit(keys: &'static [Key], e: Edit, help: Reg, hint: Option<Reg>) -> Binding {
    Binding {
        keys,
        bound: Bound::Edit(e),
        help: Tui::Reg(help),
        hint: match hint {
            Some(h) => Some(Tui::Reg(h)),
            None => None,
        },
    }
}

const CHOICE_EDITS: &[Binding] = &[
    choice_edit(
        &[LEFT],
        Edit::Left,
        Reg::HelpChoicePrev,
        Some(Reg::HintChange),
    ),
    choice_edit(
        &[RIGHT, Key::char(' ')],
        Edit::Right,
        Reg::HelpChoiceNext,
        Some(Reg::HintChange),
    ),
    choice_edit(
        &[Key::plain(KeyCode::Delete)],
        Edit::Delete,
        Reg::HelpChoiceAll,
        None,
    ),
];

/// `←`/`→` in a form with text fields and choices: the shell's editing keys fill in the rest.
const FORM_ARROWS: &[Binding] = &[
    choice_edit(&[LEFT], Edit::Left, Reg::HelpLeftInForm, None),
    choice_edit(&[RIGHT], Edit::Right, Reg::HelpRightInForm, None),
];

const CANCEL: Binding = reg(
    &[ESC],
    RegistryCommand::Cancel,
    Reg::HelpCancel,
    Some(Reg::HintCancel),
);
const REFRESH_LIST: Binding = shell(REFRESH.keys, Command::Refresh, Reg::HelpRefreshList, None);
const REFRESH_HOUSEHOLD: Binding = shell(
    REFRESH.keys,
    Command::Refresh,
    Reg::HelpRefreshHousehold,
    None,
);
const APPLY: Binding = shell(
    &[ENTER],
    Command::Submit,
    Reg::HelpApplyFilters,
    Some(Reg::HintApply),
);
const FORM_SUBMIT: Binding = Binding {
    keys: &[ENTER],
    bound: Bound::Command(Command::Submit),
    help: Tui::Reg(Reg::HelpFormSubmit),
    hint: Some(Tui::HintNext),
};
const CHECK_FILE: Binding = Binding {
    help: Tui::Reg(Reg::HelpCheckFile),
    ..FORM_SUBMIT
};
const STOP_WAITING: Binding = reg(
    &[ESC],
    RegistryCommand::Cancel,
    Reg::HelpStopWaiting,
    Some(Reg::HintCancel),
);
const SWITCH_SECTION: Binding = shell(
    &[TAB, BACK_TAB],
    Command::NextField,
    Reg::HelpSwitchSection,
    Some(Reg::HintSection),
);
const IMPORT_NOW: Binding = shell(
    &[ENTER],
    Command::Submit,
    Reg::HelpImportNow,
    Some(Reg::HintImportNow),
);
const BACK_TO_OPTIONS: Binding = reg(
    &[ESC],
    RegistryCommand::Back,
    Reg::HelpBackToOptions,
    Some(Reg::HintBack),
);
const CLOSE_IMPORT: Binding = Binding {
    keys: &[ENTER, ESC],
    bound: Bound::Command(Command::Registry(RegistryCommand::Cancel)),
    help: Tui::Reg(Reg::HelpCloseImport),
    hint: Some(Tui::HintClose),
};

/// The Padrón's own keys in `mode`, most used first.
pub fn bindings(mode: RegistryMode) -> Vec<Binding> {
    let mut table: Vec<Binding> = Vec::new();
    match mode {
        RegistryMode::SearchBox => table.extend_from_slice(SEARCH_BOX),
        RegistryMode::Results { can_write } => {
            table.extend_from_slice(RESULTS_READ);
            if can_write {
                table.extend_from_slice(RESULTS_WRITE);
            }
            table.extend_from_slice(RESULTS_MOVES);
            table.push(REFRESH_LIST);
        }
        RegistryMode::Household { can_write } => {
            table.extend_from_slice(HOUSEHOLD_READ);
            if can_write {
                table.extend_from_slice(HOUSEHOLD_WRITE);
            }
            // Rows and pages only: with every key listed the help would not fit 80×24.
            table.extend_from_slice(&TABLE_MOVES[..4]);
            table.push(REFRESH_HOUSEHOLD);
        }
        RegistryMode::Filters => {
            table.extend_from_slice(FORM_MOVES);
            table.extend_from_slice(CHOICE_EDITS);
            table.extend([APPLY, CANCEL]);
        }
        RegistryMode::Form | RegistryMode::ImportForm => {
            table.extend_from_slice(FORM_MOVES);
            table.push(match mode {
                RegistryMode::ImportForm => CHECK_FILE,
                _ => FORM_SUBMIT,
            });
            table.push(CANCEL);
            table.extend_from_slice(FORM_ARROWS);
        }
        RegistryMode::ImportChecking => table.push(STOP_WAITING),
        RegistryMode::ImportPreview { can_import } => {
            table.extend_from_slice(&TABLE_MOVES[..4]);
            table.push(SWITCH_SECTION);
            if can_import {
                table.push(IMPORT_NOW);
            }
            table.push(BACK_TO_OPTIONS);
        }
        RegistryMode::ImportRunning => {}
        RegistryMode::ImportDone => table.push(CLOSE_IMPORT),
    }
    table
}
