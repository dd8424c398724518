//! The keymap tables themselves: which keys do what, per context. Kept apart from the
//! machinery in `keymap.rs` so a reviewer can read the whole keyboard of Tinkuy in one file.

use super::{Binding, Bound, Key};
use crate::i18n::Tui;
use crate::tui::action::{Command, Edit};
use ratatui::crossterm::event::KeyCode;

const fn command(keys: &'static [Key], c: Command, help: Tui, hint: Option<Tui>) -> Binding {
    Binding {
        keys,
        bound: Bound::Command(c),
        help,
        hint,
    }
}

const fn edit(keys: &'static [Key], e: Edit, help: Tui) -> Binding {
    Binding {
        keys,
        bound: Bound::Edit(e),
        help,
        hint: None,
    }
}

const F1: Key = Key::plain(KeyCode::F(1));
const F2: Key = Key::plain(KeyCode::F(2));
const F5: Key = Key::plain(KeyCode::F(5));
const ESC: Key = Key::plain(KeyCode::Esc);
const ENTER: Key = Key::plain(KeyCode::Enter);
const TAB: Key = Key::plain(KeyCode::Tab);
const BACK_TAB: Key = Key::plain(KeyCode::BackTab);
const UP: Key = Key::plain(KeyCode::Up);
const DOWN: Key = Key::plain(KeyCode::Down);
const LEFT: Key = Key::plain(KeyCode::Left);
const RIGHT: Key = Key::plain(KeyCode::Right);
const CTRL_C: Key = Key::ctrl('c');

/// Language: `F2` in most terminals, `Ctrl+L` where function keys do not get through.
const LANGUAGE: Binding = command(
    &[F2, Key::ctrl('l')],
    Command::ToggleLanguage,
    Tui::HelpLanguage,
    Some(Tui::HintLanguage),
);

pub(super) const WAITING: &[Binding] = &[
    LANGUAGE,
    command(
        &[Key::char('q'), ESC, CTRL_C],
        Command::Quit,
        Tui::HelpQuit,
        Some(Tui::HintQuit),
    ),
];

