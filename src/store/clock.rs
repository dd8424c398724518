//! The time the store stamps rows with. Tests fix it so output is reproducible.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Clock {
    #[default]
    System,
    Fixed(DateTime<Utc>),
}

impl Clock {
    pub fn now(self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Fixed(at) => at,
        }
    }

    /// The instant as stored: ISO-8601 UTC with second precision.
    pub fn now_text(self) -> String {
        self.now().to_rfc3339_opts(SecondsFormat::Secs, true)
    }

    pub fn today(self) -> NaiveDate {
        self.now().date_naive()
    }

    /// A fixed clock at noon UTC of the given day (for tests and reproducible demos).
    pub fn fixed_on(day: NaiveDate) -> Clock {
        let noon = day.and_hms_opt(12, 0, 0).unwrap_or_default();
        Clock::Fixed(noon.and_utc())
    }
}
