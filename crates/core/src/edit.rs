//! The edits a storyboard takes, as data: each crosses IPC from the UI, is applied by the
//! storage layer in one transaction (`project_file::edits`) and returns the edit that
//! undoes it; the editing layer (`storyboard`) keeps them for undo and redo.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::pilot::Pilot;
use crate::model::{Block, Field, ImageRef};

/// Where a block goes: a section or the library, at `index` among the blocks there
/// (0 = first; the number of blocks there = last).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "in", rename_all = "camelCase")]
pub enum Place {
    Library {
        index: u32,
    },
    #[serde(rename_all = "camelCase")]
    Section {
        #[ts(type = "number")]
        section_id: i64,
        index: u32,
    },
}

impl Place {
    pub(crate) fn section_id(self) -> Option<i64> {
        match self {
            Place::Library { .. } => None,
            Place::Section { section_id, .. } => Some(section_id),
        }
    }

    pub(crate) fn index(self) -> u32 {
        match self {
            Place::Library { index } | Place::Section { index, .. } => index,
        }
    }
}

/// A section's text, as stored and restored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SectionText {
    pub title: String,
    pub notes: String,
}

/// One change to the storyboard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "op", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Edit {
    /// Adds `block` (its id is ignored) at `to`.
    AddBlock { block: Block, to: Place },
    /// Replaces the fields of the block with `block.id`; it stays where it is.
    UpdateBlock { block: Block },
    /// Adds a copy of a block right after it.
    DuplicateBlock {
        #[ts(type = "number")]
        id: i64,
    },
    DeleteBlock {
        #[ts(type = "number")]
        id: i64,
    },
    /// Puts back a deleted block with its id (the undo of a delete).
    RestoreBlock { block: Block, to: Place },
    MoveBlock {
        #[ts(type = "number")]
        id: i64,
        to: Place,
    },
    /// Adds a section at `index` (0 = first).
    AddSection { title: String, index: u32 },
    /// Sets a section's title and speaker notes.
    UpdateSection {
        #[ts(type = "number")]
        id: i64,
        text: SectionText,
    },
    MoveSection {
        #[ts(type = "number")]
        id: i64,
        index: u32,
    },
    /// Removes a section; its blocks go to the end of the library, not away.
    RemoveSection {
        #[ts(type = "number")]
        id: i64,
    },
    /// Puts back a removed section with its id and its blocks (the undo of a removal).
    RestoreSection {
        #[ts(type = "number")]
        id: i64,
        /// The section's stable id, kept through its removal and return.
        #[serde(default)]
        uid: String,
        text: SectionText,
        index: u32,
        #[ts(type = "Array<number>")]
        blocks: Vec<i64>,
    },
    SetProjectDetails {
        title: String,
        author: String,
        audience: String,
        /// Lowercase, like a case study's industry (stored so).
        industry: String,
    },
    /// Sets the organisation's logo (a picture added to the file) and colour (`#RRGGBB`).
    SetBranding {
        logo: Option<ImageRef>,
        accent: Option<String>,
    },
    /// Applies a coach fix: replaces characters `start..end` of a block's field, which must
    /// still read `excerpt` (advice given on older text is refused, not misapplied).
    ApplyFix {
        #[ts(type = "number")]
        block_id: i64,
        field: Field,
        start: u32,
        end: u32,
        excerpt: String,
        replacement: String,
    },
    /// Hides a coach rule's findings on one block; remembered in the project.
    DismissFinding {
        #[ts(type = "number")]
        block_id: i64,
        rule: String,
    },
    /// Shows a dismissed rule's findings on the block again.
    RestoreFinding {
        #[ts(type = "number")]
        block_id: i64,
        rule: String,
    },
    /// Adds a pilot (its ids are ignored) at `index` among the pilots.
    AddPilot { pilot: Pilot, index: u32 },
    /// Replaces the plan and results of the pilot with `pilot.id`.
    UpdatePilot { pilot: Pilot },
    DeletePilot {
        #[ts(type = "number")]
        id: i64,
    },
    /// Puts back a deleted pilot with its ids (the undo of a delete).
    RestorePilot { pilot: Pilot, index: u32 },
    /// Several edits as one: applied in order, undone together.
    Batch { edits: Vec<Edit> },
    /// Copies a case study into the project and adds the story it becomes at `to` (and,
    /// with `metrics`, a metric block per numbered outcome after it).
    UseCase {
        case: crate::model::case::CaseStudy,
        relation: Option<crate::model::Relation>,
        to: Place,
        metrics: bool,
    },
    /// Removes a case study from the project (its stories stay, unlinked).
    DeleteCase {
        #[ts(type = "number")]
        id: i64,
    },
    /// Puts back a removed case study with its id, linked again to the `stories` made
    /// from it (the undo of a removal).
    RestoreCase {
        case: crate::model::case::CaseStudy,
        relation: Option<crate::model::Relation>,
        #[ts(type = "Array<number>")]
        stories: Vec<i64>,
    },
}

/// What an applied edit produced besides its undo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Outcome {
    /// The block or section the edit created, if any.
    pub created: Option<i64>,
}
