//! Forms of the registry as raw text (what a person typed) and their validation into typed
//! values. The TUI validates as the person types; the core validates again before saving, with
//! the same function, so nothing invalid is ever saved.

use super::dates::{self, DateError};
use super::dni::{Dni, DniError};
use super::money::{Money, MoneyError};
use super::names::{NameError, PersonName};
use super::sex::{Sex, SexError};
use super::sisfoh::{SisfohClass, SisfohError};
use chrono::NaiveDate;

/// What is wrong with one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldProblem {
    Required,
    Dni(DniError),
    Name(NameError),
    Date(DateError),
    Sex(SexError),
    Sisfoh(SisfohError),
    Money(MoneyError),
    NotAWholeNumber,
    EndBeforeStart,
}

/// Problems by field name (the name the form uses for the field).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(pub Vec<(&'static str, FieldProblem)>);

impl FieldErrors {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: &str) -> Option<&FieldProblem> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, p)| p)
    }

    fn check<T, E>(
        &mut self,
        field: &'static str,
        result: Result<T, E>,
        wrap: fn(E) -> FieldProblem,
    ) -> Option<T> {
        result.map_err(|e| self.0.push((field, wrap(e)))).ok()
    }

    fn optional<T, E>(
        &mut self,
        field: &'static str,
        raw: &str,
        parse: impl Fn(&str) -> Result<T, E>,
        wrap: fn(E) -> FieldProblem,
    ) -> Option<T> {
        if raw.trim().is_empty() {
            return None;
        }
        self.check(field, parse(raw), wrap)
    }
}

/// A person as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonDraft {
    pub dni: String,
    pub paternal: String,
    pub maternal: String,
    pub given: String,
    pub birth_date: String,
    pub sex: String,
    pub pregnant: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPerson {
    pub dni: Option<Dni>,
    pub name: PersonName,
    pub birth_date: Option<NaiveDate>,
    pub sex: Option<Sex>,
    pub pregnant: bool,
}

pub fn validate_person(d: &PersonDraft, today: NaiveDate) -> Result<ValidPerson, FieldErrors> {
    let mut errors = FieldErrors::default();
    let dni = errors.optional(
        "dni",
        &d.dni,
        |v| Dni::parse(v).map(|p| p.dni),
        FieldProblem::Dni,
    );
    let maternal = Some(d.maternal.as_str()).filter(|m| !m.trim().is_empty());
    let name = match PersonName::new(&d.paternal, maternal, &d.given) {
        Ok(name) => Some(name),
        Err(e) => {
            let field = match &e {
                NameError::Missing { part }
                | NameError::HasDigits { part, .. }
                | NameError::TooLong { part, .. } => match part {
                    super::names::NamePart::Paternal => "paternal",
                    super::names::NamePart::Maternal => "maternal",
                    super::names::NamePart::Given => "given",
                },
            };
            errors.0.push((field, FieldProblem::Name(e)));
            None
        }
    };
    let birth_date = errors.optional(
        "birth_date",
        &d.birth_date,
        |v| dates::parse_past_date(v, today),
        FieldProblem::Date,
    );
    let sex = errors.optional("sex", &d.sex, Sex::parse, FieldProblem::Sex);
    match name {
        Some(name) if errors.is_empty() => Ok(ValidPerson {
            dni,
            name,
            birth_date,
            sex,
            pregnant: d.pregnant,
        }),
        _ => Err(errors),
    }
}

/// A household as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HouseholdDraft {
    pub community: String,
    pub address: String,
    pub sisfoh: String,
    pub sisfoh_date: String,
    pub herd_size: String,
    pub altitude_m: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidHousehold {
    pub community: Option<String>,
    pub address: Option<String>,
    pub sisfoh: Option<(SisfohClass, NaiveDate)>,
    pub herd_size: Option<i64>,
    pub altitude_m: Option<i64>,
}

fn whole(errors: &mut FieldErrors, field: &'static str, raw: &str, max: i64) -> Option<i64> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    match raw.parse::<i64>() {
        Ok(v) if (0..=max).contains(&v) => Some(v),
        _ => {
            errors.0.push((field, FieldProblem::NotAWholeNumber));
            None
        }
    }
}

pub fn validate_household(
    d: &HouseholdDraft,
    today: NaiveDate,
) -> Result<ValidHousehold, FieldErrors> {
    let mut errors = FieldErrors::default();
    let class = errors.optional(
        "sisfoh",
        &d.sisfoh,
        SisfohClass::parse,
        FieldProblem::Sisfoh,
    );
    let date = errors.optional(
        "sisfoh_date",
        &d.sisfoh_date,
        |v| dates::parse_past_date(v, today),
        FieldProblem::Date,
    );
    let sisfoh = match (class, date) {
        (Some(c), Some(d)) => Some((c, d)),
        (Some(_), None) if errors.get("sisfoh_date").is_none() => {
            errors.0.push(("sisfoh_date", FieldProblem::Required));
            None
        }
        _ => None,
    };
    let herd_size = whole(&mut errors, "herd_size", &d.herd_size, 100_000);
    let altitude_m = whole(&mut errors, "altitude_m", &d.altitude_m, 7_000);
    let text = |s: &str| Some(super::names::normalize_name(s)).filter(|t| !t.is_empty());
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ValidHousehold {
        community: text(&d.community),
        address: text(&d.address),
        sisfoh,
        herd_size,
        altitude_m,
    })
}

