//! Reading the text files the CLI is given (spreadsheets, JSON), and listing what was
//! wrong in them.

use std::path::Path;

use anyhow::{bail, Context, Result};
use casewright_core::pilot::table::TableError;

/// The whole of `path` as UTF-8 text, refusing a file over `max_bytes` before reading it
/// and naming the first line that is not UTF-8.
pub fn read_text(path: &Path, max_bytes: u64) -> Result<String> {
    let size = std::fs::metadata(path)
        .with_context(|| format!("cannot read {}", path.display()))?
        .len();
    if size > max_bytes {
        bail!(
            "{} is {} MB; the most Casewright reads here is {} MB (split it)",
            path.display(),
            size / 1024 / 1024,
            max_bytes / 1024 / 1024
        );
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        anyhow::anyhow!(
            "{}: line {line} is not UTF-8 text; save it as CSV or text in UTF-8",
            path.display()
        )
    })
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
