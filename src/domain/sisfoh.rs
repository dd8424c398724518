//! SISFOH, the household targeting system: its three classes and how long a classification lasts.
//!
//! A household is *pobre extremo* (`PE`), *pobre* (`P`) or *no pobre* (`NP`). Rosters write the
//! code or the words, in any case, with or without accents or dots (`P.E.`, `POBRE EXTREMO`,
//! `pobre_extremo`). A classification is valid for three years from its date; it is
//! "expiring soon" in its last 90 days, so offices can ask for a new household survey in time.
//! A classification of 29 February expires on 28 February three years later (a month's last day
//! stands in for a day the month lacks).

use super::names::code_key;
use chrono::{Months, NaiveDate};
use thiserror::Error;

/// How many months a classification stays valid.
pub const VALIDITY_MONTHS: u32 = 36;
/// How many days before expiry a classification counts as expiring soon.
pub const EXPIRING_SOON_DAYS: i64 = 90;

/// The SISFOH socio-economic classification of a household.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SisfohClass {
    PobreExtremo,
    Pobre,
    NoPobre,
}

/// Why a text is not a SISFOH class.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SisfohError {
    #[error("the SISFOH classification is empty")]
    Empty,
    #[error("SISFOH classification {value:?} is not PE, P or NP")]
    Unknown { value: String },
}

/// Whether a classification is still valid on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validity {
    /// Valid; `expires` is the first day on which it no longer is.
    Valid { expires: NaiveDate },
    /// Valid, but `expires` is at most [`EXPIRING_SOON_DAYS`] away.
    ExpiringSoon { expires: NaiveDate, days_left: i64 },
    /// No longer valid since `expired_on`.
    Expired { expired_on: NaiveDate },
}

impl SisfohClass {
    pub const ALL: [SisfohClass; 3] = [
        SisfohClass::PobreExtremo,
        SisfohClass::Pobre,
        SisfohClass::NoPobre,
    ];

    /// `PE`, `P` or `NP`.
    pub fn code(self) -> &'static str {
        match self {
            SisfohClass::PobreExtremo => "PE",
            SisfohClass::Pobre => "P",
            SisfohClass::NoPobre => "NP",
        }
    }

    /// Reads a code or the written-out class, ignoring case, accents, spaces and punctuation.
    pub fn parse(raw: &str) -> Result<SisfohClass, SisfohError> {
        let key = code_key(raw);
        match key.as_str() {
            "" if raw.trim().is_empty() => Err(SisfohError::Empty),
            "PE" | "POBREEXTREMO" | "POBREZAEXTREMA" | "EXTREMOPOBRE" => {
                Ok(SisfohClass::PobreExtremo)
            }
            "P" | "POBRE" | "POBREZA" => Ok(SisfohClass::Pobre),
            "NP" | "NOPOBRE" => Ok(SisfohClass::NoPobre),
            _ => Err(SisfohError::Unknown {
                value: raw.trim().to_string(),
            }),
        }
    }

    /// True for the two classes that qualify for poverty-targeted programmes.
    pub fn is_poor(self) -> bool {
        matches!(self, SisfohClass::PobreExtremo | SisfohClass::Pobre)
    }
}

/// The first day on which a classification made on `classified_on` is no longer valid.
pub fn expiry_date(classified_on: NaiveDate) -> NaiveDate {
    classified_on
        .checked_add_months(Months::new(VALIDITY_MONTHS))
        .unwrap_or(NaiveDate::MAX)
}

