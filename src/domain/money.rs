//! Amounts in soles, held exactly as integer céntimos (never floating point).
//!
//! Rosters write amounts as `1200`, `1200.50`, `1200,5`, `1 200,50`, `1.200,50`, `S/ 1,200.50`,
//! `s/. 1200`. The decimal separator is decided per value: the last `,` or `.` followed by one or
//! two digits is the decimal point; a separator followed by exactly three digits groups
//! thousands (so `1,200` and `1.200` are both twelve hundred); anything else is ambiguous or
//! wrong and is rejected rather than guessed. Amounts are shown as `S/ 1,200.50`.
//! [`percent_of`] and [`share_basis_points`] do the programme-share arithmetic (a plan funded
//! up to 70 % = 7 000 basis points) in integers, rounding down.

use std::fmt;
use std::str::FromStr;
use thiserror::Error;

/// An amount of money in céntimos of a sol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(i64);

/// Why a text is not an acceptable amount. Each variant carries the value as written.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MoneyError {
    #[error("the amount is empty")]
    Empty,
    #[error("amount {value:?} contains letters")]
    HasLetters { value: String },
    #[error("amount {value:?} contains characters other than digits, spaces, ',' and '.'")]
    InvalidCharacters { value: String },
    #[error("amount {value:?} has its separators in the wrong places")]
    BadFormat { value: String },
    #[error("amount {value:?} has more than 2 decimals")]
    TooManyDecimals { value: String },
    #[error("amount {value:?} is negative")]
    Negative { value: String },
    #[error("amount {value:?} is too large")]
    Overflow { value: String },
}

impl Money {
    pub const fn from_cents(cents: i64) -> Money {
        Money(cents)
    }

    /// Whole soles; `None` on overflow.
    pub fn from_soles(soles: i64) -> Option<Money> {
        soles.checked_mul(100).map(Money)
    }

    pub const fn zero() -> Money {
        Money(0)
    }

    pub const fn cents(self) -> i64 {
        self.0
    }

    pub const fn is_zero(self) -> bool {
        self.0 == 0
    }

    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    pub fn checked_sub(self, other: Money) -> Option<Money> {
        self.0.checked_sub(other.0).map(Money)
    }

    /// The sum of many amounts; `None` on overflow.
    pub fn checked_sum<I: IntoIterator<Item = Money>>(amounts: I) -> Option<Money> {
        amounts
            .into_iter()
            .try_fold(Money::zero(), |acc, m| acc.checked_add(m))
    }

    /// Reads an amount (see the module documentation). Negative amounts are refused.
    pub fn parse(raw: &str) -> Result<Money, MoneyError> {
        let value = raw.trim();
        let (negative, body) = strip_sign_and_currency(value);
        if body.is_empty() {
            return Err(MoneyError::Empty);
        }
        let body: String = body
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .collect();
        check_characters(&body, value)?;
        let cents = parse_amount(&body, value)?;
        if negative && cents > 0 {
            return Err(MoneyError::Negative {
                value: value.to_string(),
            });
        }
        Ok(Money(cents))
    }

    /// `1200.50`, `-5.00`: no currency sign and no grouping, for files and storage.
    pub fn to_plain_string(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl fmt::Display for Money {
    /// `S/ 1,200.50`; negative amounts as `S/ -1,200.50`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let soles = group_thousands(abs / 100);
        write!(f, "S/ {sign}{soles}.{:02}", abs % 100)
    }
}

impl FromStr for Money {
    type Err = MoneyError;

