//! One roster row, checked: the typed record the importer writes, or the list of what is
//! wrong with it (row, column, value, reason). Checks need the reference lists of the
//! database (programmes, districts, activity types), passed in as [`Reference`].

use super::columns::Column;
use crate::domain::dates::{self, DateError};
use crate::domain::dni::{Dni, DniError};
use crate::domain::money::{Money, MoneyError};
use crate::domain::names::{normalize_name, NameError, PersonName};
use crate::domain::sex::{Sex, SexError};
use crate::domain::sisfoh::{SisfohClass, SisfohError};
use crate::domain::ubigeo::{Ubigeo, UbigeoError, UbigeoScheme};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// A checked roster record.
#[derive(Debug, Clone, PartialEq)]
pub struct RosterRecord {
    pub row: u64,
    pub source_code: String,
    pub programme: String,
    pub household_code: Option<String>,
    pub dni: Option<Dni>,
    pub name: PersonName,
    pub birth_date: Option<NaiveDate>,
    pub sex: Option<Sex>,
    /// INEI coding, whatever the file used.
    pub district: String,
    pub community: Option<String>,
    pub sisfoh: Option<SisfohClass>,
    pub start_date: Option<NaiveDate>,
    pub activity: Option<String>,
    pub amount: Option<Money>,
    pub altitude_m: Option<i64>,
    pub herd_size: Option<i64>,
}

/// What can be wrong with a cell (or a whole row).
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    Missing,
    Dni(DniError),
    DniPadded,
    DniEmpty,
    Name(NameError),
    Date(DateError),
    Sex(SexError),
    Ubigeo(UbigeoError),
    UbigeoPadded,
    UnknownDistrict { scheme: UbigeoScheme },
    Sisfoh(SisfohError),
    Money(MoneyError),
    NotAWholeNumber,
    OutOfRange { min: i64, max: i64 },
    UnknownProgramme,
    OtherProgramme { expected: String },
    UnknownActivity,
    DuplicateCode { first_row: u64 },
    UnknownColumn,
    MissingColumn,
}

impl Problem {
    /// Warnings are reported but do not stop a row from being imported.
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            Problem::DniPadded | Problem::DniEmpty | Problem::UbigeoPadded | Problem::UnknownColumn
        )
    }
}

/// One reported problem: row as a spreadsheet shows it (header = 1), column, value, reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub row: u64,
    pub column: String,
    pub value: String,
    pub problem: Problem,
}

/// Reference lists a row is checked against.
#[derive(Debug, Clone, Default)]
pub struct Reference {
    pub programmes: HashSet<String>,
    pub activities: HashSet<String>,
    pub districts: HashSet<String>,
    /// RENIEC code → INEI code.
    pub reniec_to_inei: HashMap<String, String>,
    pub today: Option<NaiveDate>,
}

/// How the file's columns map onto the format, and what the command line added.
pub struct Layout<'a> {
    pub positions: &'a HashMap<Column, usize>,
    pub programme: Option<&'a str>,
    pub scheme: UbigeoScheme,
}

struct Cells<'a> {
    row: u64,
    cells: &'a [String],
    layout: &'a Layout<'a>,
    issues: Vec<Issue>,
}

impl Cells<'_> {
    fn raw(&self, column: Column) -> &str {
        self.layout
            .positions
            .get(&column)
            .and_then(|&i| self.cells.get(i))
            .map(|s| s.trim())
            .unwrap_or("")
    }

    fn optional(&self, column: Column) -> Option<&str> {
        Some(self.raw(column)).filter(|v| !v.is_empty())
    }

    fn report(&mut self, column: Column, problem: Problem) {
        let value = self.raw(column).to_string();
        self.issues.push(Issue {
            row: self.row,
            column: column.name().into(),
            value,
            problem,
        });
    }

    fn required(&mut self, column: Column) -> Option<String> {
        let value = self.optional(column).map(str::to_string);
        if value.is_none() {
            self.report(column, Problem::Missing);
        }
        value
    }

    fn check<T, E>(
        &mut self,
        column: Column,
        parsed: Result<T, E>,
        wrap: fn(E) -> Problem,
    ) -> Option<T> {
        parsed.map_err(|e| self.report(column, wrap(e))).ok()
    }
}

