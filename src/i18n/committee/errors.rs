//! What the committee's errors say: what is wrong, and what to do about it.

use super::super::{owned, Lang, Localize};
use crate::domain::committee::{CodeError, CodeKind};
use crate::services::committee::{CommitteeError, DateField, RequiredText, TimeField};
use std::borrow::Cow;
use std::io::ErrorKind;

fn date_field(field: DateField, lang: Lang) -> &'static str {
    match (field, lang) {
        (DateField::MeetingDate, Lang::Es) => "Fecha de la reunión",
        (DateField::MeetingDate, Lang::En) => "Meeting date",
        (DateField::DueDate, Lang::Es) => "Fecha límite del acuerdo",
        (DateField::DueDate, Lang::En) => "Agreement due date",
        (DateField::ClosedOn, Lang::Es) => "Fecha de cierre",
        (DateField::ClosedOn, Lang::En) => "Closing date",
        (DateField::MemberSince, Lang::Es) => "Fecha de ingreso al comité",
        (DateField::MemberSince, Lang::En) => "Date of joining the committee",
        (DateField::MemberUntil, Lang::Es) => "Fecha de salida del comité",
        (DateField::MemberUntil, Lang::En) => "Date of leaving the committee",
        (DateField::ScheduleFrom, Lang::Es) => "Fecha de inicio del calendario",
        (DateField::ScheduleFrom, Lang::En) => "Schedule start date",
    }
}

fn time_field(field: TimeField, lang: Lang) -> &'static str {
    match (field, lang) {
        (TimeField::MeetingStart, Lang::Es) => "Hora de la reunión",
        (TimeField::MeetingStart, Lang::En) => "Meeting time",
        (TimeField::ItemStart, Lang::Es) => "Hora del punto de agenda",
        (TimeField::ItemStart, Lang::En) => "Agenda item time",
    }
}

fn required_es(what: RequiredText) -> &'static str {
    match what {
        RequiredText::AgencyName => "Falta el nombre de la institución: escríbalo completo, por ejemplo «Agrorural (MIDAGRI)».",
        RequiredText::RepresentativeName => "Falta el nombre del representante: escriba nombres y apellidos.",
        RequiredText::CommitteeName => "Falta el nombre del comité, por ejemplo «Comité Multisectorial de San Jerónimo».",
        RequiredText::Place => "Falta el lugar de la reunión, por ejemplo «Local comunal de Cachi».",
        RequiredText::ItemTitle => "Falta el tema del punto de agenda: escriba de qué se tratará.",
        RequiredText::Description => "Falta la descripción del acuerdo: escriba qué se acordó hacer.",
    }
}

fn required_en(what: RequiredText) -> &'static str {
    match what {
        RequiredText::AgencyName => {
            "The agency's name is missing: write it in full, e.g. «Agrorural (MIDAGRI)»."
        }
        RequiredText::RepresentativeName => {
            "The representative's name is missing: write their full name."
        }
        RequiredText::CommitteeName => {
            "The committee's name is missing, e.g. «San Jerónimo Multisector Committee»."
        }
        RequiredText::Place => "The meeting place is missing, e.g. «Cachi community hall».",
        RequiredText::ItemTitle => "The agenda item's subject is missing: write what it is about.",
        RequiredText::Description => {
            "The agreement's description is missing: write what was agreed."
        }
    }
}

fn code_set_es(kind: CodeKind) -> &'static str {
    match kind {
        CodeKind::Sector => "un sector",
        CodeKind::Level => "un nivel de gobierno",
        CodeKind::MeetingStatus => "un estado de reunión",
        CodeKind::AgendaKind => "un tipo de punto de agenda",
        CodeKind::AttendanceStatus => "un estado de asistencia",
        CodeKind::AgreementStatus => "un estado de acuerdo",
    }
}

fn code_set_en(kind: CodeKind) -> &'static str {
    match kind {
        CodeKind::Sector => "a sector",
        CodeKind::Level => "a level of government",
        CodeKind::MeetingStatus => "a meeting status",
        CodeKind::AgendaKind => "an agenda item kind",
        CodeKind::AttendanceStatus => "an attendance status",
        CodeKind::AgreementStatus => "an agreement status",
    }
}

