//! Sex as recorded in rosters: `F` or `M`.
//!
//! Agencies also write it out, in Spanish (`Femenino`, `Masculino`, `Mujer`, `Hombre`, `Varón`)
//! or English (`Female`, `Male`), in any case and with or without accents; all are read here.

use super::names::code_key;
use thiserror::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Sex {
    F,
    M,
}

/// Why a text is not a sex.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SexError {
    #[error("the sex is empty")]
    Empty,
    #[error("sex {value:?} is not F or M")]
    Unknown { value: String },
}

impl Sex {
    /// `F` or `M`.
    pub fn code(self) -> &'static str {
        match self {
            Sex::F => "F",
            Sex::M => "M",
        }
    }

    /// Reads a code or a written-out word, ignoring case, accents and punctuation.
    pub fn parse(raw: &str) -> Result<Sex, SexError> {
        match code_key(raw).as_str() {
            "" if raw.trim().is_empty() => Err(SexError::Empty),
            "F" | "FEM" | "FEMENINO" | "MUJER" | "FEMALE" => Ok(Sex::F),
            "M" | "MASC" | "MASCULINO" | "HOMBRE" | "VARON" | "MALE" => Ok(Sex::M),
            _ => Err(SexError::Unknown {
                value: raw.trim().to_string(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for sex in [Sex::F, Sex::M] {
            assert_eq!(Sex::parse(sex.code()), Ok(sex));
        }
    }

    #[test]
    fn reads_written_out_forms() {
        for s in [
            "F",
            "f",
            " Femenino ",
            "FEMENINO",
            "mujer",
            "Mujer",
            "F.",
            "female",
        ] {
            assert_eq!(Sex::parse(s), Ok(Sex::F), "{s}");
        }
        for s in [
            "M",
            "m",
            "Masculino",
            "MASCULINO",
            "hombre",
            "HOMBRE",
            "Varón",
            "VARON",
        ] {
            assert_eq!(Sex::parse(s), Ok(Sex::M), "{s}");
        }
    }

    #[test]
    fn rejects_unknown_and_empty() {
        assert_eq!(Sex::parse(""), Err(SexError::Empty));
        assert_eq!(Sex::parse(" \t"), Err(SexError::Empty));
        assert_eq!(
            Sex::parse(" X "),
            Err(SexError::Unknown { value: "X".into() })
        );
        assert!(matches!(Sex::parse("FM"), Err(SexError::Unknown { .. })));
        assert!(matches!(Sex::parse("-"), Err(SexError::Unknown { .. })));
    }
}
