//! `casewright share` and `casewright merge`: sending a project to a colleague and taking
//! their edited copy back, without a window.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use casewright_core::session::{Places, Session};
use casewright_core::sharing::apply::{MergePlan, Resolution};
use casewright_core::sharing::merge::{Choice, ConflictKind};
use casewright_core::sharing::ShareOptions;

pub fn share(file: &Path, out: &Path, options: ShareOptions) -> Result<()> {
    let session = Session::new(Places::project_only());
    session.open(file)?;
    let copy = session.share_copy(out, options)?;
    session.close()?;
    say!(
        "shared a copy in {} ({} KB){}{}",
        out.display(),
        copy.bytes.div_ceil(1024),
        match copy.unused_cases_left_out {
            0 => String::new(),
            1 => "; 1 unused case study left out".into(),
            n => format!("; {n} unused case studies left out"),
        },
        match copy.foreign_objects_left_out {
            0 => String::new(),
            n => format!("; {n} tables, views or triggers of other programs left out"),
        },
    )?;
    Ok(())
}

/// Exit status: 0 merged (or, with --dry-run, nothing in the way), 1 conflicts left
/// undecided (nothing merged).
pub fn merge(
    file: &Path,
    theirs: &Path,
    dry_run: bool,
    take: Option<Choice>,
    json: bool,
) -> Result<ExitCode> {
    let session = Session::new(Places::project_only());
    session.open(file)?;
    let planned = session.merge_plan(theirs)?;
    if json {
        say!("{}", serde_json::to_string_pretty(&planned)?)?;
    } else {
        print_plan(&planned)?;
    }
    let undecided = !planned.conflicts.is_empty() && take.is_none();
    if dry_run || undecided {
        if undecided && !dry_run {
            eprintln!(
                "casewright: nothing merged: {} conflict(s) to decide; use --take ours or --take theirs, or merge in the app to choose one by one",
                planned.conflicts.len()
            );
        }
        return Ok(if undecided {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
    }
    let resolutions: Vec<Resolution> = planned
        .conflicts
        .iter()
        .map(|c| Resolution {
            conflict: c.id,
            choice: take.unwrap_or(Choice::Ours),
        })
        .collect();
    let (_, summary) = session.apply_merge(&planned.fingerprint, &resolutions)?;
    session.close()?;
    if !json {
        say!("merged: {} change(s) to {}", summary.edits, file.display())?;
    }
    Ok(ExitCode::SUCCESS)
}

fn print_plan(planned: &MergePlan) -> std::io::Result<()> {
    say!("merging {}", planned.file_name)?;
    if planned.taken.is_empty() && planned.conflicts.is_empty() {
        say!("  nothing to take: their copy has no change of its own")?;
    }
    for change in &planned.taken {
        say!("  take  {change}")?;
    }
    for conflict in &planned.conflicts {
        let what = match conflict.kind {
            ConflictKind::ChangedBothWays => format!(
                "{}: {} changed both ways",
                conflict.subject,
                conflict.field.as_deref().unwrap_or("a field")
            ),
            ConflictKind::DeletedHereChangedThere => {
                format!("{}: deleted here, changed in their copy", conflict.subject)
            }
            ConflictKind::ChangedHereDeletedThere => {
                format!("{}: changed here, deleted in their copy", conflict.subject)
            }
        };
        say!("  CONFLICT {}  {what}", conflict.id + 1)?;
        say!("    ours:   {}", one_line(&conflict.ours))?;
        say!("    theirs: {}", one_line(&conflict.theirs))?;
    }
    if planned.pilots_differ {
        say!("  note: their pilots differ from yours; pilots are not merged")?;
    }
    Ok(())
}

fn one_line(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    casewright_core::limits::preview(&flat)
}
