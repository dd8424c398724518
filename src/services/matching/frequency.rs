//! How common each surname and given name is in the data: agreement on a common name is weak
//! evidence, on a rare one strong. Weights are the log of inverse frequency, bounded so that
//! no single name decides a match alone.

use super::record::MatchRecord;
use std::collections::HashMap;

#[derive(Debug, Clone, Default)]
pub struct Frequencies {
    surnames: HashMap<String, u32>,
    given: HashMap<String, u32>,
    surname_total: u32,
    given_total: u32,
}

const MIN_WEIGHT: f64 = 1.0;
const MAX_WEIGHT: f64 = 6.0;

impl Frequencies {
    pub fn from_records<'a>(records: impl IntoIterator<Item = &'a MatchRecord>) -> Frequencies {
        let mut f = Frequencies::default();
        for r in records {
            for s in std::iter::once(&r.paternal).chain(r.maternal.iter()) {
                *f.surnames.entry(s.clone()).or_default() += 1;
                f.surname_total += 1;
            }
            for g in &r.given {
                *f.given.entry(g.clone()).or_default() += 1;
                f.given_total += 1;
            }
        }
        f
    }

    fn rarity(count: Option<&u32>, total: u32) -> f64 {
        let count = f64::from(count.copied().unwrap_or(1).max(1));
        let total = f64::from(total.max(1));
        (total / count).ln().clamp(MIN_WEIGHT, MAX_WEIGHT)
    }

    pub fn surname_rarity(&self, surname: &str) -> f64 {
        Self::rarity(self.surnames.get(surname), self.surname_total)
    }

    pub fn given_rarity(&self, given: &str) -> f64 {
        Self::rarity(self.given.get(given), self.given_total)
    }
}
