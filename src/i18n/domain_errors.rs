//! What the domain's validation errors say to people: what is wrong with the value and how to
//! fix it, in Spanish and English. Values are quoted «así» in Spanish and “like this” in English.

use super::{owned, Localize};
use crate::domain::dates::{dmy, DateError, TimeError};
use crate::domain::dni::DniError;
use crate::domain::money::MoneyError;
use crate::domain::names::{NameError, NamePart};
use crate::domain::role::RoleError;
use crate::domain::sex::SexError;
use crate::domain::sisfoh::SisfohError;
use crate::domain::ubigeo::UbigeoError;
use std::borrow::Cow;

use super::{MONTHS_EN, MONTHS_ES};

fn month_name(names: &[&'static str; 12], month: u32) -> &'static str {
    let index = usize::try_from(month.saturating_sub(1)).unwrap_or(0);
    names.get(index).copied().unwrap_or("?")
}

fn digits_es(n: usize) -> String {
    if n == 1 {
        "1 dígito".to_string()
    } else {
        format!("{n} dígitos")
    }
}

fn digits_en(n: usize) -> String {
    if n == 1 {
        "1 digit".to_string()
    } else {
        format!("{n} digits")
    }
}

impl Localize for DniError {
    fn es(&self) -> Cow<'static, str> {
        owned(match self {
            DniError::Empty => "Falta el DNI: escriba sus 8 dígitos.".to_string(),
            DniError::HasLetters { value } => format!(
                "El DNI «{value}» tiene letras: escriba solo los 8 dígitos, y si lo tiene, \
                 el carácter de verificación."
            ),
            DniError::InvalidCharacters { value } => format!(
                "El DNI «{value}» tiene signos que no son dígitos: escriba solo los 8 dígitos, \
                 sin puntos ni espacios; el carácter de verificación puede ir tras un guion \
                 (10117410-2)."
            ),
            DniError::WrongLength { value, len } => format!(
                "El DNI «{value}» tiene {} y debe tener 8: revíselo en el documento.",
                digits_es(*len)
            ),
            DniError::CheckMismatch {
                value,
                given,
                expected_digit,
                expected_letter,
            } => format!(
                "El carácter de verificación «{given}» del DNI «{value}» no corresponde a esos \
                 dígitos (debería ser «{expected_digit}» o «{expected_letter}»): revise los \
                 dígitos y el carácter en el documento."
            ),
        })
    }

    fn en(&self) -> Cow<'static, str> {
        owned(match self {
            DniError::Empty => "The DNI is missing: type its 8 digits.".to_string(),
            DniError::HasLetters { value } => format!(
                "DNI “{value}” contains letters: type only the 8 digits and, if you have it, \
                 the check character."
            ),
            DniError::InvalidCharacters { value } => format!(
                "DNI “{value}” contains symbols that are not digits: type only the 8 digits, \
                 without dots or spaces; the check character may follow a hyphen (10117410-2)."
            ),
            DniError::WrongLength { value, len } => format!(
                "DNI “{value}” has {} but must have 8: check it against the ID card.",
                digits_en(*len)
            ),
            DniError::CheckMismatch {
                value,
                given,
                expected_digit,
                expected_letter,
            } => format!(
                "The check character “{given}” of DNI “{value}” does not match its digits \
                 (it should be “{expected_digit}” or “{expected_letter}”): check the digits \
                 and the character against the ID card."
            ),
        })
    }
}

/// The part of a name with its article, for use inside a Spanish sentence.
fn part_es(part: NamePart) -> &'static str {
    match part {
        NamePart::Paternal => "el apellido paterno",
        NamePart::Maternal => "el apellido materno",
        NamePart::Given => "los nombres",
    }
}

fn part_en(part: NamePart) -> &'static str {
    match part {
        NamePart::Paternal => "the paternal surname",
        NamePart::Maternal => "the maternal surname",
        NamePart::Given => "the given names",
    }
}

impl Localize for NameError {
    fn es(&self) -> Cow<'static, str> {
        owned(match self {
            NameError::Missing {
                part: NamePart::Given,
            } => "Faltan los nombres: son obligatorios, escríbalos.".to_string(),
            NameError::Missing { part } => {
                format!("Falta {}: es obligatorio, escríbalo.", part_es(*part))
            }
            NameError::HasDigits { part, value } => format!(
                "En {} «{value}» hay números: escriba solo letras.",
                part_es(*part)
            ),
            NameError::TooLong {
                part,
                value,
                len,
                max,
            } => format!(
                "En {} «{value}» hay {len} caracteres y el máximo es {max}: abrévielo.",
                part_es(*part)
            ),
        })
    }

    fn en(&self) -> Cow<'static, str> {
        owned(match self {
            NameError::Missing { part } => {
                format!("{} is missing: it is required.", capitalize(part_en(*part)))
            }
            NameError::HasDigits { part, value } => format!(
                "{} “{value}” contains digits: use letters only.",
                capitalize(part_en(*part))
            ),
            NameError::TooLong {
                part,
                value,
                len,
                max,
            } => format!(
                "{} “{value}” has {len} characters but at most {max} are allowed: shorten it.",
                capitalize(part_en(*part))
            ),
        })
    }
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

