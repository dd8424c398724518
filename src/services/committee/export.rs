//! Writing a summary to a file all at once: the text goes to a temporary file beside the
//! target, is flushed to disk, then renamed over the target. A reader never sees half a
//! file, and when anything fails the target is as it was (absent, or the previous version)
//! and the temporary file is removed.

use super::CommitteeError;
use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `contents` to `path` atomically, or says clearly why it could not.
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<(), CommitteeError> {
    if path.is_dir() {
        let err = std::io::Error::new(std::io::ErrorKind::IsADirectory, "is a directory");
        return Err(CommitteeError::export(path, &err));
    }
    let temp = temp_path(path).ok_or_else(|| {
        let err = std::io::Error::new(std::io::ErrorKind::InvalidInput, "no file name");
        CommitteeError::export(path, &err)
    })?;
    let result = write_then_rename(&temp, path, contents);
    if result.is_err() {
        // Best effort: the temporary file may not even exist.
        let _ = std::fs::remove_file(&temp);
    }
    result.map_err(|err| CommitteeError::export(path, &err))
}

fn write_then_rename(temp: &Path, path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(temp)?;
    file.write_all(contents)?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(temp, path)
}

/// `.acta.html.tmp-<pid>` in the target's folder: the same file system, so the rename is
/// atomic, and hidden from a casual listing.
fn temp_path(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_string_lossy();
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Some(dir.join(format!(".{name}.tmp-{}", std::process::id())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces_whole_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("acta.txt");
        write_atomically(&path, b"primera").unwrap();
        write_atomically(&path, b"segunda").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "segunda");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file left behind");
    }

    #[test]
    fn a_missing_folder_is_a_clear_error_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-existe").join("acta.txt");
        let err = write_atomically(&path, b"x").unwrap_err();
        assert!(matches!(
            err,
            CommitteeError::ExportWrite {
                kind: std::io::ErrorKind::NotFound,
                ..
            }
        ));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_folder_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomically(dir.path(), b"x").unwrap_err();
        assert!(matches!(
            err,
            CommitteeError::ExportWrite {
                kind: std::io::ErrorKind::IsADirectory,
                ..
            }
        ));
    }
}
