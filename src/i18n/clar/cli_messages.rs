//! What the `clar` commands say when they carry values: confirmations of each step, the rules
//! of a call, budget totals, and the problems found in what was typed (before the core is
//! asked). Values are quoted «así» in Spanish and “like this” in English.

use super::labels::bp_text;
use crate::domain::clar::{CallKind, Verdict, VisitStatus};
use crate::domain::dates::DateError;
use crate::domain::money::{Money, MoneyError};
use crate::i18n::{owned, Localize};
use std::borrow::Cow;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClarCliMessage {
    AssociationAdded {
        id: String,
        name: String,
    },
    MemberAdded {
        name: String,
        association: String,
        count: usize,
    },
    CallAdded {
        id: String,
        title: String,
    },
    CallOpened {
        title: String,
    },
    Window {
        opens: String,
        closes: String,
    },
    CallClosed {
        title: String,
    },
    RuleMembers {
        min: i64,
        max: i64,
    },
    RuleShare {
        share_bp: i64,
        ceiling: Money,
    },
    RuleMaterials {
        share_bp: i64,
    },
    RuleAssistance {
        share_bp: i64,
    },
    RulePresence {
        share_bp: i64,
    },
    Criterion {
        position: i64,
        label: String,
        max: i64,
    },
    ProposalAdded {
        id: String,
        title: String,
    },
    LineAdded {
        line: usize,
        title: String,
    },
    LineRemoved {
        line: usize,
        title: String,
    },
    Totals {
        programme: Money,
        counterpart: Money,
        total: Money,
        share_bp: i64,
    },
    Submitted {
        title: String,
    },
    ReviewRecorded {
        title: String,
        verdict: Verdict,
    },
    Presence {
        present: i64,
        listed: i64,
        enough: bool,
    },
    UnknownDnis {
        dnis: String,
    },
    ClarMemberAdded {
        id: String,
        name: String,
    },
    SessionOpened {
        acta: String,
        id: String,
        seated: usize,
    },
    SessionClosed {
        acta: String,
    },
    ConflictRecorded {
        member: String,
        proposal: String,
    },
    ScoresSaved {
        title: String,
        points: i64,
    },
    TranchePaid {
        tranche: i64,
        amount: Money,
    },
    TrancheReleased {
        tranche: i64,
        acta: String,
    },
    VisitRecorded {
        title: String,
        status: VisitStatus,
    },
    BadAmount {
        flag: &'static str,
        error: MoneyError,
    },
    BadDate {
        flag: &'static str,
        error: DateError,
    },
    BadPoints {
        text: String,
    },
    PointsCount {
        given: usize,
        criteria: String,
    },
    PresetMismatch {
        preset: CallKind,
        kind: CallKind,
    },
    MissingFlag {
        flag: &'static str,
    },
    UnknownProgramme {
        code: String,
    },
    AmbiguousName {
        text: String,
    },
    NoSuchLine {
        line: usize,
        count: usize,
    },
    NoSuchTranche {
        tranche: i64,
        count: usize,
    },
}

impl Localize for ClarCliMessage {
    fn es(&self) -> Cow<'static, str> {
        owned(es(self))
    }

    fn en(&self) -> Cow<'static, str> {
        owned(en(self))
    }
}

