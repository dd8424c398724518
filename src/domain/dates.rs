//! Dates and times as people and spreadsheets write them.
//!
//! Rosters carry `YYYY-MM-DD` or the Peruvian `DD/MM/YYYY` (also `D/M/YYYY` and `DD-MM-YYYY`).
//! An impossible date such as `31/02/2010` is rejected with an error that names the month and
//! how many days it has; birth and enrolment dates may not lie in the future
//! ([`parse_past_date`]). Years outside [`MIN_YEAR`]..=[`MAX_YEAR`] are taken for typing slips.
//! Times of day (meeting start) are `HH:MM`.

use chrono::{Datelike, NaiveDate, NaiveTime};
use thiserror::Error;

/// Earliest year accepted in a date.
pub const MIN_YEAR: i32 = 1900;
/// Latest year accepted in a date.
pub const MAX_YEAR: i32 = 2100;

/// Why a text is not an acceptable date. Each variant carries the value as written.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DateError {
    #[error("the date is empty")]
    Empty,
    #[error("date {value:?} is not in a known format (YYYY-MM-DD or DD/MM/YYYY)")]
    BadFormat { value: String },
    #[error("date {value:?}: year {year} is outside {min}..={max}")]
    YearOutOfRange {
        value: String,
        year: i32,
        min: i32,
        max: i32,
    },
    #[error("date {value:?}: month {month} does not exist")]
    MonthOutOfRange { value: String, month: u32 },
    #[error(
        "date {value:?}: day {day} does not exist in {year}-{month:02} ({days_in_month} days)"
    )]
    DayNotInMonth {
        value: String,
        day: u32,
        month: u32,
        year: i32,
        days_in_month: u32,
    },
    #[error("date {value:?} is in the future (today is {today})")]
    InFuture { value: String, today: NaiveDate },
}

/// Why a text is not a time of day.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TimeError {
    #[error("the time is empty")]
    Empty,
    #[error("time {value:?} is not in HH:MM format")]
    BadFormat { value: String },
    #[error("time {value:?} does not exist (hours 00-23, minutes 00-59)")]
    OutOfRange { value: String },
}

/// Reads `YYYY-MM-DD`, `DD/MM/YYYY`, `D/M/YYYY` or `DD-MM-YYYY` (surrounding spaces ignored).
pub fn parse_date(raw: &str) -> Result<NaiveDate, DateError> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(DateError::Empty);
    }
    let bad_format = || DateError::BadFormat {
        value: value.to_string(),
    };
    let (year, month, day) = split_ymd(value).ok_or_else(bad_format)?;
    build_date(value, year, month, day)
}

/// Like [`parse_date`], and also rejects dates after `today` (today itself is accepted).
pub fn parse_past_date(raw: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let date = parse_date(raw)?;
    if date > today {
        return Err(DateError::InFuture {
            value: raw.trim().to_string(),
            today,
        });
    }
    Ok(date)
}

/// Completed years of age on the day `on`; 0 if `on` is before `birth`. Someone born on
/// 29 February turns a year older on 1 March in common years.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> u32 {
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    u32::try_from(years).unwrap_or(0)
}

/// `YYYY-MM-DD`, the form stored and exported.
pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// `DD/MM/YYYY`, the form people in Peru read.
pub fn dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// Reads a time of day `HH:MM` (also `H:MM`).
pub fn parse_time(raw: &str) -> Result<NaiveTime, TimeError> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(TimeError::Empty);
    }
    let (h, m) = value.split_once(':').ok_or_else(|| TimeError::BadFormat {
        value: value.to_string(),
    })?;
    let (hour, minute) = match (number(h, 1..=2), number(m, 2..=2)) {
        (Some(hour), Some(minute)) => (hour, minute),
        _ => {
            return Err(TimeError::BadFormat {
                value: value.to_string(),
            })
        }
    };
    NaiveTime::from_hms_opt(hour, minute, 0).ok_or_else(|| TimeError::OutOfRange {
        value: value.to_string(),
    })
}

/// Splits the text into (year, month, day) by its separator, in whichever order it is written.
fn split_ymd(value: &str) -> Option<(i32, u32, u32)> {
    let sep = value.chars().find(|c| !c.is_ascii_digit())?;
    if sep != '/' && sep != '-' {
        return None;
    }
    let parts: Vec<&str> = value.split(sep).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    if a.len() == 4 {
        Some((year_number(a)?, number(b, 1..=2)?, number(c, 1..=2)?))
    } else {
        Some((year_number(c)?, number(b, 1..=2)?, number(a, 1..=2)?))
    }
}

fn year_number(text: &str) -> Option<i32> {
    i32::try_from(number(text, 4..=4)?).ok()
}

/// An unsigned number of ASCII digits whose count is in `digits`.
fn number(text: &str, digits: std::ops::RangeInclusive<usize>) -> Option<u32> {
    let ok = digits.contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| text.parse().ok()).flatten()
}

fn build_date(value: &str, year: i32, month: u32, day: u32) -> Result<NaiveDate, DateError> {
    let value = value.to_string();
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        let (min, max) = (MIN_YEAR, MAX_YEAR);
        return Err(DateError::YearOutOfRange {
            value,
            year,
            min,
            max,
        });
    }
    if !(1..=12).contains(&month) {
        return Err(DateError::MonthOutOfRange { value, month });
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| DateError::DayNotInMonth {
        value,
        day,
        month,
        year,
        days_in_month: days_in_month(year, month),
    })
}

