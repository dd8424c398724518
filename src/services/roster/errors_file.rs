//! The error file written beside an input imported with `--skip-invalid`: the rejected rows
//! as they were, with a first column saying what is wrong, so they can be corrected and
//! imported again.

use super::check::CheckedFile;
use crate::i18n::{Lang, Localize};
use crate::services::{CoreError, CoreResult};
use std::path::PathBuf;

/// `padron.csv` → `padron.errores.csv` (always CSV, UTF-8 with BOM so Excel reads accents).
pub fn path_for(input: &std::path::Path) -> PathBuf {
    let stem = input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    input.with_file_name(format!("{stem}.errores.csv"))
}

pub fn write(checked: &CheckedFile, lang: Lang) -> CoreResult<PathBuf> {
    let path = path_for(&checked.path);
    let io = |e: std::io::Error| CoreError::WriteFile {
        path: path.clone(),
        detail: e.to_string(),
    };
    let tmp = path.with_extension("csv.tmp");
    let mut out = Vec::from(b"\xEF\xBB\xBF".as_slice());
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        let mut header = vec!["error".to_string(), "fila".to_string()];
        header.extend(checked.headers());
        writer.write_record(&header).map_err(|e| io(e.into()))?;
        for (row, cells) in &checked.rejected {
            let reasons: Vec<String> = checked
                .issues
                .iter()
                .filter(|i| i.row == *row && !i.problem.is_warning())
                .map(|i| i.text(lang).into_owned())
                .collect();
            let mut record = vec![reasons.join(" | "), row.to_string()];
            record.extend(cells.iter().cloned());
            writer.write_record(&record).map_err(|e| io(e.into()))?;
        }
        writer.flush().map_err(io)?;
    }
    std::fs::write(&tmp, &out).map_err(io)?;
    std::fs::rename(&tmp, &path).map_err(io)?;
    Ok(path)
}