/// Checks one row. Returns the record when it has no error (warnings may be present).
pub fn check_row(
    row: u64,
    cells: &[String],
    layout: &Layout,
    reference: &Reference,
) -> (Option<RosterRecord>, Vec<Issue>) {
    let mut c = Cells {
        row,
        cells,
        layout,
        issues: Vec::new(),
    };
    let source_code = c.required(Column::CodigoOrigen);
    let programme = programme(&mut c, reference);
    let dni = dni(&mut c);
    let name = name(&mut c);
    let birth_date = past_date(&mut c, Column::FechaNacimiento, reference);
    let sex = c.optional(Column::Sexo).map(Sex::parse);
    let sex = match sex {
        Some(parsed) => c.check(Column::Sexo, parsed, Problem::Sex),
        None => None,
    };
    let district = district(&mut c, reference);
    let sisfoh = match c
        .optional(Column::ClasificacionSisfoh)
        .map(SisfohClass::parse)
    {
        Some(parsed) => c.check(Column::ClasificacionSisfoh, parsed, Problem::Sisfoh),
        None => None,
    };
    let start_date = past_date(&mut c, Column::FechaAlta, reference);
    let activity = activity(&mut c, reference);
    let amount = match c.optional(Column::Monto).map(Money::parse) {
        Some(parsed) => c.check(Column::Monto, parsed, Problem::Money),
        None => None,
    };
    let altitude_m = whole_number(&mut c, Column::AltitudMsnm, 0, 7000);
    let herd_size = whole_number(&mut c, Column::CabezasGanado, 0, 100_000);
    let household_code = c.optional(Column::Hogar).map(str::to_string);
    let community = c.optional(Column::CentroPoblado).map(normalize_name);
    let issues = c.issues;
    if issues.iter().any(|i| !i.problem.is_warning()) {
        return (None, issues);
    }
    let record = match (source_code, programme, name, district) {
        (Some(source_code), Some(programme), Some(name), Some(district)) => Some(RosterRecord {
            row,
            source_code,
            programme,
            household_code,
            dni,
            name,
            birth_date,
            sex,
            district,
            community,
            sisfoh,
            start_date,
            activity,
            amount,
            altitude_m,
            herd_size,
        }),
        _ => None,
    };
    (record, issues)
}

/// The row's programme: the file's column or the command line's; a row naming another
/// programme than the one being imported is an error (one roster, one programme).
fn programme(c: &mut Cells, reference: &Reference) -> Option<String> {
    let given = c.optional(Column::Programa).map(|p| p.to_ascii_uppercase());
    let chosen = match (given, c.layout.programme) {
        (Some(p), Some(expected)) if p != expected => {
            c.report(
                Column::Programa,
                Problem::OtherProgramme {
                    expected: expected.into(),
                },
            );
            return None;
        }
        (Some(p), _) => p,
        (None, Some(expected)) => expected.to_string(),
        (None, None) => {
            c.report(Column::Programa, Problem::Missing);
            return None;
        }
    };
    if !reference.programmes.contains(&chosen) {
        c.report(Column::Programa, Problem::UnknownProgramme);
        return None;
    }
    Some(chosen)
}

fn dni(c: &mut Cells) -> Option<Dni> {
    let Some(raw) = c.optional(Column::Dni) else {
        c.report(Column::Dni, Problem::DniEmpty);
        return None;
    };
    let parsed = c.check(Column::Dni, Dni::parse(raw), Problem::Dni)?;
    if parsed.padded {
        c.report(Column::Dni, Problem::DniPadded);
    }
    Some(parsed.dni)
}

