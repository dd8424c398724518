//! The terminal interface (being built: see the TUI helper's branch).

use crate::i18n::Lang;
use std::path::Path;

pub fn run(_db: &Path, _lang: Lang) -> i32 {
    eprintln!("TUI not built yet");
    1
}
