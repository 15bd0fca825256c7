//! Case studies: stories of peers and competitors who already did it. The case itself is
//! `model::case` and its tables `project_file::cases` (the same in the personal library and
//! in a project file); here `search` finds cases, `relevance` ranks them for a project,
//! `transfer` reads and writes CSV and JSON, `library` is the personal library file.

pub mod library;
pub mod relevance;
pub mod search;
pub mod transfer;

pub use crate::model::case::{CaseSource, CaseStudy, Evidence, OrgSize, Outcome, OutcomeKind};
pub use relevance::ProjectProfile;
// The case model and its tables live in the layers below; here under their old names too.
pub use crate::model::{case as model, case_story as story};
pub use crate::project_file::cases as store;
pub use search::{CaseHit, CaseQuery, Facets, SearchResult, SortOrder};
