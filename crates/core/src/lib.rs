//! Casewright's core. Everything the app and the CLI do lives here, behind plain Rust APIs;
//! this crate never depends on Tauri or on a window (see ARCHITECTURE.md).

pub mod briefing;
pub mod cases;
pub mod coach;
pub mod edit;
mod error_code;
pub mod exchange;
pub mod ipc;
pub use session::jobs;
pub mod limits;
pub mod model;
pub mod pictures;
pub mod pilot;
pub mod project_file;
pub mod recent;
pub mod session;
pub mod sharing;
pub mod sheet;
pub mod storyboard;
pub mod template;

pub use error_code::ErrorCode;
pub use model::{Block, BlockKind, Direction, Project, Relation, Section};
pub use project_file::{ProjectFile, ProjectFileError};
