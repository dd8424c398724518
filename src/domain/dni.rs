//! The national identity number (DNI): exactly 8 ASCII digits, leading zeros kept.
//!
//! Rosters write it in many ways: with surrounding spaces, with the leading zero lost by a
//! spreadsheet (7 digits, which we pad and report as a warning), or followed by the card's check
//! character (`10117410-2`, `10117410G`, `10117410 g`), which we then verify with the RENIEC rule:
//! weights 3,2,7,6,5,4,3,2 over the 8 digits, sum mod 11 = k, and the check must be
//! `"65432110987"[k]` or `"KJIHGFEDCBA"[k]`. Record matching also needs to know when two DNIs
//! differ only by a typing slip, which [`digit_distance`] and [`one_digit_missing`] tell.

use std::fmt;
use thiserror::Error;

const WEIGHTS: [u32; 8] = [3, 2, 7, 6, 5, 4, 3, 2];
const CHECK_DIGITS: &[u8; 11] = b"65432110987";
const CHECK_LETTERS: &[u8; 11] = b"KJIHGFEDCBA";

/// A valid DNI: always exactly 8 ASCII digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Dni(String);

/// The result of reading a DNI from user or roster input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DniParsed {
    pub dni: Dni,
    /// Only 7 digits were given and a leading zero was added: the caller reports a warning.
    pub padded: bool,
    /// The check character given after the digits (upper-cased), already verified.
    pub check: Option<char>,
}

/// Why a text is not a DNI. Each variant carries the offending value as written.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DniError {
    #[error("the DNI is empty")]
    Empty,
    #[error("DNI {value:?} contains letters")]
    HasLetters { value: String },
    #[error("DNI {value:?} contains characters other than digits")]
    InvalidCharacters { value: String },
    #[error("DNI {value:?} has {len} digits; it must have 8")]
    WrongLength { value: String, len: usize },
    #[error(
        "DNI {value:?}: check character {given:?} is wrong, \
         expected {expected_digit:?} or {expected_letter:?}"
    )]
    CheckMismatch {
        value: String,
        given: char,
        expected_digit: char,
        expected_letter: char,
    },
}

/// How close two DNIs are, for record matching.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DniSimilarity {
    Same,
    OneDigitDifferent,
    AdjacentTransposition,
    Different,
}

impl Dni {
    /// Reads a DNI as written in a form or a roster (see the module documentation).
    pub fn parse(raw: &str) -> Result<DniParsed, DniError> {
        let value = raw.trim();
        if value.is_empty() {
            return Err(DniError::Empty);
        }
        let (body, check) = split_check(value);
        if !body.bytes().all(|b| b.is_ascii_digit()) {
            return Err(non_digit_error(value));
        }
        let (digits, padded) = match (body.len(), check) {
            (8, _) => (body.to_string(), false),
            (7, None) => (format!("0{body}"), true),
            (len, _) => return Err(wrong_length(value, len)),
        };
        let dni = Dni(digits);
        if let Some(given) = check {
            dni.verify(value, given)?;
        }
        Ok(DniParsed { dni, padded, check })
    }

    /// The 8 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The two accepted check characters: (digit, letter).
    pub fn check_digit(&self) -> (char, char) {
        let sum: u32 = self
            .0
            .bytes()
            .zip(WEIGHTS)
            .map(|(b, w)| u32::from(b - b'0') * w)
            .sum();
        let k = (sum % 11) as usize;
        (char::from(CHECK_DIGITS[k]), char::from(CHECK_LETTERS[k]))
    }

    /// The DNI with its first four digits hidden, e.g. `****4567`.
    pub fn masked(&self) -> String {
        format!("****{}", &self.0[4..])
    }

    fn verify(&self, value: &str, given: char) -> Result<(), DniError> {
        let (digit, letter) = self.check_digit();
        if given == digit || given == letter {
            return Ok(());
        }
        Err(DniError::CheckMismatch {
            value: value.to_string(),
            given,
            expected_digit: digit,
            expected_letter: letter,
        })
    }
}