impl Localize for CodeError {
    fn es(&self) -> Cow<'static, str> {
        owned(format!(
            "«{}» no es {}. Use uno de: {}.",
            self.value,
            code_set_es(self.kind),
            self.kind.codes().join(", ")
        ))
    }

    fn en(&self) -> Cow<'static, str> {
        owned(format!(
            "«{}» is not {}. Use one of: {}.",
            self.value,
            code_set_en(self.kind),
            self.kind.codes().join(", ")
        ))
    }
}

/// Why a file could not be written, in words; the system's own text only when the reason
/// is not one of the usual ones (it is in the system's language, often English).
fn io_reason_es(kind: ErrorKind, detail: &str) -> String {
    let reason = match kind {
        ErrorKind::NotFound => "la carpeta no existe",
        ErrorKind::PermissionDenied => "no tiene permiso para escribir allí",
        ErrorKind::IsADirectory => "es una carpeta, no un archivo",
        ErrorKind::StorageFull => "el disco está lleno",
        ErrorKind::ReadOnlyFilesystem => "el disco es de solo lectura",
        _ => return format!("el sistema no lo permitió ({detail})"),
    };
    reason.to_string()
}

fn io_reason_en(kind: ErrorKind, detail: &str) -> String {
    let reason = match kind {
        ErrorKind::NotFound => "the folder does not exist",
        ErrorKind::PermissionDenied => "you may not write there",
        ErrorKind::IsADirectory => "it is a folder, not a file",
        ErrorKind::StorageFull => "the disk is full",
        ErrorKind::ReadOnlyFilesystem => "the disk is read-only",
        _ => return format!("the system did not allow it ({detail})"),
    };
    reason.to_string()
}

