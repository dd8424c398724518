//! Programme rosters: reading agencies' spreadsheets, checking every row against the roster
//! format, importing them in one transaction, and exporting them back in the same format.

pub mod check;
pub mod columns;
pub mod errors_file;
pub mod export;
pub mod import;
pub mod reader;
pub mod record;

pub use check::{check_file, CheckedFile, ImportOptions};
pub use import::{apply_checked, import_file, Disagreement, ImportReport};
