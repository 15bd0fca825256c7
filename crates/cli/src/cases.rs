//! `casewright cases …`: the personal case-study library without a window.

use std::path::Path;

use anyhow::Result;
use casewright_core::cases::library::OnDuplicate;
use casewright_core::cases::CaseQuery;
use casewright_core::session::{Places, Session};

fn session(library: Option<&Path>) -> Result<Session> {
    Ok(Session::new(Places::library(library)?))
}

pub fn import(file: &Path, library: Option<&Path>, on_duplicate: OnDuplicate) -> Result<()> {
    let session = session(library)?;
    let summary = session
        .import_cases_file(file, on_duplicate)
        .map_err(|e| crate::files::refused(file, e, "was not imported; nothing was saved"))?;
    eprintln!(
        "imported {} into {}: {} added, {} updated, {} already there and skipped",
        file.display(),
        session.library_path().display(),
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
    let session = session(library)?;
    if let Some(file) = for_project {
        session.open_snapshot(file)?;
    }
    let result = session.search_cases(query)?;
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
    let count = session(library)?.export_cases(selection, out)?;
    eprintln!("exported {count} case studies to {}", out.display());
    Ok(())
}
