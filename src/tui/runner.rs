//! Runs effects against the database and the preferences file, and turns each outcome into
//! the action that reports it. This is the only part of the interface that does I/O.
//!
//! It runs effects one at a time on the caller's thread: every query of the first screens
//! reads counters and takes milliseconds. A worker thread owning the store can replace it
//! later by taking effects from a channel and sending back the same actions.

mod clar;
mod committee;
pub mod overlaps;

use super::action::Action;
use super::effect::{Effect, Message, SetupRequest};
use crate::config;
use crate::services::{auth, overview, setup};
use crate::store::Store;
use std::path::PathBuf;

/// How many districts the overview lists: every district of Peru fits (there are 1 891).
const OVERVIEW_DISTRICT_LIMIT: i64 = 2_000;

pub struct Runner {
    store: Store,
    /// Where the language is remembered; `None` remembers nothing (tests, no home folder).
    config_path: Option<PathBuf>,
}

impl Runner {
    pub fn new(store: Store, config_path: Option<PathBuf>) -> Runner {
        Runner { store, config_path }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Runs one effect. `Quit` is the driver's business and yields nothing here.
    pub fn run(&mut self, effect: Effect) -> Option<Action> {
        let action = match effect {
            Effect::Quit => return None,
            Effect::CheckSetup => Action::SetupChecked(
                setup::is_initialised(&self.store).map_err(|e| Message::of(&e)),
            ),
            Effect::LookupDistrict { ubigeo } => {
                let result = setup::find_district(&self.store, &ubigeo)
                    .map(|found| found.as_ref().map(setup::district_label))
                    .map_err(|e| Message::of(&e));
                Action::DistrictLookedUp { ubigeo, result }
            }
            Effect::CreateAdministrator(request) => {
                Action::AdministratorCreated(self.create_administrator(&request))
            }
            Effect::Authenticate { username, password } => Action::Authenticated(
                auth::authenticate(&self.store, &username, password.expose())
                    .map_err(|e| Message::of(&e)),
            ),
            Effect::LoadOverview { actor } => Action::OverviewLoaded(
                overview::load(&self.store, &actor, OVERVIEW_DISTRICT_LIMIT)
                    .map_err(|e| Message::of(&e)),
            ),
            Effect::SaveLanguage(lang) => Action::LanguageSaved(self.save_language(lang)),
            // `App` keeps confirmations for itself; one arriving here has nothing to run.
            Effect::Confirm(_) => return None,
            Effect::Committee(effect) => Action::Committee(committee::run(&mut self.store, effect)),
            Effect::Clar(effect) => Action::Clar(clar::run(&mut self.store, effect)),
            Effect::Overlaps(effect) => Action::Overlaps(overlaps::run(&mut self.store, effect)),
        };
        Some(action)
    }

    fn create_administrator(&mut self, request: &SetupRequest) -> Result<String, Message> {
        let init = setup::InitRequest {
            admin_username: &request.username,
            admin_display_name: &request.full_name,
            admin_password: request.password.expose(),
            district_ubigeo: &request.ubigeo,
            office_number: request.office_number,
        };
        setup::init(&mut self.store, &init).map_err(|e| Message::of(&e))?;
        // The core stores user names trimmed and in lower case; the login form starts with
        // the name as it will be recognised.
        Ok(request.username.trim().to_lowercase())
    }

    fn save_language(&self, lang: crate::i18n::Lang) -> Result<(), Message> {
        let Some(path) = &self.config_path else {
            return Ok(());
        };
        config::save_lang(path, lang).map_err(|e| {
            Message::of(&crate::i18n::TuiMessage::LanguageNotSaved {
                path: path.display().to_string(),
                reason: e.to_string(),
            })
        })
    }
}
