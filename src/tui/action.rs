//! What can happen to the interface: a person's intent (a [`Command`] from the keymap, or an
//! [`Edit`] of the focused field), a new window size, or the result of an effect.
//!
//! Actions are plain values, so `App::update` can be driven by tests with no terminal and no
//! database. Results carry [`Message`]s (both languages) rather than errors, so a message on
//! screen follows a language switch and actions stay comparable in tests.

use super::effect::{CheckedRoster, Message, Shared};
use super::screens::Area;
use super::widgets::confirm::Confirmable;
use crate::services::overview::Overview;
use crate::services::progress::Progress;
use crate::services::registry::choices::Choices;
use crate::services::registry::household::HouseholdView;
use crate::services::registry::search::Page;
use crate::services::roster::ImportReport;
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
    OverviewLoaded(Result<Overview, Message>),
    LanguageSaved(Result<(), Message>),
    RegistryChoicesLoaded(Result<Choices, Message>),
    /// A page of the person search; `id` is the request's.
    SearchDone {
        id: u64,
        result: Result<Page, Message>,
    },
    HouseholdLoaded {
        household_id: i64,
        result: Result<HouseholdView, Message>,
    },
    Saved(Result<Saved, SaveFailure>),
    RosterChecked {
        id: u64,
        result: Result<Shared<CheckedRoster>, Message>,
    },
    /// How far a check or an import of request `id` got, and in which of its stages.
    RosterProgress {
        id: u64,
        stage: RosterStage,
        progress: Progress,
    },
    RosterImported {
        id: u64,
        result: Result<Shared<ImportReport>, Message>,
    },
    /// The person said yes to this confirmation; the screen carries it out.
    Confirmed(Confirmable),
}

/// The stages of a roster's check and import, each reporting its own progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RosterStage {
    /// Reading and checking the file's rows (`done` counts rows; the total is not known).
    Reading,
    /// The dry run that finds what the import would change (`done` of `total` records).
    Forecasting,
    /// Writing (`done` of `total` records).
    Writing,
}

/// A change saved by the core: the household it belongs to, to show it again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Saved {
    pub household_id: i64,
}

/// Why a change was not saved. A conflict (someone else saved the row first) is told apart so
/// the form can say what happened and keep what was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveFailure {
    Conflict(Message),
    Refused(Message),
}

impl SaveFailure {
    pub fn message(&self) -> &Message {
        match self {
            SaveFailure::Conflict(m) | SaveFailure::Refused(m) => m,
        }
    }
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
