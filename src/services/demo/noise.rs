//! The identity noise of real rosters, applied to a true person as one agency would type them.
//!
//! Each agency keeps its own list, typed by its own staff: accents dropped, Ñ written N, the
//! maternal surname or the second given name left out, surnames swapped, a Quechua spelling
//! where RENIEC has a Hispanicised one (Waman for Huamán), a slipped key, a DNI with a wrong,
//! swapped or missing digit or none at all, a birth date with day and month swapped or the year
//! off by one. [`NoiseProfile`] holds one rate per kind; every kind that actually changed the
//! record is reported, so the demo's ground truth says exactly what record matching had to see
//! through. This module never decides which person a record is linked to.

use super::households::Person;
use super::names::{enye_as_n, has_accent, spellings_of, strip_accents};
use super::rng::{Rng, WHOLE_BP};
use crate::domain::sex::Sex;
use chrono::{Datelike, NaiveDate};

/// A kind of noise, with the code stored in `demo_identity.noise`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NoiseKind {
    AccentsDropped,
    EnyeAsN,
    MaternalMissing,
    SecondGivenMissing,
    SurnamesSwapped,
    SpellingVariant,
    Typo,
    DniWrongDigit,
    DniSwappedDigits,
    DniDigitMissing,
    DniMissing,
    BirthDayMonthSwapped,
    BirthYearOff,
    /// The record carries another (real, different) person's DNI.
    DniConflict,
}

impl NoiseKind {
    pub const ALL: [NoiseKind; 14] = [
        NoiseKind::AccentsDropped,
        NoiseKind::EnyeAsN,
        NoiseKind::MaternalMissing,
        NoiseKind::SecondGivenMissing,
        NoiseKind::SurnamesSwapped,
        NoiseKind::SpellingVariant,
        NoiseKind::Typo,
        NoiseKind::DniWrongDigit,
        NoiseKind::DniSwappedDigits,
        NoiseKind::DniDigitMissing,
        NoiseKind::DniMissing,
        NoiseKind::BirthDayMonthSwapped,
        NoiseKind::BirthYearOff,
        NoiseKind::DniConflict,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NoiseKind::AccentsDropped => "accents",
            NoiseKind::EnyeAsN => "enye_n",
            NoiseKind::MaternalMissing => "maternal_missing",
            NoiseKind::SecondGivenMissing => "second_given_missing",
            NoiseKind::SurnamesSwapped => "surnames_swapped",
            NoiseKind::SpellingVariant => "spelling",
            NoiseKind::Typo => "typo",
            NoiseKind::DniWrongDigit => "dni_digit",
            NoiseKind::DniSwappedDigits => "dni_swap",
            NoiseKind::DniDigitMissing => "dni_short",
            NoiseKind::DniMissing => "dni_missing",
            NoiseKind::BirthDayMonthSwapped => "birth_day_month",
            NoiseKind::BirthYearOff => "birth_year",
            NoiseKind::DniConflict => "dni_conflict",
        }
    }

    /// Kinds that leave the record without its person's valid DNI: the importer cannot link
    /// such a record by DNI.
    pub fn breaks_dni(self) -> bool {
        matches!(
            self,
            NoiseKind::DniWrongDigit
                | NoiseKind::DniSwappedDigits
                | NoiseKind::DniDigitMissing
                | NoiseKind::DniMissing
        )
    }
}

/// How often each kind of noise strikes a record, in basis points (10 000 = always). A rate
/// applies where the kind can apply: Ñ written N only touches names with an Ñ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoiseProfile {
    pub accents_dropped_bp: u32,
    pub enye_as_n_bp: u32,
    pub maternal_missing_bp: u32,
    pub second_given_missing_bp: u32,
    pub surnames_swapped_bp: u32,
    pub spelling_variant_bp: u32,
    pub typo_bp: u32,
    pub dni_wrong_digit_bp: u32,
    pub dni_swapped_digits_bp: u32,
    pub dni_digit_missing_bp: u32,
    pub dni_missing_bp: u32,
    pub birth_day_month_swapped_bp: u32,
    pub birth_year_off_bp: u32,
    pub dni_conflict_bp: u32,
    /// Juntos checks its list against RENIEC: its rates are the others' times this share.
    pub juntos_scale_bp: u32,
}

