//! What `App::update` asks the outside world to do: query or write the database, save the
//! language, quit. The driver runs effects (see `runner`) and feeds the results back as
//! actions, so the state machine never touches I/O. Each area's requests are one variant
//! (`Committee(..)`, `Clar(..)`, `Registry(..)`, `Overlaps(..)`); the Padrón's searches and
//! roster files and the alerts' scan go to the worker thread (see `worker`) and carry an id, so
//! a late reply can be told from the latest one.
//!
//! Two effects are for the application itself, never the driver: [`Effect::Confirm`] opens a
//! confirmation and [`Effect::Notify`] puts a message in the status line. An area returns them
//! like any other effect and `App::update` takes them out before the driver sees the list.

use super::screens::clar::ClarEffect;
use super::screens::committee::effects::CommitteeEffect;
use super::screens::overlaps::effects::OverlapsEffect;
use super::screens::registry::effects::RegistryEffect;
use super::widgets::confirm::Confirmable;
use crate::i18n::{Lang, Localize};
use crate::services::Actor;
use std::borrow::Cow;
use std::fmt;
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
    /// Change the signed-in user's own password (after an administrator reset it).
    ChangePassword {
        actor: Actor,
        current: Secret,
        new: Secret,
    },
    LoadOverview {
        actor: Actor,
    },
    /// Remember the language in the user's preferences file.
    SaveLanguage(Lang),
    /// Ask the person first: `App` turns this into a confirmation overlay and never lets it
    /// reach the runner. An area asks this way before an action that cannot be undone.
    Confirm(Confirmable),
    /// Read or change the committee's records.
    Committee(CommitteeEffect),
    /// Read or write the CLAR's records.
    Clar(ClarEffect),
    /// Find, read or change the registry's records, or import a roster.
    Registry(RegistryEffect),
    /// Read or work the overlap alerts, run a scan.
    Overlaps(OverlapsEffect),
    /// For the application: say this in the status line until the next key.
    Notify(Message),
    Quit,
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
