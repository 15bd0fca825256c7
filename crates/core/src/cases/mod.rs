//! Case studies: stories of peers and competitors who already did it. `model` is the case,
//! `store` keeps cases in SQLite (the same tables in the personal library and in a project
//! file), `search` finds them, `library` is the personal library file.

pub mod library;
pub mod model;
pub mod relevance;
pub mod search;
pub mod store;
pub mod story;
pub mod transfer;

pub use model::{CaseSource, CaseStudy, Evidence, OrgSize, Outcome, OutcomeKind};
pub use relevance::ProjectProfile;
pub use search::{CaseHit, CaseQuery, Facets, SearchResult, SortOrder};
