//! Texts of the Padrón area that carry values: positions, titles with a name, SISFOH validity,
//! the import's summaries.

use crate::i18n::{owned, Localize};
use std::borrow::Cow;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegMessage {
    PageInfo {
        page: usize,
        row: usize,
    },
    FilterLine {
        filters: String,
        order: String,
    },
    HouseholdTitle {
        id: String,
        district: String,
    },
    /// `metres` already grouped (`3,650`).
    Altitude {
        metres: String,
    },
    Herd {
        heads: String,
    },
    SisfohValid {
        class: String,
        expires: String,
    },
    SisfohExpiring {
        class: String,
        days: i64,
        expires: String,
    },
    SisfohExpired {
        class: String,
        since: String,
    },
    SisfohUndated {
        class: String,
    },
    Age {
        years: u32,
    },
    FormEditHousehold {
        id: String,
    },
    FormEditPerson {
        name: String,
    },
    FormEnrol {
        name: String,
    },
    FormEndEnrolment {
        programme: String,
        name: String,
    },
    EndedBecause {
        date: String,
        reason: String,
    },
    /// A name stored in both languages (an activity type's).
    Named {
        es: String,
        en: String,
    },
    ConfirmImport {
        rows: usize,
        programme: String,
        ended: i64,
    },
    /// What a dry run of the import found it would do.
    Forecast {
        new: i64,
        updated: i64,
        unchanged: i64,
        ended: i64,
    },
    Checking {
        file: String,
    },
    RowsRead {
        rows: u64,
    },
    PreviewTitle {
        file: String,
    },
    CheckSummary {
        rows: u64,
        valid: usize,
        rejected: usize,
        warnings: usize,
        programme: Option<String>,
    },
    PreviewIssues {
        count: usize,
    },
    ReadyToImport {
        rows: usize,
    },
    RowNumber {
        row: u64,
    },
    DoneFor {
        programme: String,
        file: String,
    },
    ErrorFile {
        path: String,
    },
    Disagreements {
        count: usize,
    },
}

fn grouped(n: u64) -> String {
    grouped_i(i64::try_from(n).unwrap_or(i64::MAX))
}

fn grouped_i(n: i64) -> String {
    crate::tui::widgets::count(n)
}