impl Default for NoiseProfile {
    /// About a quarter of the non-Juntos records carry some noise, one in twenty-five a
    /// broken DNI; Juntos records a tenth of that.
    fn default() -> Self {
        NoiseProfile {
            accents_dropped_bp: 500,
            enye_as_n_bp: 3_000,
            maternal_missing_bp: 350,
            second_given_missing_bp: 1_000,
            surnames_swapped_bp: 100,
            spelling_variant_bp: 700,
            typo_bp: 200,
            dni_wrong_digit_bp: 120,
            dni_swapped_digits_bp: 80,
            dni_digit_missing_bp: 60,
            dni_missing_bp: 120,
            birth_day_month_swapped_bp: 250,
            birth_year_off_bp: 120,
            dni_conflict_bp: 40,
            juntos_scale_bp: 1_000,
        }
    }
}

impl NoiseProfile {
    /// No noise at all: every record is its person, exactly.
    pub fn clean() -> Self {
        NoiseProfile {
            accents_dropped_bp: 0,
            enye_as_n_bp: 0,
            maternal_missing_bp: 0,
            second_given_missing_bp: 0,
            surnames_swapped_bp: 0,
            spelling_variant_bp: 0,
            typo_bp: 0,
            dni_wrong_digit_bp: 0,
            dni_swapped_digits_bp: 0,
            dni_digit_missing_bp: 0,
            dni_missing_bp: 0,
            birth_day_month_swapped_bp: 0,
            birth_year_off_bp: 0,
            dni_conflict_bp: 0,
            juntos_scale_bp: 0,
        }
    }

    /// The rate of one kind, before any programme scaling.
    pub fn rate(&self, kind: NoiseKind) -> u32 {
        match kind {
            NoiseKind::AccentsDropped => self.accents_dropped_bp,
            NoiseKind::EnyeAsN => self.enye_as_n_bp,
            NoiseKind::MaternalMissing => self.maternal_missing_bp,
            NoiseKind::SecondGivenMissing => self.second_given_missing_bp,
            NoiseKind::SurnamesSwapped => self.surnames_swapped_bp,
            NoiseKind::SpellingVariant => self.spelling_variant_bp,
            NoiseKind::Typo => self.typo_bp,
            NoiseKind::DniWrongDigit => self.dni_wrong_digit_bp,
            NoiseKind::DniSwappedDigits => self.dni_swapped_digits_bp,
            NoiseKind::DniDigitMissing => self.dni_digit_missing_bp,
            NoiseKind::DniMissing => self.dni_missing_bp,
            NoiseKind::BirthDayMonthSwapped => self.birth_day_month_swapped_bp,
            NoiseKind::BirthYearOff => self.birth_year_off_bp,
            NoiseKind::DniConflict => self.dni_conflict_bp,
        }
    }
}

/// A person as one roster writes them. `dni` is what the importer reads (a 7-digit value
/// already padded with the leading zero it assumes a spreadsheet dropped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub given: String,
    pub paternal: String,
    pub maternal: Option<String>,
    pub dni: Option<String>,
    pub birth: Option<NaiveDate>,
    pub sex: Sex,
}

impl Identity {
    /// The person exactly as RENIEC knows them.
    pub fn of(person: &Person) -> Identity {
        Identity {
            given: person.given.clone(),
            paternal: person.paternal.to_string(),
            maternal: Some(person.maternal.to_string()),
            dni: person.dni.clone(),
            birth: Some(person.birth),
            sex: person.sex,
        }
    }
}

/// Applies noise to one record's identity. `scale_bp` scales every rate (10 000 = as is).
pub struct Disguise<'a> {
    pub profile: &'a NoiseProfile,
    pub scale_bp: u32,
}

