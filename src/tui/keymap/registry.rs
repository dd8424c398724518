//! The keys of the Padrón (registry) area, one table per thing on screen: the search box
//! (letters are typed), the list (letters are commands), a household, the filters, a form,
//! and each step of the import dialog. Editing keys are only in the tables of roles that may
//! write the registry, so the hints and the help never offer what the core would refuse.

use super::tables::{
    command, BACK_TAB, CTRL_C, DOWN, EDITING, ENTER, ESC, LANGUAGE, LEFT, MAIN_GLOBAL, REFRESH,
    RIGHT, TAB, TABLE_MOVES, TYPING_HELP, UP,
};
use super::{Binding, Bound, Key};
use crate::i18n::{Reg, Tui};
use crate::tui::action::{Command, Edit};
use crate::tui::screens::Area;
use ratatui::crossterm::event::KeyCode;

/// What has the keys in the Padrón area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistryKeys {
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

impl RegistryKeys {
    /// Whether unbound printable keys are typed into a field.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            RegistryKeys::SearchBox
                | RegistryKeys::Filters
                | RegistryKeys::Form
                | RegistryKeys::ImportForm
        )
    }
}

const fn reg(keys: &'static [Key], c: Command, help: Reg, hint: Option<Reg>) -> Binding {
    let hint = match hint {
        Some(h) => Some(Tui::Reg(h)),
        None => None,
    };
    command(keys, c, Tui::Reg(help), hint)
}

const PAGE_UP: Key = Key::plain(KeyCode::PageUp);
const PAGE_DOWN: Key = Key::plain(KeyCode::PageDown);
const F3: Key = Key::plain(KeyCode::F(3));
const QUIT_TYPING: Binding = command(&[CTRL_C], Command::Quit, Tui::HelpQuit, Some(Tui::HintQuit));

// The arrows need no hint here: with the cursor in a search box, people reach for them.
const SEARCH_BOX: &[Binding] = &[
    command(&[UP], Command::Up, Tui::HelpRowUp, None),
    command(&[DOWN], Command::Down, Tui::HelpRowDown, None),
    command(&[PAGE_UP], Command::PageUp, Tui::HelpPageUp, None),
    command(&[PAGE_DOWN], Command::PageDown, Tui::HelpPageDown, None),
    reg(
        &[ENTER],
        Command::Submit,
        Reg::HelpOpen,
        Some(Reg::HintOpen),
    ),
    reg(
        &[F3],
        Command::OpenFilters,
        Reg::HelpFilters,
        Some(Reg::HintFilters),
    ),
    reg(
        &[TAB],
        Command::NextField,
        Reg::HelpToList,
        Some(Reg::HintToList),
    ),
    reg(&[ESC], Command::ClearSearch, Reg::HelpClearSearch, None),
];

const RESULTS_READ: &[Binding] = &[
    reg(
        &[ENTER],
        Command::Submit,
        Reg::HelpOpen,
        Some(Reg::HintOpen),
    ),
    reg(
        &[Key::char('/'), TAB, ESC],
        Command::FocusSearch,
        Reg::HelpFocusSearch,
        Some(Reg::HintSearch),
    ),
    reg(
        &[Key::char('f'), F3],
        Command::OpenFilters,
        Reg::HelpFilters,
        Some(Reg::HintFilters),
    ),
    reg(
        &[Key::char('o')],
        Command::ToggleSort,
        Reg::HelpToggleSort,
        None,
    ),
];

const RESULTS_WRITE: &[Binding] = &[
    reg(
        &[Key::char('n')],
        Command::NewHousehold,
        Reg::HelpNewHousehold,
        Some(Reg::HintNewHousehold),
    ),
    reg(
        &[Key::char('i')],
        Command::ImportRoster,
        Reg::HelpImport,
        Some(Reg::HintImport),
    ),
];

