//! Display names of the committee's closed sets, and of the overlap flags' kind, severity
//! and status as the agenda shows them (codes as the schema spells them).

use super::super::{owned, Lang, Localize};
use crate::domain::committee::schedule::{MonthlyRule, Ordinal};
use crate::domain::committee::{
    AgendaKind, AgreementStatus, AttendanceStatus, Level, MeetingStatus, Sector,
};
use chrono::Weekday;
use std::borrow::Cow;

/// Declares `Localize` for a closed set from (variant, Spanish, English) rows.
macro_rules! labels {
    ($ty:ident { $($variant:ident => $es:literal, $en:literal;)+ }) => {
        impl Localize for $ty {
            fn es(&self) -> Cow<'static, str> {
                Cow::Borrowed(match self { $($ty::$variant => $es),+ })
            }
            fn en(&self) -> Cow<'static, str> {
                Cow::Borrowed(match self { $($ty::$variant => $en),+ })
            }
        }
    };
}

labels!(Sector {
    SocialProtection => "Protección social", "Social protection";
    Agriculture => "Agricultura", "Agriculture";
    Health => "Salud", "Health";
    Education => "Educación", "Education";
    LocalGovernment => "Gobierno local", "Local government";
    RegionalGovernment => "Gobierno regional", "Regional government";
    Ngo => "ONG", "NGO";
    Other => "Otro", "Other";
});

labels!(Level {
    National => "Nacional", "National";
    Regional => "Regional", "Regional";
    Provincial => "Provincial", "Provincial";
    District => "Distrital", "District";
    Community => "Comunal", "Community";
    NonGovernmental => "No gubernamental", "Non-governmental";
});

labels!(MeetingStatus {
    Planned => "programada", "planned";
    Held => "realizada", "held";
    Cancelled => "cancelada", "cancelled";
});

labels!(AgendaKind {
    Regular => "punto", "item";
    FollowUp => "seguimiento", "follow-up";
    Flags => "alertas", "flags";
    Clar => "CLAR", "CLAR";
});

labels!(AttendanceStatus {
    Present => "presente", "present";
    Absent => "ausente", "absent";
    Excused => "justificada", "excused";
});

labels!(AgreementStatus {
    Pending => "pendiente", "pending";
    Done => "cumplido", "done";
    Dropped => "desestimado", "dropped";
});

/// An overlap flag's kind, severity or status as stored, said to a person; unknown codes
/// (a newer program's) are shown as they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagText<'a> {
    Kind(&'a str),
    Severity(&'a str),
    Status(&'a str),
}

const FLAG_KINDS: &[(&str, &str, &str)] = &[
    (
        "multi_programme",
        "hogar en varios programas",
        "household in several programmes",
    ),
    (
        "probable_same_person",
        "probable misma persona",
        "probably the same person",
    ),
    ("dni_conflict", "DNI en conflicto", "conflicting DNI"),
    ("double_funding", "doble financiamiento", "double funding"),
    (
        "activity_overlap",
        "misma actividad, dos instituciones",
        "same activity, two agencies",
    ),
    (
        "targeting_seed_altitude",
        "semillas bajo 3 500 m",
        "seeds below 3,500 m",
    ),
    (
        "targeting_shed_herd",
        "cobertizo a rebaño grande",
        "shed for a large herd",
    ),
    (
        "targeting_non_poor",
        "beneficiario no pobre",
        "non-poor beneficiary",
    ),
    (
        "targeting_juntos_missing",
        "hogar elegible sin Juntos",
        "eligible household without Juntos",
    ),
    (
        "targeting_sisfoh_expired",
        "SISFOH vencido",
        "SISFOH expired",
    ),
    (
        "conditionality_misuse",
        "uso indebido de condicionalidad Juntos",
        "misuse of Juntos conditionality",
    ),
    (
        "household_disagreement",
        "padrones discrepan sobre el hogar",
        "rosters disagree on the household",
    ),
];

const FLAG_SEVERITIES: &[(&str, &str, &str)] = &[
    ("low", "baja", "low"),
    ("medium", "media", "medium"),
    ("high", "alta", "high"),
];

const FLAG_STATUSES: &[(&str, &str, &str)] = &[
    ("open", "abierta", "open"),
    ("acknowledged", "reconocida", "acknowledged"),
    ("resolved", "resuelta", "resolved"),
    ("dismissed", "descartada", "dismissed"),
];

impl FlagText<'_> {
    fn lookup(&self, lang: Lang) -> Cow<'static, str> {
        let (table, code) = match self {
            FlagText::Kind(c) => (FLAG_KINDS, *c),
            FlagText::Severity(c) => (FLAG_SEVERITIES, *c),
            FlagText::Status(c) => (FLAG_STATUSES, *c),
        };
        match table.iter().find(|(k, _, _)| *k == code) {
            Some((_, es, en)) => Cow::Borrowed(if lang == Lang::Es { es } else { en }),
            None => owned(code.to_string()),
        }
    }
}

impl Localize for FlagText<'_> {
    fn es(&self) -> Cow<'static, str> {
        self.lookup(Lang::Es)
    }
    fn en(&self) -> Cow<'static, str> {
        self.lookup(Lang::En)
    }
}

fn weekday_es(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "lunes",
        Weekday::Tue => "martes",
        Weekday::Wed => "miércoles",
        Weekday::Thu => "jueves",
        Weekday::Fri => "viernes",
        Weekday::Sat => "sábado",
        Weekday::Sun => "domingo",
    }
}

impl Localize for MonthlyRule {
    fn es(&self) -> Cow<'static, str> {
        let ordinal = match self.ordinal {
            Ordinal::First => "primer",
            Ordinal::Second => "segundo",
            Ordinal::Third => "tercer",
            Ordinal::Fourth => "cuarto",
            Ordinal::Last => "último",
        };
        owned(format!(
            "{ordinal} {} de cada mes",
            weekday_es(self.weekday)
        ))
    }

    fn en(&self) -> Cow<'static, str> {
        let ordinal = match self.ordinal {
            Ordinal::First => "first",
            Ordinal::Second => "second",
            Ordinal::Third => "third",
            Ordinal::Fourth => "fourth",
            Ordinal::Last => "last",
        };
        let day = match self.weekday {
            Weekday::Mon => "Monday",
            Weekday::Tue => "Tuesday",
            Weekday::Wed => "Wednesday",
            Weekday::Thu => "Thursday",
            Weekday::Fri => "Friday",
            Weekday::Sat => "Saturday",
            Weekday::Sun => "Sunday",
        };
        owned(format!("{ordinal} {day} of each month"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_codes_are_said_in_both_languages_and_unknown_ones_pass_through() {
        assert_eq!(
            FlagText::Kind("double_funding").text(Lang::Es),
            "doble financiamiento"
        );
        assert_eq!(FlagText::Severity("high").text(Lang::En), "high");
        assert_eq!(FlagText::Status("open").text(Lang::Es), "abierta");
        assert_eq!(FlagText::Kind("new_kind").text(Lang::Es), "new_kind");
    }

    #[test]
    fn rules_read_naturally() {
        let rule = MonthlyRule::parse("first-tue").unwrap();
        assert_eq!(rule.text(Lang::Es), "primer martes de cada mes");
        assert_eq!(rule.text(Lang::En), "first Tuesday of each month");
    }
}