    fn from_str(s: &str) -> Result<Money, MoneyError> {
        Money::parse(s)
    }
}

/// `amount × basis_points / 10 000`, rounded down (towards minus infinity); saturates at the
/// limits of `i64`. 7 000 basis points = 70 %.
pub fn percent_of(amount: Money, basis_points: i64) -> Money {
    let product = i128::from(amount.0) * i128::from(basis_points);
    Money(saturate(floor_div(product, 10_000)))
}

/// The share of `part` in `whole` in basis points (10 000 = all of it), rounded down;
/// 0 when `whole` is zero.
pub fn share_basis_points(part: Money, whole: Money) -> i64 {
    if whole.0 == 0 {
        return 0;
    }
    let scaled = i128::from(part.0) * 10_000;
    saturate(floor_div(scaled, i128::from(whole.0)))
}

fn floor_div(a: i128, b: i128) -> i128 {
    let q = a / b;
    if a % b != 0 && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

fn saturate(x: i128) -> i64 {
    i64::try_from(x).unwrap_or(if x < 0 { i64::MIN } else { i64::MAX })
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Removes a `-`/`+` sign and an `S/` or `S/.` prefix, in either order, and the spaces around.
fn strip_sign_and_currency(value: &str) -> (bool, &str) {
    let (neg1, rest) = strip_sign(value);
    let rest = strip_currency(rest);
    let (neg2, rest) = strip_sign(rest);
    (neg1 || neg2, rest)
}

fn strip_sign(s: &str) -> (bool, &str) {
    if let Some(rest) = s.strip_prefix('-') {
        (true, rest.trim_start())
    } else {
        (false, s.strip_prefix('+').unwrap_or(s).trim_start())
    }
}

fn strip_currency(s: &str) -> &str {
    for prefix in ["s/.", "s/"] {
        let n = prefix.len();
        if s.get(..n).is_some_and(|p| p.eq_ignore_ascii_case(prefix)) {
            return s[n..].trim_start();
        }
    }
    s
}

fn check_characters(body: &str, value: &str) -> Result<(), MoneyError> {
    let value = value.to_string();
    if body.chars().any(char::is_alphabetic) {
        return Err(MoneyError::HasLetters { value });
    }
    let allowed = |c: char| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ');
    if !body.chars().all(allowed) {
        return Err(MoneyError::InvalidCharacters { value });
    }
    Ok(())
}

/// `body` holds only ASCII digits, `,`, `.` and single-kind spaces.
fn parse_amount(body: &str, value: &str) -> Result<i64, MoneyError> {
    let (int_part, frac) = split_decimal(body, value)?;
    let digits = ungroup(int_part, value)?;
    let overflow = || MoneyError::Overflow {
        value: value.to_string(),
    };
    let mut cents: i64 = 0;
    let frac_padded = format!("{frac:0<2}");
    for b in digits.bytes().chain(frac_padded.bytes()) {
        cents = cents
            .checked_mul(10)
            .and_then(|c| c.checked_add(i64::from(b - b'0')))
            .ok_or_else(overflow)?;
    }
    Ok(cents)
}

/// Splits off the decimal part (0–2 digits) following the rules in the module documentation.
fn split_decimal<'a>(body: &'a str, value: &str) -> Result<(&'a str, &'a str), MoneyError> {
    let Some(pos) = body.rfind([',', '.']) else {
        return Ok((body, ""));
    };
    let after = &body[pos + 1..];
    if after.is_empty() || !after.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad_format(value));
    }
    let before = &body[..pos];
    let repeated = before.contains(&body[pos..=pos]);
    match after.len() {
        3 if is_thousands_grouping(body) => Ok((body, "")),
        _ if repeated => Err(bad_format(value)),
        1 | 2 => Ok((before, after)),
        _ => Err(MoneyError::TooManyDecimals {
            value: value.to_string(),
        }),
    }
}

/// True when every separator in `body` is the same `,` or `.` and it groups thousands.
fn is_thousands_grouping(body: &str) -> bool {
    let has = |c| body.contains(c);
    let single_kind = has(',') != has('.') && !has(' ');
    single_kind && ungroup(body, "").is_ok()
}

/// Removes thousands separators from the integer part, checking the groups: at most one kind
/// of separator, first group 1–3 digits not starting with 0, the others exactly 3 digits.
fn ungroup(int_part: &str, value: &str) -> Result<String, MoneyError> {
    let mut seps = int_part.chars().filter(|c| !c.is_ascii_digit());
    let Some(sep) = seps.next() else {
        return Ok(int_part.to_string());
    };
    if seps.any(|c| c != sep) {
        return Err(bad_format(value));
    }
    let groups: Vec<&str> = int_part.split(sep).collect();
    let first_ok = (1..=3).contains(&groups[0].len()) && !groups[0].starts_with('0');
    if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
        return Err(bad_format(value));
    }
    Ok(groups.concat())
}