fn es(m: &ClarCliMessage) -> String {
    use ClarCliMessage as M;
    let l = crate::i18n::Lang::Es;
    match m {
        M::AssociationAdded { id, name } => format!("Asociación registrada: {id} «{name}»."),
        M::MemberAdded { name, association, count } => format!("{name} es socio de «{association}» (socios: {count})."),
        M::CallAdded { id, title } => format!("Convocatoria creada en borrador: {id} «{title}». Ábrala con «tinkuy clar call open {id}»."),
        M::CallOpened { title } => format!("La convocatoria «{title}» está abierta y recibe propuestas."),
        M::Window { opens, closes } => format!("Plazo: del {opens} al {closes}"),
        M::CallClosed { title } => format!("La convocatoria «{title}» está cerrada. Instale su sesión con «tinkuy clar session open»."),
        M::RuleMembers { min, max } => format!("Socios por asociación: de {min} a {max}."),
        M::RuleShare { share_bp, ceiling } => format!("Aporte del programa: hasta el {} del total y hasta {ceiling}.", bp_text(*share_bp)),
        M::RuleMaterials { share_bp } => format!("Materiales y activos: hasta el {} del aporte del programa.", bp_text(*share_bp)),
        M::RuleAssistance { share_bp } => format!("Asistencia técnica y capacitación: hasta el {} del aporte del programa.", bp_text(*share_bp)),
        M::RulePresence { share_bp } => format!("Familias presentes en la visita de campo: al menos el {}.", bp_text(*share_bp)),
        M::Criterion { position, label, max } => format!("{position}. {label} (de 0 a {max})"),
        M::ProposalAdded { id, title } => format!("Propuesta creada en borrador: {id} «{title}». Agregue su presupuesto con «tinkuy clar proposal line {id}»."),
        M::LineAdded { line, title } => format!("Línea {line} agregada al presupuesto de «{title}»."),
        M::LineRemoved { line, title } => format!("Línea {line} quitada del presupuesto de «{title}»."),
        M::Totals { programme, counterpart, total, share_bp } => format!("Programa {programme} + contrapartida {counterpart} = {total} (el programa pone el {}).", bp_text(*share_bp)),
        M::Submitted { title } => format!("La propuesta «{title}» fue presentada: cumple las reglas de la convocatoria."),
        M::ReviewRecorded { title, verdict } => format!("Revisión registrada: «{title}» es {}.", verdict.text(l).to_lowercase()),
        M::Presence { present, listed, enough: true } => format!("Familias presentes en la visita: {present} de {listed}."),
        M::Presence { present, listed, enough: false } => format!("Familias presentes en la visita: {present} de {listed}, menos del mínimo: la propuesta queda no viable."),
        M::UnknownDnis { dnis } => format!("Estos DNIs no están en la lista de socios y no cuentan: {dnis}."),
        M::ClarMemberAdded { id, name } => format!("Miembro del CLAR registrado: {id} {name}."),
        M::SessionOpened { acta, id, seated } => format!("Sesión instalada: acta {acta} ({id}), con {seated} miembros presentes."),
        M::SessionClosed { acta } => format!("La sesión {acta} está cerrada. Vea el orden de mérito con «tinkuy clar ranking {acta}»."),
        M::ConflictRecorded { member, proposal } => format!("Conflicto registrado: {member} no calificará «{proposal}»."),
        M::ScoresSaved { title, points } => format!("Calificación guardada para «{title}»: {points} puntos."),
        M::TranchePaid { tranche, amount } => format!("Desembolso {tranche} pagado: {amount}."),
        M::TrancheReleased { tranche, acta } => format!("Desembolso {tranche} liberado por la revisión de avance del acta {acta}."),
        M::VisitRecorded { title, status } => format!("Visita registrada a «{title}»: {}.", status.text(l).to_lowercase()),
        M::BadAmount { flag, error } => format!("{flag}: {}", error.text(l)),
        M::BadDate { flag, error } => format!("{flag}: {}", error.text(l)),
        M::BadPoints { text } => format!("«{text}» no es un puntaje: escriba números enteros separados por comas (12,10,15). No se guardó nada."),
        M::PointsCount { given, criteria } => format!("Se dieron {given} puntajes; la convocatoria tiene estos criterios, en este orden: {criteria}. No se guardó nada."),
        M::PresetMismatch { preset, kind } => format!("El modelo es de «{}» pero --kind dice «{}»: use uno solo o que coincidan.", preset.text(l), kind.text(l)),
        M::MissingFlag { flag } => format!("Falta {flag}."),
        M::UnknownProgramme { code } => format!("No existe el programa «{code}»: use ALIADOS_II, HAKU_WINAY u otro registrado."),
        M::AmbiguousName { text } => format!("Hay más de un registro llamado «{text}»: use su código."),
        M::NoSuchLine { line, count } => format!("El presupuesto no tiene la línea {line} (tiene {count})."),
        M::NoSuchTranche { tranche, count } => format!("La propuesta no tiene el desembolso {tranche} (tiene {count})."),
    }
}

