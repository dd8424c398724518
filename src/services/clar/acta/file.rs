//! Writing an export to a file whole or not at all: the text goes to a temporary file beside
//! the target, is flushed to disk, and is then renamed over the target. A path that cannot be
//! written gives a clear error and leaves no half-written file behind.

use crate::services::clar::error::{ClarError, WriteProblem};
use std::fs::{self, File};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

/// Writes `contents` to `path` atomically (see the module documentation).
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<(), ClarError> {
    let fail = |problem: WriteProblem| ClarError::WriteFile {
        path: path.display().to_string(),
        problem,
    };
    let Some(name) = path.file_name() else {
        return Err(fail(WriteProblem::IsFolder));
    };
    if path.is_dir() {
        return Err(fail(WriteProblem::IsFolder));
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let temp: PathBuf = dir.join(format!(
        ".{}.tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = write_then_rename(&temp, path, contents);
    if let Err(err) = result {
        // Best effort: the temporary file may never have been created.
        let _ = fs::remove_file(&temp);
        return Err(fail(classify(&err)));
    }
    Ok(())
}

fn write_then_rename(temp: &Path, path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let mut file = File::create(temp)?;
    file.write_all(contents)?;
    file.sync_all()?;
    drop(file);
    fs::rename(temp, path)
}

fn classify(err: &std::io::Error) -> WriteProblem {
    match err.kind() {
        ErrorKind::NotFound => WriteProblem::NoFolder,
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => WriteProblem::NoPermission,
        ErrorKind::IsADirectory => WriteProblem::IsFolder,
        ErrorKind::StorageFull => WriteProblem::DiskFull,
        _ => WriteProblem::Other(err.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_files_and_replaces_old_ones() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("acta.md");
        write_atomically(&path, b"uno").unwrap();
        write_atomically(&path, b"dos").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "dos");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_missing_folder_or_a_folder_as_target_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomically(&dir.path().join("no/acta.md"), b"x").unwrap_err();
        assert!(matches!(
            err,
            ClarError::WriteFile {
                problem: WriteProblem::NoFolder,
                ..
            }
        ));
        let err = write_atomically(dir.path(), b"x").unwrap_err();
        assert!(matches!(
            err,
            ClarError::WriteFile {
                problem: WriteProblem::IsFolder,
                ..
            }
        ));
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
