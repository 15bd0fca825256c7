//! How much a storyboard may hold: the same limits refuse an edit that goes past them and a
//! received file that holds more (a colleague's file is untrusted input, and a file this
//! build would refuse to open must never be written by it). Case studies and pilots check
//! their own fields (`CaseStudy::check`, `Pilot::check`); the file's overall sizes are in
//! `project_file::checks`.

use crate::model::{Block, Project, Section};

/// A title, a name, a source: one line.
pub const MAX_LINE: usize = 1_000;
/// A block's text, a section's speaker notes.
pub const MAX_TEXT: usize = 50_000;
pub const MAX_TAGS: usize = 30;
pub const MAX_TAG: usize = 60;
pub const MAX_DISMISSED: usize = 200;

/// A value past a limit: says which field and by how much, in words a user can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct OverLimit(pub String);

/// Refuses `text` longer than `max` characters (Unicode scalar values, as the coach counts).
pub fn check_len(what: &str, text: &str, max: usize) -> Result<(), OverLimit> {
    let chars = text.chars().count();
    if chars > max {
        return Err(OverLimit(format!(
            "the {what} is {chars} characters long; the most is {max}"
        )));
    }
    Ok(())
}

/// Every field of a block within its limit, and its numbers finite.
pub fn check_block(block: &Block) -> Result<(), OverLimit> {
    check_len("title", &block.title, MAX_LINE)?;
    check_len("text", &block.body, MAX_TEXT)?;
    for (what, value) in [
        ("unit", &block.unit),
        ("source", &block.source),
        ("source link", &block.source_link),
        ("source date", &block.source_date),
        ("organisation", &block.organisation),
    ] {
        check_len(what, value.as_deref().unwrap_or(""), MAX_LINE)?;
    }
    for (what, value) in [
        ("value", block.number),
        ("baseline", block.baseline),
        ("target", block.target),
    ] {
        if value.is_some_and(|v| !v.is_finite()) {
            return Err(OverLimit(format!("the {what} must be a finite number")));
        }
    }
    if block.tags.len() > MAX_TAGS {
        return Err(OverLimit(format!(
            "a block can carry at most {MAX_TAGS} tags"
        )));
    }
    for tag in &block.tags {
        check_len("tag", tag, MAX_TAG)?;
        if tag.trim().is_empty() {
            return Err(OverLimit("a tag cannot be empty".into()));
        }
    }
    if block.dismissed.len() > MAX_DISMISSED {
        return Err(OverLimit(format!(
            "a block can have at most {MAX_DISMISSED} pieces of advice dismissed"
        )));
    }
    for rule in &block.dismissed {
        check_len("rule id", rule, MAX_TAG)?;
    }
    if let Some(photo) = &block.photo {
        check_len("photo caption", &photo.caption, MAX_LINE)?;
    }
    Ok(())
}

/// A section's title and speaker notes.
pub fn check_section_text(title: &str, notes: &str) -> Result<(), OverLimit> {
    check_len("section title", title, MAX_LINE)?;
    check_len("speaker notes", notes, MAX_TEXT)
}

/// The project's own one-line fields.
pub fn check_project_details(
    title: &str,
    author: &str,
    audience: &str,
    industry: &str,
) -> Result<(), OverLimit> {
    check_len("project title", title, MAX_LINE)?;
    check_len("author", author, MAX_LINE)?;
    check_len("audience", audience, MAX_LINE)?;
    check_len("industry", industry, MAX_LINE)
}

/// A section as read from a file: its text, then each of its blocks.
pub fn check_section(section: &Section) -> Result<(), OverLimit> {
    check_section_text(&section.title, &section.notes)?;
    section.blocks.iter().try_for_each(check_named_block)
}

/// A whole storyboard's text, each refusal naming where: the project's fields, then each
/// section and its blocks ("in section …: block …: …"), then the block library.
pub fn check_contents(
    [title, author, audience, industry]: [&str; 4],
    sections: &[Section],
    library: &[Block],
) -> Result<(), OverLimit> {
    check_project_details(title, author, audience, industry)?;
    for section in sections {
        check_section(section)
            .map_err(|e| OverLimit(format!("in section {:?}: {}", preview(&section.title), e.0)))?;
    }
    for block in library {
        check_named_block(block)
            .map_err(|e| OverLimit(format!("in the block library: {}", e.0)))?;
    }
    Ok(())
}

/// [`check_contents`] of a project.
pub fn check_project(project: &Project) -> Result<(), OverLimit> {
    let details = [
        project.title.as_str(),
        &project.author,
        &project.audience,
        &project.industry,
    ];
    check_contents(details, &project.sections, &project.library)
}

/// [`check_block`], its refusal naming the block (for a file's blocks, found by title).
pub fn check_named_block(block: &Block) -> Result<(), OverLimit> {
    check_block(block).map_err(|e| OverLimit(format!("block {:?}: {}", preview(&block.title), e.0)))
}

/// The start of a (possibly huge, possibly hostile) text, short enough to quote in a message.
pub fn preview(text: &str) -> String {
    shortened(text, 40)
}

/// The first `shown` characters of `text`, with "…" when there were more.
pub fn shortened(text: &str, shown: usize) -> String {
    let mut chars = text.chars();
    let start: String = chars.by_ref().take(shown).collect();
    if chars.next().is_some() {
        format!("{start}…")
    } else {
        start
    }
}
