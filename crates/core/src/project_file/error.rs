use std::path::PathBuf;

use rusqlite::ErrorCode;

/// Why a project file could not be opened, read or written. Each case the user can meet
/// has its own variant and a stable [`code`](ProjectFileError::code) for the UI.
#[derive(Debug, thiserror::Error)]
pub enum ProjectFileError {
    #[error("{} does not exist", .0.display())]
    NotFound(PathBuf),
    #[error("{} already exists; choose another name", .0.display())]
    AlreadyExists(PathBuf),
    #[error("{} is not a Casewright project: {detail}", path.display())]
    NotSqlite { path: PathBuf, detail: String },
    #[error("{} is a database, but not a Casewright project (application id {application_id:#x})", path.display())]
    NotAProject { path: PathBuf, application_id: i32 },
    #[error("{} was saved by a newer Casewright (file version {found}, this build reads up to {supported}); update Casewright to open it", path.display())]
    TooNew {
        path: PathBuf,
        found: i32,
        supported: i32,
    },
    #[error("{} is damaged and was not opened: {detail}", path.display())]
    Corrupt { path: PathBuf, detail: String },
    #[error("{} was not opened: it fails the {check} check ({detail})", path.display())]
    OverLimit {
        path: PathBuf,
        check: &'static str,
        detail: String,
    },
    #[error("{} has this project open (since {}); it is open read-only here: save a copy to make changes, or take it over", .0.user, .0.since_text())]
    ReadOnly(super::lock::LockHolder),
    #[error("{} is in use by another program; try again when it is closed", in_use_name(.0))]
    Locked(PathBuf),
    #[error("could not upgrade the project file; it was left as it was: {0}")]
    Migration(String),
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("project file error: {0}")]
    Sqlite(#[source] rusqlite::Error),
    #[error("{} is not a Casewright case library (application id {application_id:#x})", path.display())]
    NotALibrary { path: PathBuf, application_id: i32 },
    #[error("case {index} ({title:?}) cannot be stored: {reason}")]
    InvalidCase {
        index: usize,
        title: String,
        reason: String,
    },
    #[error("that picture cannot be used: {0}")]
    Image(crate::briefing::images::ImageError),
}

impl ProjectFileError {
    /// A stable identifier the UI and scripts can branch on (never match on the message).
    pub fn code(&self) -> crate::ErrorCode {
        match self {
            ProjectFileError::NotFound(_) => crate::ErrorCode::NotFound,
            ProjectFileError::AlreadyExists(_) => crate::ErrorCode::AlreadyExists,
            ProjectFileError::NotSqlite { .. } => crate::ErrorCode::NotSqlite,
            ProjectFileError::NotAProject { .. } => crate::ErrorCode::NotAProject,
            ProjectFileError::TooNew { .. } => crate::ErrorCode::TooNew,
            ProjectFileError::Corrupt { .. } => crate::ErrorCode::Corrupt,
            ProjectFileError::OverLimit { .. } => crate::ErrorCode::OverLimit,
            ProjectFileError::Locked(_) => crate::ErrorCode::Locked,
            ProjectFileError::ReadOnly(_) => crate::ErrorCode::ReadOnly,
            ProjectFileError::Migration(_) => crate::ErrorCode::MigrationFailed,
            ProjectFileError::Io { .. } => crate::ErrorCode::Io,
            ProjectFileError::Sqlite(_) => crate::ErrorCode::Database,
            ProjectFileError::Image(e) => e.code(),
            ProjectFileError::NotALibrary { .. } => crate::ErrorCode::NotALibrary,
            ProjectFileError::InvalidCase { .. } => crate::ErrorCode::InvalidCase,
        }
    }

    /// Classifies an SQLite error met while using the file at `path`.
    pub(crate) fn from_sqlite(path: &std::path::Path, err: rusqlite::Error) -> ProjectFileError {
        let path = path.to_path_buf();
        match err.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => ProjectFileError::NotSqlite {
                path,
                detail: "SQLite cannot read it as a database".into(),
            },
            Some(ErrorCode::DatabaseCorrupt) => ProjectFileError::Corrupt {
                path,
                detail: err.to_string(),
            },
            Some(ErrorCode::TooBig) => ProjectFileError::OverLimit {
                path,
                check: "field length",
                detail: format!(
                    "a field is larger than {} MB, the most a project allows",
                    super::MAX_FIELD_BYTES / 1024 / 1024
                ),
            },
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                ProjectFileError::Locked(path)
            }
            _ => match err {
                rusqlite::Error::InvalidColumnType(_, name, ty) => ProjectFileError::Corrupt {
                    path,
                    detail: format!("the {name:?} column holds a value of the wrong type ({ty})"),
                },
                other => ProjectFileError::Sqlite(other),
            },
        }
    }

    pub(crate) fn from_sqlite_opt(
        path: Option<&std::path::Path>,
        err: rusqlite::Error,
    ) -> ProjectFileError {
        match path {
            Some(path) => ProjectFileError::from_sqlite(path, err),
            None => ProjectFileError::Sqlite(err),
        }
    }
}

/// What a locked file is called in its message: the case library by what it is (its path is
/// the app's own business), a project by its path.
fn in_use_name(path: &std::path::Path) -> String {
    let library = path.extension().is_some_and(|e| e == "casewright-library");
    if library {
        "Your case library".to_string()
    } else {
        path.display().to_string()
    }
}
