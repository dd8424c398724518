//! A roster record prepared for matching: folded names, phonetic keys, dates as numbers.

use super::phonetic;
use crate::domain::names::fold_key;
use chrono::{Datelike, NaiveDate};

#[derive(Debug, Clone, PartialEq)]
pub struct MatchRecord {
    pub id: i64,
    pub person_id: i64,
    pub programme_id: i64,
    pub dni: Option<String>,
    pub paternal: String,
    pub maternal: Option<String>,
    /// Given names, folded, one per word.
    pub given: Vec<String>,
    pub paternal_key: String,
    pub maternal_key: Option<String>,
    pub given_keys: Vec<String>,
    pub birth: Option<NaiveDate>,
    pub sex: Option<char>,
    pub district: String,
    pub community: Option<i64>,
    /// Still to be compared (new or changed since the last scan).
    pub pending: bool,
}

/// The raw fields as the store reads them.
#[derive(Debug, Clone, Default)]
pub struct RawRecord {
    pub id: i64,
    pub person_id: i64,
    pub programme_id: i64,
    pub dni: Option<String>,
    pub paternal: String,
    pub maternal: Option<String>,
    pub given: String,
    pub birth_date: Option<String>,
    pub sex: Option<String>,
    pub district: String,
    pub community: Option<i64>,
    pub pending: bool,
}

impl MatchRecord {
    pub fn from_raw(raw: RawRecord) -> MatchRecord {
        let paternal = fold_key(&raw.paternal);
        let maternal = raw
            .maternal
            .as_deref()
            .map(fold_key)
            .filter(|m| !m.is_empty());
        let given: Vec<String> = fold_key(&raw.given)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        MatchRecord {
            id: raw.id,
            person_id: raw.person_id,
            programme_id: raw.programme_id,
            dni: raw.dni.filter(|d| d.len() == 8),
            paternal_key: phonetic::words(&paternal).concat(),
            maternal_key: maternal.as_deref().map(|m| phonetic::words(m).concat()),
            given_keys: given.iter().map(|g| phonetic::word_key(g)).collect(),
            paternal,
            maternal,
            given,
            birth: raw
                .birth_date
                .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
            sex: raw.sex.and_then(|s| s.chars().next()),
            district: raw.district,
            community: raw.community,
            pending: raw.pending,
        }
    }

    pub fn birth_year(&self) -> Option<i32> {
        self.birth.map(|b| b.year())
    }

    /// The surnames' phonetic keys: the words a block can be formed on.
    pub fn surname_keys(&self) -> Vec<&str> {
        let mut keys = vec![self.paternal_key.as_str()];
        if let Some(m) = &self.maternal_key {
            keys.push(m);
        }
        keys.into_iter().filter(|k| !k.is_empty()).collect()
    }
}
