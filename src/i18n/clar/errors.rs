//! What the CLAR's errors say: which rule, and by how much. Values are quoted «así» in
//! Spanish and “like this” in English.

use super::labels::bp_text;
use crate::domain::money::Money;
use crate::i18n::{owned, Lang, Localize};
use crate::services::clar::error::{ClarError, ClarField, ClarRecord, Unscored, WriteProblem};
use crate::services::clar::rules::RuleViolation;
use std::borrow::Cow;

fn field(f: ClarField, lang: Lang) -> &'static str {
    let (es, en) = match f {
        ClarField::Name => ("el nombre", "the name"),
        ClarField::Title => ("el título", "the title"),
        ClarField::Product => (
            "el producto o cadena de valor",
            "the product or value chain",
        ),
        ClarField::Place => ("el lugar", "the place"),
        ClarField::Represents => ("a quién representa", "whom they represent"),
        ClarField::MemberName => ("el nombre del socio o miembro", "the member's name"),
        ClarField::Reasons => ("las razones", "the reasons"),
        ClarField::FieldVisit => (
            "la fecha de la visita de campo (una propuesta viable la necesita)",
            "the date of the field visit (a viable proposal needs one)",
        ),
        ClarField::LineDescription => (
            "la descripción de una línea del presupuesto",
            "the description of a budget line",
        ),
    };
    pick(lang, es, en)
}

/// An unknown record, and where to see the right codes.
fn unknown_record(record: ClarRecord, text: &str, lang: Lang) -> String {
    let (es, en, list) = match record {
        ClarRecord::Association => (
            "la asociación",
            "association",
            "tinkuy clar association list",
        ),
        ClarRecord::Call => ("la convocatoria", "call", "tinkuy clar call list"),
        ClarRecord::Proposal => (
            "la propuesta",
            "proposal",
            "tinkuy clar proposal list --call …",
        ),
        ClarRecord::Member => (
            "el miembro del CLAR",
            "CLAR member",
            "tinkuy clar member list",
        ),
        ClarRecord::Person => ("la persona", "person", "tinkuy persons search"),
    };
    match lang {
        Lang::Es => format!("No existe {es} «{text}». Vea los códigos con «{list}»."),
        Lang::En => format!("There is no {en} “{text}”. See the codes with “{list}”."),
    }
}

fn setting(what: &str, lang: Lang) -> &'static str {
    let (es, en) = match what {
        "members" => ("rango de socios", "member range"),
        "share" => ("tope de la parte del programa", "programme share limit"),
        "ceiling" => ("monto máximo del programa", "programme ceiling"),
        "split" => (
            "reparto entre materiales y asistencia",
            "materials/assistance split",
        ),
        "presence" => (
            "presencia mínima en la visita",
            "minimum presence at the visit",
        ),
        "envelope" => ("fondo concursable", "fund envelope"),
        _ => ("criterio de calificación", "scoring criterion"),
    };
    pick(lang, es, en)
}

fn write_problem(p: &WriteProblem, lang: Lang) -> String {
    let (es, en) = match p {
        WriteProblem::NoFolder => ("la carpeta no existe", "the folder does not exist"),
        WriteProblem::NoPermission => (
            "no tiene permiso para escribir ahí",
            "you may not write there",
        ),
        WriteProblem::IsFolder => (
            "es una carpeta, no un archivo",
            "it is a folder, not a file",
        ),
        WriteProblem::DiskFull => ("el disco está lleno", "the disk is full"),
        WriteProblem::Other(detail) => return detail.clone(),
    };
    pick(lang, es, en).to_string()
}

fn pick(lang: Lang, es: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Es => es,
        Lang::En => en,
    }
}

fn diff(a: Money, b: Money) -> Money {
    a.checked_sub(b).unwrap_or_default()
}

fn violation_es(v: &RuleViolation) -> String {
    match v {
        RuleViolation::NoBudget => "El presupuesto está vacío.".into(),
        RuleViolation::TooFewMembers { count, min } => format!(
            "La asociación tiene {count} socios; la convocatoria pide al menos {min} (faltan {}).",
            min - count
        ),
        RuleViolation::TooManyMembers { count, max } => format!(
            "La asociación tiene {count} socios; la convocatoria admite hasta {max} (sobran {}).",
            count - max
        ),
        RuleViolation::ShareTooHigh { programme, total, max_bp, excess, counterpart_needed } => {
            let fix = match counterpart_needed {
                Some(m) => format!(" Aumente la contrapartida en {m} o reduzca la parte del programa."),
                None => String::new(),
            };
            format!(
                "La parte del programa ({programme} de un total de {total}) supera el {} permitido en {excess}.{fix}",
                bp_text(*max_bp)
            )
        }
        RuleViolation::CeilingExceeded { programme, ceiling, excess } => format!(
            "La parte del programa ({programme}) supera el tope de la convocatoria ({ceiling}) en {excess}."
        ),
        RuleViolation::MaterialsShareTooHigh { materials, programme, max_bp, excess } => format!(
            "Los materiales y activos ({materials}) superan el {} de la parte del programa ({programme}) en {excess}.",
            bp_text(*max_bp)
        ),
        RuleViolation::AssistanceShareTooHigh { assistance, programme, max_bp, excess } => format!(
            "La asistencia técnica y la capacitación ({assistance}) superan el {} de la parte del programa ({programme}) en {excess}.",
            bp_text(*max_bp)
        ),
    }
}

