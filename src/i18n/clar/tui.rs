//! Texts of the CLAR's screens: area names, keys and their help, headings, columns, notices.
//! Hints are one or two words (the hints line is 80 columns for a whole screen); help lines
//! say the whole thing.

use crate::domain::money::MoneyError;
use crate::i18n::{owned, Localize};
use std::borrow::Cow;

/// Declares the screen texts: one table, Spanish then English, so neither can be missing.
macro_rules! texts {
    ($($key:ident => $es:literal, $en:literal;)+) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum ClarTui {
            $($key),+
        }

        impl Localize for ClarTui {
            fn es(&self) -> Cow<'static, str> {
                Cow::Borrowed(match self {
                    $(ClarTui::$key => $es,)+
                })
            }

            fn en(&self) -> Cow<'static, str> {
                Cow::Borrowed(match self {
                    $(ClarTui::$key => $en,)+
                })
            }
        }
    };
}

texts! {
    AreaClar => "CLAR", "CLAR";
    AreaReview => "Calificar", "Scoring";
    HelpAreaClar => "CLAR: concursos, propuestas, sesiones", "CLAR: calls, proposals and sessions";
    HelpAreaReview => "Calificar: sus sesiones del CLAR y las propuestas por calificar", "Scoring: your CLAR sessions and the proposals to score";
    ConfirmCloseQuestion => "¿Cerrar la sesión? Después nadie podrá cambiar calificaciones y todos verán todas.", "Close the session? Nobody can change scores afterwards, and everyone sees them all.";
    ConfirmCloseYes => "Sí, cerrar", "Yes, close";
    ConfirmAwardQuestion => "¿Adjudicar el fondo según el orden de mérito? Esto no se puede deshacer.", "Award the funds down the ranking? This cannot be undone.";
    ConfirmAwardYes => "Sí, adjudicar", "Yes, award";
    ConfirmNotYet => "No, todavía no", "No, not yet";
    HelpOpen => "Abrir lo seleccionado", "Open the selected row";
    HintOpen => "Abrir", "Open";
    HelpBack => "Volver a la pantalla anterior", "Back to the previous view";
    HintBack => "Volver", "Back";
    HelpSessions => "Ver las sesiones del CLAR", "See the CLAR sessions";
    HintSessions => "Sesiones", "Sessions";
    HelpEdit => "Editar el presupuesto (solo borradores)", "Edit the budget (drafts only)";
    HintEdit => "Editar", "Edit";
    HelpPresent => "Presentar la propuesta a la convocatoria (se revisan sus reglas)", "Submit the proposal to its call (its rules are checked)";
    HintPresent => "Presentar", "Submit";
    HelpAttendance => "Marcar al miembro presente o ausente (panel Asistencia)", "Mark the member present or absent (Attendance panel)";
    HintAttendance => "Asistencia", "Attendance";
    HelpCloseSession => "Cerrar la sesión (todas las propuestas deben estar calificadas)", "Close the session (every proposal must be scored)";
    HintCloseSession => "Cerrar", "Close";
    HelpRanking => "Ver el orden de mérito de la sesión cerrada", "See the closed session's ranking";
    HintRanking => "Orden", "Ranking";
    HelpAward => "Adjudicar el fondo según el orden de mérito", "Award the funds down the ranking";
    HintAward => "Adjudicar", "Award";
    HelpDeclare => "Declarar un conflicto de interés con la propuesta", "Declare a conflict of interest with the proposal";
    HintDeclare => "Conflicto", "Conflict";
    HelpSave => "Guardar", "Save";
    HintSave => "Guardar", "Save";
    HelpCancel => "Volver sin guardar", "Back without saving";
    HelpIncrease => "Un punto más", "One point more";
    HelpDecrease => "Un punto menos", "One point less";
    HelpPanel => "Cambiar de panel: calificaciones, asistencia, conflictos", "Switch panel: scores, attendance, conflicts";
    HintPanel => "Panel", "Panel";
    OnlyDraftsEdited => "Solo se edita el presupuesto de un borrador.", "Only a draft's budget can be edited.";
    BudgetSaved => "Presupuesto guardado.", "Budget saved.";
    Presented => "Propuesta presentada: cumple las reglas de la convocatoria.", "Proposal submitted: it meets the call's rules.";
    SessionClosedNotice => "Sesión cerrada. Ya puede ver el orden de mérito (tecla o).", "Session closed. The ranking is ready (key o).";
    AwardedNotice => "Fondo adjudicado según el orden de mérito.", "Funds awarded down the ranking.";
    SessionIsClosed => "La sesión está cerrada: ya no se califica.", "The session is closed: no more scoring.";
    NotPresent => "Usted no figura como presente: pida a la oficina que marque su asistencia.", "You are not marked present: ask the office to mark your attendance.";
    YouHaveAConflict => "Usted tiene un conflicto de interés con esta propuesta y no puede calificarla.", "You have a conflict of interest with this proposal and may not score it.";
    ScoresSaved => "Calificación guardada.", "Scores saved.";
    ConflictRecorded => "Conflicto de interés registrado: no calificará esa propuesta.", "Conflict of interest recorded: you will not score that proposal.";
    CallsTitle => "Convocatorias", "Calls";
    ColCall => "Convocatoria", "Call";
    ColStatus => "Estado", "Status";
    ColEnvelope => "Fondo", "Funds";
    ColCloses => "Cierra", "Closes";
    NoCalls => "Aún no hay convocatorias.", "There are no calls yet.";
    ColProposal => "Propuesta", "Proposal";
    ColAssociation => "Asociación", "Association";
    ColProgramme => "Programa", "Programme";
    ColShare => "%", "%";
    NoProposals => "Esta convocatoria aún no tiene propuestas.", "This call has no proposals yet.";
    SessionsTitle => "Sesiones del CLAR", "CLAR sessions";
    ColActa => "Acta", "Minutes";
    ColDate => "Fecha", "Date";
    Closed => "Cerrada", "Closed";
    Open => "Abierta", "Open";
    NoSessions => "No hay sesiones del CLAR.", "There are no CLAR sessions.";
    Members => "socios", "members";
    Total => "Total", "Total";
    ProgrammeShare => "Parte del programa", "Programme share";
    Maximum => "máximo", "maximum";
    Ceiling => "Tope", "Ceiling";
    FamiliesPresent => "familias presentes en la visita", "families present at the visit";
    Review => "Revisión técnica", "Technical review";
    RulesMet => "Cumple las reglas de la convocatoria.", "Meets the call's rules.";
    ColCategory => "Rubro", "Category";
    ColDescription => "Descripción", "Description";
    ColCounterpart => "Contrapartida", "Counterpart";
    Budget => "Presupuesto (S/)", "Budget (S/)";
    EditingBudget => "Editando", "Editing";
    Acta => "Acta N°", "Minutes No.";
    Funded => "Financiada", "Funded";
    NotFunded => "No alcanza", "Does not fit";
    RankingTitle => "Orden de mérito", "Ranking";
    ColScore => "Puntaje", "Score";
    ColResult => "Resultado", "Result";
    Envelope => "Fondo disponible", "Funds available";
    FundedTotal => "Asignado", "Allocated";
    Remaining => "Saldo", "Remaining";
    AwardedStatus => "Resultados adjudicados.", "Results adopted.";
    NotAwardedStatus => "Aún no adjudicado: pulse a para adjudicar.", "Not awarded yet: press a to award.";
    ScoresProgress => "Calificaciones", "Scores";
    Of => "de", "of";
    PanelScores => "Calificaciones", "Scores";
    PanelAttendance => "Asistencia", "Attendance";
    PanelConflicts => "Conflictos", "Conflicts";
    AbsentShort => "aus.", "abs.";
    NoProposalsToScore => "No hay propuestas por calificar en esta sesión.", "There are no proposals to score in this session.";
    Yes => "Sí", "Yes";
    No => "No", "No";
    ColMember => "Miembro", "Member";
    ColRepresents => "Representa a", "Represents";
    ColPresent => "Presente", "Present";
    NoMembers => "Nadie integra aún esta sesión.", "Nobody sits on this session yet.";
    ColKind => "Tipo", "Kind";
    ColNote => "Detalle", "Detail";
    NoConflicts => "Nadie declaró conflictos y no se detectó ninguno.", "No conflict declared or detected.";
    Conflict => "Conflicto", "Conflict";
    Done => "listo", "done";
    PresentYou => "presente", "present";
    AbsentYou => "no figura como presente", "not marked present";
    ToScoreTitle => "Propuestas por calificar", "Proposals to score";
    ColSize => "Socios", "Size";
    ColProgress => "Avance", "Progress";
    DeclareTitle => "Declarar conflicto de interés", "Declare a conflict of interest";
    DeclareWarning => "No podrá calificar esta propuesta. Enter declara, Esc vuelve.", "You will not score this proposal. Enter declares, Esc goes back.";
    DeclareMember => "Soy socio de la asociación", "I am a member of the association";
    DeclareRelative => "Un familiar mío es socio", "A relative of mine is a member";
    DeclareOther => "Otro motivo", "Another reason";
    Scoring => "Calificar", "Scoring";
    Rubric => "Criterios", "Criteria";
    ScoringHelp => "Escriba el puntaje · ↑↓ criterio · +/- ajustan · Enter guarda · Esc vuelve", "Type the points · ↑↓ criterion · +/- adjust · Enter saves · Esc goes back";
    ProgrammePart => "Aporte del programa", "Programme share";
    HintDeclareOk => "Declarar", "Declare";
    HelpDeclareOk => "Declarar el conflicto elegido", "Declare the chosen conflict";
    OutOf => "de", "out of";
}

