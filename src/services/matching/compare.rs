//! Compares two records and keeps the evidence, so a flag can explain itself. Each piece of
//! evidence adds or subtracts weight (log-odds); agreement on a name counts more the rarer the
//! name is in the data, so two Quispes prove little and two Ccoyllos a lot.

use super::frequency::Frequencies;
use super::record::MatchRecord;
use chrono::Datelike;
use serde::Serialize;
use strsim::{damerau_levenshtein, jaro_winkler};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DniEvidence {
    Same,
    OneDigit,
    Transposed,
    DigitMissing,
    Different,
    Missing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateEvidence {
    Same,
    DayMonthSwapped,
    YearOffByOne,
    Different,
    Missing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NameEvidence {
    Same,
    SameSound,
    Typo,
    Missing,
    Different,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    Same,
    Different,
    Unknown,
}

/// Why two records are (or are not) thought to be one person.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub dni: DniEvidence,
    pub birth: DateEvidence,
    pub sex: Agreement,
    pub paternal: NameEvidence,
    pub maternal: NameEvidence,
    pub surnames_swapped: bool,
    pub given: NameEvidence,
    pub given_missing_word: bool,
    pub community: Agreement,
    /// Log-odds total.
    pub weight: f64,
}

impl Evidence {
    /// 0–1, for people and the match export.
    pub fn score(&self) -> f64 {
        1.0 / (1.0 + (-(self.weight - THRESHOLD) / 2.0).exp())
    }

    pub fn is_match(&self) -> bool {
        self.weight >= THRESHOLD
    }
}

/// Total weight at and above which two records are held to be one person.
pub const THRESHOLD: f64 = 8.0;

pub fn dni(a: Option<&str>, b: Option<&str>) -> DniEvidence {
    let (Some(a), Some(b)) = (a, b) else {
        return DniEvidence::Missing;
    };
    if a == b {
        return DniEvidence::Same;
    }
    let (x, y): (Vec<u8>, Vec<u8>) = (a.bytes().collect(), b.bytes().collect());
    let diffs: Vec<usize> = (0..8).filter(|&i| x.get(i) != y.get(i)).collect();
    match diffs.as_slice() {
        [_] => return DniEvidence::OneDigit,
        [i, j] if *j == i + 1 && x[*i] == y[*j] && x[*j] == y[*i] => {
            return DniEvidence::Transposed
        }
        _ => {}
    }
    // A digit dropped and a zero padded in front (a 7-digit DNI read back as 8).
    let dropped = |full: &[u8], short: &[u8]| {
        short[0] == b'0'
            && (0..8).any(|k| {
                full.iter()
                    .enumerate()
                    .filter(|(i, _)| *i != k)
                    .map(|(_, c)| *c)
                    .eq(short[1..].iter().copied())
            })
    };
    if dropped(&x, &y) || dropped(&y, &x) {
        DniEvidence::DigitMissing
    } else {
        DniEvidence::Different
    }
}

pub fn birth(a: Option<chrono::NaiveDate>, b: Option<chrono::NaiveDate>) -> DateEvidence {
    let (Some(a), Some(b)) = (a, b) else {
        return DateEvidence::Missing;
    };
    if a == b {
        DateEvidence::Same
    } else if a.year() == b.year() && a.day() == b.month() && a.month() == b.day() {
        DateEvidence::DayMonthSwapped
    } else if a.day() == b.day() && a.month() == b.month() && (a.year() - b.year()).abs() == 1 {
        DateEvidence::YearOffByOne
    } else {
        DateEvidence::Different
    }
}

fn word(a: &str, b: &str, key_a: &str, key_b: &str) -> NameEvidence {
    if a.is_empty() || b.is_empty() {
        NameEvidence::Missing
    } else if a == b {
        NameEvidence::Same
    } else if key_a == key_b {
        NameEvidence::SameSound
    } else if damerau_levenshtein(a, b) <= 1 || jaro_winkler(a, b) >= 0.94 {
        NameEvidence::Typo
    } else {
        NameEvidence::Different
    }
}

fn name_weight(evidence: NameEvidence, rarity: f64, different: f64) -> f64 {
    match evidence {
        NameEvidence::Same => rarity,
        NameEvidence::SameSound => rarity - 0.5,
        NameEvidence::Typo => rarity - 1.5,
        NameEvidence::Missing => 0.0,
        NameEvidence::Different => different,
    }
}

/// Compares two records.
pub fn compare(a: &MatchRecord, b: &MatchRecord, freq: &Frequencies) -> Evidence {
    let dni = dni(a.dni.as_deref(), b.dni.as_deref());
    let birth = birth(a.birth, b.birth);
    let sex = agreement(a.sex, b.sex);
    let community = agreement(a.community, b.community);
    let (paternal, maternal, swapped, surnames) = surnames(a, b, freq);
    let (given, missing_word, given_weight) = given(a, b, freq);
    let weight = surnames
        + given_weight
        + match dni {
            DniEvidence::Same => 12.0,
            DniEvidence::OneDigit | DniEvidence::Transposed | DniEvidence::DigitMissing => 6.0,
            DniEvidence::Different => -9.0,
            DniEvidence::Missing => 0.0,
        }
        + match birth {
            DateEvidence::Same => 5.0,
            DateEvidence::DayMonthSwapped | DateEvidence::YearOffByOne => 3.0,
            DateEvidence::Different => -5.0,
            DateEvidence::Missing => 0.0,
        }
        + match sex {
            Agreement::Same => 0.5,
            Agreement::Different => -4.0,
            Agreement::Unknown => 0.0,
        }
        + match community {
            Agreement::Same => 1.0,
            Agreement::Different => -1.0,
            Agreement::Unknown => 0.0,
        };
    Evidence {
        dni,
        birth,
        sex,
        paternal,
        maternal,
        surnames_swapped: swapped,
        given,
        given_missing_word: missing_word,
        community,
        weight,
    }
}

fn agreement<T: PartialEq>(a: Option<T>, b: Option<T>) -> Agreement {
    match (a, b) {
        (Some(x), Some(y)) if x == y => Agreement::Same,
        (Some(_), Some(_)) => Agreement::Different,
        _ => Agreement::Unknown,
    }
}

/// Surnames compared as written and crossed over (agencies swap them); the better reading wins.
fn surnames(
    a: &MatchRecord,
    b: &MatchRecord,
    freq: &Frequencies,
) -> (NameEvidence, NameEvidence, bool, f64) {
    let empty = String::new();
    let (am, bm) = (
        a.maternal.as_ref().unwrap_or(&empty),
        b.maternal.as_ref().unwrap_or(&empty),
    );
    let (amk, bmk) = (
        a.maternal_key.as_ref().unwrap_or(&empty),
        b.maternal_key.as_ref().unwrap_or(&empty),
    );
    let reading = |p: (&str, &str, &str, &str), m: (&str, &str, &str, &str)| {
        let pe = word(p.0, p.1, p.2, p.3);
        let me = word(m.0, m.1, m.2, m.3);
        let w = name_weight(pe, freq.surname_rarity(p.0), -4.0)
            + name_weight(me, freq.surname_rarity(m.0), -2.5);
        (pe, me, w)
    };
    let straight = reading(
        (&a.paternal, &b.paternal, &a.paternal_key, &b.paternal_key),
        (am, bm, amk, bmk),
    );
    let crossed = reading(
        (&a.paternal, bm, &a.paternal_key, bmk),
        (am, &b.paternal, amk, &b.paternal_key),
    );
    let crossed_usable = !am.is_empty() && !bm.is_empty();
    if crossed_usable && crossed.2 - 0.5 > straight.2 {
        (crossed.0, crossed.1, true, crossed.2 - 0.5)
    } else {
        (straight.0, straight.1, false, straight.2)
    }
}

/// Given names: the first words must agree; a second given name present on one side only is
/// the common omission, not a disagreement.
fn given(a: &MatchRecord, b: &MatchRecord, freq: &Frequencies) -> (NameEvidence, bool, f64) {
    let (Some(a0), Some(b0)) = (a.given.first(), b.given.first()) else {
        return (NameEvidence::Missing, false, 0.0);
    };
    let empty = String::new();
    let first = word(
        a0,
        b0,
        a.given_keys.first().unwrap_or(&empty),
        b.given_keys.first().unwrap_or(&empty),
    );
    let mut weight = name_weight(first, freq.given_rarity(a0), -5.0);
    let missing_word = a.given.len() != b.given.len();
    if let (Some(a1), Some(b1)) = (a.given.get(1), b.given.get(1)) {
        let second = word(
            a1,
            b1,
            a.given_keys.get(1).unwrap_or(&empty),
            b.given_keys.get(1).unwrap_or(&empty),
        );
        weight += name_weight(second, freq.given_rarity(a1) * 0.5, -2.0);
    }
    (first, missing_word, weight)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dni_typing_errors_are_told_apart_from_different_dnis() {
        assert_eq!(dni(Some("40112233"), Some("40112233")), DniEvidence::Same);
        assert_eq!(
            dni(Some("40112233"), Some("40112283")),
            DniEvidence::OneDigit
        );
        assert_eq!(
            dni(Some("40112233"), Some("40121233")),
            DniEvidence::Transposed
        );
        assert_eq!(
            dni(Some("40112233"), Some("04012233")),
            DniEvidence::DigitMissing
        );
        assert_eq!(
            dni(Some("40112233"), Some("71234567")),
            DniEvidence::Different
        );
        assert_eq!(dni(None, Some("71234567")), DniEvidence::Missing);
    }

    #[test]
    fn birth_date_slips_are_recognised() {
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(
            birth(d(1990, 3, 7), d(1990, 7, 3)),
            DateEvidence::DayMonthSwapped
        );
        assert_eq!(
            birth(d(1990, 3, 7), d(1991, 3, 7)),
            DateEvidence::YearOffByOne
        );
        assert_eq!(birth(d(1990, 3, 7), d(1985, 1, 1)), DateEvidence::Different);
        assert_eq!(birth(None, d(1985, 1, 1)), DateEvidence::Missing);
    }
}
