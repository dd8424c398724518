//! Person names: how they are cleaned for storage and folded for matching.
//!
//! Each agency types names its own way: with or without accents, `Ñ` written `N`, doubled spaces,
//! text pasted from other programs in decomposed Unicode. [`normalize_name`] cleans a name for
//! storage and display while keeping what was written (accents, case); [`fold_key`] reduces it to
//! a matching key (`"Ñahui  José"` → `"NAHUI JOSE"`) so that `Jerónimo` and `JERONIMO` meet.
//! [`PersonName`] holds the three parts of a Peruvian name, validated.

use std::fmt;
use thiserror::Error;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Longest accepted part of a name, in characters.
pub const MAX_NAME_PART_CHARS: usize = 80;

/// Which part of a name an error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NamePart {
    Paternal,
    Maternal,
    Given,
}

/// Why a name was not accepted. Each variant says which part, and carries the value.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NameError {
    #[error("the {part:?} name is empty")]
    Missing { part: NamePart },
    #[error("the {part:?} name {value:?} contains digits")]
    HasDigits { part: NamePart, value: String },
    #[error("the {part:?} name {value:?} has {len} characters; at most {max} are allowed")]
    TooLong {
        part: NamePart,
        value: String,
        len: usize,
        max: usize,
    },
}

/// A person's name: paternal surname, optional maternal surname, given names.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PersonName {
    paternal: String,
    maternal: Option<String>,
    given: String,
}

/// Cleans a name for storage: Unicode NFC, control and invisible characters removed, any run of
/// whitespace (tabs, line breaks, non-breaking spaces) made one space, ends trimmed.
/// Accents and case are kept as written.
pub fn normalize_name(raw: &str) -> String {
    let visible: String = raw
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|&c| !c.is_control() && !is_invisible(c))
        .nfc()
        .collect();
    visible.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Zero-width and formatting characters that pasted text and BOMs leave behind, and the
/// bidirectional controls ([`is_bidi_control`]): no Peruvian name needs them, and a
/// right-to-left override shows a name reversed on every screen and export that prints it.
pub fn is_invisible(c: char) -> bool {
    is_bidi_control(c)
        || matches!(
            c,
            '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2065}' | '\u{FEFF}'
        )
}

/// Characters that change the direction or order of what follows them: embeddings,
/// overrides and their pop (U+202A–U+202E), isolates (U+2066–U+2069), the left-to-right,
/// right-to-left and Arabic letter marks.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// The matching key of a name: compatibility-decomposed (NFKD, which also folds full-width
/// letters and ligatures), combining marks stripped (so `Ñ` becomes `N`), upper case, keeping
/// only `A`–`Z`, `0`–`9` and single spaces. Apostrophes vanish (`Q'ORI` → `QORI`); any other
/// punctuation separates words (`PÉREZ-ALBELA` → `PEREZ ALBELA`).
pub fn fold_key(raw: &str) -> String {
    let mut folded = String::with_capacity(raw.len());
    for c in raw.nfkd().filter(|&c| !is_combining_mark(c)) {
        for u in c.to_uppercase() {
            if u.is_ascii_uppercase() || u.is_ascii_digit() {
                folded.push(u);
            } else if !is_apostrophe(u) && !u.is_alphanumeric() {
                folded.push(' ');
            }
        }
    }
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// [`fold_key`] without spaces: the key used to read codes and written-out values
/// (`"P.E."`, `"pobre extremo"`, `"Miembro del CLAR"`) case-, accent- and punctuation-blind.
pub(crate) fn code_key(raw: &str) -> String {
    fold_key(raw).replace(' ', "")
}

fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '`' | '\u{00B4}' | '\u{2018}' | '\u{2019}' | '\u{02BC}'
    )
}

impl PersonName {
    /// Builds a validated name. Each part is normalized with [`normalize_name`]; the paternal
    /// surname and the given names are required; an empty maternal surname becomes `None`.
    pub fn new(paternal: &str, maternal: Option<&str>, given: &str) -> Result<Self, NameError> {
        let paternal = checked_part(NamePart::Paternal, paternal)?;
        let maternal = match maternal.map(normalize_name) {
            Some(m) if !m.is_empty() => Some(checked_part(NamePart::Maternal, &m)?),
            _ => None,
        };
        let given = checked_part(NamePart::Given, given)?;
        Ok(PersonName {
            paternal,
            maternal,
            given,
        })
    }

    pub fn paternal(&self) -> &str {
        &self.paternal
    }

    pub fn maternal(&self) -> Option<&str> {
        self.maternal.as_deref()
    }

    pub fn given(&self) -> &str {
        &self.given
    }

    /// `Paternal Maternal, Given`, case as given: `QUISPE HUAMÁN, María`, or `QUISPE, María`.
    pub fn full_display(&self) -> String {
        match &self.maternal {
            Some(m) => format!("{} {}, {}", self.paternal, m, self.given),
            None => format!("{}, {}", self.paternal, self.given),
        }
    }

    /// The folded `PATERNAL MATERNAL GIVEN` (maternal left out when unknown), for sorting lists.
    pub fn sort_key(&self) -> String {
        let maternal = self.maternal.as_deref().unwrap_or("");
        fold_key(&format!("{} {} {}", self.paternal, maternal, self.given))
    }
}

impl fmt::Display for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.full_display())
    }
}

