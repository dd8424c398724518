//! Runs the Alertas area's quick effects against the core and reports each outcome; with
//! `tui::jobs`, the only code of the area that touches the database. The core checks every
//! permission. The scan is a job (`tui::jobs`): with a worker thread the runner sends it
//! there; without one it runs here, in place.

use crate::services::committee::agencies::{self, AgencyListing};
use crate::services::overlaps::report::{self, MisuseDraft};
use crate::services::overlaps::workflow;
use crate::services::{Actor, CoreError, CoreResult};
use crate::store::Store;
use crate::tui::action::Action;
use crate::tui::effect::Message;
use crate::tui::jobs::{self, Job, ScanJob, StopFlag};
use crate::tui::screens::overlaps::effects::{
    Choices, FlagChange, MisuseInput, OverlapsEffect, OverlapsResult, Refusal,
};

fn said<T>(result: CoreResult<T>) -> Result<T, Message> {
    result.map_err(|e| Message::of(&e))
}

/// Runs one effect; `None` for a request to stop a scan, which has nothing to run here.
pub(super) fn run(store: &mut Store, effect: OverlapsEffect) -> Option<Action> {
    use OverlapsEffect as E;
    let result = match effect {
        E::LoadPage {
            seq,
            actor,
            filter,
            after,
            limit,
        } => OverlapsResult::Page {
            seq,
            result: said(report::list(store, &actor, &filter, after, limit)),
        },
        E::LoadDetail { actor, id } => OverlapsResult::Detail {
            id,
            result: said(report::detail(store, &actor, id).map(Box::new)),
        },
        E::LoadChoices { actor } => OverlapsResult::Choices(said(choices(store, &actor))),
        E::LoadMatrix { actor } => OverlapsResult::Matrix(said(report::matrix(store, &actor))),
        E::LoadHouseholds {
            seq,
            actor,
            programmes,
            after,
            limit,
        } => OverlapsResult::Households {
            seq,
            result: said(report::shared_households(
                store,
                &actor,
                (&programmes.0, &programmes.1),
                after,
                limit,
            )),
        },
        // Without a worker the scan runs here, in place, and nothing can stop it: it is over
        // before the next key is read.
        E::Scan { id, actor, kind } => {
            let job = Job::Scan(ScanJob {
                id,
                actor,
                kind,
                stop: StopFlag::default(),
            });
            return Some(jobs::run(store, job, &mut |_| {}));
        }
        E::StopScan { .. } => return None,
        E::Change {
            actor,
            id,
            version,
            change,
        } => OverlapsResult::Changed {
            kind: change.kind(),
            result: apply(store, &actor, id, version, change),
        },
        E::ReportMisuse { actor, input } => {
            OverlapsResult::MisuseReported(said(misuse(store, &actor, input)))
        }
    };
    Some(Action::Overlaps(result))
}

fn choices(store: &Store, actor: &Actor) -> CoreResult<Choices> {
    let filter = report::filter_choices(store, actor)?;
    let agencies = agencies::list_agencies(store, actor, AgencyListing::Active)?
        .into_iter()
        .map(|a| (a.id, a.code, a.name))
        .collect();
    Ok(Choices {
        agencies,
        programmes: filter.programmes,
        districts: filter.districts,
        today: crate::domain::dates::iso(store.clock().today()),
    })
}

fn apply(
    store: &mut Store,
    actor: &Actor,
    id: i64,
    version: i64,
    change: FlagChange,
) -> Result<(), Refusal> {
    let result = match change {
        FlagChange::Step { step, note } => workflow::step(store, actor, id, version, step, &note),
        FlagChange::Assign { agency, note } => {
            workflow::assign(store, actor, id, version, agency, &note)
        }
        FlagChange::Note(text) => workflow::note(store, actor, id, &text),
        FlagChange::Confirm => workflow::confirm(store, actor, id, version),
        FlagChange::Undo => workflow::undo_confirm(store, actor, id, version),
        FlagChange::Reject(reason) => workflow::reject(store, actor, id, version, &reason),
    };
    result.map_err(|err: CoreError| Refusal {
        conflict: workflow::is_conflict(&err),
        message: Message::of(&err),
    })
}

fn misuse(store: &mut Store, actor: &Actor, input: MisuseInput) -> CoreResult<i64> {
    let draft = MisuseDraft {
        reported_on: input.reported_on,
        agency_code: input.agency_code,
        forced_activity: input.forced_activity,
        description: input.description,
        household: None,
        community: None,
        reported_by: input.reported_by,
    };
    report::report_misuse(store, actor, &draft)
}