fn violation_en(v: &RuleViolation) -> String {
    match v {
        RuleViolation::NoBudget => "The budget is empty.".into(),
        RuleViolation::TooFewMembers { count, min } => format!(
            "The association has {count} members; the call requires at least {min} ({} missing).",
            min - count
        ),
        RuleViolation::TooManyMembers { count, max } => format!(
            "The association has {count} members; the call allows at most {max} ({} too many).",
            count - max
        ),
        RuleViolation::ShareTooHigh { programme, total, max_bp, excess, counterpart_needed } => {
            let fix = match counterpart_needed {
                Some(m) => format!(" Raise the counterpart by {m} or lower the programme share."),
                None => String::new(),
            };
            format!(
                "The programme share ({programme} of a total of {total}) exceeds the {} allowed by {excess}.{fix}",
                bp_text(*max_bp)
            )
        }
        RuleViolation::CeilingExceeded { programme, ceiling, excess } => format!(
            "The programme share ({programme}) exceeds the call's ceiling ({ceiling}) by {excess}."
        ),
        RuleViolation::MaterialsShareTooHigh { materials, programme, max_bp, excess } => format!(
            "Materials and assets ({materials}) exceed {} of the programme share ({programme}) by {excess}.",
            bp_text(*max_bp)
        ),
        RuleViolation::AssistanceShareTooHigh { assistance, programme, max_bp, excess } => format!(
            "Technical assistance and training ({assistance}) exceed {} of the programme share ({programme}) by {excess}.",
            bp_text(*max_bp)
        ),
    }
}

impl Localize for RuleViolation {
    fn es(&self) -> Cow<'static, str> {
        owned(violation_es(self))
    }

    fn en(&self) -> Cow<'static, str> {
        owned(violation_en(self))
    }
}