fn checked_part(part: NamePart, raw: &str) -> Result<String, NameError> {
    let value = normalize_name(raw);
    if value.is_empty() {
        return Err(NameError::Missing { part });
    }
    if value.chars().any(char::is_numeric) {
        return Err(NameError::HasDigits { part, value });
    }
    let len = value.chars().count();
    if len > MAX_NAME_PART_CHARS {
        let max = MAX_NAME_PART_CHARS;
        return Err(NameError::TooLong {
            part,
            value,
            len,
            max,
        });
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMPOSED: &str = "Jer\u{00F3}nimo \u{00D1}ahui";
    const DECOMPOSED: &str = "Jero\u{0301}nimo N\u{0303}ahui";

    #[test]
    fn normalize_collapses_whitespace_and_trims() {
        assert_eq!(
            normalize_name("  María   del\tCarmen \n"),
            "María del Carmen"
        );
        assert_eq!(normalize_name("José\u{00A0}\u{00A0}Luis"), "José Luis");
        assert_eq!(normalize_name("   "), "");
    }

    #[test]
    fn normalize_removes_control_and_invisible_characters() {
        assert_eq!(normalize_name("\u{FEFF}Qui\u{0007}spe"), "Quispe");
        assert_eq!(normalize_name("Hua\u{200B}mán"), "Huamán");
        assert_eq!(normalize_name("\u{202E}Quispe\u{202C}"), "Quispe");
        assert_eq!(normalize_name("Ccori\u{2067}\u{061C}\u{2069}"), "Ccori");
    }

    #[test]
    fn normalize_keeps_accents_case_and_enye() {
        assert_eq!(normalize_name("ÑAHUI Peña"), "ÑAHUI Peña");
    }

    #[test]
    fn decomposed_input_gives_the_same_nfc_as_composed() {
        assert_ne!(COMPOSED, DECOMPOSED);
        assert_eq!(normalize_name(DECOMPOSED), COMPOSED);
        assert_eq!(normalize_name(COMPOSED), COMPOSED);
    }

    #[test]
    fn fold_key_strips_accents_and_enye() {
        assert_eq!(fold_key("Ñahui  José"), "NAHUI JOSE");
        assert_eq!(fold_key("Jerónimo"), fold_key("JERONIMO"));
        assert_eq!(fold_key(COMPOSED), fold_key(DECOMPOSED));
        assert_eq!(fold_key("güemes"), "GUEMES");
    }

    #[test]
    fn fold_key_handles_punctuation() {
        assert_eq!(fold_key("Q'ori Ch’uspi"), "QORI CHUSPI");
        assert_eq!(fold_key("Pérez-Albela"), "PEREZ ALBELA");
        assert_eq!(fold_key(" Ma. del  Carmen, "), "MA DEL CARMEN");
        assert_eq!(fold_key("ＱＵＩＳＰＥ"), "QUISPE");
        assert_eq!(fold_key("Anexo 2"), "ANEXO 2");
        assert_eq!(fold_key(""), "");
    }

    #[test]
    fn code_key_ignores_spaces_and_punctuation() {
        assert_eq!(code_key(" p.e. "), "PE");
        assert_eq!(code_key("Miembro del CLAR"), "MIEMBRODELCLAR");
        assert_eq!(code_key("miembro_clar"), "MIEMBROCLAR");
    }

    #[test]
    fn person_name_normalizes_parts() {
        let n = PersonName::new(" QUISPE ", Some("HUAMÁN"), "María  Elena").unwrap();
        assert_eq!(n.paternal(), "QUISPE");
        assert_eq!(n.maternal(), Some("HUAMÁN"));
        assert_eq!(n.given(), "María Elena");
        assert_eq!(n.full_display(), "QUISPE HUAMÁN, María Elena");
        assert_eq!(n.to_string(), n.full_display());
        assert_eq!(n.sort_key(), "QUISPE HUAMAN MARIA ELENA");
    }

    #[test]
    fn missing_maternal_surname_is_none() {
        for maternal in [None, Some(""), Some("  ")] {
            let n = PersonName::new("Quispe", maternal, "Rosa").unwrap();
            assert_eq!(n.maternal(), None);
            assert_eq!(n.full_display(), "Quispe, Rosa");
            assert_eq!(n.sort_key(), "QUISPE ROSA");
        }
    }

    #[test]
    fn decomposed_and_composed_names_are_equal() {
        let a = PersonName::new("Ñahui", None, COMPOSED).unwrap();
        let b = PersonName::new("N\u{0303}ahui", None, DECOMPOSED).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn required_parts_are_reported_by_part() {
        assert_eq!(
            PersonName::new(" ", None, "Rosa").unwrap_err(),
            NameError::Missing {
                part: NamePart::Paternal
            }
        );
        assert_eq!(
            PersonName::new("Quispe", Some("Mamani"), "").unwrap_err(),
            NameError::Missing {
                part: NamePart::Given
            }
        );
    }

    #[test]
    fn digits_are_rejected_in_any_part() {
        assert_eq!(
            PersonName::new("Quispe", Some("Mamani2"), "Rosa").unwrap_err(),
            NameError::HasDigits {
                part: NamePart::Maternal,
                value: "Mamani2".into()
            }
        );
        assert!(matches!(
            PersonName::new("Quispe", None, "R0sa"),
            Err(NameError::HasDigits {
                part: NamePart::Given,
                ..
            })
        ));
    }

    #[test]
    fn length_limit_counts_characters_not_bytes() {
        let ok = "Ñ".repeat(MAX_NAME_PART_CHARS);
        assert!(PersonName::new(&ok, None, "Rosa").is_ok());
        let long = "Ñ".repeat(MAX_NAME_PART_CHARS + 1);
        assert!(matches!(
            PersonName::new("Quispe", None, &long),
            Err(NameError::TooLong {
                part: NamePart::Given,
                len: 81,
                max: 80,
                ..
            })
        ));
    }
}
