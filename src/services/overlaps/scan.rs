//! A scan: record matching plus every overlap rule, written as flags in one transaction. An
//! interrupted scan writes nothing, so the flags already there stay consistent.
//!
//! A scan goes through four [`ScanStep`]s and reports how far each got. It can be cancelled
//! until it starts writing: `cancel` is checked for every record compared and once more before
//! the write; a cancelled scan returns a report saying so and has written nothing. Once the
//! write has started it finishes (it is one transaction, seconds long), so a scan is always
//! all or nothing.

use super::rules::{self, Thresholds};
use crate::services::matching::scan::{self as matching_scan, MatchReport, ScanKind};
use crate::services::progress::{Progress, ProgressSink};
use crate::services::{write, Actor, CoreResult, Permission};
use crate::store::audit::Entry;
use crate::store::flags::{self, ScanCounts, Upsert};
use crate::store::{matching, Store};
use serde_json::json;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Flags written between two progress reports of the writing step.
const WRITE_REPORT_EVERY: usize = 1_000;

/// The steps of a scan, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScanStep {
    /// Reading the roster records prepared for matching (no figures: `0 / 0`).
    Loading,
    /// Comparing the records: `done` of `total` records looked at.
    Comparing,
    /// Applying the overlap rules (one query per rule: `0 / 1`).
    Rules,
    /// Writing the flags: `done` of `total` flags.
    Writing,
}

impl ScanStep {
    /// The step's place, from 1.
    pub fn number(self) -> u64 {
        match self {
            ScanStep::Loading => 1,
            ScanStep::Comparing => 2,
            ScanStep::Rules => 3,
            ScanStep::Writing => 4,
        }
    }

    /// How many steps a scan has.
    pub const COUNT: u64 = 4;
}

#[derive(Debug, Clone, Default)]
pub struct ScanReport {
    pub matching: MatchReport,
    pub rule_flags: usize,
    pub flags_new: i64,
    pub flags_seen: i64,
    pub flags_reopened: i64,
    pub rules_time: Duration,
    pub write_time: Duration,
    pub total_time: Duration,
    pub cancelled: bool,
}

/// A scan reporting its progress as a share of its four steps (`1 / 4` once the records are
/// read, `4 / 4` when the flags are written), as the command line shows it.
pub fn scan(
    store: &mut Store,
    actor: &Actor,
    kind: ScanKind,
    progress: &mut dyn ProgressSink,
    cancel: &AtomicBool,
) -> CoreResult<ScanReport> {
    let mut reached = 0;
    let mut steps = |step: ScanStep, _: Progress| {
        let done = step.number() - 1;
        if done > reached {
            reached = done;
            progress.report(Progress {
                done,
                total: ScanStep::COUNT,
            });
        }
    };
    let report = scan_in_steps(store, actor, kind, &mut steps, cancel)?;
    if !report.cancelled {
        progress.report(Progress {
            done: ScanStep::COUNT,
            total: ScanStep::COUNT,
        });
    }
    Ok(report)
}

/// A scan telling `progress` which step it is in and how far that step got: each step
/// reports once as it starts (nothing done yet), then as it goes.
pub fn scan_in_steps(
    store: &mut Store,
    actor: &Actor,
    kind: ScanKind,
    progress: &mut dyn FnMut(ScanStep, Progress),
    cancel: &AtomicBool,
) -> CoreResult<ScanReport> {
    actor.require(Permission::WorkFlags)?;
    let started = Instant::now();
    progress(ScanStep::Loading, Progress { done: 0, total: 0 });
    let records = matching_scan::load(store)?;
    let load_time = started.elapsed();
    let mut comparing = |p: Progress| progress(ScanStep::Comparing, p);
    let (pairs, mut matching) =
        matching_scan::pairs_reporting(store, &records, kind, cancel, &mut comparing)?;
    matching.load_time = load_time;
    let mut report = ScanReport {
        cancelled: matching.cancelled,
        ..ScanReport::default()
    };
    if report.cancelled {
        report.matching = matching;
        return Ok(report);
    }
    progress(ScanStep::Rules, Progress { done: 0, total: 1 });
    let rules_started = Instant::now();
    let thresholds = Thresholds::load(store.conn())?;
    let mut found = rules::all(store.conn(), &thresholds, store.clock().today())?;
    report.rule_flags = found.len();
    report.rules_time = rules_started.elapsed();
    found.extend(pairs.iter().map(|p| matching_scan::flag_for(p, &records)));
    // The last moment a cancel is heard: from here on the scan writes, all of it.
    if cancel.load(Ordering::Relaxed) {
        matching.cancelled = true;
        report.cancelled = true;
        report.matching = matching;
        return Ok(report);
    }
    let to_write = u64::try_from(found.len()).unwrap_or(u64::MAX);
    let writing = |done: usize| Progress {
        done: u64::try_from(done).unwrap_or(u64::MAX),
        total: to_write,
    };
    progress(ScanStep::Writing, writing(0));
    let write_started = Instant::now();
    let label = if kind == ScanKind::Full {
        "full"
    } else {
        "incremental"
    };
    let counts = write(store, actor, Permission::WorkFlags, |tx, ctx| {
        let scan = flags::start_scan(tx, label, ctx.actor().user_id, &ctx.at)?;
        let mut counts = (0i64, 0i64, 0i64);
        for (i, f) in found.iter().enumerate() {
            match flags::upsert(tx, f, scan, &ctx.at)? {
                Upsert::New => counts.0 += 1,
                Upsert::Seen => counts.1 += 1,
                Upsert::Reopened => counts.2 += 1,
            }
            if (i + 1).is_multiple_of(WRITE_REPORT_EVERY) {
                progress(ScanStep::Writing, writing(i + 1));
            }
        }
        matching::mark_scanned(tx, &ctx.at)?;
        let totals = ScanCounts {
            records: records.len() as i64,
            pairs: matching.pairs_compared as i64,
            new: counts.0,
            seen: counts.1 + counts.2,
        };
        flags::finish_scan(tx, scan, &totals, &ctx.at)?;
        ctx.audit(tx, Entry {
            action: "scan",
            entity: "scan_run",
            entity_id: Some(scan),
            details: json!({ "kind": label, "records": records.len(), "new": counts.0, "seen": counts.1, "reopened": counts.2 }),
        })?;
        Ok(counts)
    })?;
    (report.flags_new, report.flags_seen, report.flags_reopened) = counts;
    report.write_time = write_started.elapsed();
    report.matching = matching;
    report.total_time = started.elapsed();
    progress(ScanStep::Writing, writing(found.len()));
    Ok(report)
}