/// Screen texts that carry values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClarTuiMessage {
    /// An amount of a budget line that cannot be read.
    BadAmount {
        line: usize,
        error: MoneyError,
    },
    /// A score above its criterion's maximum.
    AboveMaximum {
        points: i64,
        max: i64,
    },
    NothingTyped,
}

impl Localize for ClarTuiMessage {
    fn es(&self) -> Cow<'static, str> {
        match self {
            ClarTuiMessage::BadAmount { line, error } => {
                owned(format!("Línea {line}: {}", error.es()))
            }
            ClarTuiMessage::AboveMaximum { points, max } => owned(format!(
                "{points} puntos supera el máximo de {max} de este criterio; no se guardó nada."
            )),
            ClarTuiMessage::NothingTyped => {
                Cow::Borrowed("Escriba al menos un puntaje antes de guardar.")
            }
        }
    }

    fn en(&self) -> Cow<'static, str> {
        match self {
            ClarTuiMessage::BadAmount { line, error } => {
                owned(format!("Line {line}: {}", error.en()))
            }
            ClarTuiMessage::AboveMaximum { points, max } => owned(format!(
                "{points} points is above this criterion's maximum of {max}; nothing was saved."
            )),
            ClarTuiMessage::NothingTyped => Cow::Borrowed("Type at least one score before saving."),
        }
    }
}