fn bad_format(value: &str) -> MoneyError {
    MoneyError::BadFormat {
        value: value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cents(s: &str) -> i64 {
        Money::parse(s)
            .unwrap_or_else(|e| panic!("{s:?}: {e}"))
            .cents()
    }

    #[test]
    fn reads_every_documented_form() {
        assert_eq!(cents("1200"), 120_000);
        assert_eq!(cents("1200.50"), 120_050);
        assert_eq!(cents("1200,5"), 120_050);
        assert_eq!(cents("1 200,50"), 120_050);
        assert_eq!(cents("1.200,50"), 120_050);
        assert_eq!(cents("S/ 1,200.50"), 120_050);
        assert_eq!(cents("S/1200"), 120_000);
        assert_eq!(cents("s/. 1200"), 120_000);
        assert_eq!(cents("S/.1200"), 120_000);
    }

    #[test]
    fn accepts_non_breaking_and_narrow_spaces() {
        assert_eq!(cents("S/\u{a0}1\u{a0}200,50"), 120_050);
        assert_eq!(cents("1\u{202f}200"), 120_000);
        assert_eq!(cents("\u{a0}7 000\u{a0}"), 700_000);
    }

    #[test]
    fn three_digits_after_a_separator_are_thousands() {
        assert_eq!(cents("1,200"), 120_000);
        assert_eq!(cents("1.200"), 120_000);
        assert_eq!(cents("99.000"), 9_900_000);
        assert_eq!(cents("1.200.300"), 120_030_000);
        assert_eq!(cents("1,234,567.89"), 123_456_789);
        assert_eq!(cents("1.234.567,8"), 123_456_780);
    }

    #[test]
    fn small_and_zero_amounts() {
        assert_eq!(cents("0"), 0);
        assert_eq!(cents("0,05"), 5);
        assert_eq!(cents(".5"), 50);
        assert_eq!(cents("0007"), 700);
        assert_eq!(cents("-0"), 0);
        assert_eq!(cents("+15"), 1_500);
    }

    #[test]
    fn more_than_two_decimals_are_rejected() {
        for s in ["1200.505", "1,200.500", "0,500", "1200,5000", "1.5000"] {
            assert_eq!(
                Money::parse(s).unwrap_err(),
                MoneyError::TooManyDecimals { value: s.into() },
                "{s}"
            );
        }
    }

    #[test]
    fn misplaced_separators_are_rejected() {
        for s in [
            "1200.",
            "1.200.50",
            "1.2.3",
            "1,2345,678",
            "12 00",
            "1,20,000",
            "1 200.300,50",
            "1200 ,50",
            ",",
        ] {
            assert!(
                matches!(Money::parse(s), Err(MoneyError::BadFormat { .. })),
                "{s}"
            );
        }
    }

    #[test]
    fn negative_amounts_have_their_own_error() {
        for s in ["-5", "S/ -1,200.50", "-S/ 10", " - 3"] {
            assert_eq!(
                Money::parse(s).unwrap_err(),
                MoneyError::Negative {
                    value: s.trim().into()
                },
                "{s}"
            );
        }
    }

    #[test]
    fn letters_symbols_and_empty_are_rejected() {
        assert_eq!(
            Money::parse("doscientos").unwrap_err(),
            MoneyError::HasLetters {
                value: "doscientos".into()
            }
        );
        assert!(matches!(
            Money::parse("1200 soles"),
            Err(MoneyError::HasLetters { .. })
        ));
        assert!(matches!(
            Money::parse("US$ 100"),
            Err(MoneyError::HasLetters { .. })
        ));
        assert!(matches!(
            Money::parse("12%"),
            Err(MoneyError::InvalidCharacters { .. })
        ));
        assert_eq!(Money::parse("").unwrap_err(), MoneyError::Empty);
        assert_eq!(Money::parse(" S/ ").unwrap_err(), MoneyError::Empty);
    }

    #[test]
    fn overflow_is_reported() {
        assert_eq!(cents("92233720368547758.07"), i64::MAX);
        assert!(matches!(
            Money::parse("92233720368547758.08"),
            Err(MoneyError::Overflow { .. })
        ));
        assert!(matches!(
            Money::parse(&"9".repeat(40)),
            Err(MoneyError::Overflow { .. })
        ));
    }

    #[test]
    fn displays_with_two_decimals_and_comma_thousands() {
        assert_eq!(Money::from_cents(120_050).to_string(), "S/ 1,200.50");
        assert_eq!(Money::from_cents(0).to_string(), "S/ 0.00");
        assert_eq!(Money::from_cents(5).to_string(), "S/ 0.05");
        assert_eq!(Money::from_cents(9_900_000).to_string(), "S/ 99,000.00");
        assert_eq!(
            Money::from_cents(100_000_000).to_string(),
            "S/ 1,000,000.00"
        );
        assert_eq!(Money::from_cents(-120_050).to_string(), "S/ -1,200.50");
        assert_eq!(
            Money::from_cents(i64::MIN).to_string(),
            "S/ -92,233,720,368,547,758.08"
        );
    }

    #[test]
    fn display_round_trips_through_parse() {
        for c in [0, 1, 99, 100, 120_050, 9_900_000, 123_456_789_012] {
            let m = Money::from_cents(c);
            assert_eq!(Money::parse(&m.to_string()), Ok(m));
            assert_eq!(m.to_plain_string().parse::<Money>(), Ok(m));
        }
        assert_eq!(Money::from_cents(-500).to_plain_string(), "-5.00");
    }

    #[test]
    fn arithmetic_is_checked() {
        let a = Money::from_cents(150);
        assert_eq!(a.checked_add(a), Some(Money::from_cents(300)));
        assert_eq!(Money::from_cents(i64::MAX).checked_add(a), None);
        assert_eq!(a.checked_sub(a), Some(Money::zero()));
        assert_eq!(Money::from_cents(i64::MIN).checked_sub(a), None);
        assert_eq!(Money::from_soles(7_000), Some(Money::from_cents(700_000)));
        assert_eq!(Money::from_soles(i64::MAX), None);
        assert!(Money::zero().is_zero());
        assert_eq!(Money::default(), Money::zero());
        let six_payments = std::iter::repeat_n(Money::from_cents(20_000), 6);
        assert_eq!(
            Money::checked_sum(six_payments),
            Some(Money::from_cents(120_000))
        );
        assert_eq!(Money::checked_sum([Money::from_cents(i64::MAX), a]), None);
    }

    #[test]
    fn percent_of_rounds_down() {
        let plan = Money::from_cents(9_900_000);
        assert_eq!(percent_of(plan, 7_000), Money::from_cents(6_930_000));
        assert_eq!(
            percent_of(Money::from_cents(333), 5_000),
            Money::from_cents(166)
        );
        assert_eq!(percent_of(Money::from_cents(1), 9_999), Money::zero());
        assert_eq!(
            percent_of(Money::from_cents(-333), 5_000),
            Money::from_cents(-167)
        );
        assert_eq!(percent_of(plan, 0), Money::zero());
        assert_eq!(
            percent_of(Money::from_cents(i64::MAX), 20_000),
            Money::from_cents(i64::MAX)
        );
    }

    #[test]
    fn share_basis_points_rounds_down() {
        let whole = Money::from_cents(700_000);
        assert_eq!(share_basis_points(Money::from_cents(420_000), whole), 6_000);
        assert_eq!(
            share_basis_points(Money::from_cents(1), Money::from_cents(3)),
            3_333
        );
        assert_eq!(
            share_basis_points(Money::from_cents(2), Money::from_cents(3)),
            6_666
        );
        assert_eq!(share_basis_points(whole, whole), 10_000);
        assert_eq!(share_basis_points(whole, Money::zero()), 0);
        assert_eq!(
            share_basis_points(Money::from_cents(-1), Money::from_cents(3)),
            -3_334
        );
        assert_eq!(
            share_basis_points(Money::from_cents(i64::MAX), Money::from_cents(1)),
            i64::MAX
        );
    }
}
