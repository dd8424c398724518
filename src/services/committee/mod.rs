//! The multisector committee: agencies and their representatives, the committee and its
//! member agencies, monthly meetings with agenda, attendance, minutes and agreements, the
//! coordinator's view of pending agreements, and the summaries (acta) sent to agencies.
//!
//! Every write goes through [`crate::services::write`] with `Permission::WriteCommittee`, in
//! one transaction with its audit entry; each public write has a `*_in(tx, ctx, …)` twin so
//! the demo generator and other use cases can compose them inside their own transaction.
//! Reads need `Permission::ReadRegistry`. Pure rules live in `domain::committee`; SQL lives
//! in `store::committee`; nothing here knows about terminals.

pub mod agencies;
pub mod agenda;
pub mod agreements;
pub mod attendance;
pub mod committees;
pub mod demo;
pub mod detail;
pub mod error;
pub mod export;
pub mod follow_ups;
pub mod meetings;
pub mod minutes;
pub mod pending;
pub mod schedule;
pub mod summary;

pub use error::{CommitteeError, DateField, RequiredText, TimeField};

use super::{Actor, CoreResult, Permission};
use crate::domain::names::normalize_name;
use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;

/// Refuses with a committee error.
pub(crate) fn fail<T>(err: CommitteeError) -> CoreResult<T> {
    Err(err.into())
}

/// Reading the committee's records is open to every role that may read the registry.
pub(crate) fn require_read(actor: &Actor) -> CoreResult<()> {
    actor.require(Permission::ReadRegistry)
}

/// A one-line text that must not be empty: cleaned like a name (NFC, single spaces).
pub(crate) fn required(raw: &str, what: RequiredText) -> Result<String, CommitteeError> {
    let text = normalize_name(raw);
    if text.is_empty() {
        return Err(CommitteeError::Missing(what));
    }
    Ok(text)
}

/// A one-line text that may be missing; blank counts as missing.
pub(crate) fn optional(raw: Option<&str>) -> Option<String> {
    raw.map(normalize_name).filter(|t| !t.is_empty())
}

/// Multi-line text (minutes): NFC, line ends unified, tabs made spaces, control and invisible
/// characters removed (an escape sequence in minutes would reach the terminal of whoever
/// prints the summary), trailing spaces and blank lines at the ends removed; the lines
/// themselves are kept as written.
pub fn clean_multiline(raw: &str) -> String {
    let text: String = raw
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .filter(|&c| c == '\n' || !(c.is_control() || crate::domain::names::is_invisible(c)))
        .nfc()
        .collect();
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    lines.join("\n").trim_matches('\n').to_string()
}

/// A date as stored (ISO); a malformed one is reported rather than guessed.
pub(crate) fn stored_date(text: &str) -> CoreResult<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| super::CoreError::InvalidValue {
        field: "date",
        value: text.to_string(),
    })
}

/// A display id as people type it, or the raw number.
pub fn parse_id(text: &str) -> Option<i64> {
    crate::store::ids::parse(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_keep_their_lines_but_lose_stray_spaces() {
        assert_eq!(
            clean_multiline("\r\n  Se acordó:  \r\n- revisar padrón \n\n"),
            "  Se acordó:\n- revisar padrón"
        );
        assert_eq!(clean_multiline("   "), "");
        assert_eq!(
            clean_multiline("Acuerdo\x1b[2J\t1:\u{202E} vacunar\u{7}\nfin"),
            "Acuerdo[2J 1: vacunar\nfin"
        );
    }

    #[test]
    fn required_texts_refuse_blanks() {
        assert!(matches!(
            required(" \t", RequiredText::Place),
            Err(CommitteeError::Missing(RequiredText::Place))
        ));
        assert_eq!(
            required(" Local  comunal ", RequiredText::Place).unwrap(),
            "Local comunal"
        );
        assert_eq!(optional(Some("  ")), None);
    }
}
