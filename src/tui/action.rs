//! What can happen to the interface: a person's intent (a [`Command`] from the keymap, or an
//! [`Edit`] of the focused field), a new window size, or the result of an effect.
//!
//! Actions are plain values, so `App::update` can be driven by tests with no terminal and no
//! database. Results carry [`Message`]s (both languages) rather than errors, so a message on
//! screen follows a language switch and actions stay comparable in tests.

use super::effect::Message;
use super::screens::clar::{ClarCommand, ClarResult};
use super::screens::committee::effects::Loaded as CommitteeLoaded;
use super::screens::committee::keys::CommitteeCommand;
use super::screens::overlaps::effects::OverlapsResult;
use super::screens::overlaps::OverlapsCommand;
use super::screens::registry::effects::RegistryResult;
use super::screens::registry::keys::RegistryCommand;
use super::screens::Area;
use crate::services::overview::Overview;
use crate::services::Actor;

/// An intent bound to a key in the keymap. The same command may be bound to different keys
/// on different screens (quit is `q` where nothing is typed, `Esc` in a form).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Quit,
    Help,
    CloseOverlay,
    ToggleLanguage,
    Logout,
    Refresh,
    NextField,
    PrevField,
    /// Enter: next field, or save/log in on the last one, or press the focused button.
    Submit,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    GoToArea(Area),
    Yes,
    No,
    /// Moves the focus between the buttons of a confirmation.
    SwitchChoice,
    /// An intent of the committee area.
    Committee(CommitteeCommand),
    /// The CLAR area's own commands.
    Clar(ClarCommand),
    /// The Padrón's own commands.
    Registry(RegistryCommand),
    /// The Alertas area's own commands.
    Overlaps(OverlapsCommand),
}

/// An edit of the focused single-line field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
}

/// Everything `App::update` accepts.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Command(Command),
    Edit(Edit),
    /// The terminal's size, at start and after every resize (scrolling needs the page height).
    Resize {
        width: u16,
        height: u16,
    },
    /// Whether the database already has an office (false: the first-run form).
    SetupChecked(Result<bool, Message>),
    /// The district for a UBIGEO typed in the set-up form: its label, or `None` if unknown.
    DistrictLookedUp {
        ubigeo: String,
        result: Result<Option<String>, Message>,
    },
    /// The office and administrator were created; carries the administrator's user name.
    AdministratorCreated(Result<String, Message>),
    Authenticated(Result<Actor, Message>),
    /// The user name and password were right, but an administrator reset the password: the
    /// user must choose a new one before going in.
    MustChangePassword(Actor),
    /// The answer to `Effect::ChangePassword`.
    PasswordChanged(Result<(), Message>),
    OverviewLoaded(Result<Overview, Message>),
    LanguageSaved(Result<(), Message>),
    /// The answer to a committee effect.
    Committee(CommitteeLoaded),
    /// What a CLAR effect found or did.
    Clar(ClarResult),
    /// What a Padrón effect found or did, or how far a job of the worker got.
    Registry(RegistryResult),
    /// What an Alertas effect found or did.
    Overlaps(OverlapsResult),
}

impl From<Command> for Action {
    fn from(command: Command) -> Action {
        Action::Command(command)
    }
}

impl From<Edit> for Action {
    fn from(edit: Edit) -> Action {
        Action::Edit(edit)
    }
}
