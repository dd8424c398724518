//! The string catalogue: every user-facing text in Spanish (default) and English.
//!
//! Each area keeps its keys in one enum, in its own file, with one exhaustive `match` per
//! language, so a key without a translation does not compile. Errors of the core implement
//! [`Localize`] here too, so the CLI and the TUI say the same thing in the same words.
//! This module must never do I/O beyond reading the language from the environment.

use std::borrow::Cow;

mod clar;
mod cli;
mod committee;
mod common;
mod domain_errors;
mod domain_labels;
mod errors;
pub mod overlaps;
mod roster;
mod tui;

pub use clar::{
    bp_text, detected_reason, long_date, weight_text, Clar, ClarCli, ClarCliMessage, ClarTui,
    ClarTuiMessage,
};
pub use cli::Cli;
pub use committee::{
    Committee, CommitteeCli, CommitteeNotice, CommitteeReport, CommitteeTui, FlagText,
};
pub use common::Common;
pub use tui::{
    flag_event_note, record_field_label, OverlapsTui, OverlapsTuiMessage, Reg, RegMessage, Tui,
    TuiMessage,
};

/// Month names, shared by every message that writes a date out in words.
pub(crate) const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
pub(crate) const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The two languages of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Es,
    En,
}

impl Lang {
    /// Parses `es`, `en` (case-insensitive, also `es_PE.UTF-8`-like locale strings).
    pub fn parse(text: &str) -> Option<Lang> {
        let lower = text.trim().to_ascii_lowercase();
        if lower.starts_with("es") {
            Some(Lang::Es)
        } else if lower.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::En => "en",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Es => Lang::En,
            Lang::En => Lang::Es,
        }
    }
}

/// Something that can be said to a person in either language.
pub trait Localize {
    fn es(&self) -> Cow<'static, str>;
    fn en(&self) -> Cow<'static, str>;

    fn text(&self, lang: Lang) -> Cow<'static, str> {
        match lang {
            Lang::Es => self.es(),
            Lang::En => self.en(),
        }
    }
}

impl<T: Localize + ?Sized> Localize for &T {
    fn es(&self) -> Cow<'static, str> {
        (**self).es()
    }
    fn en(&self) -> Cow<'static, str> {
        (**self).en()
    }
}

/// Shorthand for building an owned message.
pub(crate) fn owned(text: String) -> Cow<'static, str> {
    Cow::Owned(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_language_codes_and_locales() {
        assert_eq!(Lang::parse("ES"), Some(Lang::Es));
        assert_eq!(Lang::parse("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("qu"), None);
    }

    #[test]
    fn common_keys_differ_between_languages() {
        assert_eq!(Common::Yes.text(Lang::Es), "Sí");
        assert_eq!(Common::Yes.text(Lang::En), "Yes");
    }
}
