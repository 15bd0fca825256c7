//! Project files between colleagues, above the storage that keeps them: a merge planned
//! and applied as ordinary edits ([`apply`], the pure three-way merge in [`merge`]) and
//! blocks imported from another copy ([`import`]). What is kept in the file (a shared
//! copy, the lock, the remembered shared states, a project as a merge compares it) is
//! the storage layer's (`crate::project_file`), re-exported here.

pub mod apply;
pub mod import;
pub mod merge;

pub use crate::model::snapshot;
pub use crate::project_file::share::{ShareOptions, SharedCopy};
pub use crate::project_file::{bases, lock, share};
pub use snapshot::{
    BlockFields, BlockState, Details, Numbering, PhotoState, SectionState, Snapshot,
};
