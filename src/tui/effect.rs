//! What `App::update` asks the outside world to do: query or write the database, save the
//! language, quit. The driver runs effects (see `runner`) and feeds the results back as
//! actions, so the state machine never touches I/O. Searches and roster files go to the worker
//! thread (see `worker`); their requests carry an id so a late reply can be told from the
//! latest one.
//!
//! Two effects are for the application itself, never the driver: [`Effect::Ask`] opens a
//! confirmation and [`Effect::Notify`] puts a message in the status line. An area returns them
//! like any other effect and `App::update` takes them out before the driver sees the list.

use super::widgets::confirm::Confirmable;
use crate::domain::forms::{EnrolmentDraft, HouseholdDraft, PersonDraft};
use crate::domain::ubigeo::UbigeoScheme;
use crate::i18n::{Lang, Localize};
use crate::services::registry::search::{Cursor, Query};
use crate::services::roster::{CheckedFile, ImportOptions};
use crate::services::Actor;
use crate::store::rosters::ImportCounts;
use std::borrow::Cow;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

/// One request to the outside world.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Find out whether the database has an office yet.
    CheckSetup,
    /// Look up a district's name while its UBIGEO is typed.
    LookupDistrict {
        ubigeo: String,
    },
    /// Create the office and its administrator (first run).
    CreateAdministrator(SetupRequest),
    Authenticate {
        username: String,
        password: Secret,
    },
    LoadOverview {
        actor: Actor,
    },
    /// Remember the language in the user's preferences file.
    SaveLanguage(Lang),
    /// Read what the registry's screens offer to choose from.
    LoadRegistryChoices {
        actor: Actor,
    },
    /// One page of persons (on the worker).
    Search(SearchRequest),
    LoadHousehold {
        actor: Actor,
        household_id: i64,
    },
    /// A change typed in a registry form.
    Save(SaveRequest),
    /// Read and check a roster file, writing nothing (on the worker).
    CheckRoster(CheckRequest),
    /// Write a checked roster file (on the worker, with progress reports).
    ImportRoster(ImportRequest),
    /// For the application: ask this question in a confirmation (see the module's note).
    Ask(Confirmable),
    /// For the application: say this in the status line until the next key.
    Notify(Message),
    Quit,
}

/// A page of the person search: the first one (`after` empty) or the one after a cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    pub id: u64,
    pub actor: Actor,
    pub query: Query,
    pub after: Option<Cursor>,
    /// Rows asked for: the rows the list shows at once.
    pub limit: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveRequest {
    pub actor: Actor,
    pub change: Change,
}

/// A change to the registry, as the core's edit functions take it. Updates carry the version
/// that was read, so the core can refuse them when someone else saved first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    AddHousehold {
        district: String,
        draft: HouseholdDraft,
    },
    UpdateHousehold {
        id: i64,
        version: i64,
        draft: HouseholdDraft,
    },
    AddPerson {
        household: i64,
        draft: PersonDraft,
    },
    UpdatePerson {
        household: i64,
        id: i64,
        version: i64,
        draft: PersonDraft,
    },
    AddEnrolment {
        household: i64,
        person: i64,
        programme: String,
        draft: EnrolmentDraft,
    },
    EndEnrolment {
        household: i64,
        id: i64,
        version: i64,
        date: String,
        reason: String,
    },
}

/// How to read a roster file: the import dialog's options.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RosterOptions {
    /// The programme, when the file has no `programa` column.
    pub programme: Option<String>,
    pub scheme: UbigeoScheme,
    pub skip_invalid: bool,
}

impl RosterOptions {
    pub fn import_options(&self) -> ImportOptions {
        ImportOptions {
            programme: self.programme.clone(),
            scheme: self.scheme,
            skip_invalid: self.skip_invalid,
            dry_run: false,
            sheet: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckRequest {
    pub id: u64,
    /// Who will import: the forecast is a dry run of the import in their name.
    pub actor: Actor,
    pub path: PathBuf,
    pub options: RosterOptions,
}

/// A roster file read and checked, nothing written, with what importing it would do.
#[derive(Debug, Clone)]
pub struct CheckedRoster {
    pub file: CheckedFile,
    /// The file's errors and warnings, counted once: a file of a million rows may have as many
    /// issues, and the screen reads these counts on every draw.
    pub errors: usize,
    pub warnings: usize,
    /// The counts of a dry run of the import (rolled back): how many records would be new,
    /// updated, unchanged and, above all, ended for not being in the file. `None` when the
    /// file cannot be imported as it is (errors, no programme, no valid row).
    pub forecast: Option<ImportCounts>,
}

impl CheckedRoster {
    pub fn new(file: CheckedFile, forecast: Option<ImportCounts>) -> CheckedRoster {
        let warnings = file.warnings().count();
        CheckedRoster {
            errors: file.issues.len() - warnings,
            warnings,
            file,
            forecast,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRequest {
    pub id: u64,
    pub actor: Actor,
    pub checked: Shared<CheckedRoster>,
    pub options: RosterOptions,
    /// The language of the error file's explanations.
    pub lang: Lang,
}

/// A large result handed between the worker and the screen without copying (a checked file
/// holds every row). Two values are equal when they are the same allocation, which is all
/// tests and stale-reply checks need.
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Shared<T> {
        Shared(Arc::new(value))
    }

    /// The value itself when this is its only holder (after the screen gave it up), else a copy.
    pub fn into_inner(self) -> T
    where
        T: Clone,
    {
        Arc::try_unwrap(self.0).unwrap_or_else(|shared| (*shared).clone())
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Eq for Shared<T> {}

impl<T> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Shared<{}>", std::any::type_name::<T>())
    }
}

/// The validated first-run form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupRequest {
    pub username: String,
    pub full_name: String,
    pub password: Secret,
    pub ubigeo: String,
    pub office_number: i64,
}

/// A password on its way to the core. Its `Debug` hides it, so effects can be logged or shown
/// in a failing test without leaking what was typed.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(text: impl Into<String>) -> Secret {
        Secret(text.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// A message already rendered in both languages. Errors of the core are not `Clone`, and a
/// message kept on screen must follow a language switch, so results carry this instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    es: String,
    en: String,
}

impl Message {
    pub fn of(text: &impl Localize) -> Message {
        Message {
            es: text.es().into_owned(),
            en: text.en().into_owned(),
        }
    }

    /// A text that is the same in both languages: a name, a code, a file path.
    pub fn same(text: impl Into<String>) -> Message {
        let text = text.into();
        Message {
            es: text.clone(),
            en: text,
        }
    }
}

impl Localize for Message {
    fn es(&self) -> Cow<'static, str> {
        Cow::Owned(self.es.clone())
    }

    fn en(&self) -> Cow<'static, str> {
        Cow::Owned(self.en.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::CoreError;

    #[test]
    fn a_secret_is_not_printed() {
        let effect = Effect::Authenticate {
            username: "ana".into(),
            password: Secret::new("clave123"),
        };
        assert!(!format!("{effect:?}").contains("clave123"));
    }

    #[test]
    fn a_message_keeps_both_languages() {
        let message = Message::of(&CoreError::BadCredentials);
        assert!(message.text(Lang::Es).starts_with("Usuario o contraseña"));
        assert!(message.text(Lang::En).starts_with("Wrong user name"));
    }
}
