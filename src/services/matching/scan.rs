//! The record-matching part of a scan: load every roster record, find the pairs that are one
//! person, and turn them into flags (written by `services::overlaps::scan` with the others).
//! After an import only new and changed records are compared again.

use super::blocking::Blocks;
use super::find::{find, Pair, PairKind};
use super::frequency::Frequencies;
use super::record::{MatchRecord, RawRecord};
use crate::services::progress::Progress;
use crate::services::CoreResult;
use crate::store::flags::Found;
use crate::store::{matching, Store};
use serde_json::json;
use sha2::{Digest, Sha256};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScanKind {
    /// Every record against every candidate.
    Full,
    /// Only records new or changed since the last scan.
    Incremental,
}

#[derive(Debug, Clone, Default)]
pub struct MatchReport {
    pub records: usize,
    pub pending: usize,
    pub blocks: usize,
    pub truncated_blocks: usize,
    pub pairs_compared: u64,
    pub probable: usize,
    pub dni_conflicts: usize,
    pub flags_new: i64,
    pub flags_seen: i64,
    pub flags_reopened: i64,
    pub cancelled: bool,
    pub load_time: Duration,
    pub compare_time: Duration,
    pub write_time: Duration,
}

/// Loads the records prepared for matching.
pub fn load(store: &Store) -> CoreResult<Vec<MatchRecord>> {
    let mut records = Vec::new();
    matching::for_each_record(store.conn(), |raw: RawRecord| {
        records.push(MatchRecord::from_raw(raw))
    })?;
    Ok(records)
}

/// Finds the pairs (no writing): used by the scan and by the quality measurement.
pub fn pairs(
    store: &Store,
    records: &[MatchRecord],
    kind: ScanKind,
    cancel: &AtomicBool,
) -> CoreResult<(Vec<Pair>, MatchReport)> {
    pairs_reporting(store, records, kind, cancel, &mut |_| {})
}

/// [`pairs`], telling `progress` how many records were compared so far (`done` of `total`
/// records), about a hundred times over a large scan.
pub fn pairs_reporting(
    store: &Store,
    records: &[MatchRecord],
    kind: ScanKind,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(Progress),
) -> CoreResult<(Vec<Pair>, MatchReport)> {
    let started = Instant::now();
    let freq = Frequencies::from_records(records);
    let blocks = Blocks::build(records);
    let rejected = matching::rejected_pairs(store.conn())?;
    let found = find(
        records,
        &blocks,
        &freq,
        &rejected,
        kind == ScanKind::Incremental,
        cancel,
        progress,
    );
    let report = MatchReport {
        records: records.len(),
        pending: records.iter().filter(|r| r.pending).count(),
        blocks: blocks.len(),
        truncated_blocks: blocks.truncated_blocks,
        pairs_compared: found.compared,
        probable: found
            .pairs
            .iter()
            .filter(|p| p.kind == PairKind::Probable)
            .count(),
        dni_conflicts: found
            .pairs
            .iter()
            .filter(|p| p.kind == PairKind::DniConflict)
            .count(),
        cancelled: found.cancelled,
        compare_time: started.elapsed(),
        ..MatchReport::default()
    };
    Ok((found.pairs, report))
}

/// The flag a matched pair becomes.
pub fn flag_for(pair: &Pair, records: &[MatchRecord]) -> Found<'static> {
    let (a, b) = (&records[pair.a], &records[pair.b]);
    let (kind, severity) = match pair.kind {
        PairKind::Probable => (
            "probable_same_person",
            if pair.evidence.score() > 0.9 {
                "high"
            } else {
                "medium"
            },
        ),
        PairKind::DniConflict => ("dni_conflict", "high"),
    };
    let evidence = json!({
        "evidence": pair.evidence,
        "score": pair.evidence.score(),
        "a": { "record": a.id, "person": a.person_id, "programme": a.programme_id },
        "b": { "record": b.id, "person": b.person_id, "programme": b.programme_id },
    })
    .to_string();
    Found {
        kind,
        severity,
        fingerprint: format!("{kind}:{}:{}", a.id, b.id),
        evidence_hash: format!(
            "{:x}",
            Sha256::digest(format!("{:?}", pair.evidence).as_bytes())
        ),
        evidence,
        score_milli: Some((pair.evidence.score() * 1000.0).round() as i64),
        district: Some(a.district.clone()),
        community: a.community,
        programme_a: Some(a.programme_id),
        programme_b: Some(b.programme_id),
        person_a: Some(a.person_id),
        person_b: Some(b.person_id),
        record_a: Some(a.id),
        record_b: Some(b.id),
        ..Found::default()
    }
}