const DATE_FORMS_ES: &str = "DD/MM/AAAA (por ejemplo 28/02/2010) o AAAA-MM-DD";
const DATE_FORMS_EN: &str = "DD/MM/YYYY (for example 28/02/2010) or YYYY-MM-DD";

impl Localize for DateError {
    fn es(&self) -> Cow<'static, str> {
        owned(match self {
            DateError::Empty => format!("Falta la fecha: escríbala como {DATE_FORMS_ES}."),
            DateError::BadFormat { value } => format!(
                "La fecha «{value}» no se entiende: escríbala como {DATE_FORMS_ES}, \
                 con el año de 4 cifras."
            ),
            DateError::YearOutOfRange {
                value,
                year,
                min,
                max,
            } => format!(
                "La fecha «{value}» tiene el año {year}, fuera de {min} a {max}: revise el año."
            ),
            DateError::MonthOutOfRange { value, month } => format!(
                "La fecha «{value}» tiene el mes {month}, que no existe: el mes va de 1 a 12, \
                 y el día se escribe primero (DD/MM/AAAA)."
            ),
            DateError::DayNotInMonth {
                value,
                day,
                month,
                year,
                days_in_month,
            } => format!(
                "La fecha «{value}» no existe: {} de {year} tiene {days_in_month} días, no hay \
                 día {day}. Revise el día y el mes.",
                month_name(&MONTHS_ES, *month)
            ),
            DateError::InFuture { value, today } => format!(
                "La fecha «{value}» está en el futuro (hoy es {}): revise el año.",
                dmy(*today)
            ),
        })
    }

    fn en(&self) -> Cow<'static, str> {
        owned(match self {
            DateError::Empty => format!("The date is missing: write it as {DATE_FORMS_EN}."),
            DateError::BadFormat { value } => format!(
                "Date “{value}” cannot be read: write it as {DATE_FORMS_EN}, \
                 with a 4-digit year."
            ),
            DateError::YearOutOfRange {
                value,
                year,
                min,
                max,
            } => format!(
                "Date “{value}” has the year {year}, outside {min} to {max}: check the year."
            ),
            DateError::MonthOutOfRange { value, month } => format!(
                "Date “{value}” has month {month}, which does not exist: months go from 1 \
                 to 12, and the day comes first (DD/MM/YYYY)."
            ),
            DateError::DayNotInMonth {
                value,
                day,
                month,
                year,
                days_in_month,
            } => format!(
                "Date “{value}” does not exist: {} {year} has {days_in_month} days, there is \
                 no day {day}. Check the day and the month.",
                month_name(&MONTHS_EN, *month)
            ),
            DateError::InFuture { value, today } => format!(
                "Date “{value}” is in the future (today is {}): check the year.",
                dmy(*today)
            ),
        })
    }
}

impl Localize for TimeError {
    fn es(&self) -> Cow<'static, str> {
        owned(match self {
            TimeError::Empty => {
                "Falta la hora: escríbala como HH:MM, por ejemplo 09:30.".to_string()
            }
            TimeError::BadFormat { value } => format!(
                "La hora «{value}» no se entiende: escríbala como HH:MM, por ejemplo 09:30 \
                 o 15:00."
            ),
            TimeError::OutOfRange { value } => format!(
                "La hora «{value}» no existe: las horas van de 00 a 23 y los minutos de 00 a 59."
            ),
        })
    }

    fn en(&self) -> Cow<'static, str> {
        owned(match self {
            TimeError::Empty => {
                "The time is missing: write it as HH:MM, for example 09:30.".to_string()
            }
            TimeError::BadFormat { value } => format!(
                "Time “{value}” cannot be read: write it as HH:MM, for example 09:30 or 15:00."
            ),
            TimeError::OutOfRange { value } => format!(
                "Time “{value}” does not exist: hours go from 00 to 23 and minutes from \
                 00 to 59."
            ),
        })
    }
}

