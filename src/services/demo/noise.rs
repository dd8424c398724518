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
use super::rng::{Rng, WHOLE_BP};
use super::slips;
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

/// A change to a name: true when it changed something.
type Slip = fn(&mut Rng, &mut Identity) -> bool;

/// The name slips, in the order they are applied.
const NAME_SLIPS: [(NoiseKind, Slip); 7] = [
    (NoiseKind::SpellingVariant, slips::respell),
    (NoiseKind::SecondGivenMissing, |_, id| {
        slips::drop_second_given(id)
    }),
    (NoiseKind::MaternalMissing, |_, id| {
        id.maternal.take().is_some()
    }),
    (NoiseKind::SurnamesSwapped, |_, id| slips::swap_surnames(id)),
    (NoiseKind::Typo, slips::typo),
    (NoiseKind::AccentsDropped, |_, id| slips::drop_accents(id)),
    (NoiseKind::EnyeAsN, |_, id| slips::enye_as_n(id)),
];

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
        // Respelling comes first, on the registry's spelling; accents go last, so a respelled
        // or mistyped name loses its accents too.
        for (kind, slip) in NAME_SLIPS {
            if self.strikes(rng, kind) && slip(rng, &mut id) {
                kinds.push(kind);
            }
        }
        kinds.extend(self.dni_noise(rng, &mut id));
        kinds.extend(self.birth_noise(rng, &mut id));
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
            NoiseKind::DniWrongDigit => Some(slips::wrong_digit(rng, &dni)),
            NoiseKind::DniSwappedDigits => Some(slips::swap_digits(rng, &dni)?),
            NoiseKind::DniDigitMissing => Some(slips::drop_digit(rng, &dni)),
            _ => None,
        };
        Some(kind)
    }

    /// At most one birth-date slip per record.
    fn birth_noise(&self, rng: &mut Rng, id: &mut Identity) -> Option<NoiseKind> {
        let birth = id.birth?;
        if self.strikes(rng, NoiseKind::BirthDayMonthSwapped) {
            // Only a day of 1–12 (not equal to the month) can pass for a month.
            let swapped = NaiveDate::from_ymd_opt(birth.year(), birth.day(), birth.month())
                .filter(|_| birth.day() != birth.month());
            if let Some(swapped) = swapped {
                id.birth = Some(swapped);
                return Some(NoiseKind::BirthDayMonthSwapped);
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::demo::households::Relationship;

    fn person() -> Person {
        Person {
            id: 1,
            relationship: Relationship::Head,
            sex: Sex::F,
            given: "María Ñusta".into(),
            paternal: "Huamán",
            maternal: "Peña",
            birth: NaiveDate::from_ymd_opt(1980, 3, 7).unwrap(),
            dni: Some("43218765".into()),
            pregnant_since: None,
            homonym: false,
        }
    }

    /// Every kind at full rate.
    fn always() -> NoiseProfile {
        let mut p = NoiseProfile::clean();
        p.accents_dropped_bp = WHOLE_BP;
        p.enye_as_n_bp = WHOLE_BP;
        p.second_given_missing_bp = WHOLE_BP;
        p.spelling_variant_bp = WHOLE_BP;
        p.dni_missing_bp = WHOLE_BP;
        p.birth_day_month_swapped_bp = WHOLE_BP;
        p
    }

    #[test]
    fn a_clean_profile_leaves_the_person_as_registered() {
        let profile = NoiseProfile::clean();
        let disguise = Disguise {
            profile: &profile,
            scale_bp: WHOLE_BP,
        };
        let mut rng = Rng::new(1, 0);
        let (id, kinds) = disguise.apply(&mut rng, &person());
        assert_eq!(id, Identity::of(&person()));
        assert!(kinds.is_empty());
    }

    #[test]
    fn every_applied_kind_is_reported() {
        let profile = always();
        let disguise = Disguise {
            profile: &profile,
            scale_bp: WHOLE_BP,
        };
        let mut rng = Rng::new(2, 0);
        let (id, kinds) = disguise.apply(&mut rng, &person());
        assert_eq!(id.given, "Maria");
        assert_eq!(id.dni, None);
        assert_eq!(id.birth, NaiveDate::from_ymd_opt(1980, 7, 3));
        assert!(!id.paternal.contains('á') && !id.maternal.unwrap().contains('ñ'));
        for kind in [
            NoiseKind::AccentsDropped,
            NoiseKind::SecondGivenMissing,
            NoiseKind::SpellingVariant,
            NoiseKind::DniMissing,
            NoiseKind::BirthDayMonthSwapped,
        ] {
            assert!(kinds.contains(&kind), "{kind:?} in {kinds:?}");
        }
        // The only Ñ was in the dropped second given name or the maternal surname.
        assert!(kinds.contains(&NoiseKind::EnyeAsN));
    }

    #[test]
    fn scaling_to_zero_silences_the_profile() {
        let profile = always();
        let disguise = Disguise {
            profile: &profile,
            scale_bp: 0,
        };
        let mut rng = Rng::new(3, 0);
        assert!(disguise.apply(&mut rng, &person()).1.is_empty());
    }

    #[test]
    fn codes_are_distinct() {
        let mut codes: Vec<&str> = NoiseKind::ALL.iter().map(|k| k.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), NoiseKind::ALL.len());
        assert!(!codes.contains(&"homonym"));
    }
}
