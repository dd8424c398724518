//! The committee's monthly rule ("first Tuesday", "last Friday") and the dates it gives.
//!
//! A rule is an ordinal (first to fourth, or last) and a weekday; every month has exactly one
//! such day, so a schedule never skips a month. People write the rule in Spanish or English
//! (`primer martes`, `first tuesday`, `1-tue`, `último viernes de cada mes`); it is stored in
//! its canonical code (`first-tue`, `last-fri`).

use super::super::names::fold_key;
use chrono::{Datelike, Months, NaiveDate, Weekday};
use thiserror::Error;

/// Which occurrence of the weekday in the month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ordinal {
    First,
    Second,
    Third,
    Fourth,
    Last,
}

/// A monthly meeting rule: the `ordinal` `weekday` of every month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MonthlyRule {
    pub ordinal: Ordinal,
    pub weekday: Weekday,
}

/// A text that is not a monthly rule.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{value:?} is not a monthly rule such as \"first tuesday\" or \"last friday\"")]
pub struct RuleError {
    pub value: String,
}

const ORDINALS: &[(Ordinal, &[&str])] = &[
    (
        Ordinal::First,
        &[
            "FIRST", "1", "1ST", "PRIMER", "PRIMERO", "PRIMERA", "1ER", "1RO",
        ],
    ),
    (
        Ordinal::Second,
        &["SECOND", "2", "2ND", "SEGUNDO", "SEGUNDA", "2DO"],
    ),
    (
        Ordinal::Third,
        &[
            "THIRD", "3", "3RD", "TERCER", "TERCERO", "TERCERA", "3RO", "3ER",
        ],
    ),
    (
        Ordinal::Fourth,
        &["FOURTH", "4", "4TH", "CUARTO", "CUARTA", "4TO"],
    ),
    (Ordinal::Last, &["LAST", "ULTIMO", "ULTIMA"]),
];

const WEEKDAYS: &[(Weekday, &[&str])] = &[
    (Weekday::Mon, &["MON", "MONDAY", "LUNES", "LUN"]),
    (Weekday::Tue, &["TUE", "TUESDAY", "MARTES", "MAR"]),
    (Weekday::Wed, &["WED", "WEDNESDAY", "MIERCOLES", "MIE"]),
    (Weekday::Thu, &["THU", "THURSDAY", "JUEVES", "JUE"]),
    (Weekday::Fri, &["FRI", "FRIDAY", "VIERNES", "VIE"]),
    (Weekday::Sat, &["SAT", "SATURDAY", "SABADO", "SAB"]),
    (Weekday::Sun, &["SUN", "SUNDAY", "DOMINGO", "DOM"]),
];

/// Words that may follow the rule without changing it ("de cada mes", "of the month").
const FILLER: &[&str] = &[
    "DE", "DEL", "CADA", "MES", "OF", "EACH", "EVERY", "THE", "MONTH",
];

impl MonthlyRule {
    /// Reads a rule in Spanish, English or its canonical code.
    pub fn parse(raw: &str) -> Result<MonthlyRule, RuleError> {
        let bad = || RuleError {
            value: raw.trim().to_string(),
        };
        let folded = fold_key(raw);
        let mut words = folded.split(' ');
        let ordinal = lookup(ORDINALS, words.next().ok_or_else(bad)?).ok_or_else(bad)?;
        let weekday = lookup(WEEKDAYS, words.next().ok_or_else(bad)?).ok_or_else(bad)?;
        if !words.all(|w| FILLER.contains(&w)) {
            return Err(bad());
        }
        Ok(MonthlyRule { ordinal, weekday })
    }

    /// The canonical code stored in `committee.monthly_rule`: `first-tue`, `last-fri`.
    pub fn code(self) -> String {
        let ordinal = match self.ordinal {
            Ordinal::First => "first",
            Ordinal::Second => "second",
            Ordinal::Third => "third",
            Ordinal::Fourth => "fourth",
            Ordinal::Last => "last",
        };
        let weekday = format!("{:?}", self.weekday).to_ascii_lowercase();
        format!("{ordinal}-{weekday}")
    }

