//! The agreements list as CSV for the agencies: one row per agreement, headers in the
//! user's language, dates ISO, UTF-8 with a byte-order mark so spreadsheet programs on the
//! office PCs read the accents right.
//!
//! A field that starts like a formula (`=`, `+`, `-`, `@`) gets a leading apostrophe, so a
//! description cannot run as a formula when the file is opened in a spreadsheet.

use crate::i18n::{Committee, Lang, Localize};
use crate::services::committee::pending::AgreementList;
use crate::store::ids;

/// Quotes a field when it needs it, and defuses formulas.
pub fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The list as CSV text, one line per agreement (CRLF line ends, as spreadsheets expect).
pub fn agreements_csv(list: &AgreementList, lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&Committee::CsvColumns.text(lang));
    out.push_str("\r\n");
    for view in &list.agreements {
        let row = &view.row;
        let status = view.status.text(lang);
        let cells = [
            ids::display(row.id),
            ids::display(row.meeting_id),
            view.made_on.to_string(),
            row.agency_code.clone(),
            row.agency_name.clone(),
            row.description.clone(),
            view.due_on.to_string(),
            status.into_owned(),
            view.days_overdue.to_string(),
            view.closed_on.map(|d| d.to_string()).unwrap_or_default(),
            row.status_note.clone().unwrap_or_default(),
        ];
        let line: Vec<String> = cells.iter().map(|c| field(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("simple"), "simple");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("dice \"sí\""), "\"dice \"\"sí\"\"\"");
        assert_eq!(field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(field("línea\nnueva"), "\"línea\nnueva\"");
    }
}
