//! The keymap as data: for each context (screen or overlay), a table of key bindings.
//! Key handling, the hints line and the `?` help overlay are all read from these tables, so
//! what the screen says a key does is what it does.
//!
//! Where a text field has the focus, letters are typed into it; there quitting is `Esc` and
//! help is `F1` (or `Ctrl+G`, for terminals that keep `F1` for themselves, as nano does).
//! Keys never change with the language, so a written guide stays true in both.

use super::action::{Action, Command, Edit};
use super::screens::{Area, AreaMode, Frame};
use crate::i18n::{Lang, Localize, Tui};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::borrow::Cow;

mod tables;

use tables::{
    CONFIRM, FORM_GLOBAL, HELP, LOGIN_SUBMIT, MAIN_GLOBAL, PASSWORD_GLOBAL, PASSWORD_SUBMIT,
    SETUP_SUBMIT, TYPING_GLOBAL, WAITING,
};
pub use tables::{EDITING, FORM_MOVES, REFRESH, TABLE_MOVES};

/// One key: a code and the Ctrl/Alt modifiers that must be held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    /// Shift is ignored: terminals differ on whether `?` or Shift+Tab report it. Letters
    /// match exactly, though: an escape sequence cut in two by a slow link arrives as `O`, `Q`
    /// (the tail of F2), and an upper-case letter must then not quit.
    fn matches(self, event: &KeyEvent) -> bool {
        let held = event.modifiers - KeyModifiers::SHIFT;
        held == self.modifiers && self.code == event.code
    }

    /// The key's name as printed on a keyboard in the user's language.
    pub fn label(self, lang: Lang) -> Cow<'static, str> {
        let name: Cow<'static, str> = match self.code {
            KeyCode::Char(' ') => Tui::KeySpace.text(lang),
            KeyCode::Char(c) => Cow::Owned(c.to_string()),
            KeyCode::F(n) => Cow::Owned(format!("F{n}")),
            KeyCode::Enter => Cow::Borrowed("Enter"),
            KeyCode::Esc => Cow::Borrowed("Esc"),
            KeyCode::Tab => Cow::Borrowed("Tab"),
            KeyCode::BackTab => Tui::KeyBackTab.text(lang),
            KeyCode::Up => Cow::Borrowed("↑"),
            KeyCode::Down => Cow::Borrowed("↓"),
            KeyCode::Left => Cow::Borrowed("←"),
            KeyCode::Right => Cow::Borrowed("→"),
            KeyCode::Home => Tui::KeyHome.text(lang),
            KeyCode::End => Tui::KeyEnd.text(lang),
            KeyCode::PageUp => Tui::KeyPageUp.text(lang),
            KeyCode::PageDown => Tui::KeyPageDown.text(lang),
            KeyCode::Backspace => Tui::KeyBackspace.text(lang),
            KeyCode::Delete => Tui::KeyDelete.text(lang),
            other => Cow::Owned(format!("{other:?}")),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            Cow::Owned(format!("Ctrl+{}", name.to_uppercase()))
        } else {
            name
        }
    }
}

/// What a key does: a command, or an edit of the focused field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Command(Command),
    Edit(Edit),
}

impl From<Bound> for Action {
    fn from(bound: Bound) -> Action {
        match bound {
            Bound::Command(c) => Action::Command(c),
            Bound::Edit(e) => Action::Edit(e),
        }
    }
}

/// A row of a keymap table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    pub keys: &'static [Key],
    pub bound: Bound,
    /// What the help overlay says the keys do.
    pub help: Tui,
    /// The short word in the hints line; `None` keeps the binding out of it. Neighbouring
    /// bindings with the same hint share one entry (`↑↓ Fila`).
    pub hint: Option<Tui>,
}

/// Where the keys go: the top overlay, or else the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Before the database has answered whether it is set up, or after it failed to.
    Waiting,
    Setup,
    Login,
    /// A new password after an administrator reset the old one.
    ChangePassword,
    Main(Area),
    /// An area in one of its own modes (a list, a detail, a form), with that mode's keys.
    Area(AreaMode),
    Help,
    Confirm,
}