impl Localize for CommitteeError {
    fn es(&self) -> Cow<'static, str> {
        use CommitteeError as E;
        let text = match self {
            E::InvalidDate { field, source } => format!("{}: {}", date_field(*field, Lang::Es), source.es()),
            E::InvalidTime { field, source } => format!("{}: {}", time_field(*field, Lang::Es), source.es()),
            E::Code(e) => return e.es(),
            E::Rule(e) => format!("La regla «{}» no se entiende: escriba, por ejemplo, «primer martes» o «último viernes» (primer a cuarto, o último, y el día de la semana).", e.value),
            E::InvalidQuorum(v) => format!("El quórum «{v}» no es válido: escriba un porcentaje mayor que 0 y hasta 100, por ejemplo 50,01 (más de la mitad) o 60."),
            E::Missing(what) => return Cow::Borrowed(required_es(*what)),
            E::InvalidAgencyCode(c) => format!("El código «{c}» no sirve: use de 2 a 20 letras mayúsculas sin tildes, números o guion bajo, empezando con letra (por ejemplo MUNI_DIST)."),
            E::AgencyExists(c) => format!("Ya existe una institución con el código {c}. Elija otro código o edite la existente."),
            E::UnknownAgency(c) => format!("No existe la institución «{c}». Vea los códigos con «tinkuy agency list»."),
            E::AgencyInactive(c) => format!("La institución {c} está desactivada. Actívela («tinkuy agency activate {c}») o elija otra."),
            E::AgencyHasAgreements { code, count } => format!("No se puede borrar {code}: es responsable de {count} acuerdo(s), que deben seguir en el historial. Desactívela con «tinkuy agency deactivate {code}»."),
            E::AgencyInUse { code } => format!("No se puede borrar {code}: otros registros (programas, reuniones, asistencia o alertas) la mencionan. Desactívela con «tinkuy agency deactivate {code}»."),
            E::UnknownRepresentative(r) => format!("No existe el representante {r}."),
            E::RepresentativeOfOtherAgency { representative, agency } => format!("{representative} no es representante de {agency}. Elija a alguien de {agency} o escriba el nombre de quien asistió."),
            E::UnknownDistrict(d) => format!("No existe un distrito con UBIGEO «{d}»: escriba los 6 dígitos del INEI, por ejemplo 030212."),
            E::NoCommittee => "Aún no hay comité multisectorial. Créelo con «tinkuy committee create --name NOMBRE --rule \"primer martes\"».".to_string(),
            E::CommitteeExists { district } => format!("El distrito {district} ya tiene un comité activo; edite ese comité en lugar de crear otro."),
            E::NotAMember { agency, on } => format!("{agency} no era miembro del comité el {on}. Inclúyala con «tinkuy committee add-member {agency} --since FECHA»."),
            E::MembershipEndsBeforeStart { agency, since, until } => format!("{agency} ingresó al comité el {since}; su salida no puede ser el {until}, que es antes. Revise la fecha."),
            E::NoMonthlyRule => "El comité no tiene regla mensual. Defínala, por ejemplo «primer martes», con «tinkuy committee edit --rule».".to_string(),
            E::ScheduleMonths { given, max } => format!("No se pueden programar {given} meses de una vez: indique de 1 a {max}."),
            E::UnknownMeeting(m) => format!("No existe la reunión {m}. Vea los números con «tinkuy meeting list»."),
            E::DuplicateMeeting { date } => format!("Ya hay una reunión del comité el {date}. Edite esa reunión o elija otra fecha."),
            E::HeldInFuture { date, today } => format!("La reunión del {date} aún no puede figurar como realizada: hoy es {today}. Márquela después de realizarla, o corrija la fecha."),
            E::MeetingCancelled { date } => format!("La reunión del {date} fue cancelada: no se puede cambiar su agenda, asistencia ni acuerdos. Programe una nueva reunión."),
            E::MeetingNotPlanned { date, status } => format!("La reunión del {date} ya está {}: solo una reunión programada puede marcarse realizada o cancelarse.", meeting_status_es(status)),
            E::UnknownItem(i) => format!("No existe el punto de agenda {i}. Vea los puntos con «tinkuy meeting export ID --format txt»."),
            E::ItemHasAgreements { position, count } => format!("El punto {position} tiene {count} acuerdo(s); no se puede quitar de la agenda."),
            E::FollowUpItemIsAutomatic { position } => format!("El punto {position} es el seguimiento de un acuerdo pendiente y Tinkuy lo pone solo. Para que deje de aparecer, marque el acuerdo como cumplido o desestimado."),
            E::UnknownFlag(f) => format!("No existe la alerta {f}. Revise el número en la lista de alertas."),
            E::UnknownClarCall(c) => format!("No existe el concurso CLAR {c}."),
            E::UnknownProposal(p) => format!("No existe la propuesta {p}."),
            E::UnknownAgreement(a) => format!("No existe el acuerdo {a}. Vea los números con «tinkuy agreements»."),
            E::MissingResponsible => "Todo acuerdo necesita una institución responsable: indique su código, por ejemplo AGRORURAL.".to_string(),
            E::MissingDueDate => "Todo acuerdo necesita una fecha límite: escríbala como DD/MM/AAAA.".to_string(),
            E::DueBeforeMeeting { due, meeting } => format!("La fecha límite {due} es anterior a la reunión del {meeting}: revise el año y el mes."),
            E::DropNeedsNote => "Para desestimar un acuerdo escriba por qué, para que las instituciones lo sepan.".to_string(),
            E::ClosedBeforeMade { closed, made } => format!("La fecha de cierre {closed} es anterior al acuerdo, tomado el {made}: revise la fecha."),
            E::ExportWrite { path, kind, detail } => format!("No se pudo escribir {}: {}. No se escribió nada; elija otra carpeta.", path.display(), io_reason_es(*kind, detail)),
        };
        owned(text)
    }

    fn en(&self) -> Cow<'static, str> {
        use CommitteeError as E;
        let text = match self {
            E::InvalidDate { field, source } => format!("{}: {}", date_field(*field, Lang::En), source.en()),
            E::InvalidTime { field, source } => format!("{}: {}", time_field(*field, Lang::En), source.en()),
            E::Code(e) => return e.en(),
            E::Rule(e) => format!("The rule «{}» cannot be read: write, for example, «first tuesday» or «last friday» (first to fourth, or last, and the weekday).", e.value),
            E::InvalidQuorum(v) => format!("The quorum «{v}» is not valid: write a percentage above 0 and up to 100, e.g. 50.01 (more than half) or 60."),
            E::Missing(what) => return Cow::Borrowed(required_en(*what)),
            E::InvalidAgencyCode(c) => format!("The code «{c}» cannot be used: use 2 to 20 upper-case letters without accents, digits or underscore, starting with a letter (e.g. MUNI_DIST)."),
            E::AgencyExists(c) => format!("An agency with the code {c} already exists. Choose another code or edit that one."),
            E::UnknownAgency(c) => format!("There is no agency «{c}». See the codes with «tinkuy agency list»."),
            E::AgencyInactive(c) => format!("Agency {c} is deactivated. Activate it («tinkuy agency activate {c}») or choose another."),
            E::AgencyHasAgreements { code, count } => format!("{code} cannot be deleted: it is responsible for {count} agreement(s), which must stay on record. Deactivate it with «tinkuy agency deactivate {code}»."),
            E::AgencyInUse { code } => format!("{code} cannot be deleted: other records (programmes, meetings, attendance or flags) refer to it. Deactivate it with «tinkuy agency deactivate {code}»."),
            E::UnknownRepresentative(r) => format!("There is no representative {r}."),
            E::RepresentativeOfOtherAgency { representative, agency } => format!("{representative} does not represent {agency}. Choose someone from {agency} or write the name of who came."),
            E::UnknownDistrict(d) => format!("There is no district with UBIGEO «{d}»: type its 6 INEI digits, e.g. 030212."),
            E::NoCommittee => "There is no multisector committee yet. Create it with «tinkuy committee create --name NAME --rule \"first tuesday\"».".to_string(),
            E::CommitteeExists { district } => format!("District {district} already has an active committee; edit it instead of creating another."),
            E::NotAMember { agency, on } => format!("{agency} was not a member of the committee on {on}. Add it with «tinkuy committee add-member {agency} --since DATE»."),
            E::MembershipEndsBeforeStart { agency, since, until } => format!("{agency} joined the committee on {since}; it cannot leave on {until}, which is earlier. Check the date."),
            E::NoMonthlyRule => "The committee has no monthly rule. Set one, e.g. «first tuesday», with «tinkuy committee edit --rule».".to_string(),
            E::ScheduleMonths { given, max } => format!("{given} months cannot be planned at once: give 1 to {max}."),
            E::UnknownMeeting(m) => format!("There is no meeting {m}. See the numbers with «tinkuy meeting list»."),
            E::DuplicateMeeting { date } => format!("The committee already has a meeting on {date}. Edit that meeting or choose another date."),
            E::HeldInFuture { date, today } => format!("The meeting of {date} cannot be marked as held yet: today is {today}. Mark it after it takes place, or fix the date."),
            E::MeetingCancelled { date } => format!("The meeting of {date} was cancelled: its agenda, attendance and agreements cannot change. Plan a new meeting."),
            E::MeetingNotPlanned { date, status } => format!("The meeting of {date} is already {}: only a planned meeting can be marked held or cancelled.", meeting_status_en(status)),
            E::UnknownItem(i) => format!("There is no agenda item {i}. See the items with «tinkuy meeting export ID --format txt»."),
            E::ItemHasAgreements { position, count } => format!("Item {position} has {count} agreement(s); it cannot be taken off the agenda."),
            E::FollowUpItemIsAutomatic { position } => format!("Item {position} follows up a pending agreement and Tinkuy puts it there. To make it go away, mark the agreement done or dropped."),
            E::UnknownFlag(f) => format!("There is no flag {f}. Check the number in the list of flags."),
            E::UnknownClarCall(c) => format!("There is no CLAR call {c}."),
            E::UnknownProposal(p) => format!("There is no proposal {p}."),
            E::UnknownAgreement(a) => format!("There is no agreement {a}. See the numbers with «tinkuy agreements»."),
            E::MissingResponsible => "Every agreement needs a responsible agency: give its code, e.g. AGRORURAL.".to_string(),
            E::MissingDueDate => "Every agreement needs a due date: write it as DD/MM/YYYY.".to_string(),
            E::DueBeforeMeeting { due, meeting } => format!("The due date {due} is before the meeting of {meeting}: check the year and month."),
            E::DropNeedsNote => "To drop an agreement, write why, so the agencies know.".to_string(),
            E::ClosedBeforeMade { closed, made } => format!("The closing date {closed} is before the agreement was made on {made}: check the date."),
            E::ExportWrite { path, kind, detail } => format!("Could not write {}: {}. Nothing was written; choose another folder.", path.display(), io_reason_en(*kind, detail)),
        };
        owned(text)
    }
}

fn meeting_status_es(code: &str) -> &'static str {
    match code {
        "held" => "realizada",
        "cancelled" => "cancelada",
        _ => "programada",
    }
}

fn meeting_status_en(code: &str) -> &'static str {
    match code {
        "held" => "held",
        "cancelled" => "cancelled",
        _ => "planned",
    }
}
