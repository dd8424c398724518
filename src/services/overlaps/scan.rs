//! A scan: record matching plus every overlap rule, written as flags in one transaction. An
//! interrupted scan writes nothing, so the flags already there stay consistent.

use super::rules::{self, Thresholds};
use crate::services::matching::scan::{self as matching_scan, MatchReport, ScanKind};
use crate::services::progress::{Progress, ProgressSink};
use crate::services::{write, Actor, CoreResult, Permission};
use crate::store::audit::Entry;
use crate::store::flags::{self, ScanCounts, Upsert};
use crate::store::{matching, Store};
use serde_json::json;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

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

pub fn scan(
    store: &mut Store,
    actor: &Actor,
    kind: ScanKind,
    progress: &mut dyn ProgressSink,
    cancel: &AtomicBool,
) -> CoreResult<ScanReport> {
    actor.require(Permission::WorkFlags)?;
    let started = Instant::now();
    let records = matching_scan::load(store)?;
    let load_time = started.elapsed();
    progress.report(Progress { done: 1, total: 4 });
    let (pairs, mut matching) = matching_scan::pairs(store, &records, kind, cancel)?;
    matching.load_time = load_time;
    progress.report(Progress { done: 2, total: 4 });
    let mut report = ScanReport {
        cancelled: matching.cancelled,
        ..ScanReport::default()
    };
    if report.cancelled {
        report.matching = matching;
        return Ok(report);
    }
    let rules_started = Instant::now();
    let thresholds = Thresholds::load(store.conn())?;
    let mut found = rules::all(store.conn(), &thresholds, store.clock().today())?;
    report.rule_flags = found.len();
    report.rules_time = rules_started.elapsed();
    found.extend(pairs.iter().map(|p| matching_scan::flag_for(p, &records)));
    progress.report(Progress { done: 3, total: 4 });
    let write_started = Instant::now();
    let label = if kind == ScanKind::Full {
        "full"
    } else {
        "incremental"
    };
    let counts = write(store, actor, Permission::WorkFlags, |tx, ctx| {
        let scan = flags::start_scan(tx, label, ctx.actor().user_id, &ctx.at)?;
        let mut counts = (0i64, 0i64, 0i64);
        for f in &found {
            match flags::upsert(tx, f, scan, &ctx.at)? {
                Upsert::New => counts.0 += 1,
                Upsert::Seen => counts.1 += 1,
                Upsert::Reopened => counts.2 += 1,
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
    progress.report(Progress { done: 4, total: 4 });
    Ok(report)
}
