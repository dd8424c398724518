//! Texts of the Alertas area (cross-programme overlaps): the list, the detail with the two
//! records side by side, the matrix, the forms, the scan's figures, the hints and the help.
//! Kinds, severities, states and the explanation of each flag come from `i18n::overlaps`,
//! which the command line shares. Hints are one or two words; help lines say the whole thing.

use crate::i18n::{owned, Lang, Localize};
use std::borrow::Cow;

/// Declares the screen texts: one table, Spanish then English, so neither can be missing.
macro_rules! texts {
    ($($key:ident => $es:literal, $en:literal;)+) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum OverlapsTui {
            $($key),+
        }

        impl Localize for OverlapsTui {
            fn es(&self) -> Cow<'static, str> {
                Cow::Borrowed(match self {
                    $(OverlapsTui::$key => $es,)+
                })
            }

            fn en(&self) -> Cow<'static, str> {
                Cow::Borrowed(match self {
                    $(OverlapsTui::$key => $en,)+
                })
            }
        }
    };
}

texts! {
    AreaTitle => "Alertas", "Alerts";
    HelpArea => "Alertas: cruces entre programas y la matriz", "Alerts: cross-programme overlaps and the matrix";
    TabList => "Lista", "List";
    TabMatrix => "Matriz", "Matrix";
    ListTitle => "Alertas", "Alerts";
    NoFlags => "No hay alertas con este filtro.", "No alerts match this filter.";
    NoFlagsScan => "No hay alertas con este filtro. Pulse s para buscar cruces en los padrones.", "No alerts match this filter. Press s to search the rosters for overlaps.";
    FilterNone => "Filtro: ninguno (f para filtrar)", "Filter: none (f to filter)";
    FilterLabel => "Filtro:", "Filter:";
    Any => "(todos)", "(any)";
    Choose => "(elija)", "(choose)";
    Evidence => "Datos", "Facts";
    History => "Historial", "History";
    NoEvents => "Sin movimientos todavía.", "Nothing done yet.";
    DiffLegend => "≠ marca lo que difiere entre los dos registros.", "≠ marks what differs between the two records.";
    FieldDistrict => "Distrito", "District";
    FieldCommunity => "Centro poblado", "Community";
    FieldProgrammes => "Programas", "Programmes";
    FieldHousehold => "Hogar", "Household";
    FieldAssigned => "Asignada a", "Assigned to";
    FieldUpdated => "Actualizada", "Updated";
    ByScan => "búsqueda", "scan";
    AssignedEvent => "asignada a", "assigned to";
    MatrixTitle => "Programas que comparten hogares", "Programmes sharing households";
    MatrixEmpty => "No hay dos programas activos que comparar.", "There are not two active programmes to compare.";
    MatrixLegend => "hogares/personas en ambos · C complementario · R revisar · D duplicación", "households/persons in both · C complementary · R review · D duplication";
    ClassComplementary => "complementario", "complementary";
    ClassReview => "revisar", "to review";
    ClassDuplication => "duplicación", "duplication";
    ClassNone => "sin clasificar", "not classed";
    ColHousehold => "Hogar", "Household";
    ColDistrict => "Distrito", "District";
    ColCommunity => "Centro poblado", "Community";
    ColPerson => "Persona", "Person";
    ColMembers => "Miembros", "Members";
    NoHouseholds => "Ningún hogar está a la vez en los dos programas.", "No household is in both programmes.";
    Scanning => "Buscando… Se comparan todos los padrones: tarda unos segundos (medio minuto con un millón de registros).", "Searching… Every roster is compared: it takes a few seconds (half a minute at a million records).";
    ScanFullRunning => "Búsqueda completa", "Full search";
    ScanIncrementalRunning => "Búsqueda de lo nuevo", "Search of what is new";
    ScanStarting => "Empezando…", "Starting…";
    ScanStepLoading => "leyendo los registros de los padrones", "reading the roster records";
    ScanStepComparing => "comparando los registros", "comparing the records";
    ScanStepRules => "aplicando las reglas de cruce", "applying the overlap rules";
    ScanStepWriting => "guardando las alertas (ya no se detiene)", "saving the alerts (cannot be stopped now)";
    ScanStopHint => "Esc detiene la búsqueda; no se guarda nada a medias.", "Esc stops the search; nothing is saved half-way.";
    ScanStopping => "Deteniendo la búsqueda… No se guardará nada.", "Stopping the search… Nothing will be saved.";
    ScanBusy => "Hay una búsqueda en curso: espere a que termine o pulse Esc para detenerla.", "A search is running: wait for it to finish, or press Esc to stop it.";
    ScanStoppingBusy => "La búsqueda se está deteniendo: espere un momento.", "The search is stopping: wait a moment.";
    ConfirmQuitScanning => "Hay una búsqueda de cruces en curso. Si sale ahora se detiene y no se guarda nada de ella. ¿Salir?", "A search for overlaps is running. Quitting now stops it and saves nothing of it. Quit?";
    ScanFullDone => "Búsqueda completa terminada", "Full search finished";
    ScanIncrementalDone => "Búsqueda de lo nuevo terminada", "Search of what is new finished";
    ScanCancelled => "La búsqueda se interrumpió; no se guardó nada.", "The search was interrupted; nothing was saved.";
    ScanFailed => "La búsqueda no se pudo hacer", "The search could not be done";
    ScanRecords => "Registros revisados", "Records checked";
    ScanPairs => "Pares comparados", "Pairs compared";
    ScanProbable => "Posibles mismas personas", "Probable same persons";
    ScanDni => "DNI en conflicto", "DNI conflicts";
    ScanRules => "Alertas de las reglas", "Rule alerts";
    ScanNew => "Alertas nuevas", "New alerts";
    ScanKnown => "Ya conocidas", "Already known";
    ScanReopened => "Reabiertas", "Reopened";
    ScanClose => "Enter o Esc vuelve a la lista.", "Enter or Esc goes back to the list.";
    FormFilter => "Filtrar alertas", "Filter alerts";
    FormFilterIntro => "← → cambian cada opción; Enter aplica el filtro.", "← → change each option; Enter applies the filter.";
    FormResolve => "Resolver la alerta", "Resolve the alert";
    FormResolveIntro => "Escriba qué se hizo; queda en el historial.", "Write what was done; it stays in the history.";
    FormDismiss => "Descartar la alerta", "Dismiss the alert";
    FormDismissIntro => "Escriba por qué no es un problema; queda en el historial.", "Write why it is not a problem; it stays in the history.";
    FormReject => "Rechazar la coincidencia", "Reject the match";
    FormRejectIntro => "Escriba por qué no son la misma persona; Tinkuy no volverá a proponer este par.", "Write why they are not the same person; Tinkuy will not propose this pair again.";
    FormAssign => "Asignar a una institución", "Assign to an agency";
    FormAssignIntro => "Elija la institución que debe revisar la alerta.", "Choose the agency that should look into the alert.";
    FormNote => "Agregar una nota", "Add a note";
    FormNoteIntro => "La nota queda en el historial de la alerta.", "The note stays in the alert's history.";
    FormMisuse => "Reportar mal uso de Juntos", "Report Juntos misuse";
    FormMisuseIntro => "Alguien amenazó con quitar Juntos para obligar a hacer otra cosa.", "Someone threatened to take Juntos away to force something else.";
    FieldKind => "Tipo", "Kind";
    FieldSeverity => "Gravedad", "Severity";
    FieldStatus => "Estado", "Status";
    FieldProgramme => "Programa", "Programme";
    FieldReason => "Motivo", "Reason";
    FieldAgency => "Institución", "Agency";
    FieldNote => "Nota", "Note";
    FieldActivity => "Actividad", "Activity";
    FieldDescription => "Qué pasó", "What happened";
    FieldDate => "Fecha", "Date";
    FieldReportedBy => "Reportado por", "Reported by";
    NoteChoice => "← → para elegir", "← → to choose";
    NoteOptional => "Opcional", "Optional";
    NoteActivity => "A qué obligaban (faena, campaña…)", "What was forced (work party, campaign…)";
    NoteDate => "AAAA-MM-DD; hoy si no la cambia", "YYYY-MM-DD; today unless changed";
    ErrRequired => "Escriba este dato.", "Type this in.";
    ErrChoose => "Elija una opción.", "Choose one.";
    ErrDate => "Fecha no válida: use AAAA-MM-DD.", "Not a date: use YYYY-MM-DD.";
    ErrFuture => "La fecha no puede ser posterior a hoy.", "The date cannot be after today.";
    ErrFix => "Corrija lo marcado.", "Fix what is marked.";
    Saving => "Guardando…", "Saving…";
    ChoicesLoading => "Cargando las opciones…", "Loading the choices…";
    DoneAcknowledge => "La alerta quedó en revisión.", "The alert is now under review.";
    DoneResolve => "Alerta resuelta.", "Alert resolved.";
    DoneDismiss => "Alerta descartada.", "Alert dismissed.";
    DoneAssign => "Alerta asignada.", "Alert assigned.";
    DoneNote => "Nota agregada.", "Note added.";
    DoneReopen => "La alerta está abierta de nuevo.", "The alert is open again.";
    DoneConfirm => "Coincidencia confirmada: las dos personas son ahora una (u la deshace).", "Match confirmed: the two persons are now one (u undoes it).";
    DoneUndo => "Unión deshecha: vuelven a ser dos personas.", "Merge undone: they are two persons again.";
    DoneReject => "Coincidencia rechazada: no se volverá a proponer.", "Match rejected: it will not be proposed again.";
    DoneMisuse => "Reporte guardado: ya figura arriba como alerta de gravedad alta.", "Report saved: it is at the top as a high-severity alert.";
    Conflict => "Otra persona cambió esta alerta mientras usted la veía. Se volvió a cargar: revise y repita si todavía corresponde.", "Someone else changed this alert while you were looking at it. It has been reloaded: check it and do it again if still needed.";
    ConfirmMergeQuestion => "¿Son la misma persona? Se unirán en una; los registros de cada padrón siguen ligados a su institución y se puede deshacer con u.", "Are they the same person? They will be merged into one; each roster's records stay linked to their agency, and u undoes it.";
    ConfirmMergeYes => "Sí, unir", "Yes, merge";
    ConfirmUndoQuestion => "¿Deshacer la unión y volver a tener dos personas?", "Undo the merge and have two persons again?";
    ConfirmUndoYes => "Sí, deshacer", "Yes, undo";
    ConfirmNo => "No, volver", "No, go back";
    HintOpen => "Abrir", "Open";
    HintFilter => "Filtro", "Filter";
    HintScan => "Buscar", "Search";
    HintMisuse => "Reportar", "Report";
    HintMatrix => "Matriz", "Matrix";
    HintList => "Lista", "List";
    HintPage => "Página", "Page";
    HintBack => "Volver", "Back";
    HintConfirm => "Confirmar", "Confirm";
    HintUndo => "Deshacer", "Undo";
    HintReject => "Rechazar", "Reject";
    HintAcknowledge => "Revisar", "Review";
    HintResolve => "Resolver", "Resolve";
    HintDismiss => "Descartar", "Dismiss";
    HintAssign => "Asignar", "Assign";
    HintNote => "Nota", "Note";
    HintCell => "Celda", "Cell";
    HintHouseholds => "Hogares", "Households";
    HintField => "Campo", "Field";
    HintChoose => "Elegir", "Choose";
    HintSave => "Siguiente/Guardar", "Next/Save";
    HintApply => "Aplicar", "Apply";
    HintCancel => "Cancelar", "Cancel";
    HintClose => "Cerrar", "Close";
    HintStop => "Detener", "Stop";
    HelpOpen => "Abre la alerta elegida: explicación, datos e historial", "Opens the chosen alert: explanation, facts and history";
    HelpFilter => "Filtra por tipo, gravedad, estado, distrito o programa", "Filters by kind, severity, status, district or programme";
    HelpScan => "Busca cruces en todos los padrones (búsqueda completa)", "Searches every roster for overlaps (full search)";
    HelpScanIncremental => "Busca solo en los registros nuevos o cambiados", "Searches only the new or changed records";
    HelpMisuse => "Reporta un mal uso de las condiciones de Juntos", "Reports a misuse of the Juntos conditions";
    HelpMatrix => "Muestra la matriz programa × programa", "Shows the programme × programme matrix";
    HelpList => "Vuelve a la lista de alertas", "Goes back to the list of alerts";
    HelpRows => "Sube o baja una fila (en el borde pasa de página)", "Moves up or down a row (turns the page at the edge)";
    HelpPages => "Página anterior o siguiente", "Previous or next page";
    HelpFirstPage => "Vuelve a la primera página", "Goes back to the first page";
    HelpBack => "Vuelve a la vista anterior", "Goes back to the previous view";
    HelpScroll => "Desplaza el texto", "Scrolls the text";
    HelpReload => "Vuelve a leer la alerta", "Reads the alert again";
    HelpConfirm => "Confirma que son la misma persona y las une (pregunta antes)", "Confirms they are the same person and merges them (asks first)";
    HelpUndo => "Deshace la unión de una coincidencia confirmada (pregunta antes)", "Undoes the merge of a confirmed match (asks first)";
    HelpReject => "Rechaza la coincidencia: no son la misma persona (pide el motivo)", "Rejects the match: not the same person (asks why)";
    HelpAcknowledge => "Marca la alerta en revisión", "Marks the alert as under review";
    HelpResolve => "Resuelve la alerta (pide el motivo)", "Resolves the alert (asks why)";
    HelpDismiss => "Descarta la alerta (pide el motivo)", "Dismisses the alert (asks why)";
    HelpAssign => "Asigna la alerta a una institución", "Assigns the alert to an agency";
    HelpNote => "Agrega una nota al historial", "Adds a note to the history";
    HelpCells => "Se mueve por la matriz", "Moves through the matrix";
    HelpHouseholds => "Muestra los hogares de la celda elegida", "Shows the households of the chosen cell";
    HelpFormNext => "Pasa al campo siguiente", "Goes to the next field";
    HelpFormPrev => "Vuelve al campo anterior", "Goes back to the previous field";
    HelpChoose => "Cambia la opción del campo", "Changes the field's option";
    HelpFormSubmit => "Siguiente campo; en el último, guarda", "Next field; on the last one, saves";
    HelpApply => "Aplica el filtro", "Applies the filter";
    HelpFormCancel => "Cierra sin guardar", "Closes without saving";
    HelpCloseFigures => "Cierra el resumen de la búsqueda", "Closes the search's summary";
    HelpStopScan => "Detiene la búsqueda; no se guarda nada de ella", "Stops the search; nothing of it is saved";
    HelpBusyLeave => "No salen: avisan que hay una búsqueda en curso", "Do not leave: they say a search is running";
    HelpBusyList => "Teclas de la lista: avisan que hay una búsqueda", "List keys: they say a search is running";
}