const RESULTS_MOVES: &[Binding] = &[
    command(&[UP], Command::Up, Tui::HelpRowUp, None),
    command(&[DOWN], Command::Down, Tui::HelpRowDown, None),
    command(&[PAGE_UP], Command::PageUp, Tui::HelpPageUp, None),
    command(&[PAGE_DOWN], Command::PageDown, Tui::HelpPageDown, None),
    reg(
        &[Key::plain(KeyCode::Home)],
        Command::Top,
        Reg::HelpFirstPage,
        None,
    ),
];

const HOUSEHOLD_READ: &[Binding] = &[
    reg(
        &[ESC, LEFT, Key::plain(KeyCode::Backspace)],
        Command::Back,
        Reg::HelpBack,
        Some(Reg::HintBack),
    ),
    reg(&[TAB], Command::NextField, Reg::HelpNextSection, None),
    reg(&[BACK_TAB], Command::PrevField, Reg::HelpPrevSection, None),
];

const HOUSEHOLD_WRITE: &[Binding] = &[
    reg(
        &[Key::char('e')],
        Command::EditPerson,
        Reg::HelpEditPerson,
        Some(Reg::HintEditPerson),
    ),
    reg(
        &[Key::char('a')],
        Command::AddPerson,
        Reg::HelpAddPerson,
        Some(Reg::HintAddPerson),
    ),
    reg(
        &[Key::char('n')],
        Command::Enrol,
        Reg::HelpEnrol,
        Some(Reg::HintEnrol),
    ),
    reg(
        &[Key::char('t')],
        Command::EndEnrolment,
        Reg::HelpEndEnrolment,
        Some(Reg::HintEndEnrolment),
    ),
    reg(
        &[Key::char('h')],
        Command::EditHousehold,
        Reg::HelpEditHousehold,
        Some(Reg::HintEditHousehold),
    ),
];

const FIELD_MOVES: &[Binding] = &[
    command(
        &[UP, BACK_TAB],
        Command::PrevField,
        Tui::HelpPrevField,
        Some(Tui::HintField),
    ),
    command(
        &[DOWN, TAB],
        Command::NextField,
        Tui::HelpNextField,
        Some(Tui::HintField),
    ),
];

const CHOICE_EDITS: &[Binding] = &[
    Binding {
        keys: &[LEFT],
        bound: Bound::Edit(Edit::Left),
        help: Tui::Reg(Reg::HelpChoicePrev),
        hint: Some(Tui::Reg(Reg::HintChange)),
    },
    Binding {
        keys: &[RIGHT, Key::char(' ')],
        bound: Bound::Edit(Edit::Right),
        help: Tui::Reg(Reg::HelpChoiceNext),
        hint: Some(Tui::Reg(Reg::HintChange)),
    },
    Binding {
        keys: &[Key::plain(KeyCode::Delete)],
        bound: Bound::Edit(Edit::Delete),
        help: Tui::Reg(Reg::HelpChoiceAll),
        hint: None,
    },
];

const CANCEL: Binding = reg(
    &[ESC],
    Command::Cancel,
    Reg::HelpCancel,
    Some(Reg::HintCancel),
);

/// The end of every table where letters are typed: help, language, quit.
const TYPING_GLOBAL: &[Binding] = &[TYPING_HELP, LANGUAGE, QUIT_TYPING];

const REFRESH_LIST: Binding = reg(REFRESH.keys, Command::Refresh, Reg::HelpRefreshList, None);
const REFRESH_HOUSEHOLD: Binding = reg(
    REFRESH.keys,
    Command::Refresh,
    Reg::HelpRefreshHousehold,
    None,
);
const APPLY: Binding = reg(
    &[ENTER],
    Command::Submit,
    Reg::HelpApplyFilters,
    Some(Reg::HintApply),
);
const STOP_WAITING: Binding = reg(
    &[ESC],
    Command::Cancel,
    Reg::HelpStopWaiting,
    Some(Reg::HintCancel),
);
const SWITCH_SECTION: Binding = reg(
    &[TAB, BACK_TAB],
    Command::NextField,
    Reg::HelpSwitchSection,
    Some(Reg::HintSection),
);
const IMPORT_NOW: Binding = reg(
    &[ENTER],
    Command::Submit,
    Reg::HelpImportNow,
    Some(Reg::HintImportNow),
);
const BACK_TO_OPTIONS: Binding = reg(
    &[ESC],
    Command::Back,
    Reg::HelpBackToOptions,
    Some(Reg::HintBack),
);
const CLOSE_IMPORT: Binding = command(
    &[ENTER, ESC],
    Command::Cancel,
    Tui::Reg(Reg::HelpCloseImport),
    Some(Tui::HintClose),
);

