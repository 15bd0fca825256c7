//! The jobs the app and the CLI share, so that neither holds logic of its own: open a
//! project for display, export a briefing to a file, make sure the sample exists.

use std::path::{Path, PathBuf};

use crate::briefing::{self, BriefingOptions};
use crate::exchange::sample_project;
use crate::ipc::{
    AppError, BriefingPreview, ExportProgress, ExportStep, ExportedBriefing, OpenedProject,
};
use crate::pictures::PictureCache;
use crate::project_file::{ProjectFile, ProjectFileError};
use crate::sharing::lock::{self, Claim, ProjectLock};
use crate::storyboard::Storyboard;

/// File name of the sample project the app creates on first start.
pub const SAMPLE_FILE_NAME: &str = "Sample - Social collaboration.casewright";

/// Opens a project file and reads it for display.
pub fn open_project(path: &Path) -> Result<(ProjectFile, OpenedProject), ProjectFileError> {
    let board = Storyboard::new(ProjectFile::open(path)?);
    let opened = describe(path, &board)?;
    Ok((board.into_file(), opened))
}

/// A project opened to be edited: locked for this instance, or read-only when someone
/// else has it open (the lock then is `None`).
pub struct Editing {
    pub board: Storyboard,
    pub lock: Option<ProjectLock>,
}

/// Opens `path` for editing unless another instance has it open, in which case it is
/// opened read-only and says who has it. With `take_over`, the lock is taken whoever has
/// it (the user chose to edit anyway).
pub fn open_for_editing(path: &Path, take_over: bool) -> Result<Editing, ProjectFileError> {
    let io = |source| ProjectFileError::Io {
        path: path.to_path_buf(),
        source,
    };
    if !path.exists() {
        return Err(ProjectFileError::NotFound(path.to_path_buf()));
    }
    let claim = if take_over {
        Claim::Held(lock::take_over(path).map_err(io)?)
    } else {
        lock::claim(path).map_err(io)?
    };
    match claim {
        // Should opening fail, the lock is dropped, and with it the lock file.
        Claim::Held(held) => Ok(Editing {
            board: Storyboard::new(ProjectFile::open(path)?),
            lock: Some(held),
        }),
        Claim::Taken(holder) => Ok(Editing {
            board: Storyboard::new(ProjectFile::open_read_only(path, holder)?),
            lock: None,
        }),
    }
}

/// The project being edited at `path`, as the UI shows it.
pub fn describe(path: &Path, board: &Storyboard) -> Result<OpenedProject, ProjectFileError> {
    let project = board.project()?;
    let charts = project
        .all_blocks()
        .filter_map(|b| Some((b.id, briefing::chart::metric_chart(b)?)))
        .collect();
    Ok(OpenedProject {
        path: path.display().to_string(),
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string()),
        project,
        can_undo: board.can_undo(),
        can_redo: board.can_redo(),
        charts,
        read_only: board.file().read_only_holder().cloned(),
    })
}

/// Creates a new project at `path` from the storyboard template, titled after the file.
pub fn create_from_template(path: &Path) -> Result<ProjectFile, ProjectFileError> {
    let title = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| "Untitled case".into());
    ProjectFile::create(path, &crate::template::new_project(&title))
}

