//! Texts of the `clar` commands that create and run a contest: each command's and argument's
//! help, the column headings and the fixed words of their output. One table, Spanish then
//! English, so neither can be missing. Messages that carry values are in `cli_messages.rs`.

use crate::i18n::Localize;
use std::borrow::Cow;

/// Declares the command-line texts: one table, Spanish then English.
macro_rules! texts {
    ($($key:ident => $es:literal, $en:literal;)+) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum ClarCli {
            $($key),+
        }

        impl Localize for ClarCli {
            fn es(&self) -> Cow<'static, str> {
                Cow::Borrowed(match self {
                    $(ClarCli::$key => $es,)+
                })
            }

            fn en(&self) -> Cow<'static, str> {
                Cow::Borrowed(match self {
                    $(ClarCli::$key => $en,)+
                })
            }
        }
    };
}

texts! {
    // Commands.
    CmdAssociation => "Asociaciones que presentan propuestas y sus socios", "Associations that submit proposals, and their members";
    CmdAssociationAdd => "Registra una asociación", "Registers an association";
    CmdAssociationMember => "Agrega un socio a una asociación: una persona del padrón o un nombre con DNI", "Adds a member to an association: a registry person, or a name with a DNI";
    CmdAssociationList => "Lista las asociaciones con su número de socios", "Lists the associations with their number of members";
    CmdAssociationMembers => "Lista los socios de una asociación", "Lists an association's members";
    CmdCall => "Convocatorias (concursos) del CLAR", "CLAR calls for proposals";
    CmdCallAdd => "Crea una convocatoria en borrador con las reglas y criterios de su tipo", "Creates a draft call with the preset rules and rubric of its kind";
    CmdCallOpen => "Abre una convocatoria para recibir propuestas", "Opens a call to receive proposals";
    CmdCallClose => "Cierra una convocatoria (después se instala su sesión del CLAR)", "Closes a call (its CLAR session comes next)";
    CmdCallList => "Lista las convocatorias", "Lists the calls";
    CmdCallShow => "Muestra las reglas y los criterios de calificación de una convocatoria", "Shows a call's rules and scoring criteria";
    CmdProposal => "Propuestas de las asociaciones y su presupuesto", "The associations' proposals and their budgets";
    CmdProposalAdd => "Crea una propuesta en borrador para una convocatoria", "Creates a draft proposal for a call";
    CmdProposalLine => "Agrega una línea al presupuesto de un borrador", "Adds a line to a draft's budget";
    CmdProposalRemoveLine => "Quita una línea del presupuesto de un borrador", "Removes a line from a draft's budget";
    CmdProposalSubmit => "Presenta la propuesta: se revisan todas las reglas de la convocatoria", "Submits the proposal: every rule of the call is checked";
    CmdProposalList => "Lista las propuestas de una convocatoria", "Lists a call's proposals";
    CmdProposalShow => "Muestra una propuesta: presupuesto, reglas que no cumple, revisión e historial", "Shows a proposal: budget, rules it breaks, review and history";
    CmdReview => "Registra la revisión técnica de una propuesta presentada, con la visita de campo", "Records the technical review of a submitted proposal, with the field visit";
    CmdMember => "Miembros del CLAR", "CLAR members";
    CmdMemberAdd => "Registra a un miembro del CLAR (y lo vincula a su usuario)", "Registers a CLAR member (and links their user account)";
    CmdMemberList => "Lista los miembros del CLAR", "Lists the CLAR members";
    CmdSession => "Sesiones del CLAR: instalar y cerrar", "CLAR sessions: open and close";
    CmdSessionOpen => "Instala una sesión del CLAR para una convocatoria cerrada", "Opens a CLAR session for a closed call";
    CmdSessionClose => "Cierra la sesión (cada propuesta viable debe estar calificada)", "Closes the session (every viable proposal must be scored)";
    CmdConflict => "Registra un conflicto de interés declarado por un miembro", "Records a conflict of interest declared by a member";
    CmdScore => "Califica una propuesta (miembro del CLAR): puntajes en el orden de los criterios", "Scores a proposal (CLAR member): points in the order of the criteria";
    CmdAward => "Adjudica el fondo según el orden de mérito de una sesión cerrada", "Awards the funds down a closed session's ranking";
    CmdTranche => "Desembolsos de las propuestas financiadas", "Disbursements of funded proposals";
    CmdTrancheList => "Lista los desembolsos de una propuesta", "Lists a proposal's disbursements";
    CmdTranchePay => "Registra el pago de un desembolso", "Records the payment of a tranche";
    CmdTrancheRelease => "Libera un desembolso con la revisión de avance de una sesión posterior", "Releases a tranche with the progress review of a later session";
    CmdVisit => "Registra una visita de seguimiento a un emprendimiento financiado", "Records a follow-up visit to a funded venture";
    // Arguments.
    ArgAssociationName => "Nombre de la asociación", "Name of the association";
    ArgAssociationKind => "Tipo de asociación", "Kind of association";
    ArgCommunity => "Comunidad del padrón a la que pertenece", "Registry community it belongs to";
    ArgDistrict => "UBIGEO (INEI) del distrito de la comunidad (por defecto, el de la oficina)", "INEI UBIGEO of the community's district (default: the office's)";
    ArgLegalStatus => "Situación legal", "Legal status";
    ArgRuc => "RUC, si está inscrita", "RUC, if registered";
    ArgContact => "Persona de contacto", "Contact person";
    ArgPhone => "Teléfono de contacto", "Contact phone";
    ArgAssociation => "La asociación: su código (03021201-57) o su nombre", "The association: its code (03021201-57) or its name";
    ArgPerson => "Una persona del padrón: su DNI o su código", "A registry person: their DNI or code";
    ArgMemberName => "Nombre completo (si no está en el padrón)", "Full name (when not in the registry)";
    ArgDni => "DNI", "DNI";
    ArgRole => "Cargo en la asociación (presidente, tesorera…)", "Post in the association (president, treasurer…)";
    ArgProgramme => "Código del programa (ALIADOS_II, HAKU_WINAY)", "Programme code (ALIADOS_II, HAKU_WINAY)";
    ArgCallKind => "Tipo de concurso", "Kind of call";
    ArgPreset => "Modelo: fija el programa, el tipo y sus reglas (plan de negocio Aliados II: 10–30 socios, 70 %, S/ 99 000; proyecto comunal: 80 %, S/ 39 600; emprendimiento Haku Wiñay: S/ 7 000, 60/40)", "Preset: sets the programme, kind and rules (Aliados II business plan: 10–30 members, 70 %, S/ 99 000; community project: 80 %, S/ 39 600; Haku Wiñay venture: S/ 7 000, 60/40)";
    ArgTitle => "Título", "Title";
    ArgEnvelope => "Fondo concursable, en soles (99000 o 99 000,00)", "Funds to award, in soles (99000 or 99,000.00)";
    ArgOpens => "Fecha de apertura (AAAA-MM-DD o DD/MM/AAAA)", "Opening date (YYYY-MM-DD or DD/MM/YYYY)";
    ArgCloses => "Fecha de cierre (AAAA-MM-DD o DD/MM/AAAA)", "Closing date (YYYY-MM-DD or DD/MM/YYYY)";
    ArgCall => "La convocatoria: su código (03021201-57)", "The call: its code (03021201-57)";
    ArgProposal => "La propuesta: su código (03021201-57)", "The proposal: its code (03021201-57)";
    ArgProduct => "Producto o cadena de valor", "Product or value chain";
    ArgDescription => "Descripción", "Description";
    ArgCategory => "Rubro de la línea", "Category of the line";
    ArgLineProgramme => "Monto que pone el programa, en soles", "Amount the programme pays, in soles";
    ArgLineCounterpart => "Contrapartida de la asociación, en soles", "The association's counterpart, in soles";
    ArgLineNumber => "Número de la línea (como la muestra «proposal show»)", "Line number (as «proposal show» shows it)";
    ArgVerdict => "Conclusión de los técnicos", "The technicians' conclusion";
    ArgReasons => "Razones de la conclusión", "Reasons for the conclusion";
    ArgVisit => "Fecha de la visita de campo (una propuesta viable la necesita)", "Date of the field visit (a viable proposal needs one)";
    ArgPresent => "DNIs de las familias presentes en la visita, separados por comas", "DNIs of the families present at the visit, comma-separated";
    ArgClarMemberName => "Nombre completo del miembro del CLAR", "Full name of the CLAR member";
    ArgRepresents => "A quién representa (municipalidad, comunidad, organización…)", "Whom they represent (municipality, community, organisation…)";
    ArgUser => "Su usuario de Tinkuy (con el rol Miembro del CLAR), para calificar", "Their Tinkuy user (with the CLAR member role), to score";
    ArgSessionDate => "Fecha de la sesión", "Date of the session";
    ArgPlace => "Lugar de la sesión", "Place of the session";
    ArgMembers => "Miembros presentes: códigos o nombres, separados por comas", "Members present: codes or names, comma-separated";
    ArgMember => "El miembro del CLAR: su código o su nombre", "The CLAR member: their code or name";
    ArgConflictKind => "Motivo del conflicto", "Reason for the conflict";
    ArgNote => "Detalle (opcional)", "Detail (optional)";
    ArgPoints => "Puntajes separados por comas, en el orden de los criterios (12,10,15,…)", "Points, comma-separated, in the order of the criteria (12,10,15,…)";
    ArgTranche => "Número del desembolso (1, 2…)", "Tranche number (1, 2…)";
    ArgAmount => "Monto pagado, en soles", "Amount paid, in soles";
    ArgPaidOn => "Fecha del pago (por defecto, hoy)", "Date of payment (default: today)";
    ArgReviewSession => "La sesión que revisó el avance: número de acta (8-2026) o código", "The session that reviewed progress: minutes number (8-2026) or code";
    ArgVisitStatus => "Cómo se encontró el emprendimiento", "How the venture was found";
    ArgVisitDate => "Fecha de la visita (por defecto, hoy)", "Date of the visit (default: today)";
    ArgNotes => "Observaciones", "Notes";
    // Column headings.
    ColCode => "Código", "Code";
    ColName => "Nombre", "Name";
    ColMembers => "Socios", "Members";
    ColCommunity => "Comunidad", "Community";
    ColDni => "DNI", "DNI";
    ColRole => "Cargo", "Post";
    ColEnvelope => "Fondo", "Funds";
    ColOpens => "Abre", "Opens";
    ColCloses => "Cierra", "Closes";
    ColTitle => "Título", "Title";
    ColCounterpart => "Contrapartida", "Counterpart";
    ColLine => "N°", "No.";
    ColCategory => "Rubro", "Category";
    ColDescription => "Descripción", "Description";
    ColUser => "Usuario", "User";
    ColTranche => "Desembolso", "Tranche";
    ColPlanned => "Programado", "Planned";
    ColPaid => "Pagado", "Paid";
    ColPaidOn => "Fecha de pago", "Paid on";
    // Fixed words of the output.
    RulesHeading => "Reglas", "Rules";
    RubricHeading => "Criterios de calificación (en este orden)", "Scoring criteria (in this order)";
    BudgetHeading => "Presupuesto", "Budget";
    BrokenHeading => "Reglas que aún no cumple", "Rules it does not keep yet";
    NoBroken => "Cumple todas las reglas de la convocatoria.", "It keeps every rule of the call.";
    HistoryHeading => "Historial", "History";
    ReviewHeading => "Revisión técnica", "Technical review";
    NoAssociations => "No hay asociaciones registradas.", "No association has been registered.";
    NoMembers => "La asociación no tiene socios.", "The association has no members.";
    NoCalls => "No hay convocatorias.", "There are no calls.";
    NoProposals => "La convocatoria no tiene propuestas.", "The call has no proposals.";
    NoClarMembers => "No hay miembros del CLAR registrados.", "No CLAR member has been registered.";
    NoTranches => "La propuesta no tiene desembolsos (no fue financiada).", "The proposal has no tranches (it was not funded).";
    NoLines => "El presupuesto está vacío.", "The budget is empty.";
    NeedsReview => "requiere revisión de avance", "needs a progress review";
    Awarded => "Resultados adjudicados.", "Results adopted.";
    Programme => "Programa", "Programme";
    Association => "Asociación", "Association";
    Product => "Producto", "Product";
    Status => "Estado", "Status";
}