impl fmt::Display for Dni {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Splits `12345678-9`, `12345678 K` or `12345678k` into the digits and the upper-cased check
/// character. A letter straight after the digits counts as a check only after exactly 8 digits
/// (so `1234567A` is a DNI with a letter in it); after a `-` it always does, so that
/// `1234567-8` is reported as having the wrong number of digits.
fn split_check(value: &str) -> (&str, Option<char>) {
    let n = value.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = value.split_at(n);
    let after_space = rest.trim_start();
    let (dashed, tail) = match after_space.strip_prefix('-') {
        Some(t) => (true, t.trim_start()),
        None => (false, after_space),
    };
    let mut chars = tail.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if n > 0 && c.is_ascii_alphanumeric() && (n == 8 || dashed) => {
            (digits, Some(c.to_ascii_uppercase()))
        }
        _ => (value, None),
    }
}

fn non_digit_error(value: &str) -> DniError {
    let value = value.to_string();
    if value.chars().any(char::is_alphabetic) {
        DniError::HasLetters { value }
    } else {
        DniError::InvalidCharacters { value }
    }
}

fn wrong_length(value: &str, len: usize) -> DniError {
    DniError::WrongLength {
        value: value.to_string(),
        len,
    }
}

/// Compares two DNIs digit by digit.
pub fn digit_distance(a: &Dni, b: &Dni) -> DniSimilarity {
    let (a, b) = (a.0.as_bytes(), b.0.as_bytes());
    let diffs: Vec<usize> = (0..a.len().min(b.len()))
        .filter(|&i| a[i] != b[i])
        .collect();
    match diffs.as_slice() {
        [] => DniSimilarity::Same,
        [_] => DniSimilarity::OneDigitDifferent,
        [i, j] if *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i] => {
            DniSimilarity::AdjacentTransposition
        }
        _ => DniSimilarity::Different,
    }
}