impl Localize for MoneyError {
    fn es(&self) -> Cow<'static, str> {
        owned(match self {
            MoneyError::Empty => {
                "Falta el monto: escríbalo en soles, por ejemplo 1200 o 1 200,50.".to_string()
            }
            MoneyError::HasLetters { value } => format!(
                "El monto «{value}» tiene letras: escriba solo la cifra en soles, por ejemplo \
                 1200,50 (puede ir precedida de S/)."
            ),
            MoneyError::InvalidCharacters { value } => format!(
                "El monto «{value}» tiene signos no válidos: use solo dígitos, espacios, y coma \
                 o punto, por ejemplo 1 200,50."
            ),
            MoneyError::BadFormat { value } => format!(
                "El monto «{value}» tiene los separadores mal puestos: agrupe los miles de 3 en \
                 3 (1.200 o 1 200) y ponga a lo más 2 decimales tras una sola coma o punto, por \
                 ejemplo 1 200,50."
            ),
            MoneyError::TooManyDecimals { value } => format!(
                "El monto «{value}» tiene más de 2 decimales: los céntimos llevan 2 cifras como \
                 máximo (1200,50); si son miles, agrúpelos de 3 en 3 (1.200)."
            ),
            MoneyError::Negative { value } => {
                format!("El monto «{value}» es negativo: escriba la cantidad sin el signo menos.")
            }
            MoneyError::Overflow { value } => {
                format!("El monto «{value}» es demasiado grande: revise que no sobren dígitos.")
            }
        })
    }

    fn en(&self) -> Cow<'static, str> {
        owned(match self {
            MoneyError::Empty => {
                "The amount is missing: write it in soles, for example 1200 or 1,200.50."
                    .to_string()
            }
            MoneyError::HasLetters { value } => format!(
                "Amount “{value}” contains letters: write only the figure in soles, for \
                 example 1200.50 (an S/ in front is fine)."
            ),
            MoneyError::InvalidCharacters { value } => format!(
                "Amount “{value}” contains invalid symbols: use only digits, spaces, and a \
                 comma or dot, for example 1,200.50."
            ),
            MoneyError::BadFormat { value } => format!(
                "Amount “{value}” has misplaced separators: group thousands in threes \
                 (1,200 or 1 200) and put at most 2 decimals after a single comma or dot, for \
                 example 1,200.50."
            ),
            MoneyError::TooManyDecimals { value } => format!(
                "Amount “{value}” has more than 2 decimals: céntimos take at most 2 digits \
                 (1200.50); if these are thousands, group them in threes (1,200)."
            ),
            MoneyError::Negative { value } => {
                format!("Amount “{value}” is negative: write the amount without a minus sign.")
            }
            MoneyError::Overflow { value } => {
                format!("Amount “{value}” is too large: check for extra digits.")
            }
        })
    }
}

const SISFOH_CHOICES_ES: &str = "PE (pobre extremo), P (pobre) o NP (no pobre)";
const SISFOH_CHOICES_EN: &str = "PE (extreme poor), P (poor) or NP (not poor)";

impl Localize for SisfohError {
    fn es(&self) -> Cow<'static, str> {
        owned(match self {
            SisfohError::Empty => {
                format!("Falta la clasificación SISFOH: escriba {SISFOH_CHOICES_ES}.")
            }
            SisfohError::Unknown { value } => format!(
                "La clasificación SISFOH «{value}» no se reconoce: escriba {SISFOH_CHOICES_ES}."
            ),
        })
    }

    fn en(&self) -> Cow<'static, str> {
        owned(match self {
            SisfohError::Empty => {
                format!("The SISFOH classification is missing: write {SISFOH_CHOICES_EN}.")
            }
            SisfohError::Unknown { value } => format!(
                "SISFOH classification “{value}” is not recognised: write {SISFOH_CHOICES_EN}."
            ),
        })
    }
}

impl Localize for SexError {
    fn es(&self) -> Cow<'static, str> {
        owned(match self {
            SexError::Empty => "Falta el sexo: escriba F (femenino) o M (masculino).".to_string(),
            SexError::Unknown { value } => {
                format!("El sexo «{value}» no se reconoce: escriba F (femenino) o M (masculino).")
            }
        })
    }

    fn en(&self) -> Cow<'static, str> {
        owned(match self {
            SexError::Empty => "The sex is missing: write F (female) or M (male).".to_string(),
            SexError::Unknown { value } => {
                format!("Sex “{value}” is not recognised: write F (female) or M (male).")
            }
        })
    }
}