fn name(c: &mut Cells) -> Option<PersonName> {
    let paternal = c.raw(Column::ApellidoPaterno).to_string();
    let maternal = c.optional(Column::ApellidoMaterno).map(str::to_string);
    let given = c.raw(Column::Nombres).to_string();
    match PersonName::new(&paternal, maternal.as_deref(), &given) {
        Ok(name) => Some(name),
        Err(err) => {
            let column = match &err {
                NameError::Missing { part } | NameError::HasDigits { part, .. } => *part,
                NameError::TooLong { part, .. } => *part,
            };
            let column = match column {
                crate::domain::names::NamePart::Paternal => Column::ApellidoPaterno,
                crate::domain::names::NamePart::Maternal => Column::ApellidoMaterno,
                crate::domain::names::NamePart::Given => Column::Nombres,
            };
            c.report(column, Problem::Name(err));
            None
        }
    }
}

fn past_date(c: &mut Cells, column: Column, reference: &Reference) -> Option<NaiveDate> {
    let raw = c.optional(column)?.to_string();
    let parsed = match reference.today {
        Some(today) => dates::parse_past_date(&raw, today),
        None => dates::parse_date(&raw),
    };
    c.check(column, parsed, Problem::Date)
}

fn district(c: &mut Cells, reference: &Reference) -> Option<String> {
    let raw = c.required(Column::Ubigeo)?;
    let parsed = c.check(Column::Ubigeo, Ubigeo::parse(&raw), Problem::Ubigeo)?;
    if parsed.padded {
        c.report(Column::Ubigeo, Problem::UbigeoPadded);
    }
    let code = parsed.ubigeo.as_str().to_string();
    let scheme = c.layout.scheme;
    let inei = match scheme {
        UbigeoScheme::Inei => Some(code).filter(|u| reference.districts.contains(u)),
        UbigeoScheme::Reniec => reference.reniec_to_inei.get(&code).cloned(),
    };
    if inei.is_none() {
        c.report(Column::Ubigeo, Problem::UnknownDistrict { scheme });
    }
    inei
}

fn activity(c: &mut Cells, reference: &Reference) -> Option<String> {
    let raw = c.optional(Column::Actividad)?;
    let code = crate::domain::names::fold_key(raw)
        .to_ascii_lowercase()
        .replace(' ', "_");
    if reference.activities.contains(&code) {
        Some(code)
    } else {
        c.report(Column::Actividad, Problem::UnknownActivity);
        None
    }
}