/// The bindings of a context of the Padrón area, most used first.
pub fn bindings(keys: RegistryKeys) -> Vec<Binding> {
    let mut table: Vec<Binding> = Vec::new();
    let typing = |table: &mut Vec<Binding>, parts: &[&[Binding]]| {
        parts.iter().for_each(|p| table.extend_from_slice(p));
        table.extend_from_slice(TYPING_GLOBAL);
    };
    match keys {
        RegistryKeys::SearchBox => typing(&mut table, &[SEARCH_BOX, EDITING]),
        RegistryKeys::Results { can_write } => {
            table.extend_from_slice(RESULTS_READ);
            if can_write {
                table.extend_from_slice(RESULTS_WRITE);
            }
            table.extend_from_slice(RESULTS_MOVES);
            table.push(REFRESH_LIST);
            main_global(&mut table);
        }
        RegistryKeys::Household { can_write } => {
            table.extend_from_slice(HOUSEHOLD_READ);
            if can_write {
                table.extend_from_slice(HOUSEHOLD_WRITE);
            }
            // Rows and pages only: with every key listed the help would not fit 80×24.
            table.extend_from_slice(&TABLE_MOVES[..4]);
            table.push(REFRESH_HOUSEHOLD);
            main_global(&mut table);
        }
        RegistryKeys::Filters => {
            typing(&mut table, &[FIELD_MOVES, CHOICE_EDITS, &[APPLY, CANCEL]]);
        }
        RegistryKeys::Form | RegistryKeys::ImportForm => form(keys, &mut table),
        RegistryKeys::ImportChecking => typing(&mut table, &[&[STOP_WAITING]]),
        RegistryKeys::ImportPreview { can_import } => {
            let import: &[Binding] = if can_import { &[IMPORT_NOW] } else { &[] };
            let moves = &TABLE_MOVES[..4];
            typing(
                &mut table,
                &[moves, &[SWITCH_SECTION], import, &[BACK_TO_OPTIONS]],
            );
        }
        RegistryKeys::ImportRunning => typing(&mut table, &[]),
        RegistryKeys::ImportDone => typing(&mut table, &[&[CLOSE_IMPORT]]),
    }
    table
}

fn form(keys: RegistryKeys, table: &mut Vec<Binding>) {
    table.extend_from_slice(FIELD_MOVES);
    let help = match keys {
        RegistryKeys::ImportForm => Reg::HelpCheckFile,
        _ => Reg::HelpFormSubmit,
    };
    table.push(command(
        &[ENTER],
        Command::Submit,
        Tui::Reg(help),
        Some(Tui::HintNext),
    ));
    table.push(CANCEL);
    // ←/→ move the cursor in a text field and change the option in a choice.
    table.extend(EDITING.iter().map(|b| match b.bound {
        Bound::Edit(Edit::Left) => Binding {
            help: Tui::Reg(Reg::HelpLeftInForm),
            ..*b
        },
        Bound::Edit(Edit::Right) => Binding {
            help: Tui::Reg(Reg::HelpRightInForm),
            ..*b
        },
        _ => *b,
    }));
    table.extend_from_slice(TYPING_GLOBAL);
}

/// Area keys (no hint: the tabs show their numbers), then help, language, log out, quit.
fn main_global(table: &mut Vec<Binding>) {
    table.extend(Area::ALL.iter().map(|a| Binding {
        hint: None,
        ..a.binding()
    }));
    table.extend_from_slice(MAIN_GLOBAL);
}
