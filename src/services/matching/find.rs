//! Finding the pairs of records that are one person, on both cores, with no database access:
//! the scan loads, this decides, the scan writes.

use super::blocking::Blocks;
use super::compare::{compare, DniEvidence, Evidence};
use super::frequency::Frequencies;
use super::record::MatchRecord;
use crate::services::progress::Progress;
use rayon::prelude::*;
use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// What a pair of records turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairKind {
    /// Different persons in the registry that are probably one.
    Probable,
    /// One person by DNI whose records are clearly two different people.
    DniConflict,
}

#[derive(Debug, Clone)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
    pub kind: PairKind,
    pub evidence: Evidence,
}

/// Below this weight (leaving the identical DNI aside) records sharing a DNI are two people.
pub const CONFLICT_LIMIT: f64 = -4.0;

pub struct Found {
    pub pairs: Vec<Pair>,
    pub compared: u64,
    pub cancelled: bool,
}

/// Records compared between two progress reports, at least: a hundredth of them, so a large
/// scan reports about a hundred times, and never so few that the threads wait on each other.
const MIN_CHUNK: usize = 2_048;

/// Compares what the blocks propose. With `pending_only`, only pairs involving a record not
/// yet scanned are compared (after an import, only new and changed records).
///
/// The records are compared in chunks (each on every core); after each chunk `progress` hears
/// how many records were looked at, on the calling thread. `cancel` is checked for every
/// record: once it is raised, the rest is skipped and the result says it was cancelled.
pub fn find(
    records: &[MatchRecord],
    blocks: &Blocks,
    freq: &Frequencies,
    rejected: &HashSet<(i64, i64)>,
    pending_only: bool,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(Progress),
) -> Found {
    let compared = AtomicU64::new(0);
    let total = records.len();
    let chunk = (total / 100).max(MIN_CHUNK);
    let report = |done: usize| Progress {
        done: u64::try_from(done).unwrap_or(u64::MAX),
        total: u64::try_from(total).unwrap_or(u64::MAX),
    };
    progress(report(0));
    let mut pairs: Vec<Pair> = Vec::new();
    let mut start = 0;
    while start < total && !cancel.load(Ordering::Relaxed) {
        let end = (start + chunk).min(total);
        let found: Vec<Pair> = (start..end)
            .into_par_iter()
            .filter(|&i| !pending_only || records[i].pending)
            .flat_map_iter(|i| {
                if cancel.load(Ordering::Relaxed) {
                    return Vec::new();
                }
                let own = &records[i];
                let mut out = Vec::new();
                for j in blocks.candidates(i) {
                    let j = j as usize;
                    let other = &records[j];
                    // Each pair once: the lower index compares, unless only this one is pending.
                    let first = j > i || (pending_only && !other.pending);
                    if !first {
                        continue;
                    }
                    compared.fetch_add(1, Ordering::Relaxed);
                    if let Some(pair) = judge(own, other, i, j, freq, rejected) {
                        out.push(pair);
                    }
                }
                out
            })
            .collect();
        pairs.extend(found);
        start = end;
        progress(report(end));
    }
    Found {
        pairs,
        compared: compared.into_inner(),
        cancelled: cancel.load(Ordering::Relaxed),
    }
}

fn judge(
    a: &MatchRecord,
    b: &MatchRecord,
    i: usize,
    j: usize,
    freq: &Frequencies,
    rejected: &HashSet<(i64, i64)>,
) -> Option<Pair> {
    let evidence = compare(a, b, freq);
    let same_person = a.person_id == b.person_id;
    let kind = if same_person {
        let without_dni = evidence.weight
            - if evidence.dni == DniEvidence::Same {
                12.0
            } else {
                0.0
            };
        (evidence.dni == DniEvidence::Same && without_dni < CONFLICT_LIMIT)
            .then_some(PairKind::DniConflict)?
    } else {
        let key = (a.id.min(b.id), a.id.max(b.id));
        (evidence.is_match() && !rejected.contains(&key)).then_some(PairKind::Probable)?
    };
    let (a, b) = if a.id < b.id { (i, j) } else { (j, i) };
    Some(Pair {
        a,
        b,
        kind,
        evidence,
    })
}
