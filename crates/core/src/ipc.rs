//! The contract between the desktop shell and its web UI: every type that crosses IPC.
//! The TypeScript twins in `ui/src/lib/bindings.ts` are generated from these (run
//! `UPDATE_BINDINGS=1 cargo test -p casewright-core bindings`); a test fails when that file
//! is stale, so the two sides cannot drift.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{Block, BlockKind, Direction, Project, Relation, Section};
use crate::storyboard::{Edit, Place, SectionText};
use crate::ErrorCode;

/// A project the app has open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OpenedProject {
    pub path: String,
    /// What the title bar shows, e.g. "Sample.casewright".
    pub file_name: String,
    pub project: Project,
    pub can_undo: bool,
    pub can_redo: bool,
    /// Each metric's chart, by block id: the same model the briefing draws.
    #[ts(type = "Record<number, MetricChart>")]
    pub charts: std::collections::BTreeMap<i64, crate::briefing::chart::MetricChart>,
    /// Who has the file open when this instance only reads it (edits are refused).
    pub read_only: Option<crate::sharing::lock::LockHolder>,
}

/// How the briefing is printed: the choices of the export and the preview.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BriefingSettings {
    pub paper: crate::briefing::layout::Paper,
    /// With each section's speaker notes and room for the reader's notes.
    pub handout: bool,
    /// Sober (board) or bold; missing means board.
    #[serde(default)]
    #[ts(optional)]
    pub theme: Option<crate::briefing::layout::Theme>,
}

/// The briefing's pages as SVG, drawn from the same layout and glyphs as the PDF.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BriefingPreview {
    pub pages: Vec<String>,
    /// Page size in points.
    pub width: f32,
    pub height: f32,
    pub warnings: Vec<String>,
}

/// The result of writing a briefing PDF.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportedBriefing {
    pub path: String,
    pub pages: u32,
    #[ts(type = "number")]
    pub bytes: u64,
    /// Things the reader should fix, e.g. a character no bundled font can print.
    pub warnings: Vec<String>,
}

/// A choice in the native menu, sent to the UI as the `menu-action` event so that menu,
/// toolbar and keyboard all run the same code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "action", rename_all = "camelCase")]
pub enum MenuAction {
    New,
    Open,
    SaveAs,
    ShareCopy,
    MergeFrom,
    ImportBlocks,
    Export,
    Undo,
    Redo,
    OpenRecent { path: String },
}

/// Another project to import blocks from, as "Import Blocks From…" shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportSource {
    pub file_name: String,
    pub project: Project,
}

/// The name of the event that carries a [`MenuAction`].
pub const MENU_EVENT: &str = "menu-action";

/// How far an export has got, sent to the UI as the `export-progress` event.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportProgress {
    pub step: ExportStep,
    /// Pictures prepared so far (in the `pictures` step), else 0 or 1.
    pub done: u32,
    pub total: u32,
}

/// The steps of an export, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ExportStep {
    Pictures,
    Layout,
    Writing,
    Saving,
}

/// The name of the event that carries an [`ExportProgress`].
pub const EXPORT_PROGRESS_EVENT: &str = "export-progress";

/// An error as the UI receives it: branch on `code`, show `message`; `details` carries
/// what a person needs to fix it when there is more than a sentence (a spreadsheet's rows).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub details: Option<ErrorDetails>,
}

