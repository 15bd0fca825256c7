//! Files the person chose, read within limits, and files written whole or not at all.
//! The app and the CLI read spreadsheets, case files and pictures through these, so a
//! huge or non-UTF-8 file gets the same clear refusal from both.

use std::path::Path;

use crate::ipc::AppError;
use crate::ErrorCode;

/// The largest picture file read; anything bigger is refused before it is read.
pub const MAX_PICTURE_FILE: u64 = 64 * 1024 * 1024;
/// The largest results spreadsheet read.
pub const MAX_RESULTS_FILE: u64 = 64 * 1024 * 1024;
/// The largest case-study file read.
pub const MAX_CASES_FILE: u64 = 128 * 1024 * 1024;

/// The bytes of `path`, refused (with `too_large`) before it is read when it is over
/// `max_bytes`.
pub fn read_limited(
    path: &Path,
    max_bytes: u64,
    too_large: ErrorCode,
) -> Result<Vec<u8>, AppError> {
    let unreadable = |e: std::io::Error| {
        AppError::new(
            ErrorCode::Io,
            format!("Cannot read {}: {e}", path.display()),
        )
    };
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > max_bytes {
        return Err(AppError::new(
            too_large,
            format!(
                "{} is {} MB; the largest file Casewright reads here is {} MB.",
                path.display(),
                size / 1024 / 1024,
                max_bytes / 1024 / 1024
            ),
        ));
    }
    std::fs::read(path).map_err(unreadable)
}

/// The whole of `path` as UTF-8 text (a spreadsheet or JSON file), naming the first line
/// that is not UTF-8.
pub fn read_text(path: &Path, max_bytes: u64, not_text: ErrorCode) -> Result<String, AppError> {
    let bytes = read_limited(path, max_bytes, ErrorCode::FileTooLarge)?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        AppError::new(
            not_text,
            format!(
                "{}: line {line} is not UTF-8 text; save it as CSV or text in UTF-8.",
                path.display()
            ),
        )
    })
}

/// Writes `bytes` to `path` through a temporary file beside it, renamed into place, so a
/// reader never sees half a file and a failed write leaves what was there.
pub fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name"))?;
    let temp = path.with_file_name(format!(".{}.partial", name.to_string_lossy()));
    std::fs::write(&temp, bytes)
        .and_then(|()| std::fs::rename(&temp, path))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&temp);
        })
}

/// Whether `path` names a JSON file (by its extension).
pub fn is_json(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}