fn unscored_list(list: &[Unscored], lang: Lang) -> String {
    list.iter()
        .map(|u| match (u.members.is_empty(), lang) {
            (true, Lang::Es) => format!(
                "«{}»: ningún miembro presente puede calificarla (todos tienen conflicto)",
                u.proposal_title
            ),
            (true, Lang::En) => format!(
                "“{}”: no member present may score it (all have a conflict)",
                u.proposal_title
            ),
            (false, Lang::Es) => format!("«{}»: falta {}", u.proposal_title, u.members.join(", ")),
            (false, Lang::En) => {
                format!("“{}”: missing {}", u.proposal_title, u.members.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

impl Localize for ClarError {
    fn es(&self) -> Cow<'static, str> {
        owned(es(self))
    }

    fn en(&self) -> Cow<'static, str> {
        owned(en(self))
    }
}

fn es(e: &ClarError) -> String {
    let l = Lang::Es;
    match e {
        ClarError::EmptyField { field: f } => format!("Falta {}.", field(*f, l)),
        ClarError::InvalidDni(d) => format!("DNI no válido: {}", d.text(l)),
        ClarError::DuplicateMember { who } => format!("{who} ya es socio de esta asociación."),
        ClarError::InvalidRule { what, value } => format!("Valor no válido en la convocatoria ({}): «{value}».", setting(what, l)),
        ClarError::EmptyRubric => "La convocatoria necesita al menos un criterio de calificación.".into(),
        ClarError::CallDatesReversed { opens_on, closes_on } => format!("La convocatoria cierra ({closes_on}) antes de abrir ({opens_on})."),
        ClarError::CallNotEditable { status } => format!("La convocatoria está en estado «{}» y ya no se puede modificar.", status.text(l)),
        ClarError::CallStatusMove { from, to } => format!("Una convocatoria en estado «{}» no puede pasar a «{}».", from.text(l), to.text(l)),
        ClarError::CallNotOpen { status } => format!("La convocatoria está en estado «{}»: no recibe propuestas.", status.text(l)),
        ClarError::OutsideCallWindow { today, opens_on, closes_on } => format!("Hoy ({today}) está fuera del plazo de la convocatoria ({opens_on} al {closes_on})."),
        ClarError::CallNotClosed { status } => format!("La convocatoria está en estado «{}»: ciérrela antes de su sesión del CLAR.", status.text(l)),
        ClarError::NegativeAmount { line, amount } => format!("La línea {line} del presupuesto tiene un monto negativo ({amount}). Los montos van de S/ 0.00 en adelante."),
        ClarError::AmountTooLarge => "Los montos son demasiado grandes para sumarlos.".into(),
        ClarError::RulesBroken(list) => {
            let all: Vec<String> = list.iter().map(violation_es).collect();
            format!("La propuesta no cumple la convocatoria y no se presentó. {}", all.join(" "))
        }
        ClarError::WrongStatus { title, status, wanted } => format!("La propuesta «{title}» está en estado «{}»; no puede pasar a «{}».", status.text(l), wanted.text(l)),
        ClarError::ProposalNotEditable { title, status } => format!("La propuesta «{title}» está en estado «{}»; solo se editan borradores.", status.text(l)),
        ClarError::ReasonsRequired => "Indique las razones por las que la propuesta no es viable.".into(),
        ClarError::UserNotClarRole { username } => format!("El usuario {username} no tiene el rol Miembro del CLAR; cámbielo antes de vincularlo."),
        ClarError::UnknownRecord { record, text } => unknown_record(*record, text, l),
        ClarError::UnknownCommunity { name, district } => format!("No hay una comunidad «{name}» registrada en el distrito {district}. Escriba el nombre como figura en el padrón."),
        ClarError::UnknownSession { text } => format!("No existe la sesión del CLAR «{text}». Vea los números de acta con «tinkuy clar sessions»."),
        ClarError::SessionClosed => "La sesión ya está cerrada y no se puede cambiar.".into(),
        ClarError::SessionOpen => "La sesión sigue abierta: el orden de mérito se conoce al cerrarla.".into(),
        ClarError::NotAClarMember => "Su usuario no está vinculado a un miembro del CLAR. Pida a la oficina que lo vincule.".into(),
        ClarError::NotOnSession { member } => format!("{member} no integra esta sesión del CLAR."),
        ClarError::MemberAbsent { member } => format!("{member} no figura como presente en esta sesión."),
        ClarError::NoMembersPresent => "No hay ningún miembro presente en la sesión.".into(),
        ClarError::Recused { member, proposal, kind } => format!("{member} tiene un conflicto de interés con «{proposal}» ({}) y no puede calificarla. No se guardó nada.", kind.text(l).to_lowercase()),
        ClarError::ScoreOutOfScale { criterion, points, max } => format!("{points} puntos en «{criterion}» está fuera de la escala (de 0 a {max}). No se guardó nada."),
        ClarError::CriterionNotInCall { criterion_id } => format!("El criterio {} no es de esta convocatoria.", crate::store::ids::display(*criterion_id)),
        ClarError::NotScorable { proposal, status } => format!("La propuesta «{proposal}» está en estado «{}»: no se califica en esta sesión.", status.text(l)),
        ClarError::UnscoredProposals(list) => format!("No se puede cerrar la sesión: faltan calificaciones. {}.", unscored_list(list, l)),
        ClarError::AlreadyAwarded => "Los resultados de esta sesión ya fueron adjudicados.".into(),
        ClarError::NotAwarded => "Los resultados de esta sesión aún no se adjudicaron.".into(),
        ClarError::EnvelopeExceeded { funded, envelope } => format!("Financiar {funded} superaría el fondo disponible ({envelope}) en {}. No se adjudicó nada.", diff(*funded, *envelope)),
        ClarError::NotFunded { proposal } => format!("«{proposal}» no fue financiada."),
        ClarError::TrancheNeedsReview { tranche } => format!("El desembolso {tranche} necesita antes la revisión de avance del CLAR."),
        ClarError::TrancheAlreadyPaid { tranche } => format!("El desembolso {tranche} ya fue pagado."),
        ClarError::TrancheOverpaid { planned, paid } => format!("Pagar {paid} supera lo programado ({planned}) en {}.", diff(*paid, *planned)),
        ClarError::TrancheReviewNotNeeded { tranche } => format!("El desembolso {tranche} no requiere revisión de avance o ya la tiene."),
        ClarError::ReviewSessionInvalid => "La revisión de avance debe hacerse en una sesión posterior del CLAR de la misma convocatoria.".into(),
        ClarError::WriteFile { path, problem } => format!("No se pudo escribir {path}: {}. No quedó ningún archivo a medias.", write_problem(problem, l)),
    }
}

fn en(e: &ClarError) -> String {
    let l = Lang::En;
    match e {
        ClarError::EmptyField { field: f } => format!("Missing {}.", field(*f, l)),
        ClarError::InvalidDni(d) => format!("Invalid DNI: {}", d.text(l)),
        ClarError::DuplicateMember { who } => format!("{who} is already a member of this association."),
        ClarError::InvalidRule { what, value } => format!("Invalid value in the call ({}): “{value}”.", setting(what, l)),
        ClarError::EmptyRubric => "The call needs at least one scoring criterion.".into(),
        ClarError::CallDatesReversed { opens_on, closes_on } => format!("The call closes ({closes_on}) before it opens ({opens_on})."),
        ClarError::CallNotEditable { status } => format!("The call is “{}” and can no longer be changed.", status.text(l)),
        ClarError::CallStatusMove { from, to } => format!("A call that is “{}” cannot become “{}”.", from.text(l), to.text(l)),
        ClarError::CallNotOpen { status } => format!("The call is “{}”: it takes no proposals.", status.text(l)),
        ClarError::OutsideCallWindow { today, opens_on, closes_on } => format!("Today ({today}) is outside the call's dates ({opens_on} to {closes_on})."),
        ClarError::CallNotClosed { status } => format!("The call is “{}”: close it before its CLAR session.", status.text(l)),
        ClarError::NegativeAmount { line, amount } => format!("Budget line {line} has a negative amount ({amount}). Amounts start at S/ 0.00."),
        ClarError::AmountTooLarge => "The amounts are too large to add up.".into(),
        ClarError::RulesBroken(list) => {
            let all: Vec<String> = list.iter().map(violation_en).collect();
            format!("The proposal breaks the call's rules and was not submitted. {}", all.join(" "))
        }
        ClarError::WrongStatus { title, status, wanted } => format!("Proposal “{title}” is “{}”; it cannot become “{}”.", status.text(l), wanted.text(l)),
        ClarError::ProposalNotEditable { title, status } => format!("Proposal “{title}” is “{}”; only drafts can be edited.", status.text(l)),
        ClarError::ReasonsRequired => "Give the reasons why the proposal is not viable.".into(),
        ClarError::UserNotClarRole { username } => format!("User {username} does not have the CLAR member role; change it before linking them."),
        ClarError::UnknownRecord { record, text } => unknown_record(*record, text, l),
        ClarError::UnknownCommunity { name, district } => format!("There is no community “{name}” registered in district {district}. Write the name as the registry has it."),
        ClarError::UnknownSession { text } => format!("There is no CLAR session “{text}”. See the minutes numbers with “tinkuy clar sessions”."),
        ClarError::SessionClosed => "The session is closed and cannot be changed.".into(),
        ClarError::SessionOpen => "The session is still open: the ranking is known once it is closed.".into(),
        ClarError::NotAClarMember => "Your account is not linked to a CLAR member. Ask the office to link it.".into(),
        ClarError::NotOnSession { member } => format!("{member} does not sit on this CLAR session."),
        ClarError::MemberAbsent { member } => format!("{member} is not marked present at this session."),
        ClarError::NoMembersPresent => "No member is present at the session.".into(),
        ClarError::Recused { member, proposal, kind } => format!("{member} has a conflict of interest with “{proposal}” ({}) and may not score it. Nothing was saved.", kind.text(l).to_lowercase()),
        ClarError::ScoreOutOfScale { criterion, points, max } => format!("{points} points for “{criterion}” is outside the scale (0 to {max}). Nothing was saved."),
        ClarError::CriterionNotInCall { criterion_id } => format!("Criterion {} is not part of this call.", crate::store::ids::display(*criterion_id)),
        ClarError::NotScorable { proposal, status } => format!("Proposal “{proposal}” is “{}”: it is not scored in this session.", status.text(l)),
        ClarError::UnscoredProposals(list) => format!("The session cannot be closed: scores are missing. {}.", unscored_list(list, l)),
        ClarError::AlreadyAwarded => "This session's results have already been adopted.".into(),
        ClarError::NotAwarded => "This session's results have not been adopted yet.".into(),
        ClarError::EnvelopeExceeded { funded, envelope } => format!("Funding {funded} would exceed the funds available ({envelope}) by {}. Nothing was awarded.", diff(*funded, *envelope)),
        ClarError::NotFunded { proposal } => format!("“{proposal}” was not funded."),
        ClarError::TrancheNeedsReview { tranche } => format!("Tranche {tranche} first needs the CLAR's progress review."),
        ClarError::TrancheAlreadyPaid { tranche } => format!("Tranche {tranche} has already been paid."),
        ClarError::TrancheOverpaid { planned, paid } => format!("Paying {paid} exceeds the {planned} planned by {}.", diff(*paid, *planned)),
        ClarError::TrancheReviewNotNeeded { tranche } => format!("Tranche {tranche} needs no progress review or already has one."),
        ClarError::ReviewSessionInvalid => "The progress review must take place in a later CLAR session of the same call.".into(),
        ClarError::WriteFile { path, problem } => format!("Could not write {path}: {}. No half-written file was left.", write_problem(problem, l)),
    }
}