/// Creates the sample project in `dir` unless it is already there; returns its path.
pub fn ensure_sample_project(dir: &Path) -> Result<PathBuf, ProjectFileError> {
    std::fs::create_dir_all(dir).map_err(|source| ProjectFileError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let path = dir.join(SAMPLE_FILE_NAME);
    if !path.exists() {
        ProjectFile::create(&path, &sample_project())?.close()?;
    }
    Ok(path)
}

/// Lays out, writes and saves the briefing of the project in `file` to `out`, with the
/// project's own pictures and colour where `options` sets none. The PDF is written beside
/// `out` and renamed into place, so a reader never sees half a file.
pub fn export_briefing(
    file: &ProjectFile,
    options: &BriefingOptions,
    pictures: &mut PictureCache,
    out: &Path,
) -> Result<ExportedBriefing, AppError> {
    export_briefing_reporting(file, options, pictures, out, |_| true)
}

/// [`export_briefing`], telling `progress` how far it has got. When `progress` returns
/// false the export stops with the error code `cancelled`, and nothing is written.
pub fn export_briefing_reporting(
    file: &ProjectFile,
    options: &BriefingOptions,
    pictures: &mut PictureCache,
    out: &Path,
    mut progress: impl FnMut(ExportProgress) -> bool,
) -> Result<ExportedBriefing, AppError> {
    let cancelled = || {
        AppError::new(
            crate::ErrorCode::Cancelled,
            "The export was cancelled; nothing was written.",
        )
    };
    let mut step = |step: ExportStep, done: u32, total: u32| {
        if progress(ExportProgress { step, done, total }) {
            Ok(())
        } else {
            Err(cancelled())
        }
    };
    let project = file.load()?;
    let options = pictures
        .complete_reporting(file, &project, options.clone(), |done, total| {
            step(ExportStep::Pictures, done, total).is_ok()
        })
        .ok_or_else(cancelled)?;
    step(ExportStep::Layout, 0, 1)?;
    let document = briefing::layout::lay_out(&project, &options);
    step(ExportStep::Writing, 0, 1)?;
    let bytes = briefing::pdf::write(&document, &options);
    step(ExportStep::Saving, 0, 1)?;
    crate::session::files::write_whole(out, &bytes).map_err(|e| {
        AppError::new(
            crate::ErrorCode::ExportFailed,
            format!("could not write {}: {e}", out.display()),
        )
    })?;
    step(ExportStep::Saving, 1, 1).ok();
    Ok(ExportedBriefing {
        path: out.display().to_string(),
        pages: document.pages.len() as u32,
        bytes: bytes.len() as u64,
        warnings: document.warnings(),
    })
}

/// The briefing of `project` as SVG pages, for the preview; `options` are complete (see
/// [`PictureCache::complete`]).
pub fn preview_briefing(project: &crate::Project, options: &BriefingOptions) -> BriefingPreview {
    let document = briefing::layout::lay_out(project, options);
    BriefingPreview {
        pages: (0..document.pages.len())
            .map(|index| briefing::svg::page(&document, index))
            .collect(),
        width: document.page_size.0,
        height: document.page_size.1,
        warnings: document.warnings(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::BriefingDate;

    #[test]
    fn the_sample_is_created_once_and_then_reused() {
        let dir = tempfile::tempdir().unwrap();
        let path = ensure_sample_project(dir.path()).unwrap();
        let (_, opened) = open_project(&path).unwrap();
        assert_eq!(opened.file_name, SAMPLE_FILE_NAME);
        assert_eq!(opened.project.title, sample_project().title);
        // A user's edits to the sample survive the next start.
        let mut file = ProjectFile::open(&path).unwrap();
        let mut project = file.load().unwrap();
        project.title = "Edited".into();
        file.replace(&project).unwrap();
        file.close().unwrap();
        assert_eq!(ensure_sample_project(dir.path()).unwrap(), path);
        assert_eq!(open_project(&path).unwrap().1.project.title, "Edited");
    }

    #[test]
    fn export_writes_a_complete_pdf_and_reports_it() {
        let dir = tempfile::tempdir().unwrap();
        let file = ProjectFile::in_memory(&sample_project()).unwrap();
        let out = dir.path().join("briefing.pdf");
        let options = BriefingOptions::for_date(BriefingDate {
            year: 2026,
            month: 11,
            day: 26,
        });
        let exported =
            export_briefing(&file, &options, &mut PictureCache::default(), &out).unwrap();
        let bytes = std::fs::read(&out).unwrap();
        assert_eq!(exported.bytes, bytes.len() as u64);
        assert!(exported.pages >= 3);
        assert!(
            bytes.starts_with(b"%PDF-") && bytes.ends_with(b"%%EOF\n") || bytes.ends_with(b"%%EOF")
        );
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "no partial file is left: {names:?}");
    }

    #[test]
    fn an_export_reports_its_steps_and_stops_when_cancelled_writing_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let file = ProjectFile::in_memory(&sample_project()).unwrap();
        let options = BriefingOptions::for_date(BriefingDate::from_unix_seconds(0));
        let out = dir.path().join("b.pdf");
        let mut steps = Vec::new();
        export_briefing_reporting(&file, &options, &mut PictureCache::default(), &out, |p| {
            steps.push(p.step);
            true
        })
        .unwrap();
        steps.dedup();
        assert_eq!(
            steps,
            [
                ExportStep::Pictures,
                ExportStep::Layout,
                ExportStep::Writing,
                ExportStep::Saving
            ]
        );
        std::fs::remove_file(&out).unwrap();
        for stop_at in [
            ExportStep::Pictures,
            ExportStep::Writing,
            ExportStep::Saving,
        ] {
            let err = export_briefing_reporting(
                &file,
                &options,
                &mut PictureCache::default(),
                &out,
                |p| p.step != stop_at,
            )
            .unwrap_err();
            assert_eq!(err.code, "cancelled");
            assert_eq!(
                std::fs::read_dir(dir.path()).unwrap().count(),
                0,
                "nothing written"
            );
        }
    }

    #[test]
    fn export_to_an_unwritable_place_is_a_clear_error() {
        let file = ProjectFile::in_memory(&sample_project()).unwrap();
        let options = BriefingOptions::for_date(BriefingDate::from_unix_seconds(0));
        let err = export_briefing(
            &file,
            &options,
            &mut PictureCache::default(),
            Path::new("/nonexistent-dir/b.pdf"),
        )
        .unwrap_err();
        assert_eq!(err.code, "export_failed");
        assert!(err.message.contains("/nonexistent-dir/b.pdf"));
    }
}