impl Localize for UbigeoError {
    fn es(&self) -> Cow<'static, str> {
        owned(match self {
            UbigeoError::Empty => {
                "Falta el UBIGEO: escriba los 6 dígitos del distrito, por ejemplo 030212."
                    .to_string()
            }
            UbigeoError::NotDigits { value } => format!(
                "El UBIGEO «{value}» tiene signos que no son dígitos: escriba solo los 6 dígitos \
                 del distrito, por ejemplo 030212."
            ),
            UbigeoError::WrongLength { value, len } => format!(
                "El UBIGEO «{value}» tiene {} y debe tener 6 (departamento, provincia y \
                 distrito), por ejemplo 030212.",
                digits_es(*len)
            ),
            UbigeoError::BadDepartment { value, department } => format!(
                "El UBIGEO «{value}» empieza por {department}, que no es un departamento: los \
                 2 primeros dígitos van de 01 a 25 (Apurímac es 03)."
            ),
            UbigeoError::BadProvince { value } => format!(
                "El UBIGEO «{value}» tiene 00 como provincia: los dígitos 3.º y 4.º indican la \
                 provincia y empiezan en 01 (Andahuaylas es 0302)."
            ),
            UbigeoError::BadDistrict { value } => format!(
                "El UBIGEO «{value}» termina en 00, que no es un distrito: escriba el código \
                 del distrito, por ejemplo 030212."
            ),
            UbigeoError::UnknownScheme { value } => {
                format!("La codificación de UBIGEO «{value}» no se reconoce: use inei o reniec.")
            }
        })
    }

    fn en(&self) -> Cow<'static, str> {
        owned(match self {
            UbigeoError::Empty => {
                "The UBIGEO is missing: write the district's 6 digits, for example 030212."
                    .to_string()
            }
            UbigeoError::NotDigits { value } => format!(
                "UBIGEO “{value}” contains symbols that are not digits: write only the \
                 district's 6 digits, for example 030212."
            ),
            UbigeoError::WrongLength { value, len } => format!(
                "UBIGEO “{value}” has {} but must have 6 (department, province and district), \
                 for example 030212.",
                digits_en(*len)
            ),
            UbigeoError::BadDepartment { value, department } => format!(
                "UBIGEO “{value}” starts with {department}, which is not a department: the \
                 first 2 digits go from 01 to 25 (Apurímac is 03)."
            ),
            UbigeoError::BadProvince { value } => format!(
                "UBIGEO “{value}” has 00 as its province: digits 3 and 4 give the province and \
                 start at 01 (Andahuaylas is 0302)."
            ),
            UbigeoError::BadDistrict { value } => format!(
                "UBIGEO “{value}” ends in 00, which is not a district: write the district's \
                 code, for example 030212."
            ),
            UbigeoError::UnknownScheme { value } => {
                format!("UBIGEO coding “{value}” is not recognised: use inei or reniec.")
            }
        })
    }
}

const ROLE_CHOICES: &str = "admin, registrador, miembro_clar, coordinador";