fn en(m: &ClarCliMessage) -> String {
    use ClarCliMessage as M;
    let l = crate::i18n::Lang::En;
    match m {
        M::AssociationAdded { id, name } => format!("Association registered: {id} “{name}”."),
        M::MemberAdded { name, association, count } => format!("{name} is a member of “{association}” (members: {count})."),
        M::CallAdded { id, title } => format!("Call created as a draft: {id} “{title}”. Open it with “tinkuy clar call open {id}”."),
        M::CallOpened { title } => format!("The call “{title}” is open and receives proposals."),
        M::Window { opens, closes } => format!("Open from {opens} to {closes}"),
        M::CallClosed { title } => format!("The call “{title}” is closed. Open its session with “tinkuy clar session open”."),
        M::RuleMembers { min, max } => format!("Members per association: {min} to {max}."),
        M::RuleShare { share_bp, ceiling } => format!("Programme share: up to {} of the total and up to {ceiling}.", bp_text(*share_bp)),
        M::RuleMaterials { share_bp } => format!("Materials and assets: up to {} of the programme's part.", bp_text(*share_bp)),
        M::RuleAssistance { share_bp } => format!("Technical assistance and training: up to {} of the programme's part.", bp_text(*share_bp)),
        M::RulePresence { share_bp } => format!("Families present at the field visit: at least {}.", bp_text(*share_bp)),
        M::Criterion { position, label, max } => format!("{position}. {label} (0 to {max})"),
        M::ProposalAdded { id, title } => format!("Proposal created as a draft: {id} “{title}”. Add its budget with “tinkuy clar proposal line {id}”."),
        M::LineAdded { line, title } => format!("Line {line} added to the budget of “{title}”."),
        M::LineRemoved { line, title } => format!("Line {line} removed from the budget of “{title}”."),
        M::Totals { programme, counterpart, total, share_bp } => format!("Programme {programme} + counterpart {counterpart} = {total} (the programme pays {}).", bp_text(*share_bp)),
        M::Submitted { title } => format!("Proposal “{title}” was submitted: it keeps the call's rules."),
        M::ReviewRecorded { title, verdict } => format!("Review recorded: “{title}” is {}.", verdict.text(l).to_lowercase()),
        M::Presence { present, listed, enough: true } => format!("Families present at the visit: {present} of {listed}."),
        M::Presence { present, listed, enough: false } => format!("Families present at the visit: {present} of {listed}, below the minimum: the proposal is not viable."),
        M::UnknownDnis { dnis } => format!("These DNIs are not on the member list and do not count: {dnis}."),
        M::ClarMemberAdded { id, name } => format!("CLAR member registered: {id} {name}."),
        M::SessionOpened { acta, id, seated } => format!("Session opened: minutes {acta} ({id}), with {seated} members present."),
        M::SessionClosed { acta } => format!("Session {acta} is closed. See the ranking with “tinkuy clar ranking {acta}”."),
        M::ConflictRecorded { member, proposal } => format!("Conflict recorded: {member} will not score “{proposal}”."),
        M::ScoresSaved { title, points } => format!("Scores saved for “{title}”: {points} points."),
        M::TranchePaid { tranche, amount } => format!("Tranche {tranche} paid: {amount}."),
        M::TrancheReleased { tranche, acta } => format!("Tranche {tranche} released by the progress review of minutes {acta}."),
        M::VisitRecorded { title, status } => format!("Visit to “{title}” recorded: {}.", status.text(l).to_lowercase()),
        M::BadAmount { flag, error } => format!("{flag}: {}", error.text(l)),
        M::BadDate { flag, error } => format!("{flag}: {}", error.text(l)),
        M::BadPoints { text } => format!("“{text}” is not a score: write whole numbers separated by commas (12,10,15). Nothing was saved."),
        M::PointsCount { given, criteria } => format!("{given} scores were given; the call has these criteria, in this order: {criteria}. Nothing was saved."),
        M::PresetMismatch { preset, kind } => format!("The preset is a “{}” call but --kind says “{}”: give one, or make them agree.", preset.text(l), kind.text(l)),
        M::MissingFlag { flag } => format!("{flag} is missing."),
        M::UnknownProgramme { code } => format!("There is no programme “{code}”: use ALIADOS_II, HAKU_WINAY or another registered one."),
        M::AmbiguousName { text } => format!("More than one record is called “{text}”: use its code."),
        M::NoSuchLine { line, count } => format!("The budget has no line {line} (it has {count})."),
        M::NoSuchTranche { tranche, count } => format!("The proposal has no tranche {tranche} (it has {count})."),
    }
}
