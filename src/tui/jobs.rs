//! The work that can take long: a page of search results (instant on a good index, but run
//! while the person types), checking a roster file (with a dry run of its import), importing
//! it, and the overlap scan. These are the effects that must not run on the interface's
//! thread. Each job calls the core and turns its outcome into the area's answer, with the
//! request's id. The worker thread runs jobs on its own connection; without a worker the
//! runner runs them in place (`runner::registry`, `Runner::overlaps`).

use super::action::Action;
use super::effect::{Message, Shared};
use super::screens::overlaps::effects::{OverlapsResult, ScanFigures};
use super::screens::registry::effects::{
    CheckRequest, CheckedRoster, ImportRequest, RegistryResult, RosterStage, SearchRequest,
};
use crate::i18n::Lang;
use crate::services::matching::scan::ScanKind;
use crate::services::overlaps::scan::{self as overlap_scan, ScanStep};
use crate::services::progress::Progress;
use crate::services::registry::search;
use crate::services::roster::{self, ImportOptions};
use crate::services::{Actor, CoreResult};
use crate::store::Store;
use std::fmt;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// A request for the worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Job {
    Search(SearchRequest),
    Check(CheckRequest),
    Import(ImportRequest),
    Scan(ScanJob),
}

/// An overlap scan: who asks, which kind, and the flag that stops it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanJob {
    pub id: u64,
    pub actor: Actor,
    pub kind: ScanKind,
    pub stop: StopFlag,
}

/// A flag the interface raises to stop a running job, which checks it as it goes. Clones share
/// the flag; two are equal when they are the same flag.
#[derive(Clone, Default)]
pub struct StopFlag(Arc<AtomicBool>);

impl StopFlag {
    pub fn raise(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    pub fn is_raised(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    fn as_atomic(&self) -> &AtomicBool {
        &self.0
    }
}

impl PartialEq for StopFlag {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for StopFlag {}

impl fmt::Debug for StopFlag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "StopFlag({})", self.is_raised())
    }
}

impl Job {
    /// The reply to a job that could not run at all (the worker has no database).
    pub fn failed(self, message: Message) -> Action {
        match self {
            Job::Search(r) => Action::Registry(RegistryResult::SearchDone {
                id: r.id,
                result: Err(message),
            }),
            Job::Check(r) => Action::Registry(RegistryResult::RosterChecked {
                id: r.id,
                result: Err(message),
            }),
            Job::Import(r) => Action::Registry(RegistryResult::RosterImported {
                id: r.id,
                result: Err(message),
            }),
            Job::Scan(r) => Action::Overlaps(OverlapsResult::Scanned {
                id: r.id,
                result: Err(message),
            }),
        }
    }
}

/// Runs a job; `progress` receives the reports of long ones.
pub fn run(store: &mut Store, job: Job, progress: &mut dyn FnMut(Action)) -> Action {
    match job {
        Job::Search(r) => Action::Registry(RegistryResult::SearchDone {
            id: r.id,
            result: search::search(store, &r.actor, &r.query, r.after.as_ref(), r.limit)
                .map_err(|e| Message::of(&e)),
        }),
        Job::Check(r) => {
            let id = r.id;
            let mut report = |stage, p| {
                progress(Action::Registry(RegistryResult::RosterProgress {
                    id,
                    stage,
                    progress: p,
                }))
            };
            Action::Registry(RegistryResult::RosterChecked {
                id,
                result: check(store, &r, &mut report)
                    .map(Shared::new)
                    .map_err(|e| Message::of(&e)),
            })
        }
        Job::Import(r) => {
            let id = r.id;
            let mut sink = |p: Progress| {
                progress(Action::Registry(RegistryResult::RosterProgress {
                    id,
                    stage: RosterStage::Writing,
                    progress: p,
                }))
            };
            let options = r.options.import_options();
            let checked = r.checked.into_inner().file;
            let result =
                roster::apply_checked(store, &r.actor, checked, &options, r.lang, &mut sink);
            Action::Registry(RegistryResult::RosterImported {
                id,
                result: result.map(Shared::new).map_err(|e| Message::of(&e)),
            })
        }
        Job::Scan(r) => {
            let id = r.id;
            let mut report = |step, p| {
                progress(Action::Overlaps(OverlapsResult::ScanProgress {
                    id,
                    step,
                    progress: p,
                }))
            };
            Action::Overlaps(OverlapsResult::Scanned {
                id,
                result: scan(store, &r, &mut report).map_err(|e| Message::of(&e)),
            })
        }
    }
}

/// A full or incremental scan, as the summary shows it. Stopped in time, it has written
/// nothing and its figures say it was cancelled.
fn scan(
    store: &mut Store,
    request: &ScanJob,
    progress: &mut dyn FnMut(ScanStep, Progress),
) -> CoreResult<ScanFigures> {
    let kind = request.kind;
    let report = overlap_scan::scan_in_steps(
        store,
        &request.actor,
        kind,
        progress,
        request.stop.as_atomic(),
    )?;
    Ok(ScanFigures {
        incremental: kind == ScanKind::Incremental,
        records: report.matching.records,
        pairs: report.matching.pairs_compared,
        probable: report.matching.probable,
        dni_conflicts: report.matching.dni_conflicts,
        rule_flags: report.rule_flags,
        new: report.flags_new,
        known: report.flags_seen,
        reopened: report.flags_reopened,
        cancelled: report.cancelled,
    })
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