/// True when `candidate` (trimmed) is 7 digits obtained by dropping one digit from `full`.
/// Any other input, including a full 8-digit DNI, gives false.
pub fn one_digit_missing(candidate: &str, full: &Dni) -> bool {
    let candidate = candidate.trim();
    if candidate.len() != 7 || !candidate.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    (0..full.0.len()).any(|skip| {
        let (head, tail) = full.0.split_at(skip);
        candidate.starts_with(head) && candidate[skip..] == tail[1..]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dni(s: &str) -> Dni {
        Dni::parse(s).unwrap().dni
    }

    #[test]
    fn keeps_leading_zeros() {
        let p = Dni::parse("01234567").unwrap();
        assert_eq!(p.dni.as_str(), "01234567");
        assert!(!p.padded);
        assert_eq!(p.check, None);
        assert_eq!(dni("00000001").to_string(), "00000001");
    }

    #[test]
    fn trims_surrounding_spaces() {
        assert_eq!(dni("  10117410 \t").as_str(), "10117410");
        assert_eq!(dni("\u{a0}10117410\u{a0}").as_str(), "10117410");
    }

    #[test]
    fn format_example_check_characters_follow_the_rule() {
        // 1*3 + 0*2 + 1*7 + 1*6 + 7*5 + 4*4 + 1*3 + 0*2 = 70; 70 mod 11 = 4;
        // "65432110987"[4] = '2' and "KJIHGFEDCBA"[4] = 'G': the example in ROSTER.md agrees.
        assert_eq!(dni("10117410").check_digit(), ('2', 'G'));
        for s in [
            "10117410-2",
            "10117410G",
            "10117410g",
            "10117410-g",
            "10117410 - 2",
        ] {
            let p = Dni::parse(s).unwrap();
            assert_eq!(p.dni.as_str(), "10117410", "{s}");
            assert!(!p.padded);
        }
        assert_eq!(Dni::parse("10117410-2").unwrap().check, Some('2'));
        assert_eq!(Dni::parse("10117410g").unwrap().check, Some('G'));
    }

    #[test]
    fn check_digit_covers_every_index() {
        // sum 0 -> k 0 -> '6'/'K'
        assert_eq!(dni("00000000").check_digit(), ('6', 'K'));
        // 1*2 (last weight) -> k 2 -> '4'/'I'
        assert_eq!(dni("00000001").check_digit(), ('4', 'I'));
        // 5*2 = 10 -> k 10 -> '7'/'A'
        assert_eq!(dni("00000005").check_digit(), ('7', 'A'));
        // 3 (first weight) -> k 3 -> '3'/'H'
        assert_eq!(dni("10000000").check_digit(), ('3', 'H'));
    }

    #[test]
    fn wrong_check_character_is_rejected_with_both_expected() {
        let err = Dni::parse("10117410-3").unwrap_err();
        assert_eq!(
            err,
            DniError::CheckMismatch {
                value: "10117410-3".into(),
                given: '3',
                expected_digit: '2',
                expected_letter: 'G',
            }
        );
        assert!(matches!(
            Dni::parse("10117410K"),
            Err(DniError::CheckMismatch { given: 'K', .. })
        ));
    }

    #[test]
    fn seven_digits_are_padded_and_flagged() {
        let p = Dni::parse("1234567").unwrap();
        assert_eq!(p.dni.as_str(), "01234567");
        assert!(p.padded);
    }

    #[test]
    fn other_lengths_are_rejected() {
        let err = Dni::parse("123456789").unwrap_err();
        assert_eq!(
            err,
            DniError::WrongLength {
                value: "123456789".into(),
                len: 9
            }
        );
        assert!(matches!(
            Dni::parse("123456"),
            Err(DniError::WrongLength { len: 6, .. })
        ));
        assert!(matches!(
            Dni::parse("1234567-8"),
            Err(DniError::WrongLength { len: 7, .. })
        ));
        assert!(matches!(
            Dni::parse("123456789-2"),
            Err(DniError::WrongLength { len: 9, .. })
        ));
    }

    #[test]
    fn letters_and_symbols_are_rejected() {
        assert_eq!(
            Dni::parse("1234567A").unwrap_err(),
            DniError::HasLetters {
                value: "1234567A".into()
            }
        );
        assert!(matches!(
            Dni::parse("12O45678"),
            Err(DniError::HasLetters { .. })
        ));
        assert!(matches!(
            Dni::parse("DNI 10117410"),
            Err(DniError::HasLetters { .. })
        ));
        assert!(matches!(
            Dni::parse("10117410GG"),
            Err(DniError::HasLetters { .. })
        ));
        assert!(matches!(
            Dni::parse("1011.7410"),
            Err(DniError::InvalidCharacters { .. })
        ));
        assert!(matches!(
            Dni::parse("10117410-"),
            Err(DniError::InvalidCharacters { .. })
        ));
        assert!(matches!(
            Dni::parse("١٠١١٧٤١٠"),
            Err(DniError::InvalidCharacters { .. })
        ));
    }

    #[test]
    fn empty_is_its_own_error() {
        assert_eq!(Dni::parse("").unwrap_err(), DniError::Empty);
        assert_eq!(Dni::parse("   ").unwrap_err(), DniError::Empty);
    }

    #[test]
    fn masks_all_but_last_four() {
        assert_eq!(dni("01234567").masked(), "****4567");
    }

    #[test]
    fn digit_distance_classifies_slips() {
        let a = dni("12345678");
        assert_eq!(digit_distance(&a, &dni("12345678")), DniSimilarity::Same);
        assert_eq!(
            digit_distance(&a, &dni("12345679")),
            DniSimilarity::OneDigitDifferent
        );
        assert_eq!(
            digit_distance(&a, &dni("12354678")),
            DniSimilarity::AdjacentTransposition
        );
        assert_eq!(
            digit_distance(&a, &dni("21345678")),
            DniSimilarity::AdjacentTransposition
        );
        assert_eq!(
            digit_distance(&a, &dni("12345687")),
            DniSimilarity::AdjacentTransposition
        );
        // two different digits side by side, but not swapped
        assert_eq!(
            digit_distance(&a, &dni("12905678")),
            DniSimilarity::Different
        );
        // swapped but not adjacent
        assert_eq!(
            digit_distance(&a, &dni("12645378")),
            DniSimilarity::Different
        );
        assert_eq!(
            digit_distance(&a, &dni("87654321")),
            DniSimilarity::Different
        );
    }

    #[test]
    fn one_digit_missing_finds_any_dropped_position() {
        let full = dni("12345678");
        for s in [
            "2345678", "1345678", "1245678", "1235678", "1234678", "1234578", "1234568", "1234567",
        ] {
            assert!(one_digit_missing(s, &full), "{s}");
        }
        assert!(one_digit_missing(" 1234567 ", &full));
        assert!(!one_digit_missing("1234569", &full));
        assert!(!one_digit_missing("12345678", &full));
        assert!(!one_digit_missing("123456", &full));
        assert!(!one_digit_missing("123456A", &full));
        assert!(!one_digit_missing("", &full));
        // a dropped leading zero is also one digit missing
        assert!(one_digit_missing("1234567", &dni("01234567")));
    }
}