impl Context {
    /// Whether unbound printable keys are typed into a field.
    pub fn takes_text(self) -> bool {
        match self {
            Context::Setup | Context::Login | Context::ChangePassword => true,
            Context::Area(mode) => mode.takes_text(),
            _ => false,
        }
    }

    /// The bindings of this context, most used first (the hints line drops from the end).
    pub fn bindings(self) -> Vec<Binding> {
        let mut table: Vec<Binding> = Vec::new();
        match self {
            Context::Waiting => table.extend_from_slice(WAITING),
            Context::Setup => {
                table.extend_from_slice(FORM_MOVES);
                table.extend_from_slice(SETUP_SUBMIT);
                table.extend_from_slice(EDITING);
                table.extend_from_slice(FORM_GLOBAL);
            }
            Context::Login => {
                table.extend_from_slice(FORM_MOVES);
                table.extend_from_slice(LOGIN_SUBMIT);
                table.extend_from_slice(EDITING);
                table.extend_from_slice(FORM_GLOBAL);
            }
            Context::ChangePassword => {
                table.extend_from_slice(FORM_MOVES);
                table.extend_from_slice(PASSWORD_SUBMIT);
                table.extend_from_slice(EDITING);
                table.extend_from_slice(PASSWORD_GLOBAL);
            }
            Context::Main(area) => {
                table.extend(area.peers().iter().map(|a| a.binding()));
                table.extend(area.bindings());
                table.extend_from_slice(MAIN_GLOBAL);
            }
            Context::Area(mode) => match mode.frame() {
                Frame::Browse => {
                    table.extend(mode.area().peers().iter().map(|a| a.binding()));
                    table.extend(mode.bindings());
                    table.extend_from_slice(MAIN_GLOBAL);
                }
                // In a field, letters and digits are typed: no area keys, and leaving is `Esc`.
                // A mode's own binding of an editing key wins (a form's `←` also steps through
                // a choice); the shared table fills in the rest.
                Frame::Typing => {
                    table.extend(mode.bindings());
                    let shared: Vec<Binding> = EDITING
                        .iter()
                        .filter(|b| !b.keys.iter().any(|k| is_bound(&table, *k)))
                        .copied()
                        .collect();
                    table.extend(shared);
                    table.extend_from_slice(TYPING_GLOBAL);
                }
                // A dialog keeps the keys until it closes: its own, and the typing globals.
                Frame::Dialog => {
                    table.extend(mode.bindings());
                    table.extend_from_slice(TYPING_GLOBAL);
                }
            },
            Context::Help => table.extend_from_slice(HELP),
            Context::Confirm => table.extend_from_slice(CONFIRM),
        }
        table
    }
}

fn is_bound(table: &[Binding], key: Key) -> bool {
    table.iter().any(|b| b.keys.contains(&key))
}

/// The action a key press means in `context`, if any.
pub fn resolve(context: Context, event: &KeyEvent) -> Option<Action> {
    // Windows reports releases too; acting on them would do everything twice.
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let bound = context
        .bindings()
        .into_iter()
        .find(|b| b.keys.iter().any(|k| k.matches(event)));
    if let Some(binding) = bound {
        return Some(binding.bound.into());
    }
    match event.code {
        KeyCode::Char(c) if context.takes_text() && is_typing(event.modifiers) => {
            Some(Action::Edit(Edit::Insert(c)))
        }
        _ => None,
    }
}

/// Plain or shifted keys type text; so does AltGr, which Windows reports as Ctrl+Alt (it is how
/// `@` and `\` are typed on Spanish keyboards).
fn is_typing(modifiers: KeyModifiers) -> bool {
    let held = modifiers - KeyModifiers::SHIFT;
    held.is_empty() || held == KeyModifiers::CONTROL | KeyModifiers::ALT
}

/// One entry of the hints line: key names and a short word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub keys: String,
    pub label: Cow<'static, str>,
    /// Help and quit: kept when the line is too narrow for every hint (others give way), so
    /// a person can always find out how to go on, or how to leave.
    pub keep: bool,
}

