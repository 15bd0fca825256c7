//! The closed list of error kinds the app, the CLI and scripts may branch on, each with a
//! stable wire name. It sits at the bottom of the core (it depends on nothing) so that every
//! layer's error type can name its kind; `ipc::AppError` carries it to the UI, where the
//! generated TypeScript union makes a misspelt code a type error.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

macro_rules! error_codes {
    ($($(#[doc = $doc:literal])* $variant:ident = $wire:literal,)*) => {
        /// What kind of failure an error is. Branch on this, show the message.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
        pub enum ErrorCode {
            $($(#[doc = $doc])* #[serde(rename = $wire)] $variant,)*
        }

        impl ErrorCode {
            /// Every kind, in declaration order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            /// The stable wire name (what the JSON and the UI see).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $wire,)*
                }
            }
        }
    };
}

error_codes! {
    // The project file and the case library.
    /// The named file or the thing asked for is not there.
    NotFound = "not_found",
    AlreadyExists = "already_exists",
    NotSqlite = "not_sqlite",
    NotAProject = "not_a_project",
    NotALibrary = "not_a_library",
    /// Written by a newer Casewright.
    TooNew = "too_new",
    Corrupt = "corrupt",
    OverLimit = "over_limit",
    Locked = "locked",
    /// The project is open read-only (someone else has it open).
    ReadOnly = "read_only",
    MigrationFailed = "migration_failed",
    Io = "io",
    Database = "database",
    InvalidCase = "invalid_case",
    // Edits.
    BadPosition = "bad_position",
    InvalidEdit = "invalid_edit",
    // Pictures.
    NotAnImage = "not_an_image",
    ImageTooLarge = "image_too_large",
    ImageDamaged = "image_damaged",
    // Merging and importing from another copy.
    DifferentProject = "different_project",
    NoCommonState = "no_common_state",
    MergeStale = "merge_stale",
    MergeUndecided = "merge_undecided",
    // The session's jobs.
    NoProject = "no_project",
    NoProjectChosen = "no_project_chosen",
    InvalidPath = "invalid_path",
    FileTooLarge = "file_too_large",
    /// A spreadsheet with bad rows; `details` lists them.
    InvalidCsv = "invalid_csv",
    InvalidJson = "invalid_json",
    /// Some imported cases are already in the library and no choice was given.
    Duplicates = "duplicates",
    NoImport = "no_import",
    /// The pilot has no win to use in the storyboard.
    NotAWin = "not_a_win",
    Cancelled = "cancelled",
    ExportFailed = "export_failed",
    NoExport = "no_export",
    OpenFailed = "open_failed",
    /// A failure the UI met outside the core (a failed call, a bug).
    Unknown = "unknown",
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Tests and scripts compare a code with its wire name.
impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_are_unique_snake_case_and_what_serde_writes() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            let wire = code.as_str();
            assert!(seen.insert(wire), "{wire} twice");
            assert!(
                wire.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{wire}"
            );
            assert_eq!(serde_json::to_string(code).unwrap(), format!("\"{wire}\""));
            let back: ErrorCode = serde_json::from_str(&format!("\"{wire}\"")).unwrap();
            assert_eq!(back, *code);
        }
        assert!(serde_json::from_str::<ErrorCode>("\"no_such_code\"").is_err());
    }
}