impl OverlapsTui {
    /// The word for a class of the overlap matrix.
    pub fn class(class: Option<&str>) -> OverlapsTui {
        match class {
            Some("complementary") => OverlapsTui::ClassComplementary,
            Some("review") => OverlapsTui::ClassReview,
            Some("duplication") => OverlapsTui::ClassDuplication,
            _ => OverlapsTui::ClassNone,
        }
    }
}

/// Texts of the area that carry values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OverlapsTuiMessage {
    /// The page of a keyset-paged list, and whether more follow.
    Page { page: usize, more: bool },
    /// The cell of the matrix under the cursor.
    Cell {
        a: String,
        b: String,
        households: i64,
        persons: i64,
        class: OverlapsTui,
    },
    /// The title of the households of a cell.
    Households { a: String, b: String, page: usize },
    /// The step a scan is in: its number, of how many, and what it does.
    ScanStep {
        number: u64,
        of: u64,
        step: OverlapsTui,
    },
}

impl Localize for OverlapsTuiMessage {
    fn es(&self) -> Cow<'static, str> {
        owned(match self {
            OverlapsTuiMessage::Page { page, more: false } => format!("página {page}"),
            OverlapsTuiMessage::Page { page, more: true } => {
                format!("página {page} · hay más (AvPág)")
            }
            OverlapsTuiMessage::Cell {
                a,
                b,
                households,
                persons,
                class,
            } => format!(
                "{a} × {b}: en ambos, hogares {households} y personas {persons} — {}. Enter muestra los hogares.",
                class.es()
            ),
            OverlapsTuiMessage::Households { a, b, page } => {
                format!("Hogares en {a} y {b} · página {page}")
            }
            OverlapsTuiMessage::ScanStep { number, of, step } => {
                format!("Paso {number} de {of}: {}", step.es())
            }
        })
    }

    fn en(&self) -> Cow<'static, str> {
        owned(match self {
            OverlapsTuiMessage::Page { page, more: false } => format!("page {page}"),
            OverlapsTuiMessage::Page { page, more: true } => {
                format!("page {page} · more follow (PgDn)")
            }
            OverlapsTuiMessage::Cell {
                a,
                b,
                households,
                persons,
                class,
            } => format!(
                "{a} × {b}: in both, households {households} and persons {persons} — {}. Enter shows the households.",
                class.en()
            ),
            OverlapsTuiMessage::Households { a, b, page } => {
                format!("Households in {a} and {b} · page {page}")
            }
            OverlapsTuiMessage::ScanStep { number, of, step } => {
                format!("Step {number} of {of}: {}", step.en())
            }
        })
    }
}

