//! Which records are compared at all. Comparing every pair is out of the question at millions
//! of records; instead records that share a blocking key are compared: a DNI with one digit
//! deleted (covers one wrong digit, two adjacent digits swapped, one digit missing), or the
//! district with the phonetic key of either surname and the first sound of the given name.
//! A block too big to compare whole (a common surname in a big district) is split by the
//! full given name, and past that compared only between neighbours in name order — bounded
//! work, reported in the scan's figures.

use super::record::MatchRecord;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

/// A block larger than this is split by a finer key.
pub const MAX_BLOCK: usize = 400;
/// In a block still too large, each record is compared with this many neighbours.
pub const WINDOW: usize = 40;

fn key(parts: &[&str]) -> u64 {
    // DefaultHasher::new() has fixed keys: the same record gets the same key in every run.
    let mut h = DefaultHasher::new();
    parts.hash(&mut h);
    h.finish()
}

/// The DNI keys of a record: the DNI with each one of its digits deleted.
pub fn dni_keys(dni: &str) -> Vec<u64> {
    (0..dni.len())
        .map(|i| {
            let deleted: String = dni
                .char_indices()
                .filter(|(j, _)| *j != i)
                .map(|(_, c)| c)
                .collect();
            key(&["dni", &deleted])
        })
        .collect()
}

fn name_keys(r: &MatchRecord, fine: bool) -> Vec<u64> {
    let Some(given) = r.given_keys.first() else {
        return Vec::new();
    };
    let given: String = if fine {
        given.clone()
    } else {
        given.chars().take(1).collect()
    };
    let level = if fine { "fine" } else { "coarse" };
    r.surname_keys()
        .into_iter()
        .map(|s| key(&[level, &r.district, s, &given]))
        .collect()
}

/// Blocks of record indices.
pub struct Blocks {
    blocks: HashMap<u64, Vec<u32>>,
    /// Records whose keys point into each block, per record.
    keys: Vec<Vec<u64>>,
    pub truncated_blocks: usize,
}

impl Blocks {
    pub fn build(records: &[MatchRecord]) -> Blocks {
        let mut coarse: HashMap<u64, Vec<u32>> = HashMap::new();
        let mut keys: Vec<Vec<u64>> = Vec::with_capacity(records.len());
        for (i, r) in records.iter().enumerate() {
            let mut own = r.dni.as_deref().map(dni_keys).unwrap_or_default();
            own.extend(name_keys(r, false));
            own.sort_unstable();
            own.dedup();
            for k in &own {
                coarse.entry(*k).or_default().push(i as u32);
            }
            keys.push(own);
        }
        let mut blocks = Blocks {
            blocks: coarse,
            keys,
            truncated_blocks: 0,
        };
        blocks.refine(records);
        blocks
    }

    /// Splits oversized name blocks by the full given name.
    fn refine(&mut self, records: &[MatchRecord]) {
        let oversized: Vec<u64> = self
            .blocks
            .iter()
            .filter(|(_, v)| v.len() > MAX_BLOCK)
            .map(|(k, _)| *k)
            .collect();
        for big in oversized {
            let members = self.blocks.remove(&big).unwrap_or_default();
            for &i in &members {
                let own = &mut self.keys[i as usize];
                own.retain(|k| *k != big);
                for fine in name_keys(&records[i as usize], true) {
                    own.push(fine);
                    self.blocks.entry(fine).or_default().push(i);
                }
            }
        }
        for members in self.blocks.values_mut() {
            members.sort_unstable();
            members.dedup();
        }
        self.truncated_blocks = self.blocks.values().filter(|v| v.len() > MAX_BLOCK).count();
        for members in self.blocks.values_mut().filter(|v| v.len() > MAX_BLOCK) {
            // Neighbours in name order: sort the block's members by their given-name key.
            members.sort_by_key(|&i| (&records[i as usize].given, i));
        }
    }

    /// The records `i` is to be compared with (each once, all different from `i`).
    pub fn candidates(&self, i: usize) -> Vec<u32> {
        let mut out = Vec::new();
        for k in &self.keys[i] {
            let Some(members) = self.blocks.get(k) else {
                continue;
            };
            if members.len() <= MAX_BLOCK {
                out.extend(members.iter().copied());
            } else if let Some(pos) = members.iter().position(|&m| m as usize == i) {
                let lo = pos.saturating_sub(WINDOW);
                let hi = (pos + WINDOW + 1).min(members.len());
                out.extend(members[lo..hi].iter().copied());
            }
        }
        out.retain(|&j| j as usize != i);
        out.sort_unstable();
        out.dedup();
        out
    }

    pub fn len(&self) -> usize {
        self.blocks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dni_slips_share_a_deletion_key() {
        let shares = |a: &str, b: &str| dni_keys(a).iter().any(|k| dni_keys(b).contains(k));
        assert!(shares("40112233", "40112283"), "one wrong digit");
        assert!(
            shares("40112233", "40121233"),
            "two adjacent digits swapped"
        );
        assert!(
            shares("40112233", "04012233"),
            "a digit missing, zero padded"
        );
        assert!(!shares("40112233", "71234567"));
    }
}
