//! The multisector committee's texts: the words of the summaries (acta), the CSV headers,
//! the screens, and (in `committee/`) the errors, the command line's help and the display
//! names of the committee's closed sets.

mod cli;
mod errors;
mod labels;
mod report;
mod tui;

pub use cli::CommitteeCli;
pub use labels::FlagText;
pub use report::CommitteeReport;
pub use tui::{CommitteeNotice, CommitteeTui};

use super::{owned, Localize};
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Committee {
    ActaTitle,
    Meeting,
    Date,
    Time,
    Place,
    ConvenedBy,
    Status,
    Attendance,
    Present,
    Excused,
    Absent,
    NotRecorded,
    QuorumReached,
    QuorumMissing,
    Agenda,
    FollowUp,
    PresentedBy,
    Notes,
    Flags,
    ClarCall,
    Proposal,
    Agreements,
    Agreement,
    Responsible,
    Due,
    AgreedOn,
    OnDay,
    Carried,
    FlagsDiscussed,
    GeneralNotes,
    NoAgreements,
    NoCarried,
    NoItems,
    NoAttendance,
    ProducedBy,
    PendingTitle,
    AsOf,
    Overdue,
    NoPending,
    Agency,
    Upcoming,
    Past,
    NoMeetings,
    Rule,
    Quorum,
    Members,
    Description,
    /// The agreements CSV's header line.
    CsvColumns,
    /// `n` of `m` member agencies present.
    PresentCount {
        present: u32,
        members: u32,
    },
    /// The quorum needs at least `n` present.
    QuorumNeeds(u32),
    /// Overdue by `n` days.
    OverdueBy(i64),
    /// `n` pending agreements, `m` of them overdue.
    PendingCount {
        pending: usize,
        overdue: usize,
    },
}

fn days_es(n: i64) -> String {
    if n == 1 {
        "1 día".into()
    } else {
        format!("{n} días")
    }
}

fn days_en(n: i64) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

impl Localize for Committee {
    fn es(&self) -> Cow<'static, str> {
        use Committee as C;
        Cow::Borrowed(match self {
            C::ActaTitle => "Acta de reunión del comité multisectorial",
            C::Meeting => "Reunión",
            C::Date => "Fecha",
            C::Time => "Hora",
            C::Place => "Lugar",
            C::ConvenedBy => "Convoca",
            C::Status => "Estado",
            C::Attendance => "Asistencia",
            C::Present => "Presentes",
            C::Excused => "Justificadas",
            C::Absent => "Ausentes",
            C::NotRecorded => "Sin registrar",
            C::QuorumReached => "con quórum",
            C::QuorumMissing => "sin quórum",
            C::Agenda => "Agenda",
            C::FollowUp => "Seguimiento del acuerdo",
            C::PresentedBy => "Presenta",
            C::Notes => "Notas",
            C::Flags => "Alertas",
            C::ClarCall => "Concurso CLAR",
            C::Proposal => "Propuesta",
            C::Agreements => "Acuerdos",
            C::Agreement => "Acuerdo",
            C::Responsible => "Responsable",
            C::Due => "Vence",
            C::AgreedOn => "Acordado el",
            C::OnDay => "el",
            C::Carried => "Acuerdos pendientes de reuniones anteriores",
            C::FlagsDiscussed => "Alertas tratadas",
            C::GeneralNotes => "Notas generales",
            C::NoAgreements => "No se tomaron acuerdos en esta reunión.",
            C::NoCarried => "Ningún acuerdo anterior estaba pendiente.",
            C::NoItems => "La agenda está vacía.",
            C::NoAttendance => "No se registró la asistencia.",
            C::ProducedBy => "Acta preparada con Tinkuy.",
            C::PendingTitle => "Acuerdos pendientes por institución",
            C::AsOf => "al",
            C::Overdue => "vencido",
            C::NoPending => "No hay acuerdos pendientes.",
            C::Agency => "Institución",
            C::Upcoming => "Próximas",
            C::Past => "Pasadas",
            C::NoMeetings => "Aún no hay reuniones.",
            C::Rule => "Regla mensual",
            C::Quorum => "Quórum",
            C::Members => "Instituciones miembro",
            C::Description => "Descripción",
            C::CsvColumns => "acuerdo,reunion,fecha_reunion,codigo_institucion,institucion,descripcion,vence,estado,dias_vencido,fecha_cierre,nota",
            C::PresentCount { present, members } => {
                return owned(format!("{present} de {members} instituciones presentes"))
            }
            C::QuorumNeeds(n) => return owned(format!("se necesitan {n}")),
            C::OverdueBy(n) => return owned(format!("VENCIDO hace {}", days_es(*n))),
            C::PendingCount { pending, overdue } => {
                let p = if *pending == 1 { "pendiente" } else { "pendientes" };
                let o = if *overdue == 1 { "vencido" } else { "vencidos" };
                return owned(format!("{pending} {p}, {overdue} {o}"));
            }
        })
    }

    fn en(&self) -> Cow<'static, str> {
        use Committee as C;
        Cow::Borrowed(match self {
            C::ActaTitle => "Minutes of the multisector committee meeting",
            C::Meeting => "Meeting",
            C::Date => "Date",
            C::Time => "Time",
            C::Place => "Place",
            C::ConvenedBy => "Convened by",
            C::Status => "Status",
            C::Attendance => "Attendance",
            C::Present => "Present",
            C::Excused => "Excused",
            C::Absent => "Absent",
            C::NotRecorded => "Not recorded",
            C::QuorumReached => "quorum reached",
            C::QuorumMissing => "no quorum",
            C::Agenda => "Agenda",
            C::FollowUp => "Follow-up of agreement",
            C::PresentedBy => "Presented by",
            C::Notes => "Notes",
            C::Flags => "Flags",
            C::ClarCall => "CLAR call",
            C::Proposal => "Proposal",
            C::Agreements => "Agreements",
            C::Agreement => "Agreement",
            C::Responsible => "Responsible",
            C::Due => "Due",
            C::AgreedOn => "Agreed on",
            C::OnDay => "on",
            C::Carried => "Pending agreements from earlier meetings",
            C::FlagsDiscussed => "Flags discussed",
            C::GeneralNotes => "General notes",
            C::NoAgreements => "No agreements were made at this meeting.",
            C::NoCarried => "No earlier agreement was pending.",
            C::NoItems => "The agenda is empty.",
            C::NoAttendance => "Attendance was not recorded.",
            C::ProducedBy => "Minutes prepared with Tinkuy.",
            C::PendingTitle => "Pending agreements by agency",
            C::AsOf => "as of",
            C::Overdue => "overdue",
            C::NoPending => "There are no pending agreements.",
            C::Agency => "Agency",
            C::Upcoming => "Upcoming",
            C::Past => "Past",
            C::NoMeetings => "No meetings yet.",
            C::Rule => "Monthly rule",
            C::Quorum => "Quorum",
            C::Members => "Member agencies",
            C::Description => "Description",
            C::CsvColumns => "agreement,meeting,meeting_date,agency_code,agency,description,due,status,days_overdue,closed_on,note",
            C::PresentCount { present, members } => {
                return owned(format!("{present} of {members} agencies present"))
            }
            C::QuorumNeeds(n) => return owned(format!("{n} needed")),
            C::OverdueBy(n) => return owned(format!("OVERDUE by {}", days_en(*n))),
            C::PendingCount { pending, overdue } => {
                return owned(format!("{pending} pending, {overdue} overdue"))
            }
        })
    }
}
