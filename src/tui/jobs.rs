//! The work that can take long: a page of search results (instant on a good index, but run
//! while the person types), checking a roster file (with a dry run of its import), and
//! importing it. These are the Padrón's effects that must not run on the interface's thread.
//! Each job calls the core and turns its outcome into the Padrón's answer, with the request's
//! id. The worker thread runs jobs on its own connection; without a worker the runner runs
//! them in place (`runner::registry`).

use super::effect::{Message, Shared};
use super::screens::registry::effects::{
    CheckRequest, CheckedRoster, ImportRequest, RegistryResult, RosterStage, SearchRequest,
};
use crate::i18n::Lang;
use crate::services::progress::Progress;
use crate::services::registry::search;
use crate::services::roster::{self, ImportOptions};
use crate::services::CoreResult;
use crate::store::Store;
use std::path::PathBuf;

/// A request for the worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Job {
    Search(SearchRequest),
    Check(CheckRequest),
    Import(ImportRequest),
}

impl Job {
    /// The reply to a job that could not run at all (the worker has no database).
    pub fn failed(self, message: Message) -> RegistryResult {
        match self {
            Job::Search(r) => RegistryResult::SearchDone {
                id: r.id,
                result: Err(message),
            },
            Job::Check(r) => RegistryResult::RosterChecked {
                id: r.id,
                result: Err(message),
            },
            Job::Import(r) => RegistryResult::RosterImported {
                id: r.id,
                result: Err(message),
            },
        }
    }
}

/// Runs a job; `progress` receives the reports of long ones.
pub fn run(
    store: &mut Store,
    job: Job,
    progress: &mut dyn FnMut(RegistryResult),
) -> RegistryResult {
    match job {
        Job::Search(r) => RegistryResult::SearchDone {
            id: r.id,
            result: search::search(store, &r.actor, &r.query, r.after.as_ref(), r.limit)
                .map_err(|e| Message::of(&e)),
        },
        Job::Check(r) => {
            let id = r.id;
            let mut report = |stage, p| {
                progress(RegistryResult::RosterProgress {
                    id,
                    stage,
                    progress: p,
                })
            };
            RegistryResult::RosterChecked {
                id,
                result: check(store, &r, &mut report)
                    .map(Shared::new)
                    .map_err(|e| Message::of(&e)),
            }
        }
        Job::Import(r) => {
            let id = r.id;
            let mut sink = |p: Progress| {
                progress(RegistryResult::RosterProgress {
                    id,
                    stage: RosterStage::Writing,
                    progress: p,
                })
            };
            let options = r.options.import_options();
            let checked = r.checked.into_inner().file;
            let result =
                roster::apply_checked(store, &r.actor, checked, &options, r.lang, &mut sink);
            RegistryResult::RosterImported {
                id,
                result: result.map(Shared::new).map_err(|e| Message::of(&e)),
            }
        }
    }
}

/// Reads and checks the file, then imports it in a transaction that is rolled back (the core's
/// dry run), so the person sees what the import would do before anything is written.
fn check(
    store: &mut Store,
    request: &CheckRequest,
    report: &mut dyn FnMut(RosterStage, Progress),
) -> CoreResult<CheckedRoster> {
    let options = request.options.import_options();
    let path = expand_home(request.path.clone());
    let mut reading = |p: Progress| report(RosterStage::Reading, p);
    let file = roster::check_file(store, &path, &options, &mut reading)?;
    let dry = ImportOptions {
        dry_run: true,
        ..options
    };
    // A dry run writes no error file, so the language of its explanations does not matter.
    let mut forecasting = |p: Progress| report(RosterStage::Forecasting, p);
    let report = roster::apply_checked(
        store,
        &request.actor,
        file,
        &dry,
        Lang::Es,
        &mut forecasting,
    )?;
    let forecast = report.import_id.map(|_| report.counts);
    Ok(CheckedRoster::new(report.checked, forecast))
}

/// `~/padron.csv` as the shell would read it: clerks copy paths from a terminal.
fn expand_home(path: PathBuf) -> PathBuf {
    let Ok(rest) = path.strip_prefix("~") else {
        return path;
    };
    match std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE")) {
        Some(home) => PathBuf::from(home).join(rest),
        None => path,
    }
}