impl Localize for RoleError {
    fn es(&self) -> Cow<'static, str> {
        owned(match self {
            RoleError::Empty => format!("Falta el rol: elija {ROLE_CHOICES} o consulta."),
            RoleError::Unknown { value } => {
                format!("El rol «{value}» no existe: elija {ROLE_CHOICES} o consulta.")
            }
        })
    }

    fn en(&self) -> Cow<'static, str> {
        owned(match self {
            RoleError::Empty => format!("The role is missing: choose {ROLE_CHOICES} or consulta."),
            RoleError::Unknown { value } => {
                format!("Role “{value}” does not exist: choose {ROLE_CHOICES} or consulta.")
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{dates, dni::Dni, money::Money, names::PersonName};
    use crate::domain::{role::Role, sex::Sex, sisfoh::SisfohClass, ubigeo::Ubigeo};
    use crate::i18n::Lang;
    use chrono::NaiveDate;

    /// Both languages say something, say it differently, and quote the offending value.
    fn check<E: Localize>(error: E, value: &str) {
        let (es, en) = (error.text(Lang::Es), error.text(Lang::En));
        assert!(!es.is_empty() && !en.is_empty());
        assert_ne!(es, en);
        assert!(es.contains(&format!("«{value}»")), "{es}");
        assert!(en.contains(&format!("“{value}”")), "{en}");
    }

    fn check_empty<E: Localize>(error: E) {
        let (es, en) = (error.es(), error.en());
        assert!(es.starts_with("Falta"), "{es}");
        assert!(en.contains("missing"), "{en}");
    }

    #[test]
    fn dni_errors_match_the_catalogue_example() {
        let err = Dni::parse("1234567A").unwrap_err();
        assert_eq!(
            err.es(),
            "El DNI «1234567A» tiene letras: escriba solo los 8 dígitos, y si lo tiene, el \
             carácter de verificación."
        );
        check(err, "1234567A");
        check(Dni::parse("1011.7410").unwrap_err(), "1011.7410");
        check_empty(Dni::parse("").unwrap_err());
    }

    #[test]
    fn dni_length_and_check_messages_give_the_facts() {
        let err = Dni::parse("123456789").unwrap_err();
        assert!(err.es().contains("tiene 9 dígitos y debe tener 8"));
        assert!(err.en().contains("has 9 digits"));
        check(err, "123456789");
        let err = Dni::parse("1").unwrap_err();
        assert!(err.es().contains("1 dígito "), "{}", err.es());
        let err = Dni::parse("10117410-3").unwrap_err();
        assert!(err.es().contains("«2» o «G»"), "{}", err.es());
        assert!(err.en().contains("“2” or “G”"), "{}", err.en());
        check(err, "10117410-3");
    }

    #[test]
    fn name_errors_name_the_part() {
        let err = PersonName::new("", None, "Rosa").unwrap_err();
        assert_eq!(
            err.es(),
            "Falta el apellido paterno: es obligatorio, escríbalo."
        );
        assert_eq!(err.en(), "The paternal surname is missing: it is required.");
        let err = PersonName::new("Quispe", None, " ").unwrap_err();
        assert!(err.es().starts_with("Faltan los nombres"));
        let err = PersonName::new("Quispe", Some("Mamani2"), "Rosa").unwrap_err();
        assert!(err.es().contains("el apellido materno"));
        check(err, "Mamani2");
        let long = "a".repeat(81);
        let err = PersonName::new("Quispe", None, &long).unwrap_err();
        assert!(err.es().contains("81 caracteres y el máximo es 80"));
        check(err, &long);
    }

    #[test]
    fn date_errors_explain_the_month() {
        let err = dates::parse_date("31/02/2010").unwrap_err();
        assert!(err
            .es()
            .contains("febrero de 2010 tiene 28 días, no hay día 31"));
        assert!(err
            .en()
            .contains("February 2010 has 28 days, there is no day 31"));
        check(err, "31/02/2010");
        check(dates::parse_date("2010.02.28").unwrap_err(), "2010.02.28");
        check(dates::parse_date("13/13/2010").unwrap_err(), "13/13/2010");
        check(dates::parse_date("01/01/1800").unwrap_err(), "01/01/1800");
        check_empty(dates::parse_date("").unwrap_err());
        let today = NaiveDate::from_ymd_opt(2015, 6, 15).unwrap();
        let err = dates::parse_past_date("2016-01-01", today).unwrap_err();
        assert!(err.es().contains("hoy es 15/06/2015"));
        check(err, "2016-01-01");
    }

    #[test]
    fn month_names_cover_the_year() {
        assert_eq!(month_name(&MONTHS_ES, 1), "enero");
        assert_eq!(month_name(&MONTHS_EN, 12), "December");
        assert_eq!(month_name(&MONTHS_ES, 0), "enero");
        assert_eq!(month_name(&MONTHS_ES, 13), "?");
    }

    #[test]
    fn time_errors() {
        check(dates::parse_time("9h30").unwrap_err(), "9h30");
        check(dates::parse_time("25:00").unwrap_err(), "25:00");
        check_empty(dates::parse_time("").unwrap_err());
    }

    #[test]
    fn money_errors() {
        for s in [
            "doce",
            "12%",
            "1.200.50",
            "1200,505",
            "-5",
            "99999999999999999999",
        ] {
            check(Money::parse(s).unwrap_err(), s);
        }
        check_empty(Money::parse("").unwrap_err());
    }

    #[test]
    fn code_errors() {
        check(SisfohClass::parse("rico").unwrap_err(), "rico");
        check_empty(SisfohClass::parse("").unwrap_err());
        check(Sex::parse("X").unwrap_err(), "X");
        check_empty(Sex::parse("").unwrap_err());
        check(Role::parse("root").unwrap_err(), "root");
        check_empty(Role::parse("").unwrap_err());
    }

    #[test]
    fn ubigeo_errors() {
        for s in ["03021A", "0302", "260101", "030012", "030200"] {
            check(Ubigeo::parse(s).unwrap_err(), s);
        }
        let scheme = crate::domain::ubigeo::UbigeoScheme::parse("sunat").unwrap_err();
        check(scheme, "sunat");
        check_empty(Ubigeo::parse("").unwrap_err());
    }
}