/// The label of a roster record's field in the side-by-side view (names as the core gives
/// them in `RecordSide::fields`).
pub fn record_field_label(name: &str, lang: Lang) -> &'static str {
    let es = lang == Lang::Es;
    match name {
        "dni" => "DNI",
        "paternal_surname" if es => "Ap. paterno",
        "paternal_surname" => "Paternal surname",
        "maternal_surname" if es => "Ap. materno",
        "maternal_surname" => "Maternal surname",
        "given_names" if es => "Nombres",
        "given_names" => "Given names",
        "birth_date" if es => "Nacimiento",
        "birth_date" => "Birth date",
        "sex" if es => "Sexo",
        "sex" => "Sex",
        "district" if es => "Distrito",
        "district" => "District",
        "community" if es => "Centro poblado",
        "community" => "Community",
        "household_code" if es => "Código hogar",
        "household_code" => "Household code",
        _ => "?",
    }
}

/// A note of a flag's history: the codes the core writes become words; a person's note is
/// shown as typed.
pub fn flag_event_note(note: &str, lang: Lang) -> Cow<'_, str> {
    let es = lang == Lang::Es;
    Cow::Borrowed(match note {
        "match_confirmed" if es => "coincidencia confirmada: personas unidas",
        "match_confirmed" => "match confirmed: persons merged",
        "merge_undone" if es => "unión deshecha",
        "merge_undone" => "merge undone",
        "evidence_changed" if es => "las pruebas cambiaron",
        "evidence_changed" => "the evidence changed",
        other => return Cow::Borrowed(other),
    })
}