pub const FORM_MOVES: &[Binding] = &[
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

pub(super) const SETUP_SUBMIT: &[Binding] = &[command(
    &[ENTER],
    Command::Submit,
    Tui::HelpSetupSubmit,
    Some(Tui::HintNext),
)];

pub(super) const LOGIN_SUBMIT: &[Binding] = &[command(
    &[ENTER],
    Command::Submit,
    Tui::HelpLoginSubmit,
    Some(Tui::HintLogin),
)];

pub(super) const PASSWORD_SUBMIT: &[Binding] = &[command(
    &[ENTER],
    Command::Submit,
    Tui::HelpPasswordSubmit,
    Some(Tui::HintNext),
)];

pub const EDITING: &[Binding] = &[
    edit(&[LEFT], Edit::Left, Tui::HelpCursorLeft),
    edit(&[RIGHT], Edit::Right, Tui::HelpCursorRight),
    edit(
        &[Key::plain(KeyCode::Home)],
        Edit::Home,
        Tui::HelpCursorHome,
    ),
    edit(&[Key::plain(KeyCode::End)], Edit::End, Tui::HelpCursorEnd),
    edit(
        &[Key::plain(KeyCode::Backspace)],
        Edit::Backspace,
        Tui::HelpBackspace,
    ),
    edit(
        &[Key::plain(KeyCode::Delete)],
        Edit::Delete,
        Tui::HelpDelete,
    ),
];

pub(super) const FORM_GLOBAL: &[Binding] = &[
    command(
        &[F1, Key::ctrl('g')],
        Command::Help,
        Tui::HelpHelp,
        Some(Tui::HintHelp),
    ),
    LANGUAGE,
    command(
        &[ESC, CTRL_C],
        Command::Quit,
        Tui::HelpQuit,
        Some(Tui::HintQuit),
    ),
];

/// The global keys of the new-password screen: as in the other forms, except that `Esc` logs
/// out (the user may not go in without a new password).
/// The way out comes before the language, so it keeps its place in a narrow hints line.
pub(super) const PASSWORD_GLOBAL: &[Binding] = &[
    command(
        &[F1, Key::ctrl('g')],
        Command::Help,
        Tui::HelpHelp,
        Some(Tui::HintHelp),
    ),
    command(
        &[ESC],
        Command::Logout,
        Tui::HelpPasswordLogout,
        Some(Tui::HintLogout),
    ),
    LANGUAGE,
    command(&[CTRL_C], Command::Quit, Tui::HelpQuit, Some(Tui::HintQuit)),
];

/// The global keys while an area's field is typed in: letters type, so help is `F1` and
/// quitting is `Ctrl+C` (`Esc` belongs to the area: it closes the form).
pub(super) const TYPING_GLOBAL: &[Binding] = &[
    command(
        &[F1, Key::ctrl('g')],
        Command::Help,
        Tui::HelpHelp,
        Some(Tui::HintHelp),
    ),
    LANGUAGE,
    command(&[CTRL_C], Command::Quit, Tui::HelpQuit, None),
];

pub(super) const MAIN_GLOBAL: &[Binding] = &[
    command(
        &[Key::char('?'), F1],
        Command::Help,
        Tui::HelpHelp,
        Some(Tui::HintHelp),
    ),
    LANGUAGE,
    command(
        &[Key::char('x')],
        Command::Logout,
        Tui::HelpLogout,
        Some(Tui::HintLogout),
    ),
    command(
        &[Key::char('q'), CTRL_C],
        Command::Quit,
        Tui::HelpQuit,
        Some(Tui::HintQuit),
    ),
];

/// Scrolling a table: shared by the areas that list rows.
pub const TABLE_MOVES: &[Binding] = &[
    command(&[UP], Command::Up, Tui::HelpRowUp, Some(Tui::HintRow)),
    command(&[DOWN], Command::Down, Tui::HelpRowDown, Some(Tui::HintRow)),
    command(
        &[Key::plain(KeyCode::PageUp)],
        Command::PageUp,
        Tui::HelpPageUp,
        None,
    ),
    command(
        &[Key::plain(KeyCode::PageDown)],
        Command::PageDown,
        Tui::HelpPageDown,
        None,
    ),
    command(
        &[Key::plain(KeyCode::Home)],
        Command::Top,
        Tui::HelpTop,
        None,
    ),
    command(
        &[Key::plain(KeyCode::End)],
        Command::Bottom,
        Tui::HelpBottom,
        None,
    ),
];

pub const REFRESH: Binding = command(
    &[Key::char('r'), F5],
    Command::Refresh,
    Tui::HelpRefresh,
    None,
);

pub(super) const HELP: &[Binding] = &[
    command(
        &[ESC, Key::char('?'), F1, Key::char('q'), ENTER],
        Command::CloseOverlay,
        Tui::HelpClose,
        Some(Tui::HintClose),
    ),
    LANGUAGE,
    command(&[CTRL_C], Command::Quit, Tui::HelpQuit, None),
];

pub(super) const CONFIRM: &[Binding] = &[
    // Two bindings so the hints line shows both arrows (`←→ Elegir`).
    command(
        &[LEFT],
        Command::SwitchChoice,
        Tui::HelpSwitchChoice,
        Some(Tui::HintChoose),
    ),
    command(
        &[RIGHT, TAB, BACK_TAB],
        Command::SwitchChoice,
        Tui::HelpSwitchChoice,
        Some(Tui::HintChoose),
    ),
    command(
        &[ENTER],
        Command::Submit,
        Tui::HelpPressButton,
        Some(Tui::HintAccept),
    ),
    command(
        &[Key::char('s'), Key::char('y')],
        Command::Yes,
        Tui::HelpYes,
        None,
    ),
    command(
        &[ESC, Key::char('n')],
        Command::No,
        Tui::HelpNo,
        Some(Tui::HintCancel),
    ),
    command(&[CTRL_C], Command::Quit, Tui::HelpQuit, None),
    LANGUAGE,
];
