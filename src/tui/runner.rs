//! Runs effects against the database and the preferences file, and turns each outcome into
//! the action that reports it. This is the only part of the interface that does I/O.
//!
//! Quick effects (log in, the overview's counters, a household, a save) run here, one at a
//! time, on the interface's thread: each takes milliseconds. Searches and roster files are
//! jobs: with a [`Worker`] they go to its thread and their results come back through the
//! event loop; without one (tests, or if the thread could not start) they run here too.

use super::action::{Action, SaveFailure, Saved};
use super::effect::{Change, Effect, Message, SaveRequest, SetupRequest};
use super::jobs::{self, Job};
use super::worker::Worker;
use crate::config;
use crate::services::registry::{choices, edit, household};
use crate::services::{auth, overview, setup, CoreError};
use crate::store::{Store, StoreError};
use std::path::PathBuf;

/// How many districts the overview lists: every district of Peru fits (there are 1 891).
const OVERVIEW_DISTRICT_LIMIT: i64 = 2_000;

pub struct Runner {
    store: Store,
    /// Where the language is remembered; `None` remembers nothing (tests, no home folder).
    config_path: Option<PathBuf>,
    worker: Option<Worker>,
}

impl Runner {
    /// A runner that runs every effect itself, jobs included.
    pub fn new(store: Store, config_path: Option<PathBuf>) -> Runner {
        Runner {
            store,
            config_path,
            worker: None,
        }
    }

    /// Sends jobs to `worker` from now on.
    pub fn with_worker(self, worker: Worker) -> Runner {
        Runner {
            worker: Some(worker),
            ..self
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Runs one effect. `Quit` is the driver's business and yields nothing here; a job sent
    /// to the worker yields nothing yet (its result arrives later, through the event loop).
    pub fn run(&mut self, effect: Effect) -> Option<Action> {
        let action = match effect {
            Effect::Quit | Effect::Ask(_) | Effect::Notify(_) => return None,
            Effect::Search(request) => return self.job(Job::Search(request)),
            Effect::CheckRoster(request) => return self.job(Job::Check(request)),
            Effect::ImportRoster(request) => return self.job(Job::Import(request)),
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
            Effect::LoadRegistryChoices { actor } => Action::RegistryChoicesLoaded(
                choices::load(&self.store, &actor).map_err(|e| Message::of(&e)),
            ),
            Effect::LoadHousehold {
                actor,
                household_id,
            } => Action::HouseholdLoaded {
                household_id,
                result: household::load(&self.store, &actor, household_id)
                    .map_err(|e| Message::of(&e)),
            },
            Effect::Save(request) => Action::Saved(self.save(request)),
        };
        Some(action)
    }

    fn job(&mut self, job: Job) -> Option<Action> {
        match &self.worker {
            Some(worker) => {
                worker.submit(job);
                None
            }
            None => Some(jobs::run(&mut self.store, job, &mut |_| {})),
        }
    }

    /// A change from a registry form, through the core's edit functions.
    fn save(&mut self, request: SaveRequest) -> Result<Saved, SaveFailure> {
        let (store, actor) = (&mut self.store, &request.actor);
        let household_id = match request.change {
            Change::AddHousehold { district, draft } => {
                edit::add_household(store, actor, &district, &draft).map_err(failure)?
            }
            Change::UpdateHousehold { id, version, draft } => {
                edit::update_household(store, actor, id, version, &draft).map_err(failure)?;
                id
            }
            Change::AddPerson { household, draft } => {
                edit::add_person(store, actor, household, &draft).map_err(failure)?;
                household
            }
            Change::UpdatePerson {
                household,
                id,
                version,
                draft,
            } => {
                edit::update_person(store, actor, id, version, &draft).map_err(failure)?;
                household
            }
            Change::AddEnrolment {
                household,
                person,
                programme,
                draft,
            } => {
                edit::add_enrolment(store, actor, person, &programme, &draft).map_err(failure)?;
                household
            }
            Change::EndEnrolment {
                household,
                id,
                version,
                date,
                reason,
            } => {
                edit::end_enrolment(store, actor, id, version, &date, &reason).map_err(failure)?;
                household
            }
        };
        Ok(Saved { household_id })
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

/// Someone else saving first is told apart from every other refusal.
fn failure(error: CoreError) -> SaveFailure {
    match error {
        CoreError::Store(StoreError::Conflict { .. }) => SaveFailure::Conflict(Message::of(&error)),
        other => SaveFailure::Refused(Message::of(&other)),
    }
}
