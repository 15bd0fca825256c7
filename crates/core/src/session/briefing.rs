//! The briefing jobs of a session: the live preview, the export with progress and cancel,
//! and the one file the UI may then ask to open or show.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::time::{SystemTime, UNIX_EPOCH};

use super::jobs;
use super::{locked, Session};
use crate::briefing::{BriefingDate, BriefingOptions};
use crate::ipc::{AppError, BriefingPreview, BriefingSettings, ExportProgress, ExportedBriefing};
use crate::ErrorCode;

/// Today's briefing with the person's print choices.
pub fn today_options(settings: BriefingSettings) -> BriefingOptions {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    BriefingOptions {
        paper: settings.paper,
        handout: settings.handout,
        theme: settings.theme.unwrap_or_default(),
        ..BriefingOptions::for_date(BriefingDate::from_unix_seconds(seconds))
    }
}

/// A file name for the briefing of a project titled `title`: its first words, safe on
/// every file system.
pub fn suggested_pdf_name(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == ' ' || c == '-' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let words: Vec<&str> = cleaned.split_whitespace().take(8).collect();
    if words.is_empty() {
        "Briefing.pdf".into()
    } else {
        format!("{} - Briefing.pdf", words.join(" "))
    }
}

impl Session {
    /// The open project's briefing as SVG pages, for the preview pane. The pictures are
    /// prepared under the lock (once per project); the layout runs after it is released.
    pub fn briefing_preview(
        &self,
        settings: BriefingSettings,
    ) -> Result<BriefingPreview, AppError> {
        let (project, options) = self.with_open(|open| {
            let project = open.board.project()?;
            let options =
                open.pictures
                    .complete(open.board.file(), &project, today_options(settings));
            Ok((project, options))
        })?;
        Ok(jobs::preview_briefing(&project, &options))
    }

    /// The file name the export dialog suggests.
    pub fn suggested_briefing_name(&self) -> Result<String, AppError> {
        Ok(suggested_pdf_name(&self.project()?.title))
    }

    /// Writes the open project's briefing to `out`, telling `progress` how far it has got.
    /// `None` when [`Session::cancel_export`] stopped it (nothing is then written).
    pub fn export_briefing(
        &self,
        options: &BriefingOptions,
        out: &Path,
        mut progress: impl FnMut(ExportProgress),
    ) -> Result<Option<ExportedBriefing>, AppError> {
        *locked(&self.last_export) = None;
        self.cancel_export.store(false, Ordering::SeqCst);
        let exported = self.with_open(|open| {
            jobs::export_briefing_reporting(
                open.board.file(),
                options,
                &mut open.pictures,
                out,
                |step| {
                    progress(step);
                    !self.cancel_export.load(Ordering::SeqCst)
                },
            )
        });
        match exported {
            Err(err) if err.code == ErrorCode::Cancelled => Ok(None),
            Err(err) => Err(err),
            Ok(exported) => {
                *locked(&self.last_export) = Some(out.to_path_buf());
                Ok(Some(exported))
            }
        }
    }

    /// Stops the export in progress at its next step; it then writes nothing.
    pub fn cancel_export(&self) {
        self.cancel_export.store(true, Ordering::SeqCst);
    }

    /// The briefing this session last exported, if it is still there.
    pub fn last_export(&self) -> Result<PathBuf, AppError> {
        locked(&self.last_export)
            .clone()
            .filter(|p| p.exists())
            .ok_or_else(|| {
                AppError::new(
                    ErrorCode::NoExport,
                    "There is no exported briefing to open yet.",
                )
            })
    }
}