fn whole_number(c: &mut Cells, column: Column, min: i64, max: i64) -> Option<i64> {
    let raw = c.optional(column)?;
    let cleaned: String = raw.chars().filter(|ch| !ch.is_whitespace()).collect();
    match cleaned.parse::<i64>() {
        Ok(v) if (min..=max).contains(&v) => Some(v),
        Ok(_) => {
            c.report(column, Problem::OutOfRange { min, max });
            None
        }
        Err(_) => {
            c.report(column, Problem::NotAWholeNumber);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference() -> Reference {
        Reference {
            programmes: ["JUNTOS".to_string(), "AGRORURAL".to_string()].into(),
            activities: ["semillas".to_string(), "transferencia".to_string()].into(),
            districts: ["030212".to_string()].into(),
            reniec_to_inei: [("030309".to_string(), "030212".to_string())].into(),
            today: NaiveDate::from_ymd_opt(2026, 11, 28),
        }
    }

    fn check(
        pairs: &[(Column, &str)],
        programme: Option<&str>,
        scheme: UbigeoScheme,
    ) -> (Option<RosterRecord>, Vec<Issue>) {
        let positions: HashMap<Column, usize> = pairs
            .iter()
            .enumerate()
            .map(|(i, (c, _))| (*c, i))
            .collect();
        let cells: Vec<String> = pairs.iter().map(|(_, v)| v.to_string()).collect();
        let layout = Layout {
            positions: &positions,
            programme,
            scheme,
        };
        check_row(2, &cells, &layout, &reference())
    }

    fn base<'a>(dni: &'a str, ubigeo: &'a str) -> Vec<(Column, &'a str)> {
        vec![
            (Column::CodigoOrigen, "J-1"),
            (Column::Dni, dni),
            (Column::ApellidoPaterno, "Quispe"),
            (Column::Nombres, "María"),
            (Column::Ubigeo, ubigeo),
        ]
    }

    #[test]
    fn a_good_row_becomes_a_record() {
        let mut row = base("01234567", "030212");
        row.push((Column::Actividad, "Semillas"));
        row.push((Column::Monto, "1 200,50"));
        row.push((Column::FechaAlta, "15/03/2024"));
        let (record, issues) = check(&row, Some("AGRORURAL"), UbigeoScheme::Inei);
        assert!(issues.is_empty(), "{issues:?}");
        let record = record.unwrap();
        assert_eq!(record.dni.unwrap().as_str(), "01234567");
        assert_eq!(record.activity.as_deref(), Some("semillas"));
        assert_eq!(record.amount.unwrap().cents(), 120_050);
        assert_eq!(record.start_date, NaiveDate::from_ymd_opt(2024, 3, 15));
    }

    #[test]
    fn a_seven_digit_dni_is_padded_with_a_warning() {
        let (record, issues) = check(
            &base("1234567", "030212"),
            Some("JUNTOS"),
            UbigeoScheme::Inei,
        );
        assert_eq!(record.unwrap().dni.unwrap().as_str(), "01234567");
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].problem, Problem::DniPadded);
    }

    #[test]
    fn bad_cells_are_reported_with_row_column_and_value() {
        let mut row = base("123456789", "030212");
        row.push((Column::FechaNacimiento, "31/02/2010"));
        let (record, issues) = check(&row, Some("JUNTOS"), UbigeoScheme::Inei);
        assert!(record.is_none());
        let columns: Vec<(&str, &str)> = issues
            .iter()
            .map(|i| (i.column.as_str(), i.value.as_str()))
            .collect();
        assert_eq!(
            columns,
            vec![("dni", "123456789"), ("fecha_nacimiento", "31/02/2010")]
        );
        assert!(issues.iter().all(|i| i.row == 2));
    }

    #[test]
    fn ubigeo_schemes_are_never_guessed() {
        let (record, _) = check(
            &base("01234567", "030309"),
            Some("JUNTOS"),
            UbigeoScheme::Reniec,
        );
        assert_eq!(record.unwrap().district, "030212");
        let (record, issues) = check(
            &base("01234567", "030309"),
            Some("JUNTOS"),
            UbigeoScheme::Inei,
        );
        assert!(record.is_none());
        assert_eq!(
            issues[0].problem,
            Problem::UnknownDistrict {
                scheme: UbigeoScheme::Inei
            }
        );
    }

    #[test]
    fn a_row_of_another_programme_or_an_unknown_one_is_refused() {
        let mut row = base("01234567", "030212");
        row.push((Column::Programa, "juntos"));
        let (_, issues) = check(&row, Some("AGRORURAL"), UbigeoScheme::Inei);
        assert!(matches!(issues[0].problem, Problem::OtherProgramme { .. }));
        row.pop();
        row.push((Column::Programa, "PAIS"));
        let (_, issues) = check(&row, None, UbigeoScheme::Inei);
        assert_eq!(issues[0].problem, Problem::UnknownProgramme);
    }

    #[test]
    fn future_birth_dates_are_refused() {
        let mut row = base("01234567", "030212");
        row.push((Column::FechaNacimiento, "2030-01-01"));
        let (record, issues) = check(&row, Some("JUNTOS"), UbigeoScheme::Inei);
        assert!(record.is_none());
        assert!(matches!(
            issues[0].problem,
            Problem::Date(DateError::InFuture { .. })
        ));
    }
}
