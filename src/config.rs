//! The user's preferences file (language), under the user's config directory.
//!
//! A plain `key = value` file, so a clerk can read it; unknown keys are kept as they are.

use crate::i18n::Lang;
use std::path::{Path, PathBuf};

pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("pe", "Tinkuy", "tinkuy")
        .map(|d| d.config_dir().join("config.txt"))
}

/// The language saved in the file at `path`, if any.
pub fn saved_lang(path: &Path) -> Option<Lang> {
    let text = std::fs::read_to_string(path).ok()?;
    text.lines()
        .filter_map(|line| line.split_once('='))
        .find(|(key, _)| key.trim() == "lang")
        .and_then(|(_, value)| Lang::parse(value.trim().trim_matches('"')))
}

/// Saves the language, keeping the file's other lines.
pub fn save_lang(path: &Path, lang: Lang) -> std::io::Result<()> {
    let old = std::fs::read_to_string(path).unwrap_or_default();
    let mut lines: Vec<String> = old
        .lines()
        .filter(|line| {
            line.split_once('=')
                .map(|(k, _)| k.trim() != "lang")
                .unwrap_or(true)
        })
        .map(str::to_string)
        .collect();
    lines.push(format!("lang = {}", lang.code()));
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, lines.join("\n") + "\n")
}

/// The language to start in: `--lang`, then `TINKUY_LANG`, then the saved one, then Spanish.
pub fn startup_lang(flag: Option<&str>, env: Option<&str>, file: Option<&Path>) -> Lang {
    flag.and_then(Lang::parse)
        .or_else(|| env.and_then(Lang::parse))
        .or_else(|| file.and_then(saved_lang))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_beats_environment_beats_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c").join("config.txt");
        save_lang(&path, Lang::En).unwrap();
        assert_eq!(startup_lang(None, None, Some(&path)), Lang::En);
        assert_eq!(startup_lang(None, Some("es"), Some(&path)), Lang::Es);
        assert_eq!(startup_lang(Some("en"), Some("es"), Some(&path)), Lang::En);
        assert_eq!(startup_lang(None, None, None), Lang::Es);
    }

    #[test]
    fn saving_keeps_other_lines_and_replaces_the_language() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.txt");
        std::fs::write(&path, "theme = plain\nlang = en\n").unwrap();
        save_lang(&path, Lang::Es).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text, "theme = plain\nlang = es\n");
    }
}
