//! The checks a received file passes before it is opened for writing: its size, how many
//! rows each table holds, and its pictures. Each refusal names its check, so a colleague
//! can be told what was wrong with the file they sent. The fields of each row are checked
//! as they are read (`crate::limits`, `CaseStudy::check`, `Pilot::check`).

use std::path::Path;

use rusqlite::Connection;

use super::ProjectFileError;
use crate::briefing::images;

/// The largest project file opened. A project with a logo and a photo on every block stays
/// far below it (pictures are kept at most 2,000 pixels a side and 4 MB).
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// The most rows each table may hold, with the words a refusal uses for them. A 2,000-block
/// storyboard is the benchmark; ten times that is still a plausible project.
pub const MAX_ROWS: [(&str, &str, i64); 7] = [
    ("section", "sections", 1_000),
    ("block", "blocks", 20_000),
    ("case_study", "case studies", 5_000),
    ("pilot", "pilots", 200),
    ("criterion", "success criteria", 10_000),
    ("image", "pictures", 2_000),
    // We keep 20 (`sharing::bases::KEPT`); each is read whole when a merge needs it.
    ("merge_base", "shared states", 100),
];

fn over(path: &Path, check: &'static str, detail: String) -> ProjectFileError {
    ProjectFileError::OverLimit {
        path: path.to_path_buf(),
        check,
        detail,
    }
}

/// The file's size on disk, checked before SQLite reads a page of it.
pub fn file_size(path: &Path) -> Result<(), ProjectFileError> {
    let len = std::fs::metadata(path)
        .map_err(|source| ProjectFileError::Io {
            path: path.to_path_buf(),
            source,
        })?
        .len();
    if len > MAX_FILE_BYTES {
        return Err(over(
            path,
            "file size",
            format!(
                "it is {} MB; a project may be at most {} MB",
                len / 1024 / 1024,
                MAX_FILE_BYTES / 1024 / 1024
            ),
        ));
    }
    Ok(())
}

/// Row counts of the tables a project reads (an absent table is left to the table check).
pub fn row_counts(conn: &Connection, path: &Path) -> Result<(), ProjectFileError> {
    for (table, noun, max) in MAX_ROWS {
        let present: bool = conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1)",
                [table],
                |row| row.get(0),
            )
            .map_err(|e| ProjectFileError::from_sqlite(path, e))?;
        if !present {
            continue;
        }
        // Counting stops one past the limit: a hostile file with millions of rows is not
        // read to the end to be refused.
        let count: i64 = conn
            .query_row(
                &format!("SELECT count(*) FROM (SELECT 1 FROM \"{table}\" LIMIT ?1)"),
                [max + 1],
                |row| row.get(0),
            )
            .map_err(|e| ProjectFileError::from_sqlite(path, e))?;
        if count > max {
            return Err(over(
                path,
                "row count",
                format!("it holds more than {max} {noun}"),
            ));
        }
    }
    Ok(())
}

/// Each stored picture: within the stored size, and its bytes' header agreeing with the size
/// its row claims, so that nothing decodes a bomb later. A damaged picture is let through:
/// its export leaves it out with a warning.
pub fn pictures(conn: &Connection, path: &Path) -> Result<(), ProjectFileError> {
    let sql = |e| ProjectFileError::from_sqlite(path, e);
    let has_images: bool = conn
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'image')",
            [],
            |row| row.get(0),
        )
        .map_err(sql)?;
    if !has_images {
        return Ok(());
    }
    let mut stmt = conn
        .prepare("SELECT id, width, height, length(bytes), bytes FROM image ORDER BY id")
        .map_err(sql)?;
    let mut rows = stmt.query([]).map_err(sql)?;
    while let Some(row) = rows.next().map_err(sql)? {
        let id: i64 = row.get(0).map_err(sql)?;
        let refuse = |detail: String| over(path, "pictures", format!("picture {id} {detail}"));
        let (width, height): (i64, i64) = (row.get(1).map_err(sql)?, row.get(2).map_err(sql)?);
        let len: i64 = row.get(3).map_err(sql)?;
        if len > images::STORE_MAX_BYTES as i64 {
            return Err(refuse(format!(
                "is {} MB; a kept picture is at most {} MB",
                len / 1024 / 1024,
                images::STORE_MAX_BYTES / 1024 / 1024
            )));
        }
        let side = i64::from(images::STORE_MAX_SIDE);
        if !(1..=side).contains(&width) || !(1..=side).contains(&height) {
            return Err(refuse(format!(
                "claims {width} × {height} pixels; a kept picture is at most {side} a side"
            )));
        }
        let bytes: Vec<u8> = row.get(4).map_err(sql)?;
        let declared = match images::stored_size(&bytes) {
            Ok(size) => size,
            // A picture damaged on the way is the export's warning, not a reason to keep
            // the whole project from its reader (`crate::pictures`).
            Err(images::ImageError::Damaged(_) | images::ImageError::NotAnImage) => continue,
            Err(too_big) => return Err(refuse(format!("is unusable: {too_big}"))),
        };
        let claimed = (width as u32, height as u32);
        if declared != claimed && declared != (claimed.1, claimed.0) {
            return Err(refuse(format!(
                "is {} × {} pixels in its data but claims {width} × {height}",
                declared.0, declared.1
            )));
        }
    }
    Ok(())
}