    /// The day of the rule in the given month; `None` only for an impossible year or month.
    pub fn date_in_month(self, year: i32, month: u32) -> Option<NaiveDate> {
        let week = match self.ordinal {
            Ordinal::First => 1,
            Ordinal::Second => 2,
            Ordinal::Third => 3,
            Ordinal::Fourth => 4,
            Ordinal::Last => {
                let first_of_next = NaiveDate::from_ymd_opt(year, month, 1)? + Months::new(1);
                let last = first_of_next.pred_opt()?;
                let back = (7 + last.weekday().num_days_from_monday()
                    - self.weekday.num_days_from_monday())
                    % 7;
                return last.checked_sub_days(chrono::Days::new(u64::from(back)));
            }
        };
        NaiveDate::from_weekday_of_month_opt(year, month, self.weekday, week)
    }

    /// The first `count` meeting days on or after `from`, one per month.
    pub fn dates_from(self, from: NaiveDate, count: usize) -> Vec<NaiveDate> {
        let mut dates = Vec::with_capacity(count);
        let Some(mut month_start) = from.with_day(1) else {
            return dates;
        };
        while dates.len() < count {
            match self.date_in_month(month_start.year(), month_start.month()) {
                Some(day) if day >= from => dates.push(day),
                Some(_) => {}
                None => break,
            }
            match month_start.checked_add_months(Months::new(1)) {
                Some(next) => month_start = next,
                None => break,
            }
        }
        dates
    }

    /// The next meeting day on or after `from`.
    pub fn next_on_or_after(self, from: NaiveDate) -> Option<NaiveDate> {
        self.dates_from(from, 1).into_iter().next()
    }
}

fn lookup<T: Copy>(table: &[(T, &[&str])], word: &str) -> Option<T> {
    table
        .iter()
        .find(|(_, words)| words.contains(&word))
        .map(|(value, _)| *value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn reads_spanish_english_and_codes() {
        let first_tue = MonthlyRule {
            ordinal: Ordinal::First,
            weekday: Weekday::Tue,
        };
        for text in [
            "primer martes",
            "First Tuesday",
            "first-tue",
            "1-tue",
            "1er martes de cada mes",
        ] {
            assert_eq!(MonthlyRule::parse(text), Ok(first_tue), "{text}");
        }
        let last_fri = MonthlyRule::parse("último viernes").unwrap();
        assert_eq!(last_fri.code(), "last-fri");
        assert_eq!(MonthlyRule::parse(&last_fri.code()), Ok(last_fri));
        for bad in [
            "",
            "martes",
            "quinto martes",
            "first tuesday at noon",
            "primer día",
        ] {
            assert!(MonthlyRule::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn first_tuesday_of_each_month() {
        let rule = MonthlyRule::parse("first tuesday").unwrap();
        assert_eq!(rule.date_in_month(2026, 3), Some(d(2026, 3, 3)));
        // September 2026 starts on a Tuesday: the first is the 1st.
        assert_eq!(rule.date_in_month(2026, 9), Some(d(2026, 9, 1)));
        // A month starting on Wednesday puts the first Tuesday on the 7th.
        assert_eq!(rule.date_in_month(2026, 4), Some(d(2026, 4, 7)));
    }

    #[test]
    fn last_weekday_handles_month_ends_and_leap_years() {
        let last_fri = MonthlyRule::parse("last friday").unwrap();
        assert_eq!(last_fri.date_in_month(2026, 1), Some(d(2026, 1, 30)));
        assert_eq!(last_fri.date_in_month(2024, 2), Some(d(2024, 2, 23)));
        let last_thu = MonthlyRule::parse("last thursday").unwrap();
        // 29 February 2024 was a Thursday.
        assert_eq!(last_thu.date_in_month(2024, 2), Some(d(2024, 2, 29)));
        assert_eq!(last_thu.date_in_month(2026, 12), Some(d(2026, 12, 31)));
        assert_eq!(last_thu.date_in_month(2026, 13), None);
    }

    #[test]
    fn schedule_starts_on_or_after_the_given_day_and_crosses_years() {
        let rule = MonthlyRule::parse("first tuesday").unwrap();
        // The first Tuesday of March 2026 is the 3rd: from the 3rd it is included…
        assert_eq!(rule.next_on_or_after(d(2026, 3, 3)), Some(d(2026, 3, 3)));
        // …from the 4th the next one is in April.
        assert_eq!(rule.next_on_or_after(d(2026, 3, 4)), Some(d(2026, 4, 7)));
        let dates = rule.dates_from(d(2026, 11, 15), 3);
        assert_eq!(dates, [d(2026, 12, 1), d(2027, 1, 5), d(2027, 2, 2)]);
        assert!(rule.dates_from(d(2026, 1, 1), 0).is_empty());
    }
}
