//! Runs effects against the database and the preferences file, and turns each outcome into
//! the action that reports it. This is the only part of the interface that does I/O.
//!
//! Quick effects (log in, the overview's counters, the committee's and the CLAR's records, a
//! household, a save) run here, one at a time, on the interface's thread: each takes
//! milliseconds. Each area's effects have a module of their own (`runner::<area>`). The
//! Padrón's searches and roster files and the overlap scan are jobs: with a [`Worker`] they go
//! to its thread and their results come back through the event loop; without one (tests, or
//! if the thread could not start) they run here too. The runner keeps the stop flag of the
//! latest scan, so a request to stop it reaches the worker at once.

mod clar;
mod committee;
mod overlaps;
mod registry;

use super::action::Action;
use super::effect::{Effect, Message, SetupRequest};
use super::jobs::{Job, ScanJob, StopFlag};
use super::screens::overlaps::effects::OverlapsEffect;
use super::screens::registry::effects::RegistryEffect;
use super::worker::Worker;
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
    worker: Option<Worker>,
    /// The latest scan's id and the flag that stops it.
    scan: Option<(u64, StopFlag)>,
}

impl Runner {
    /// A runner that runs every effect itself, jobs included.
    pub fn new(store: Store, config_path: Option<PathBuf>) -> Runner {
        Runner {
            store,
            config_path,
            worker: None,
            scan: None,
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
            Effect::Authenticate { username, password } => {
                match auth::sign_in(&self.store, &username, password.expose()) {
                    Ok(signed) if signed.must_change_password => {
                        Action::MustChangePassword(signed.actor)
                    }
                    Ok(signed) => Action::Authenticated(Ok(signed.actor)),
                    Err(e) => Action::Authenticated(Err(Message::of(&e))),
                }
            }
            Effect::ChangePassword {
                actor,
                current,
                new,
            } => Action::PasswordChanged(
                auth::change_own_password(&mut self.store, &actor, current.expose(), new.expose())
                    .map_err(|e| Message::of(&e)),
            ),
            Effect::LoadOverview { actor } => Action::OverviewLoaded(
                overview::load(&self.store, &actor, OVERVIEW_DISTRICT_LIMIT)
                    .map_err(|e| Message::of(&e)),
            ),
            Effect::SaveLanguage(lang) => Action::LanguageSaved(self.save_language(lang)),
            // `App` keeps confirmations and notices for itself; one arriving here has nothing
            // to run.
            Effect::Confirm(_) | Effect::Notify(_) => return None,
            Effect::Committee(effect) => Action::Committee(committee::run(&mut self.store, effect)),
            Effect::Clar(effect) => Action::Clar(clar::run(&mut self.store, effect)),
            Effect::Registry(effect) => return self.registry(effect),
            Effect::Overlaps(effect) => return self.overlaps(effect),
        };
        Some(action)
    }

    /// A Padrón effect: a job (a search, a roster's check or import) goes to the worker when
    /// there is one; everything else, and without a worker the jobs too, runs here.
    fn registry(&mut self, effect: RegistryEffect) -> Option<Action> {
        if let Some(worker) = &self.worker {
            match registry::route(effect) {
                registry::Route::Job(job) => worker.submit(job),
                registry::Route::Here(effect) => {
                    return Some(registry::run(&mut self.store, effect));
                }
            }
            return None;
        }
        Some(registry::run(&mut self.store, effect))
    }

    /// An Alertas effect: with a worker, a scan goes to its thread and its stop flag is kept
    /// here; a request to stop raises that flag. Everything else (and without a worker, the
    /// scan too) runs here.
    fn overlaps(&mut self, effect: OverlapsEffect) -> Option<Action> {
        match (effect, &self.worker) {
            (OverlapsEffect::Scan { id, actor, kind }, Some(worker)) => {
                let stop = StopFlag::default();
                self.scan = Some((id, stop.clone()));
                worker.submit(Job::Scan(ScanJob {
                    id,
                    actor,
                    kind,
                    stop,
                }));
                None
            }
            (OverlapsEffect::StopScan { id }, _) => {
                if let Some((_, stop)) = self.scan.as_ref().filter(|(running, _)| *running == id) {
                    stop.raise();
                }
                None
            }
            (other, _) => overlaps::run(&mut self.store, other),
        }
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
