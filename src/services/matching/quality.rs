//! How good record matching is, measured on a demo database whose generator recorded which
//! true person every roster record stands for: precision and recall over record pairs, and
//! the pairs missed or wrongly made, by kind of noise.

use super::find::PairKind;
use super::record::MatchRecord;
use super::scan::{pairs, ScanKind};
use crate::services::CoreResult;
use crate::store::{matching, Store};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::atomic::AtomicBool;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Quality {
    pub true_pairs: usize,
    pub predicted_pairs: usize,
    pub correct: usize,
    pub precision: f64,
    pub recall: f64,
    /// Missed pairs by the noise kinds of their records.
    pub missed_by_kind: BTreeMap<String, usize>,
    /// Wrong pairs: homonyms (same name, different people) or other.
    pub wrong_by_kind: BTreeMap<String, usize>,
}

type PairSet = HashSet<(i64, i64)>;

fn ordered(a: i64, b: i64) -> (i64, i64) {
    (a.min(b), a.max(b))
}

/// Pairs of records the application holds to be one person: one person in the registry
/// (unless their DNI conflicts) or a probable match.
fn predicted(records: &[MatchRecord], found: &[super::find::Pair]) -> PairSet {
    let conflicts: PairSet = found
        .iter()
        .filter(|p| p.kind == PairKind::DniConflict)
        .map(|p| ordered(records[p.a].id, records[p.b].id))
        .collect();
    let mut by_person: HashMap<i64, Vec<i64>> = HashMap::new();
    for r in records {
        by_person.entry(r.person_id).or_default().push(r.id);
    }
    let mut out = all_pairs(by_person.values());
    out.retain(|p| !conflicts.contains(p));
    out.extend(
        found
            .iter()
            .filter(|p| p.kind == PairKind::Probable)
            .map(|p| ordered(records[p.a].id, records[p.b].id)),
    );
    out
}

fn all_pairs<'a>(groups: impl Iterator<Item = &'a Vec<i64>>) -> PairSet {
    let mut out = PairSet::new();
    for g in groups {
        for (i, a) in g.iter().enumerate() {
            for b in &g[i + 1..] {
                out.insert(ordered(*a, *b));
            }
        }
    }
    out
}

pub fn measure(store: &Store) -> CoreResult<Quality> {
    let records = super::scan::load(store)?;
    let (found, _) = pairs(store, &records, ScanKind::Full, &AtomicBool::new(false))?;
    let truth_rows = matching::demo_truth(store.conn())?;
    let noise: HashMap<i64, String> = truth_rows.iter().map(|(r, _, n)| (*r, n.clone())).collect();
    let mut by_true: HashMap<i64, Vec<i64>> = HashMap::new();
    for (record, person, _) in &truth_rows {
        by_true.entry(*person).or_default().push(*record);
    }
    let truth = all_pairs(by_true.values());
    let predicted = predicted(&records, &found);
    let correct = truth.intersection(&predicted).count();
    let mut quality = Quality {
        true_pairs: truth.len(),
        predicted_pairs: predicted.len(),
        correct,
        precision: ratio(correct, predicted.len()),
        recall: ratio(correct, truth.len()),
        ..Quality::default()
    };
    for (a, b) in truth.difference(&predicted) {
        for kind in kinds(&noise, *a, *b) {
            *quality.missed_by_kind.entry(kind).or_default() += 1;
        }
    }
    let names: HashMap<i64, String> = records
        .iter()
        .map(|r| {
            (
                r.id,
                format!("{} {:?} {:?}", r.paternal, r.maternal, r.given),
            )
        })
        .collect();
    for (a, b) in predicted.difference(&truth) {
        let kind = if names.get(a) == names.get(b) {
            "homonym"
        } else {
            "other"
        };
        *quality.wrong_by_kind.entry(kind.to_string()).or_default() += 1;
    }
    Ok(quality)
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

fn kinds(noise: &HashMap<i64, String>, a: i64, b: i64) -> Vec<String> {
    let mut out: Vec<String> = [a, b]
        .iter()
        .filter_map(|r| noise.get(r))
        .flat_map(|n| {
            n.split([',', ';', ' '])
                .filter(|k| !k.is_empty())
                .map(str::to_string)
        })
        .collect();
    out.sort();
    out.dedup();
    if out.is_empty() {
        out.push("none".into());
    }
    out
}