/// The structured part of an error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum ErrorDetails {
    /// Bad rows of a spreadsheet, each with its line (the header is line 1) and column.
    Rows {
        problems: Vec<crate::sheet::TableError>,
    },
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> AppError {
        AppError {
            code,
            message: message.into(),
            details: None,
        }
    }

    /// A spreadsheet refused for its bad rows: the message lists them one a line, the
    /// details carry them as fields.
    pub fn rows(problems: Vec<crate::sheet::TableError>) -> AppError {
        let message = problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n");
        AppError {
            code: ErrorCode::InvalidCsv,
            message,
            details: Some(ErrorDetails::Rows { problems }),
        }
    }

    /// The bad rows, when the error has them.
    pub fn row_problems(&self) -> &[crate::sheet::TableError] {
        match &self.details {
            Some(ErrorDetails::Rows { problems }) => problems,
            None => &[],
        }
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for AppError {}

impl From<crate::storyboard::EditError> for AppError {
    fn from(err: crate::storyboard::EditError) -> AppError {
        AppError::new(err.code(), err.to_string())
    }
}

impl From<crate::ProjectFileError> for AppError {
    fn from(err: crate::ProjectFileError) -> AppError {
        AppError::new(err.code(), err.to_string())
    }
}

impl From<crate::sharing::apply::MergeError> for AppError {
    fn from(err: crate::sharing::apply::MergeError) -> AppError {
        AppError::new(err.code(), err.to_string())
    }
}

impl From<crate::briefing::images::ImageError> for AppError {
    fn from(err: crate::briefing::images::ImageError) -> AppError {
        AppError::new(err.code(), err.to_string())
    }
}

impl From<crate::cases::library::CsvImportError> for AppError {
    fn from(err: crate::cases::library::CsvImportError) -> AppError {
        use crate::cases::library::CsvImportError;
        match err {
            CsvImportError::Rows(problems) => AppError::rows(problems),
            CsvImportError::Duplicates { .. } => {
                AppError::new(ErrorCode::Duplicates, err.to_string())
            }
            CsvImportError::File(e) => e.into(),
        }
    }
}

/// The generated TypeScript declarations of every IPC type.
pub fn typescript() -> String {
    let cfg = ts_rs::Config::new();
    let decls = [
        Project::decl(&cfg),
        Section::decl(&cfg),
        Block::decl(&cfg),
        BlockKind::decl(&cfg),
        Relation::decl(&cfg),
        Direction::decl(&cfg),
        crate::model::ImageRef::decl(&cfg),
        crate::model::Photo::decl(&cfg),
        Edit::decl(&cfg),
        Place::decl(&cfg),
        SectionText::decl(&cfg),
        OpenedProject::decl(&cfg),
        ExportedBriefing::decl(&cfg),
        BriefingSettings::decl(&cfg),
        BriefingPreview::decl(&cfg),
        crate::briefing::layout::Paper::decl(&cfg),
        crate::briefing::layout::Theme::decl(&cfg),
        AppError::decl(&cfg),
        ErrorCode::decl(&cfg),
        ErrorDetails::decl(&cfg),
        crate::sheet::TableError::decl(&cfg),
        MenuAction::decl(&cfg),
        ExportProgress::decl(&cfg),
        crate::briefing::chart::MetricChart::decl(&cfg),
        crate::briefing::chart::ChartBar::decl(&cfg),
        crate::briefing::chart::BarRole::decl(&cfg),
        crate::pilot::Pilot::decl(&cfg),
        crate::pilot::Criterion::decl(&cfg),
        crate::pilot::Results::decl(&cfg),
        crate::pilot::Rate::decl(&cfg),
        crate::pilot::ImportedResults::decl(&cfg),
        crate::pilot::PilotReport::decl(&cfg),
        crate::pilot::CriterionReport::decl(&cfg),
        crate::pilot::Verdict::decl(&cfg),
        crate::pilot::PilotChart::decl(&cfg),
        crate::pilot::IntervalBar::decl(&cfg),
        crate::pilot::MetricResult::decl(&cfg),
        crate::pilot::Design::decl(&cfg),
        crate::pilot::Warning::decl(&cfg),
        crate::model::ProjectCase::decl(&cfg),
        crate::cases::CaseStudy::decl(&cfg),
        crate::cases::Outcome::decl(&cfg),
        crate::cases::CaseSource::decl(&cfg),
        crate::cases::OrgSize::decl(&cfg),
        crate::cases::OutcomeKind::decl(&cfg),
        crate::cases::Evidence::decl(&cfg),
        crate::cases::CaseQuery::decl(&cfg),
        crate::cases::SortOrder::decl(&cfg),
        crate::cases::CaseHit::decl(&cfg),
        crate::cases::search::SnippetPart::decl(&cfg),
        crate::cases::Facets::decl(&cfg),
        crate::cases::search::FacetCount::decl(&cfg),
        crate::cases::SearchResult::decl(&cfg),
        crate::cases::transfer::ImportPreview::decl(&cfg),
        crate::cases::library::ImportSummary::decl(&cfg),
        ExportStep::decl(&cfg),
        crate::coach::Report::decl(&cfg),
        crate::coach::Finding::decl(&cfg),
        crate::coach::Fix::decl(&cfg),
        crate::coach::CheckResult::decl(&cfg),
        crate::coach::CheckEvidence::decl(&cfg),
        crate::coach::SetAsideFinding::decl(&cfg),
        crate::coach::SetAside::decl(&cfg),
        crate::coach::Level::decl(&cfg),
        crate::coach::Field::decl(&cfg),
        crate::sharing::lock::LockHolder::decl(&cfg),
        crate::sharing::ShareOptions::decl(&cfg),
        crate::sharing::SharedCopy::decl(&cfg),
        crate::sharing::apply::MergePlan::decl(&cfg),
        crate::sharing::apply::Resolution::decl(&cfg),
        crate::sharing::merge::Conflict::decl(&cfg),
        crate::sharing::merge::ConflictKind::decl(&cfg),
        crate::sharing::merge::Choice::decl(&cfg),
        ImportSource::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types in crates/core (ipc.rs, model.rs). Do not edit:\n\
         // run `UPDATE_BINDINGS=1 cargo test -p casewright-core bindings` instead.\n\n",
    );
    for decl in decls {
        out.push_str("export ");
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    #[test]
    fn bindings_are_current() {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings.ts");
        let generated = super::typescript();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "ui/src/lib/bindings.ts is stale; run `UPDATE_BINDINGS=1 cargo test -p casewright-core bindings`"
        );
    }
}
