//! Writes a programme's active roster back in the roster format (CSV or XLSX), so that
//! importing the export of an unchanged database changes nothing.

use super::columns::Column;
use crate::domain::money::Money;
use crate::services::{Actor, CoreError, CoreResult, Permission};
use crate::store::audit::Entry;
use crate::store::rosters::{self, ExportRow};
use crate::store::Store;
use std::io::Write;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Xlsx,
}

/// Whether an export carries DNIs and birth dates. Personal data leaves the office only when
/// asked for in so many words, by a role allowed to see it, and the export is audited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonalData {
    Include,
    Mask,
}

impl PersonalData {
    fn require(self, actor: &Actor) -> CoreResult<()> {
        match self {
            PersonalData::Include => actor.require(Permission::ReadPersonalData),
            PersonalData::Mask => actor.require(Permission::ReadRegistry),
        }
    }
}

const DNI_COLUMN: usize = 3;
const BIRTH_COLUMN: usize = 7;

/// A row's cells as text: amounts back in soles (`1200.50`), everything else as stored, and
/// DNI and birth date masked unless personal data is included.
fn cells_for(row: ExportRow, personal: PersonalData) -> Vec<String> {
    let mut out = cells(row);
    if personal == PersonalData::Mask {
        if let Some(dni) = out.get_mut(DNI_COLUMN).filter(|d| d.len() == 8) {
            *dni = format!("****{}", &dni[4..]);
        }
        if let Some(birth) = out.get_mut(BIRTH_COLUMN) {
            birth.clear();
        }
    }
    out
}

/// A row's cells as text: amounts back in soles (`1200.50`), everything else as stored.
fn cells(row: ExportRow) -> Vec<String> {
    let amount = Column::ALL
        .iter()
        .position(|c| *c == Column::Monto)
        .unwrap_or(14);
    row.into_iter()
        .enumerate()
        .map(|(i, v)| {
            let v = v.unwrap_or_default();
            match v.parse::<i64>() {
                Ok(cents) if i == amount => Money::from_cents(cents).to_plain_string(),
                _ => v,
            }
        })
        .collect()
}

fn programme_id(store: &Store, code: &str) -> CoreResult<i64> {
    let code = code.trim().to_ascii_uppercase();
    rosters::programme_id(store.conn(), &code)?.ok_or(CoreError::InvalidValue {
        field: "programme",
        value: code,
    })
}

/// Writes the CSV to `out` (UTF-8 with BOM, so Excel shows accents). Returns rows written.
pub fn write_csv(
    store: &Store,
    actor: &Actor,
    programme: &str,
    personal: PersonalData,
    out: &mut dyn Write,
) -> CoreResult<u64> {
    personal.require(actor)?;
    let id = programme_id(store, programme)?;
    let io = |e: std::io::Error| CoreError::WriteFile {
        path: "-".into(),
        detail: e.to_string(),
    };
    out.write_all(b"\xEF\xBB\xBF").map_err(io)?;
    let mut writer = csv::Writer::from_writer(out);
    let header: Vec<&str> = Column::ALL.iter().map(|c| c.name()).collect();
    writer.write_record(&header).map_err(|e| io(e.into()))?;
    let mut failure = None;
    let count = rosters::for_each_active(store.conn(), id, |row| {
        if failure.is_none() {
            failure = writer.write_record(cells_for(row, personal)).err();
        }
        Ok(())
    })?;
    if let Some(e) = failure {
        return Err(io(e.into()));
    }
    writer.flush().map_err(io)?;
    Ok(count)
}

/// Writes an XLSX workbook at `path` (one sheet, text cells so DNIs keep their zeros).
pub fn write_xlsx(
    store: &Store,
    actor: &Actor,
    programme: &str,
    personal: PersonalData,
    path: &Path,
) -> CoreResult<u64> {
    personal.require(actor)?;
    let id = programme_id(store, programme)?;
    let fail = |detail: String| CoreError::WriteFile {
        path: path.to_path_buf(),
        detail,
    };
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, column) in Column::ALL.iter().enumerate() {
        sheet
            .write_string(0, col as u16, column.name())
            .map_err(|e| fail(e.to_string()))?;
    }
    let mut row_index = 0u32;
    let mut failure = None;
    let count = rosters::for_each_active(store.conn(), id, |row| {
        row_index += 1;
        for (col, value) in cells_for(row, personal).into_iter().enumerate() {
            if value.is_empty() || failure.is_some() {
                continue;
            }
            failure = sheet.write_string(row_index, col as u16, value).err();
        }
        Ok(())
    })?;
    if let Some(e) = failure {
        return Err(fail(e.to_string()));
    }
    let tmp = path.with_extension("xlsx.tmp");
    book.save(&tmp).map_err(|e| fail(e.to_string()))?;
    std::fs::rename(&tmp, path).map_err(|e| fail(e.to_string()))?;
    Ok(count)
}

/// Records an export of personal data in the audit log.
pub fn record_export(
    store: &mut Store,
    actor: &Actor,
    programme: &str,
    personal: PersonalData,
    rows: u64,
) -> CoreResult<()> {
    let permission = match personal {
        PersonalData::Include => Permission::ReadPersonalData,
        PersonalData::Mask => Permission::ReadRegistry,
    };
    crate::services::write(store, actor, permission, |tx, ctx| {
        ctx.audit(
            tx,
            Entry {
                action: "export",
                entity: "roster",
                entity_id: None,
                details: serde_json::json!({
                    "programme": programme, "rows": rows,
                    "personal_data": personal == PersonalData::Include,
                }),
            },
        )
    })
}
