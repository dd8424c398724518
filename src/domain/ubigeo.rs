//! UBIGEO, the 6-digit code of a district: department (2 digits), province (2), district (2).
//!
//! Apurímac is `03`, Andahuaylas province `0302`, San Antonio de Cachi district `030212`.
//! Departments run from `01` to `25`; province and district parts start at `01` (a code ending
//! in `00` names a province or department, not a district). Spreadsheets drop the leading zero
//! of `030212`, so a 5-digit value is padded and flagged for a warning, as with the DNI.
//! INEI and RENIEC number districts differently and the digits cannot tell which is meant:
//! [`UbigeoScheme`] names the coding, and converting between them needs the database.

use std::fmt;
use thiserror::Error;

/// Highest department number (Ucayali).
pub const MAX_DEPARTMENT: u32 = 25;

/// A district code: 6 ASCII digits, validated as described in the module documentation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ubigeo(String);

/// The result of reading a UBIGEO.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UbigeoParsed {
    pub ubigeo: Ubigeo,
    /// Only 5 digits were given and a leading zero was added: the caller reports a warning.
    pub padded: bool,
}

/// The two codings of districts in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum UbigeoScheme {
    #[default]
    Inei,
    Reniec,
}

/// Why a text is not a district UBIGEO (or a coding name). Each variant carries the value.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum UbigeoError {
    #[error("the UBIGEO is empty")]
    Empty,
    #[error("UBIGEO {value:?} contains characters other than digits")]
    NotDigits { value: String },
    #[error("UBIGEO {value:?} has {len} digits; it must have 6")]
    WrongLength { value: String, len: usize },
    #[error("UBIGEO {value:?}: department {department} does not exist (01-25)")]
    BadDepartment { value: String, department: String },
    #[error("UBIGEO {value:?}: province part 00 is not a province")]
    BadProvince { value: String },
    #[error("UBIGEO {value:?}: district part 00 is not a district")]
    BadDistrict { value: String },
    #[error("UBIGEO coding {value:?} is not 'inei' or 'reniec'")]
    UnknownScheme { value: String },
}

impl Ubigeo {
    /// Reads a district code (surrounding spaces ignored; 5 digits padded with a leading zero).
    pub fn parse(raw: &str) -> Result<UbigeoParsed, UbigeoError> {
        let value = raw.trim();
        if value.is_empty() {
            return Err(UbigeoError::Empty);
        }
        let owned = || value.to_string();
        if !value.bytes().all(|b| b.is_ascii_digit()) {
            return Err(UbigeoError::NotDigits { value: owned() });
        }
        let (code, padded) = match value.len() {
            6 => (owned(), false),
            5 => (format!("0{value}"), true),
            len => {
                return Err(UbigeoError::WrongLength {
                    value: owned(),
                    len,
                })
            }
        };
        check_parts(value, &code)?;
        Ok(UbigeoParsed {
            ubigeo: Ubigeo(code),
            padded,
        })
    }

    /// The 6 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The department (region) part: first 2 digits, e.g. `03`.
    pub fn region_code(&self) -> &str {
        &self.0[..2]
    }

    /// The province part, with its department: first 4 digits, e.g. `0302`.
    pub fn province_code(&self) -> &str {
        &self.0[..4]
    }
}

impl fmt::Display for Ubigeo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn check_parts(value: &str, code: &str) -> Result<(), UbigeoError> {
    let value = value.to_string();
    let department = &code[..2];
    let in_range = department
        .parse::<u32>()
        .is_ok_and(|d| (1..=MAX_DEPARTMENT).contains(&d));
    if !in_range {
        let department = department.to_string();
        return Err(UbigeoError::BadDepartment { value, department });
    }
    if &code[2..4] == "00" {
        return Err(UbigeoError::BadProvince { value });
    }
    if &code[4..] == "00" {
        return Err(UbigeoError::BadDistrict { value });
    }
    Ok(())
}

impl UbigeoScheme {
    /// `inei` or `reniec`.
    pub fn code(self) -> &'static str {
        match self {
            UbigeoScheme::Inei => "inei",
            UbigeoScheme::Reniec => "reniec",
        }
    }

    /// Reads `inei` or `reniec`, ignoring case and surrounding spaces.
    pub fn parse(raw: &str) -> Result<UbigeoScheme, UbigeoError> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "inei" => Ok(UbigeoScheme::Inei),
            "reniec" => Ok(UbigeoScheme::Reniec),
            _ => Err(UbigeoError::UnknownScheme {
                value: raw.trim().to_string(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_district_code() {
        let p = Ubigeo::parse(" 030212 ").unwrap();
        assert_eq!(p.ubigeo.as_str(), "030212");
        assert_eq!(p.ubigeo.to_string(), "030212");
        assert!(!p.padded);
        assert_eq!(p.ubigeo.region_code(), "03");
        assert_eq!(p.ubigeo.province_code(), "0302");
    }

    #[test]
    fn five_digits_are_padded_and_flagged() {
        let p = Ubigeo::parse("30213").unwrap();
        assert_eq!(p.ubigeo.as_str(), "030213");
        assert!(p.padded);
    }

    #[test]
    fn department_must_be_01_to_25() {
        assert!(Ubigeo::parse("010101").is_ok());
        assert!(Ubigeo::parse("250101").is_ok());
        assert_eq!(
            Ubigeo::parse("260101").unwrap_err(),
            UbigeoError::BadDepartment {
                value: "260101".into(),
                department: "26".into()
            }
        );
        assert!(matches!(
            Ubigeo::parse("000101"),
            Err(UbigeoError::BadDepartment { .. })
        ));
        // a 5-digit value padded to department 00 is still wrong
        assert!(matches!(
            Ubigeo::parse("00101"),
            Err(UbigeoError::BadDepartment { .. })
        ));
    }

    #[test]
    fn province_and_district_parts_start_at_01() {
        assert_eq!(
            Ubigeo::parse("030012").unwrap_err(),
            UbigeoError::BadProvince {
                value: "030012".into()
            }
        );
        assert_eq!(
            Ubigeo::parse("030200").unwrap_err(),
            UbigeoError::BadDistrict {
                value: "030200".into()
            }
        );
    }

    #[test]
    fn rejects_wrong_length_and_characters() {
        assert_eq!(
            Ubigeo::parse("0302121").unwrap_err(),
            UbigeoError::WrongLength {
                value: "0302121".into(),
                len: 7
            }
        );
        assert!(matches!(
            Ubigeo::parse("0302"),
            Err(UbigeoError::WrongLength { len: 4, .. })
        ));
        for s in ["03021A", "03 02 12", "030212.0", "-30212"] {
            assert!(
                matches!(Ubigeo::parse(s), Err(UbigeoError::NotDigits { .. })),
                "{s}"
            );
        }
        assert_eq!(Ubigeo::parse("  ").unwrap_err(), UbigeoError::Empty);
    }

    #[test]
    fn schemes() {
        assert_eq!(UbigeoScheme::parse("inei"), Ok(UbigeoScheme::Inei));
        assert_eq!(UbigeoScheme::parse(" RENIEC "), Ok(UbigeoScheme::Reniec));
        assert_eq!(UbigeoScheme::default(), UbigeoScheme::Inei);
        for s in [UbigeoScheme::Inei, UbigeoScheme::Reniec] {
            assert_eq!(UbigeoScheme::parse(s.code()), Ok(s));
        }
        assert_eq!(
            UbigeoScheme::parse("sunat"),
            Err(UbigeoError::UnknownScheme {
                value: "sunat".into()
            })
        );
    }
}