/// Number of days in a month (1–12) of a year.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some())
        .unwrap_or(28)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn reads_every_accepted_format() {
        for s in [
            "2010-02-28",
            "28/02/2010",
            "28-02-2010",
            " 28/2/2010 ",
            "2010/02/28",
        ] {
            assert_eq!(parse_date(s).unwrap(), d(2010, 2, 28), "{s}");
        }
        assert_eq!(parse_date("1/3/2010").unwrap(), d(2010, 3, 1));
        assert_eq!(parse_date("2010-3-1").unwrap(), d(2010, 3, 1));
    }

    #[test]
    fn day_first_is_not_month_first() {
        assert_eq!(parse_date("05/04/2015").unwrap(), d(2015, 4, 5));
        assert!(matches!(
            parse_date("04/13/2015"),
            Err(DateError::MonthOutOfRange { month: 13, .. })
        ));
    }

    #[test]
    fn impossible_days_name_the_month() {
        assert_eq!(
            parse_date("31/02/2010").unwrap_err(),
            DateError::DayNotInMonth {
                value: "31/02/2010".into(),
                day: 31,
                month: 2,
                year: 2010,
                days_in_month: 28
            }
        );
        assert!(matches!(
            parse_date("29/02/2011"),
            Err(DateError::DayNotInMonth {
                days_in_month: 28,
                ..
            })
        ));
        assert_eq!(parse_date("29/02/2012").unwrap(), d(2012, 2, 29));
        assert!(matches!(
            parse_date("2010-04-31"),
            Err(DateError::DayNotInMonth {
                days_in_month: 30,
                ..
            })
        ));
        assert!(matches!(
            parse_date("00/01/2010"),
            Err(DateError::DayNotInMonth { day: 0, .. })
        ));
        assert!(matches!(
            parse_date("2010-00-10"),
            Err(DateError::MonthOutOfRange { month: 0, .. })
        ));
    }

    #[test]
    fn malformed_text_is_a_format_error() {
        for s in [
            "28/02/10",
            "2010-02",
            "28.02.2010",
            "28/02-2010",
            "hoy",
            "2010-02-28 10:00",
            "28/002/2010",
            "2010-+2-28",
            "28//2010",
        ] {
            assert!(
                matches!(parse_date(s), Err(DateError::BadFormat { .. })),
                "{s}"
            );
        }
        assert_eq!(parse_date("  ").unwrap_err(), DateError::Empty);
    }

    #[test]
    fn implausible_years_are_rejected() {
        assert!(matches!(
            parse_date("12/05/0201"),
            Err(DateError::YearOutOfRange { year: 201, .. })
        ));
        assert!(matches!(
            parse_date("2999-01-01"),
            Err(DateError::YearOutOfRange { .. })
        ));
    }

    #[test]
    fn past_dates_reject_the_future_but_not_today() {
        let today = d(2015, 6, 15);
        assert_eq!(parse_past_date("15/06/2015", today).unwrap(), today);
        assert_eq!(
            parse_past_date(" 2015-06-16", today).unwrap_err(),
            DateError::InFuture {
                value: "2015-06-16".into(),
                today
            }
        );
        assert!(matches!(
            parse_past_date("31/02/2010", today),
            Err(DateError::DayNotInMonth { .. })
        ));
    }

    #[test]
    fn age_counts_completed_years() {
        let birth = d(1990, 6, 15);
        assert_eq!(age_on(birth, d(2015, 6, 14)), 24);
        assert_eq!(age_on(birth, d(2015, 6, 15)), 25);
        assert_eq!(age_on(birth, birth), 0);
        assert_eq!(age_on(birth, d(1980, 1, 1)), 0);
    }

    #[test]
    fn leap_day_birthdays_turn_on_first_of_march() {
        let birth = d(2012, 2, 29);
        assert_eq!(age_on(birth, d(2013, 2, 28)), 0);
        assert_eq!(age_on(birth, d(2013, 3, 1)), 1);
        assert_eq!(age_on(birth, d(2016, 2, 29)), 4);
    }

    #[test]
    fn formats_dates() {
        assert_eq!(iso(d(2010, 2, 3)), "2010-02-03");
        assert_eq!(dmy(d(2010, 2, 3)), "03/02/2010");
        assert_eq!(days_in_month(2012, 2), 29);
        assert_eq!(days_in_month(2100, 2), 28);
        assert_eq!(days_in_month(2010, 12), 31);
    }

    #[test]
    fn reads_times() {
        assert_eq!(
            parse_time("09:30").unwrap(),
            NaiveTime::from_hms_opt(9, 30, 0).unwrap()
        );
        assert_eq!(
            parse_time(" 9:05 ").unwrap(),
            NaiveTime::from_hms_opt(9, 5, 0).unwrap()
        );
        assert_eq!(
            parse_time("23:59").unwrap(),
            NaiveTime::from_hms_opt(23, 59, 0).unwrap()
        );
        assert_eq!(
            parse_time("00:00").unwrap(),
            NaiveTime::from_hms_opt(0, 0, 0).unwrap()
        );
    }

    #[test]
    fn rejects_bad_times() {
        assert!(matches!(
            parse_time("24:00"),
            Err(TimeError::OutOfRange { .. })
        ));
        assert!(matches!(
            parse_time("10:60"),
            Err(TimeError::OutOfRange { .. })
        ));
        for s in ["930", "9:5", "09:30:00", "a:30", "09h30", ":30", "123:00"] {
            assert!(
                matches!(parse_time(s), Err(TimeError::BadFormat { .. })),
                "{s}"
            );
        }
        assert_eq!(parse_time("").unwrap_err(), TimeError::Empty);
    }
}
