//! The text files the CLI is given (spreadsheets, JSON), read as the app reads them, and
//! what was wrong in them listed one problem a line.

use std::path::Path;

use casewright_core::ipc::AppError;
use casewright_core::sheet::TableError;
use casewright_core::ErrorCode;

/// The whole of `path` as UTF-8 text, refusing a file over `max_bytes` before reading it
/// and naming the first line that is not UTF-8.
pub fn read_text(path: &Path, max_bytes: u64) -> anyhow::Result<String> {
    Ok(casewright_core::session::files::read_text(
        path,
        max_bytes,
        ErrorCode::InvalidCsv,
    )?)
}

/// "FILE was not read (2 problems):" and the problems, one a line.
pub fn problems(path: &Path, errors: &[TableError], what_happened: &str) -> anyhow::Error {
    let listed: Vec<String> = errors.iter().map(ToString::to_string).collect();
    anyhow::anyhow!(
        "{} {what_happened} ({} {}):\n  {}",
        path.display(),
        errors.len(),
        if errors.len() == 1 {
            "problem"
        } else {
            "problems"
        },
        listed.join("\n  ")
    )
}

/// A session's error about the file at `path`: its bad rows listed when it has them.
pub fn refused(path: &Path, err: AppError, what_happened: &str) -> anyhow::Error {
    match err.row_problems() {
        [] => err.into(),
        rows => problems(path, rows, what_happened),
    }
}
