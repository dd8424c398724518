//! Runs the Padrón's effects against the core and reports each outcome as a
//! [`RegistryResult`]. Reading the choice lists, a household and saving a form take
//! milliseconds and run on the interface's thread; searches and roster files are jobs
//! (`tui::jobs`) that the runner hands to the worker thread when there is one, and that run
//! here, in place, when there is not. The core checks every permission.

use crate::services::registry::{choices, edit, household};
use crate::services::CoreError;
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::effect::Message;
use crate::tui::jobs::{self, Job};
use crate::tui::screens::registry::effects::{
    Change, RegistryEffect, RegistryResult, SaveFailure, SaveRequest, Saved,
};

/// Where a Padrón effect runs.
pub(super) enum Route {
    /// A search or a roster file: on the worker thread when there is one.
    Job(Job),
    /// Everything else: here, at once.
    Here(RegistryEffect),
}

pub(super) fn route(effect: RegistryEffect) -> Route {
    match effect {
        RegistryEffect::Search(request) => Route::Job(Job::Search(request)),
        RegistryEffect::CheckRoster(request) => Route::Job(Job::Check(request)),
        RegistryEffect::ImportRoster(request) => Route::Job(Job::Import(request)),
        other => Route::Here(other),
    }
}

/// Runs one effect against the store; a job runs in place here, without progress reports.
pub(super) fn run(store: &mut Store, effect: RegistryEffect) -> Action {
    let mut no_progress = |_| {};
    let result = match effect {
        RegistryEffect::LoadChoices { actor } => {
            RegistryResult::ChoicesLoaded(choices::load(store, &actor).map_err(|e| Message::of(&e)))
        }
        RegistryEffect::LoadHousehold {
            actor,
            household_id,
        } => RegistryResult::HouseholdLoaded {
            household_id,
            result: household::load(store, &actor, household_id).map_err(|e| Message::of(&e)),
        },
        RegistryEffect::Save(request) => RegistryResult::Saved(save(store, request)),
        RegistryEffect::Search(request) => {
            return jobs::run(store, Job::Search(request), &mut no_progress)
        }
        RegistryEffect::CheckRoster(request) => {
            return jobs::run(store, Job::Check(request), &mut no_progress)
        }
        RegistryEffect::ImportRoster(request) => {
            return jobs::run(store, Job::Import(request), &mut no_progress)
        }
    };
    Action::Registry(result)
}

/// A change from a registry form, through the core's edit functions.
fn save(store: &mut Store, request: SaveRequest) -> Result<Saved, SaveFailure> {
    let actor = &request.actor;
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

/// Someone else saving first is told apart from every other refusal.
fn failure(error: CoreError) -> SaveFailure {
    match error {
        CoreError::Store(StoreError::Conflict { .. }) => SaveFailure::Conflict(Message::of(&error)),
        other => SaveFailure::Refused(Message::of(&other)),
    }
}
