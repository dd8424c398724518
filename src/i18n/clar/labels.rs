//! Names of the CLAR's closed sets (kinds, states, phases, conflicts) as people read them.

use crate::domain::clar::{
    AssociationKind, BudgetCategory, CallKind, CallStatus, ConflictKind, LegalStatus, Phase,
    ProposalStatus, TrancheStatus, Verdict, VisitStatus,
};
use crate::i18n::{Lang, Localize};
use crate::store::clar::sessions::{DETECTED_DNI, DETECTED_HOUSEHOLD, DETECTED_PERSON};
use std::borrow::Cow;

/// Implements [`Localize`] for a set from a table of (variant, Spanish, English).
macro_rules! labels {
    ($name:ident { $($variant:ident => $es:literal, $en:literal;)+ }) => {
        impl Localize for $name {
            fn es(&self) -> Cow<'static, str> {
                Cow::Borrowed(match self {
                    $($name::$variant => $es,)+
                })
            }

            fn en(&self) -> Cow<'static, str> {
                Cow::Borrowed(match self {
                    $($name::$variant => $en,)+
                })
            }
        }
    };
}

labels!(AssociationKind {
    ProducerAssociation => "Asociación de productores", "Producer association";
    InterestGroup => "Grupo de interés", "Interest group";
    Community => "Comunidad", "Community";
});

labels!(LegalStatus {
    Informal => "Informal", "Informal";
    InProcess => "En trámite", "Being registered";
    Registered => "Inscrita", "Registered";
});

labels!(CallKind {
    BusinessPlan => "Plan de negocio", "Business plan";
    CommunityProject => "Proyecto de desarrollo comunal", "Community development project";
    LocalVenture => "Emprendimiento local", "Local venture";
});

labels!(CallStatus {
    Draft => "Borrador", "Draft";
    Open => "Abierta", "Open";
    Closed => "Cerrada", "Closed";
    Awarded => "Adjudicada", "Awarded";
});

labels!(Phase {
    Field => "Evaluación de campo", "Field evaluation";
    Presentation => "Presentación pública", "Public presentation";
});

labels!(BudgetCategory {
    Materials => "Materiales y activos", "Materials and assets";
    TechnicalAssistance => "Asistencia técnica", "Technical assistance";
    Training => "Capacitación", "Training";
    Other => "Otros", "Other";
});

labels!(ProposalStatus {
    Draft => "Borrador", "Draft";
    Submitted => "Presentada", "Submitted";
    Viable => "Viable", "Viable";
    NotViable => "No viable", "Not viable";
    Scored => "Calificada", "Scored";
    Awarded => "Adjudicada", "Awarded";
    NotAwarded => "No adjudicada", "Not awarded";
    InExecution => "En ejecución", "In execution";
    Closed => "Cerrada", "Closed";
});

labels!(Verdict {
    Viable => "Viable", "Viable";
    NotViable => "No viable", "Not viable";
});

labels!(ConflictKind {
    Member => "Es socio", "Is a member";
    Relative => "Familiar de un socio", "Relative of a member";
    Other => "Otro motivo", "Other reason";
    Detected => "Detectado", "Detected";
});

labels!(VisitStatus {
    Operating => "Funciona", "Operating";
    Struggling => "Con dificultades", "Struggling";
    Stopped => "Paralizado", "Stopped";
});

labels!(TrancheStatus {
    Planned => "Programado", "Planned";
    Released => "Liberado", "Released";
    Paid => "Pagado", "Paid";
});

/// A share in basis points as a percentage: `70 %`, `70.5 %`, `33.33 %`.
pub fn bp_text(bp: i64) -> String {
    let whole = bp / 100;
    match (bp % 100).abs() {
        0 => format!("{whole} %"),
        r if r % 10 == 0 => format!("{whole}.{} %", r / 10),
        r => format!("{whole}.{r:02} %"),
    }
}

use crate::i18n::{MONTHS_EN, MONTHS_ES};

/// A date as an acta writes it: `14 de mayo de 2026`, `14 May 2026`.
pub fn long_date(d: chrono::NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    let index = usize::try_from(d.month0()).unwrap_or(0).min(11);
    match lang {
        Lang::Es => format!("{} de {} de {}", d.day(), MONTHS_ES[index], d.year()),
        Lang::En => format!("{} {} {}", d.day(), MONTHS_EN[index], d.year()),
    }
}

/// A weight in basis points as a multiplier: `×1`, `×1.5`.
pub fn weight_text(bp: i64) -> String {
    let whole = bp / 10_000;
    let frac = format!("{:04}", (bp % 10_000).abs());
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        format!("×{whole}")
    } else {
        format!("×{whole}.{frac}")
    }
}

/// What the note of a detected conflict means.
pub fn detected_reason(note: &str, lang: Lang) -> Cow<'static, str> {
    let (es, en) = match note {
        DETECTED_PERSON => ("figura en la lista de socios", "is on the member list"),
        DETECTED_DNI => (
            "su DNI figura en la lista de socios",
            "their DNI is on the member list",
        ),
        DETECTED_HOUSEHOLD => (
            "alguien de su hogar es socio",
            "someone of their household is a member",
        ),
        _ => return Cow::Owned(note.to_string()),
    };
    Cow::Borrowed(match lang {
        Lang::Es => es,
        Lang::En => en,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_read_naturally() {
        assert_eq!(bp_text(7_000), "70 %");
        assert_eq!(bp_text(7_050), "70.5 %");
        assert_eq!(bp_text(3_333), "33.33 %");
        assert_eq!(bp_text(5), "0.05 %");
        assert_eq!(weight_text(10_000), "×1");
        assert_eq!(weight_text(15_000), "×1.5");
        let d = chrono::NaiveDate::from_ymd_opt(2026, 5, 14).unwrap();
        assert_eq!(long_date(d, Lang::Es), "14 de mayo de 2026");
        assert_eq!(long_date(d, Lang::En), "14 May 2026");
    }

    #[test]
    fn every_status_has_both_names() {
        for s in ProposalStatus::ALL {
            assert_ne!(s.text(Lang::Es), "");
            assert_ne!(s.text(Lang::En), "");
        }
        assert_eq!(
            ConflictKind::Relative.text(Lang::Es),
            "Familiar de un socio"
        );
    }
}