/// An enrolment as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnrolmentDraft {
    pub start_date: String,
    pub activity: String,
    pub amount: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidEnrolment {
    pub start_date: NaiveDate,
    pub activity: Option<String>,
    pub amount: Option<Money>,
}

pub fn validate_enrolment(
    d: &EnrolmentDraft,
    today: NaiveDate,
) -> Result<ValidEnrolment, FieldErrors> {
    let mut errors = FieldErrors::default();
    if d.start_date.trim().is_empty() {
        errors.0.push(("start_date", FieldProblem::Required));
    }
    let start = errors.optional(
        "start_date",
        &d.start_date,
        |v| dates::parse_past_date(v, today),
        FieldProblem::Date,
    );
    let amount = errors.optional("amount", &d.amount, Money::parse, FieldProblem::Money);
    let activity = Some(d.activity.trim().to_lowercase()).filter(|a| !a.is_empty());
    match start {
        Some(start_date) if errors.is_empty() => Ok(ValidEnrolment {
            start_date,
            activity,
            amount,
        }),
        _ => Err(errors),
    }
}

/// Ending an enrolment: a date not before it started and not in the future, and a reason.
pub fn validate_end(
    date: &str,
    reason: &str,
    start: NaiveDate,
    today: NaiveDate,
) -> Result<(NaiveDate, String), FieldErrors> {
    let mut errors = FieldErrors::default();
    let end = if date.trim().is_empty() {
        errors.0.push(("end_date", FieldProblem::Required));
        None
    } else {
        errors.check(
            "end_date",
            dates::parse_past_date(date, today),
            FieldProblem::Date,
        )
    };
    if let Some(end) = end.filter(|e| *e < start) {
        let _ = end;
        errors.0.push(("end_date", FieldProblem::EndBeforeStart));
    }
    let reason = super::names::normalize_name(reason);
    if reason.is_empty() {
        errors.0.push(("end_reason", FieldProblem::Required));
    }
    match end {
        Some(end) if errors.is_empty() => Ok((end, reason)),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap_or_default()
    }

    #[test]
    fn a_person_needs_surname_and_given_names_and_valid_optional_fields() {
        let draft = PersonDraft {
            paternal: "Quispe".into(),
            given: "Ana".into(),
            dni: "123".into(),
            birth_date: "31/02/2010".into(),
            ..PersonDraft::default()
        };
        let errors = validate_person(&draft, today()).unwrap_err();
        assert!(matches!(errors.get("dni"), Some(FieldProblem::Dni(_))));
        assert!(matches!(
            errors.get("birth_date"),
            Some(FieldProblem::Date(_))
        ));
        let ok = PersonDraft {
            dni: "01234567".into(),
            birth_date: "2010-02-28".into(),
            ..draft
        };
        let valid = validate_person(&ok, today()).unwrap();
        assert_eq!(valid.dni.unwrap().as_str(), "01234567");
        let missing = validate_person(&PersonDraft::default(), today()).unwrap_err();
        assert!(missing.get("paternal").is_some());
    }

    #[test]
    fn a_sisfoh_class_needs_its_date() {
        let draft = HouseholdDraft {
            sisfoh: "PE".into(),
            ..HouseholdDraft::default()
        };
        assert_eq!(
            validate_household(&draft, today())
                .unwrap_err()
                .get("sisfoh_date"),
            Some(&FieldProblem::Required)
        );
        let draft = HouseholdDraft {
            sisfoh: "pobre".into(),
            sisfoh_date: "01/03/2024".into(),
            herd_size: "12".into(),
            ..HouseholdDraft::default()
        };
        let valid = validate_household(&draft, today()).unwrap();
        assert_eq!(valid.sisfoh.unwrap().0, SisfohClass::Pobre);
        assert_eq!(valid.herd_size, Some(12));
    }

    #[test]
    fn an_enrolment_ends_with_a_date_not_before_its_start_and_a_reason() {
        let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
        let errors = validate_end("2023-12-31", " ", start, today()).unwrap_err();
        assert_eq!(errors.get("end_date"), Some(&FieldProblem::EndBeforeStart));
        assert_eq!(errors.get("end_reason"), Some(&FieldProblem::Required));
        assert!(validate_end("2026-01-01", "Egresó del programa", start, today()).is_ok());
        assert!(validate_end("2030-01-01", "x", start, today()).is_err());
    }
}
