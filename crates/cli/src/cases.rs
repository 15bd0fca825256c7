//! `casewright cases …`: the personal case-study library without a window.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use casewright_core::cases::library::{
    CaseLibrary, CsvImportError, OnDuplicate, LIBRARY_FILE_NAME,
};
use casewright_core::cases::transfer::{
    default_mapping, read_csv, read_json, write_csv, write_json,
};
use casewright_core::cases::{CaseQuery, CaseStudy, ProjectProfile};

/// The largest file `cases import` reads.
const MAX_IMPORT_BYTES: u64 = 128 * 1024 * 1024;

/// The library the app uses: `CASEWRIGHT_HOME`, else the app's data directory.
pub fn default_library() -> Result<PathBuf> {
    let dir = match std::env::var_os("CASEWRIGHT_HOME") {
        Some(dir) => PathBuf::from(dir),
        None => {
            let data = match std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
                Some(dir) => PathBuf::from(dir),
                None => PathBuf::from(
                    std::env::var_os("HOME").context("HOME is not set; use --library")?,
                )
                .join(".local/share"),
            };
            data.join("app.casewright.desktop")
        }
    };
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    Ok(dir.join(LIBRARY_FILE_NAME))
}

fn open(library: Option<&Path>) -> Result<CaseLibrary> {
    let path = match library {
        Some(path) => path.to_path_buf(),
        None => default_library()?,
    };
    Ok(match library {
        // A library named on the command line is used as it is; the app's own starts with
        // the illustrative starter cases, like the app's does.
        Some(_) => CaseLibrary::open_or_create(&path)?,
        None => CaseLibrary::open_or_create_with_starter(&path)?,
    })
}

/// Reads a CSV (default header) or JSON file of cases; every problem is listed.
pub fn read_cases(path: &Path) -> Result<Vec<CaseStudy>> {
    let text = crate::files::read_text(path, MAX_IMPORT_BYTES)?;
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        return read_json(&text).map_err(|why| anyhow::anyhow!("{}: {why}", path.display()));
    }
    let (_, map) =
        default_mapping(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    read_csv(&text, &map).map_err(|errors| {
        crate::files::problems(path, &errors, "was not imported; nothing was saved")
    })
}

pub fn import(file: &Path, library: Option<&Path>, on_duplicate: OnDuplicate) -> Result<()> {
    let is_json = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let summary = if is_json {
        let cases = read_cases(file)?;
        let mut library = open(library)?;
        (library.import(&cases, on_duplicate)?, library)
    } else {
        // Stored as it is read; all or nothing, like the JSON path.
        let text = crate::files::read_text(file, MAX_IMPORT_BYTES)?;
        let (_, map) =
            default_mapping(&text).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
        let mut library = open(library)?;
        let summary = library
            .import_csv(&text, &map, Some(on_duplicate))
            .map_err(|e| match e {
                CsvImportError::Rows(errors) => {
                    crate::files::problems(file, &errors, "was not imported; nothing was saved")
                }
                other => other.into(),
            })?;
        (summary, library)
    };
    let (summary, library) = summary;
    eprintln!(
        "imported {} into {}: {} added, {} updated, {} already there and skipped",
        file.display(),
        library.path().display(),
        summary.added,
        summary.updated,
        summary.skipped
    );
    Ok(())
}

pub fn search(
    query: &CaseQuery,
    library: Option<&Path>,
    json: bool,
    for_project: Option<&Path>,
) -> Result<()> {
    let library = open(library)?;
    let result = match for_project {
        Some(file) => {
            let project = casewright_core::ProjectFile::open_snapshot(file)?.load()?;
            library.search_for_project(query, &ProjectProfile::of(&project))?
        }
        None => library.search(query)?,
    };
    if json {
        say!("{}", serde_json::to_string_pretty(&result)?)?;
        return Ok(());
    }
    say!(
        "{} of {} matching case studies",
        result.hits.len(),
        result.total
    )?;
    for hit in &result.hits {
        let case = &hit.case;
        let year = case.year.map(|y| format!(", {y}")).unwrap_or_default();
        say!(
            "\n{}\n  {} · {}{year} · {}",
            case.title,
            case.organisation,
            case.industry,
            case.evidence.as_str()
        )?;
        let snippet: String = hit
            .snippet
            .iter()
            .map(|p| {
                if p.hit {
                    format!("[{}]", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect();
        if !snippet.trim().is_empty() {
            say!(
                "  {}",
                snippet.split_whitespace().collect::<Vec<_>>().join(" ")
            )?;
        }
    }
    Ok(())
}

pub fn export(out: &Path, library: Option<&Path>, selection: Option<&CaseQuery>) -> Result<()> {
    let library = open(library)?;
    let cases: Vec<CaseStudy> = match selection {
        Some(query) => library.matching(query)?,
        None => library.all()?.into_iter().map(|s| s.case).collect(),
    };
    let text = if out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        write_json(&cases)
    } else {
        write_csv(&cases)
    };
    let temp = out.with_extension("partial");
    std::fs::write(&temp, text).with_context(|| format!("cannot write {}", out.display()))?;
    std::fs::rename(&temp, out).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!("exported {} case studies to {}", cases.len(), out.display());
    Ok(())
}