impl Disguise<'_> {
    fn strikes(&self, rng: &mut Rng, kind: NoiseKind) -> bool {
        let rate =
            u64::from(self.profile.rate(kind)) * u64::from(self.scale_bp) / u64::from(WHOLE_BP);
        rng.chance(rate as u32)
    }

    /// The person as this roster has them, and the kinds of noise that changed something.
    pub fn apply(&self, rng: &mut Rng, person: &Person) -> (Identity, Vec<NoiseKind>) {
        let mut id = Identity::of(person);
        let mut kinds = Vec::new();
        let mut note = |hit: bool, kind| {
            if hit {
                kinds.push(kind);
            }
        };
        note(
            self.strikes(rng, NoiseKind::SpellingVariant) && respell(rng, &mut id),
            NoiseKind::SpellingVariant,
        );
        note(
            self.strikes(rng, NoiseKind::SecondGivenMissing) && drop_second_given(&mut id),
            NoiseKind::SecondGivenMissing,
        );
        note(
            self.strikes(rng, NoiseKind::MaternalMissing) && id.maternal.take().is_some(),
            NoiseKind::MaternalMissing,
        );
        note(
            self.strikes(rng, NoiseKind::SurnamesSwapped) && swap_surnames(&mut id),
            NoiseKind::SurnamesSwapped,
        );
        note(
            self.strikes(rng, NoiseKind::Typo) && typo(rng, &mut id),
            NoiseKind::Typo,
        );
        note(
            self.strikes(rng, NoiseKind::AccentsDropped)
                && map_names(&mut id, has_accent, strip_accents),
            NoiseKind::AccentsDropped,
        );
        note(
            self.strikes(rng, NoiseKind::EnyeAsN)
                && map_names(&mut id, |t| t.contains(['ñ', 'Ñ']), enye_as_n),
            NoiseKind::EnyeAsN,
        );
        if let Some(kind) = self.dni_noise(rng, &mut id) {
            note(true, kind);
        }
        if let Some(kind) = self.birth_noise(rng, &mut id) {
            note(true, kind);
        }
        kinds.sort();
        (id, kinds)
    }

    /// At most one DNI slip per record.
    fn dni_noise(&self, rng: &mut Rng, id: &mut Identity) -> Option<NoiseKind> {
        let dni = id.dni.clone()?;
        let kinds = [
            NoiseKind::DniWrongDigit,
            NoiseKind::DniSwappedDigits,
            NoiseKind::DniDigitMissing,
            NoiseKind::DniMissing,
        ];
        let kind = kinds.into_iter().find(|&k| self.strikes(rng, k))?;
        id.dni = match kind {
            NoiseKind::DniWrongDigit => Some(wrong_digit(rng, &dni)),
            NoiseKind::DniSwappedDigits => Some(swap_digits(rng, &dni)?),
            NoiseKind::DniDigitMissing => Some(drop_digit(rng, &dni)),
            _ => None,
        };
        Some(kind)
    }

    /// At most one birth-date slip per record.
    fn birth_noise(&self, rng: &mut Rng, id: &mut Identity) -> Option<NoiseKind> {
        let birth = id.birth?;
        if self.strikes(rng, NoiseKind::BirthDayMonthSwapped) && birth.day() != birth.month() {
            let swapped = NaiveDate::from_ymd_opt(birth.year(), birth.day(), birth.month())?;
            id.birth = Some(swapped);
            return Some(NoiseKind::BirthDayMonthSwapped);
        }
        if self.strikes(rng, NoiseKind::BirthYearOff) {
            let year = birth.year() + if rng.chance(5_000) { 1 } else { -1 };
            let moved = NaiveDate::from_ymd_opt(year, birth.month(), birth.day())
                .or_else(|| NaiveDate::from_ymd_opt(year, birth.month(), 28))?;
            id.birth = Some(moved);
            return Some(NoiseKind::BirthYearOff);
        }
        None
    }
}

/// Applies `change` to every name part `applies` to; true when something changed.
fn map_names(
    id: &mut Identity,
    applies: impl Fn(&str) -> bool,
    change: impl Fn(&str) -> String,
) -> bool {
    let mut changed = false;
    for part in [
        Some(&mut id.given),
        Some(&mut id.paternal),
        id.maternal.as_mut(),
    ]
    .into_iter()
    .flatten()
    {
        if applies(part) {
            *part = change(part);
            changed = true;
        }
    }
    changed
}