/// Whether a classification made on `classified_on` is valid on `today`.
pub fn validity(classified_on: NaiveDate, today: NaiveDate) -> Validity {
    let expires = expiry_date(classified_on);
    let days_left = (expires - today).num_days();
    if days_left <= 0 {
        Validity::Expired {
            expired_on: expires,
        }
    } else if days_left <= EXPIRING_SOON_DAYS {
        Validity::ExpiringSoon { expires, days_left }
    } else {
        Validity::Valid { expires }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn codes_round_trip() {
        for class in SisfohClass::ALL {
            assert_eq!(SisfohClass::parse(class.code()), Ok(class));
        }
        assert_eq!(SisfohClass::PobreExtremo.code(), "PE");
        assert_eq!(SisfohClass::Pobre.code(), "P");
        assert_eq!(SisfohClass::NoPobre.code(), "NP");
    }

    #[test]
    fn reads_written_out_forms_in_any_case() {
        use SisfohClass::*;
        for (s, c) in [
            ("pobre extremo", PobreExtremo),
            ("POBRE EXTREMO", PobreExtremo),
            ("Pobre_Extremo", PobreExtremo),
            ("pobreza extrema", PobreExtremo),
            (" p.e. ", PobreExtremo),
            ("pe", PobreExtremo),
            ("Pobre", Pobre),
            ("p", Pobre),
            ("no pobre", NoPobre),
            ("NO POBRE", NoPobre),
            ("No-Pobre", NoPobre),
            ("n.p.", NoPobre),
            ("PÓBRE", Pobre),
        ] {
            assert_eq!(SisfohClass::parse(s), Ok(c), "{s}");
        }
    }

    #[test]
    fn rejects_unknown_and_empty() {
        assert_eq!(SisfohClass::parse("  "), Err(SisfohError::Empty));
        assert_eq!(
            SisfohClass::parse(" rico "),
            Err(SisfohError::Unknown {
                value: "rico".into()
            })
        );
        assert!(matches!(
            SisfohClass::parse("--"),
            Err(SisfohError::Unknown { .. })
        ));
        assert!(SisfohClass::parse("PEP").is_err());
    }

    #[test]
    fn poor_classes() {
        assert!(SisfohClass::PobreExtremo.is_poor());
        assert!(SisfohClass::Pobre.is_poor());
        assert!(!SisfohClass::NoPobre.is_poor());
    }

    #[test]
    fn valid_for_three_years() {
        let on = d(2015, 3, 15);
        assert_eq!(expiry_date(on), d(2018, 3, 15));
        assert_eq!(
            validity(on, d(2015, 3, 15)),
            Validity::Valid {
                expires: d(2018, 3, 15)
            }
        );
        assert_eq!(
            validity(on, d(2017, 12, 14)),
            Validity::Valid {
                expires: d(2018, 3, 15)
            }
        );
    }

    #[test]
    fn expiring_soon_in_the_last_ninety_days() {
        let on = d(2015, 3, 15);
        assert_eq!(
            validity(on, d(2017, 12, 15)),
            Validity::ExpiringSoon {
                expires: d(2018, 3, 15),
                days_left: 90
            }
        );
        assert_eq!(
            validity(on, d(2018, 3, 14)),
            Validity::ExpiringSoon {
                expires: d(2018, 3, 15),
                days_left: 1
            }
        );
    }

    #[test]
    fn expired_on_the_third_anniversary() {
        let on = d(2015, 3, 15);
        let expired = Validity::Expired {
            expired_on: d(2018, 3, 15),
        };
        assert_eq!(validity(on, d(2018, 3, 15)), expired);
        assert_eq!(validity(on, d(2025, 1, 1)), expired);
    }

    #[test]
    fn leap_day_classification_expires_on_february_28() {
        let on = d(2016, 2, 29);
        assert_eq!(expiry_date(on), d(2019, 2, 28));
        assert!(matches!(
            validity(on, d(2019, 2, 27)),
            Validity::ExpiringSoon { days_left: 1, .. }
        ));
        assert!(matches!(
            validity(on, d(2019, 2, 28)),
            Validity::Expired { .. }
        ));
        // the 2020 leap-day classification likewise expires on 2023-02-28
        assert_eq!(expiry_date(d(2020, 2, 29)), d(2023, 2, 28));
    }

    #[test]
    fn future_classification_date_is_valid() {
        assert!(matches!(
            validity(d(2020, 1, 1), d(2019, 1, 1)),
            Validity::Valid { .. }
        ));
    }

    #[test]
    fn extreme_dates_do_not_panic() {
        assert_eq!(expiry_date(NaiveDate::MAX), NaiveDate::MAX);
        assert!(matches!(
            validity(NaiveDate::MAX, NaiveDate::MAX),
            Validity::Expired { .. }
        ));
    }
}