/// The hints line of a context, from its table.
pub fn hints(context: Context, lang: Lang) -> Vec<Hint> {
    let mut out: Vec<(Tui, Vec<String>, bool)> = Vec::new();
    for binding in context.bindings() {
        let (Some(hint), Some(key)) = (binding.hint, binding.keys.first()) else {
            continue;
        };
        let name = key.label(lang).into_owned();
        let keep = matches!(binding.bound, Bound::Command(Command::Help | Command::Quit));
        match out.last_mut() {
            Some((last, keys, _)) if *last == hint => keys.push(name),
            _ => out.push((hint, vec![name], keep)),
        }
    }
    out.into_iter()
        .map(|(hint, keys, keep)| Hint {
            keys: join_key_names(&keys),
            label: hint.text(lang),
            keep,
        })
        .collect()
}

/// `↑` and `↓` read best as `↑↓`; longer names need a separator (`RePág/AvPág`).
fn join_key_names(names: &[String]) -> String {
    if names.iter().all(|n| n.chars().count() == 1) {
        names.concat()
    } else {
        names.join("/")
    }
}

/// The lines of the help overlay for a context: all keys of each binding, and what they do.
/// Neighbouring bindings that do the same thing share a line (`←, →, Tab  Elegir`).
pub fn help_entries(context: Context, lang: Lang) -> Vec<Hint> {
    let mut out: Vec<(Tui, Vec<String>)> = Vec::new();
    for binding in context.bindings() {
        let names = binding.keys.iter().map(|k| k.label(lang).into_owned());
        match out.last_mut() {
            Some((help, keys)) if *help == binding.help => keys.extend(names),
            _ => out.push((binding.help, names.collect())),
        }
    }
    out.into_iter()
        .map(|(help, keys)| Hint {
            keys: keys.join(", "),
            label: help.text(lang),
            keep: false,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn letters_type_into_forms_but_command_elsewhere() {
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(
            resolve(Context::Login, &q),
            Some(Action::Edit(Edit::Insert('q')))
        );
        assert_eq!(
            resolve(Context::Main(Area::Overview), &q),
            Some(Action::Command(Command::Quit))
        );
    }

    #[test]
    fn shift_does_not_hide_a_binding_but_upper_case_letters_are_not_commands() {
        let question = press(KeyCode::Char('?'), KeyModifiers::SHIFT);
        let back_tab = press(KeyCode::BackTab, KeyModifiers::SHIFT);
        let main = Context::Main(Area::Overview);
        assert_eq!(resolve(main, &question), Some(Command::Help.into()));
        assert_eq!(
            resolve(Context::Login, &back_tab),
            Some(Command::PrevField.into())
        );
        // The tail of a split F2 sequence (`ESC O Q`) must not quit.
        let big_q = press(KeyCode::Char('Q'), KeyModifiers::SHIFT);
        assert_eq!(resolve(main, &big_q), None);
    }

    #[test]
    fn altgr_types_and_ctrl_letters_do_not() {
        let at = press(
            KeyCode::Char('@'),
            KeyModifiers::CONTROL | KeyModifiers::ALT,
        );
        assert_eq!(resolve(Context::Setup, &at), Some(Edit::Insert('@').into()));
        let ctrl_x = press(KeyCode::Char('x'), KeyModifiers::CONTROL);
        assert_eq!(resolve(Context::Setup, &ctrl_x), None);
        let ctrl_l = press(KeyCode::Char('l'), KeyModifiers::CONTROL);
        assert_eq!(
            resolve(Context::Setup, &ctrl_l),
            Some(Command::ToggleLanguage.into())
        );
    }

    #[test]
    fn key_releases_are_ignored() {
        let mut release = press(KeyCode::Char('q'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(resolve(Context::Main(Area::Overview), &release), None);
    }

    #[test]
    fn hints_merge_neighbours_and_follow_the_language() {
        let es: Vec<String> = hints(Context::Main(Area::Overview), Lang::Es)
            .into_iter()
            .map(|h| format!("{} {}", h.keys, h.label))
            .collect();
        assert_eq!(
            es,
            [
                "↑↓ Fila",
                "? Ayuda",
                "F2 English",
                "x Cerrar sesión",
                "q Salir"
            ]
        );
        let en = hints(Context::Main(Area::Overview), Lang::En);
        assert_eq!(en[2].label, "Español");
    }

    #[test]
    fn every_area_mode_gets_the_tab_keys_or_the_typing_keys() {
        use crate::tui::screens::clar::{ReviewMode, StaffMode};
        use crate::tui::screens::committee::keys::Mode;
        use crate::tui::screens::overlaps::{DetailKeys, Mode as Alerts, Stage};
        use crate::tui::screens::registry::RegistryMode as R;
        let press_char = |c| press(KeyCode::Char(c), KeyModifiers::NONE);
        let detail = DetailKeys {
            act: true,
            matched: true,
            stage: Stage::Open,
        };
        let browsing = [
            AreaMode::Committee(Mode::List),
            AreaMode::Clar(StaffMode::Calls),
            AreaMode::Registry(R::Results { can_write: true }),
            AreaMode::Registry(R::Household { can_write: false }),
            AreaMode::Overlaps(Alerts::List { act: true }),
            AreaMode::Overlaps(Alerts::Detail(detail)),
            AreaMode::Overlaps(Alerts::Matrix),
            AreaMode::Overlaps(Alerts::Households),
        ];
        for mode in browsing {
            let context = Context::Area(mode);
            assert_eq!(mode.frame(), Frame::Browse, "{mode:?}");
            assert!(!context.takes_text());
            assert_eq!(
                resolve(context, &press_char('2')),
                Some(Command::GoToArea(Area::Registry).into())
            );
            assert_eq!(
                resolve(context, &press_char('3')),
                Some(Command::GoToArea(Area::Committee).into())
            );
            assert_eq!(
                resolve(context, &press_char('4')),
                Some(Command::GoToArea(Area::Clar).into())
            );
            assert_eq!(
                resolve(context, &press_char('5')),
                Some(Command::GoToArea(Area::Overlaps).into())
            );
            assert_eq!(
                resolve(context, &press_char('q')),
                Some(Command::Quit.into())
            );
        }
        let typing = [
            AreaMode::Committee(Mode::Form),
            AreaMode::Committee(Mode::Notes),
            AreaMode::Clar(StaffMode::Budget),
            AreaMode::ClarReview(ReviewMode::Scoring),
            AreaMode::Registry(R::SearchBox),
            AreaMode::Registry(R::Form),
            AreaMode::Registry(R::ImportForm),
            AreaMode::Overlaps(Alerts::Form {
                filter: false,
                choice: true,
            }),
            AreaMode::Overlaps(Alerts::Form {
                filter: false,
                choice: false,
            }),
        ];
        for mode in typing {
            let context = Context::Area(mode);
            assert_eq!(mode.frame(), Frame::Typing, "{mode:?}");
            assert!(context.takes_text());
            for c in ['2', 'q', '?'] {
                assert_eq!(
                    resolve(context, &press_char(c)),
                    Some(Edit::Insert(c).into()),
                    "{mode:?} types {c}"
                );
            }
            let f1 = press(KeyCode::F(1), KeyModifiers::NONE);
            assert_eq!(resolve(context, &f1), Some(Command::Help.into()));
            let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
            assert_eq!(resolve(context, &ctrl_c), Some(Command::Quit.into()));
        }
        // The Padrón's filters and the steps of its import dialog keep the keys until they
        // close: no number key leaves the area with a file being checked or written. So do the
        // Alertas filter form (its fields are choices) and a scan with its figures.
        let dialogs = [
            (AreaMode::Registry(R::Filters), true),
            (AreaMode::Registry(R::ImportChecking), false),
            (
                AreaMode::Registry(R::ImportPreview { can_import: true }),
                false,
            ),
            (AreaMode::Registry(R::ImportRunning), false),
            (AreaMode::Registry(R::ImportDone), false),
            (
                AreaMode::Overlaps(Alerts::Form {
                    filter: true,
                    choice: true,
                }),
                true,
            ),
            (AreaMode::Overlaps(Alerts::Scanning), false),
            (AreaMode::Overlaps(Alerts::ScanDone), false),
        ];
        for (mode, takes_text) in dialogs {
            let context = Context::Area(mode);
            assert_eq!(mode.frame(), Frame::Dialog, "{mode:?}");
            assert_eq!(context.takes_text(), takes_text, "{mode:?}");
            // While a scan runs these keys only say so (the area answers `Busy`).
            let busy = (mode == AreaMode::Overlaps(Alerts::Scanning)).then_some(Action::Command(
                Command::Overlaps(crate::tui::screens::overlaps::OverlapsCommand::Busy),
            ));
            for c in ['2', 'q', 'x'] {
                let resolved = resolve(context, &press_char(c));
                assert!(
                    !matches!(resolved, Some(Action::Command(_))) || resolved == busy,
                    "{mode:?} binds {c}"
                );
            }
            let f1 = press(KeyCode::F(1), KeyModifiers::NONE);
            assert_eq!(resolve(context, &f1), Some(Command::Help.into()));
            let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
            assert_eq!(resolve(context, &ctrl_c), Some(Command::Quit.into()));
        }
        // A CLAR member's only tab: no number key opens a staff area.
        let reviewer = Context::Area(AreaMode::ClarReview(ReviewMode::Sessions));
        assert_eq!(
            resolve(reviewer, &press_char('1')),
            Some(Command::GoToArea(Area::ClarReview).into())
        );
        assert_eq!(resolve(reviewer, &press_char('2')), None);
        assert_eq!(resolve(reviewer, &press_char('3')), None);
        assert_eq!(resolve(reviewer, &press_char('4')), None);
        assert_eq!(resolve(reviewer, &press_char('5')), None);
    }

    #[test]
    fn staff_see_five_tabs_and_a_clar_member_one() {
        use crate::domain::role::Role;
        let staff = [
            Area::Overview,
            Area::Registry,
            Area::Committee,
            Area::Clar,
            Area::Overlaps,
        ];
        for role in [
            Role::Admin,
            Role::Registrador,
            Role::Coordinador,
            Role::Consulta,
        ] {
            assert_eq!(Area::for_role(role), staff, "{role:?}");
        }
        assert_eq!(Area::for_role(Role::MiembroClar), [Area::ClarReview]);
    }

    #[test]
    fn help_lists_every_key_of_a_binding() {
        let entries = help_entries(Context::Login, Lang::En);
        let quit = entries.iter().find(|e| e.label == "Quit Tinkuy").unwrap();
        assert_eq!(quit.keys, "Esc, Ctrl+C");
    }

    #[test]
    fn only_writers_get_the_registry_editing_keys() {
        use crate::tui::screens::registry::{RegistryCommand as C, RegistryMode as R};
        let has = |mode: R, c: C| {
            Context::Area(AreaMode::Registry(mode))
                .bindings()
                .iter()
                .any(|b| b.bound == Bound::Command(Command::Registry(c)))
        };
        assert!(has(R::Results { can_write: true }, C::NewHousehold));
        assert!(!has(R::Results { can_write: false }, C::NewHousehold));
        assert!(!has(R::Results { can_write: false }, C::ImportRoster));
        assert!(has(R::Household { can_write: true }, C::EditPerson));
        assert!(!has(R::Household { can_write: false }, C::EndEnrolment));
        assert!(has(R::Household { can_write: false }, C::Back));
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        use crate::tui::screens::clar::{ReviewMode, StaffMode};
        use crate::tui::screens::committee::keys::{Mode, Tab};
        use crate::tui::screens::registry::RegistryMode as R;
        let registry = [
            R::SearchBox,
            R::Results { can_write: true },
            R::Household { can_write: true },
            R::Filters,
            R::Form,
            R::ImportForm,
            R::ImportChecking,
            R::ImportPreview { can_import: true },
            R::ImportRunning,
            R::ImportDone,
        ]
        .map(AreaMode::Registry);
        let others = [
            AreaMode::Committee(Mode::List),
            AreaMode::Committee(Mode::Editor(Tab::Agreements)),
            AreaMode::Committee(Mode::Form),
            AreaMode::Committee(Mode::Notes),
            AreaMode::Clar(StaffMode::Session),
            AreaMode::Clar(StaffMode::Budget),
            AreaMode::ClarReview(ReviewMode::Scoring),
            AreaMode::Overlaps(crate::tui::screens::overlaps::Mode::Scanning),
        ];
        for mode in registry.into_iter().chain(others) {
            let keys: Vec<Key> = Context::Area(mode)
                .bindings()
                .iter()
                .flat_map(|b| b.keys.to_vec())
                .collect();
            for (i, key) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(key), "{key:?} twice in {mode:?}");
            }
        }
    }
}