/// Replaces one word that has other spellings (a surname or one given name) by one of them.
fn respell(rng: &mut Rng, id: &mut Identity) -> bool {
    let mut slots: Vec<(usize, usize)> = Vec::new();
    let parts = [Some(&id.paternal), id.maternal.as_ref(), Some(&id.given)];
    for (p, part) in parts.iter().enumerate() {
        if let Some(text) = part {
            for (w, word) in text.split(' ').enumerate() {
                if spellings_of(word).is_some() {
                    slots.push((p, w));
                }
            }
        }
    }
    let Some(&(p, w)) = rng.pick(&slots) else {
        return false;
    };
    let target = match p {
        0 => &mut id.paternal,
        1 => match id.maternal.as_mut() {
            Some(m) => m,
            None => return false,
        },
        _ => &mut id.given,
    };
    let mut words: Vec<String> = target.split(' ').map(str::to_string).collect();
    let variant = spellings_of(&words[w]).and_then(|v| rng.pick(v)).copied();
    let Some(variant) = variant else {
        return false;
    };
    words[w] = variant.to_string();
    *target = words.join(" ");
    true
}

fn drop_second_given(id: &mut Identity) -> bool {
    match id.given.split_once(' ') {
        Some((first, _)) => {
            id.given = first.to_string();
            true
        }
        None => false,
    }
}

fn swap_surnames(id: &mut Identity) -> bool {
    match id.maternal.as_mut() {
        Some(m) if *m != id.paternal => {
            std::mem::swap(m, &mut id.paternal);
            true
        }
        _ => false,
    }
}

/// Neighbouring keys on a Spanish keyboard, for substitutions.
fn neighbour(c: char) -> char {
    const ROWS: [&str; 3] = ["qwertyuiop", "asdfghjklñ", "zxcvbnm"];
    let lower = c.to_ascii_lowercase();
    for row in ROWS {
        let keys: Vec<char> = row.chars().collect();
        if let Some(i) = keys.iter().position(|&k| k == lower) {
            // The key to the right, or to the left at the row's end (and instead of Ñ, which
            // would make the slip look like the Ñ noise).
            let next = match keys.get(i + 1) {
                Some(&k) if k != 'ñ' => k,
                _ => keys[i - 1],
            };
            return if c.is_uppercase() {
                next.to_ascii_uppercase()
            } else {
                next
            };
        }
    }
    c
}

/// One slipped key in the paternal surname or the given names: a neighbouring key, a letter
/// left out or a letter typed twice. The first letter is spared, as it mostly is.
fn typo(rng: &mut Rng, id: &mut Identity) -> bool {
    let target = if rng.chance(5_000) {
        &mut id.paternal
    } else {
        &mut id.given
    };
    let mut chars: Vec<char> = target.chars().collect();
    let positions: Vec<usize> = (1..chars.len())
        .filter(|&i| chars[i].is_ascii_alphabetic())
        .collect();
    let Some(&at) = rng.pick(&positions) else {
        return false;
    };
    match rng.below(3) {
        0 => chars[at] = neighbour(chars[at]),
        1 => {
            chars.remove(at);
        }
        _ => chars.insert(at, chars[at]),
    }
    let typed: String = chars.into_iter().collect();
    let changed = typed != *target && !typed.trim().is_empty();
    if changed {
        *target = typed;
    }
    changed
}

fn wrong_digit(rng: &mut Rng, dni: &str) -> String {
    let mut digits: Vec<u8> = dni.bytes().collect();
    let at = rng.index(digits.len());
    let shift = rng.between(1, 9) as u8;
    digits[at] = b'0' + (digits[at] - b'0' + shift) % 10;
    String::from_utf8_lossy(&digits).into_owned()
}

/// Two adjacent, different digits swapped; `None` when all neighbours are equal.
fn swap_digits(rng: &mut Rng, dni: &str) -> Option<String> {
    let mut digits: Vec<u8> = dni.bytes().collect();
    let spots: Vec<usize> = (0..digits.len().saturating_sub(1))
        .filter(|&i| digits[i] != digits[i + 1])
        .collect();
    let &at = rng.pick(&spots)?;
    digits.swap(at, at + 1);
    Some(String::from_utf8_lossy(&digits).into_owned())
}

/// One digit left out; the importer reads the 7 digits with a leading zero.
fn drop_digit(rng: &mut Rng, dni: &str) -> String {
    let mut digits: Vec<u8> = dni.bytes().collect();
    digits.remove(rng.index(digits.len()));
    format!("0{}", String::from_utf8_lossy(&digits))
}
