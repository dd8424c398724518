//! The multisector committee's closed sets and pure rules: agency sectors and levels, the
//! states of meetings, attendance and agreements, the monthly schedule rule, quorum, and which
//! agreements come back to a meeting and which are overdue.
//!
//! Everything here is plain data and arithmetic on dates: no I/O, no SQL, no terminal. The
//! codes are the ones the schema's CHECK constraints spell; display names live in `i18n`.

pub mod follow_up;
pub mod quorum;
pub mod schedule;

use super::names::code_key;
use thiserror::Error;

/// Which closed set a code belongs to, so an error can list the accepted values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    Sector,
    Level,
    MeetingStatus,
    AgendaKind,
    AttendanceStatus,
    AgreementStatus,
}

/// A text that is not one of the accepted codes of a closed set.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{value:?} is not a valid {kind:?} (accepted: {})", .kind.codes().join(", "))]
pub struct CodeError {
    pub kind: CodeKind,
    pub value: String,
}

/// Declares a closed set stored as lower-case ASCII codes, with `code`, `parse` and `ALL`.
macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident, $kind:expr, { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The code stored in the database.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// Reads a stored code, case-, accent- and punctuation-blind (`follow-up`,
            /// `FOLLOW_UP`). English words only: Spanish names are offered by the
            /// interfaces, which know the user's language.
            pub fn parse(raw: &str) -> Result<$name, CodeError> {
                let key = code_key(raw);
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| code_key(v.code()) == key && !key.is_empty())
                    .ok_or_else(|| CodeError { kind: $kind, value: raw.trim().to_string() })
            }
        }
    };
}

code_enum!(
    /// The sector an agency works in.
    Sector, CodeKind::Sector, {
        SocialProtection => "social_protection",
        Agriculture => "agriculture",
        Health => "health",
        Education => "education",
        LocalGovernment => "local_government",
        RegionalGovernment => "regional_government",
        Ngo => "ngo",
        Other => "other",
    }
);

code_enum!(
    /// The level of government an agency belongs to.
    Level, CodeKind::Level, {
        National => "national",
        Regional => "regional",
        Provincial => "provincial",
        District => "district",
        Community => "community",
        NonGovernmental => "non_governmental",
    }
);

code_enum!(
    /// Where a meeting stands.
    MeetingStatus, CodeKind::MeetingStatus, {
        Planned => "planned",
        Held => "held",
        Cancelled => "cancelled",
    }
);

code_enum!(
    /// What an agenda item is: an ordinary point, the follow-up of an earlier agreement,
    /// overlaps found in the data, or a CLAR call or proposal.
    AgendaKind, CodeKind::AgendaKind, {
        Regular => "regular",
        FollowUp => "follow_up",
        Flags => "flags",
        Clar => "clar",
    }
);

code_enum!(
    /// Whether a member agency came to a meeting.
    AttendanceStatus, CodeKind::AttendanceStatus, {
        Present => "present",
        Absent => "absent",
        Excused => "excused",
    }
);

code_enum!(
    /// Where an agreement stands. Overdue is not a state: it is a pending agreement whose due
    /// date has passed (see [`follow_up::is_overdue`]).
    AgreementStatus, CodeKind::AgreementStatus, {
        Pending => "pending",
        Done => "done",
        Dropped => "dropped",
    }
);

impl CodeKind {
    /// The accepted codes, for error messages.
    pub fn codes(self) -> Vec<&'static str> {
        fn all<T: Copy>(values: &[T], code: fn(T) -> &'static str) -> Vec<&'static str> {
            values.iter().map(|v| code(*v)).collect()
        }
        match self {
            CodeKind::Sector => all(Sector::ALL, Sector::code),
            CodeKind::Level => all(Level::ALL, Level::code),
            CodeKind::MeetingStatus => all(MeetingStatus::ALL, MeetingStatus::code),
            CodeKind::AgendaKind => all(AgendaKind::ALL, AgendaKind::code),
            CodeKind::AttendanceStatus => all(AttendanceStatus::ALL, AttendanceStatus::code),
            CodeKind::AgreementStatus => all(AgreementStatus::ALL, AgreementStatus::code),
        }
    }
}

/// An agency code as people type it: upper-cased, 2 to 20 of `A`–`Z`, `0`–`9` and `_`,
/// starting with a letter (`MUNI_DIST`). `None` when it cannot be one.
pub fn agency_code(raw: &str) -> Option<String> {
    let code = raw.trim().to_ascii_uppercase().replace('-', "_");
    let first_is_letter = code.bytes().next().is_some_and(|b| b.is_ascii_uppercase());
    let valid_bytes = code
        .bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
    ((2..=20).contains(&code.len()) && first_is_letter && valid_bytes).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_read_loosely() {
        for s in Sector::ALL {
            assert_eq!(Sector::parse(s.code()), Ok(*s));
        }
        assert_eq!(AgendaKind::parse("Follow-up"), Ok(AgendaKind::FollowUp));
        assert_eq!(AgreementStatus::parse(" DONE "), Ok(AgreementStatus::Done));
        assert_eq!(Level::parse("non governmental"), Ok(Level::NonGovernmental));
    }

    #[test]
    fn unknown_codes_name_the_set_and_the_value() {
        let err = AttendanceStatus::parse("late").unwrap_err();
        assert_eq!(err.kind, CodeKind::AttendanceStatus);
        assert_eq!(err.value, "late");
        assert_eq!(err.kind.codes(), ["present", "absent", "excused"]);
        assert!(Sector::parse("").is_err());
    }

    #[test]
    fn agency_codes_are_upper_case_words() {
        assert_eq!(agency_code(" muni-dist "), Some("MUNI_DIST".into()));
        assert_eq!(agency_code("ONG2"), Some("ONG2".into()));
        assert_eq!(agency_code("2ONG"), None);
        assert_eq!(agency_code("A"), None);
        assert_eq!(agency_code("AGRO RURAL"), None);
        assert_eq!(agency_code("AGRORURAL_Ñ"), None);
    }
}