impl Localize for RegMessage {
    fn es(&self) -> Cow<'static, str> {
        use RegMessage as M;
        owned(match self {
            M::PageInfo { page, row } => format!("página {page}, fila {row}"),
            M::FilterLine { filters, order } => format!("Filtros: {filters} · Orden: {order}"),
            M::HouseholdTitle { id, district } => format!("Hogar {id} · {district}"),
            M::Altitude { metres } => format!("{metres} m s. n. m."),
            M::Herd { heads } => format!("ganado: {heads} cabezas"),
            M::SisfohValid { class, expires } => format!("{class}, vigente; vence el {expires}"),
            M::SisfohExpiring { class, days, expires } => format!(
                "{class}, vence el {expires} (en {days} días): pida otra evaluación"
            ),
            M::SisfohExpired { class, since } => {
                format!("{class}, VENCIDA el {since}: pida otra evaluación")
            }
            M::SisfohUndated { class } => format!("{class} (sin fecha)"),
            M::Age { years: 1 } => "1 año".to_string(),
            M::Age { years } => format!("{years} años"),
            M::FormEditHousehold { id } => format!("Corregir el hogar {id}"),
            M::FormEditPerson { name } => format!("Corregir: {name}"),
            M::FormEnrol { name } => format!("Afiliar: {name}"),
            M::FormEndEnrolment { programme, name } => format!("Terminar {programme}: {name}"),
            M::EndedBecause { date, reason } => format!("Terminó el {date}: {reason}"),
            M::Named { es, .. } => es.clone(),
            M::ConfirmImport { rows, programme, ended: 0 } => {
                format!("¿Escribir en el padrón de {programme} las filas válidas ({rows})?")
            }
            M::ConfirmImport { rows, programme, ended } => format!(
                "¿Escribir en el padrón de {programme} las filas válidas ({rows})? Se darán de baja {} registros de {programme} que no están en el archivo (quedan en el historial).",
                grouped_i(*ended)
            ),
            M::Forecast { new, updated, unchanged, ended } => format!(
                "Al importar: nuevos {}, actualizados {}, sin cambios {}, de baja {}",
                grouped_i(*new), grouped_i(*updated), grouped_i(*unchanged), grouped_i(*ended)
            ),
            M::Checking { file } => format!("Revisando {file}… (no se guarda nada)"),
            M::RowsRead { rows } => format!("{} filas leídas", grouped(*rows)),
            M::PreviewTitle { file } => format!("Revisión de {file} (aún no se guardó nada)"),
            M::CheckSummary { rows, valid, rejected, warnings, programme } => format!(
                "{} · filas {} · válidas {} · con errores {} · avisos {}",
                programme.as_deref().unwrap_or("¿programa?"),
                grouped(*rows),
                grouped(*valid as u64),
                grouped(*rejected as u64),
                grouped(*warnings as u64)
            ),
            M::PreviewIssues { count } => format!("Errores y avisos ({count})"),
            M::ReadyToImport { rows } => format!(
                "Enter importa las filas válidas ({rows}); antes pide confirmación. Esc vuelve a las opciones."
            ),
            M::RowNumber { row } => format!("Fila {row}"),
            M::DoneFor { programme, file } => format!("Padrón de {programme}, archivo {file}:"),
            M::ErrorFile { path } => format!("Filas con errores guardadas en: {path}"),
            M::Disagreements { count } => format!(
                "{count} personas que otro programa ubica en otro hogar: quedan como alertas para revisar."
            ),
        })
    }

    fn en(&self) -> Cow<'static, str> {
        use RegMessage as M;
        owned(match self {
            M::PageInfo { page, row } => format!("page {page}, row {row}"),
            M::FilterLine { filters, order } => format!("Filters: {filters} · Order: {order}"),
            M::HouseholdTitle { id, district } => format!("Household {id} · {district}"),
            M::Altitude { metres } => format!("{metres} m above sea level"),
            M::Herd { heads } => format!("livestock: {heads} head"),
            M::SisfohValid { class, expires } => format!("{class}, valid; expires {expires}"),
            M::SisfohExpiring { class, days, expires } => format!(
                "{class}, expires {expires} (in {days} days): ask for a new survey"
            ),
            M::SisfohExpired { class, since } => {
                format!("{class}, EXPIRED on {since}: ask for a new survey")
            }
            M::SisfohUndated { class } => format!("{class} (no date)"),
            M::Age { years: 1 } => "1 year".to_string(),
            M::Age { years } => format!("{years} years"),
            M::FormEditHousehold { id } => format!("Correct household {id}"),
            M::FormEditPerson { name } => format!("Correct: {name}"),
            M::FormEnrol { name } => format!("Enrol: {name}"),
            M::FormEndEnrolment { programme, name } => format!("End {programme}: {name}"),
            M::EndedBecause { date, reason } => format!("Ended on {date}: {reason}"),
            M::Named { en, .. } => en.clone(),
            M::ConfirmImport { rows, programme, ended: 0 } => {
                format!("Write the valid rows ({rows}) into the {programme} roster?")
            }
            M::ConfirmImport { rows, programme, ended } => format!(
                "Write the valid rows ({rows}) into the {programme} roster? {} {programme} records that are not in the file will be ended (they stay in the history).",
                grouped_i(*ended)
            ),
            M::Forecast { new, updated, unchanged, ended } => format!(
                "Importing would give: new {}, updated {}, unchanged {}, ended {}",
                grouped_i(*new), grouped_i(*updated), grouped_i(*unchanged), grouped_i(*ended)
            ),
            M::Checking { file } => format!("Checking {file}… (nothing is saved)"),
            M::RowsRead { rows } => format!("{} rows read", grouped(*rows)),
            M::PreviewTitle { file } => format!("Check of {file} (nothing saved yet)"),
            M::CheckSummary { rows, valid, rejected, warnings, programme } => format!(
                "{} · rows {} · valid {} · in error {} · warnings {}",
                programme.as_deref().unwrap_or("programme?"),
                grouped(*rows),
                grouped(*valid as u64),
                grouped(*rejected as u64),
                grouped(*warnings as u64)
            ),
            M::PreviewIssues { count } => format!("Errors and warnings ({count})"),
            M::ReadyToImport { rows } => format!(
                "Enter imports the valid rows ({rows}), after asking to confirm. Esc goes back to the options."
            ),
            M::RowNumber { row } => format!("Row {row}"),
            M::DoneFor { programme, file } => format!("{programme} roster, file {file}:"),
            M::ErrorFile { path } => format!("Rows in error saved in: {path}"),
            M::Disagreements { count } => format!(
                "{count} persons another programme places in another household: left as alerts to review."
            ),
        })
    }
}
