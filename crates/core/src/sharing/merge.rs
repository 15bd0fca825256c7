//! Three-way merge of two copies of a project against the state they were shared in.
//!
//! Each field of the project, of each section and of each block is merged on its own: a
//! change made on one side only is taken; the same change on both sides is taken once; two
//! different changes are a conflict the user decides. A section or block deleted on one
//! side and changed on the other is a conflict too; deleted on one side and untouched on
//! the other, it goes. Where things sit is merged the same way (a block's section is one
//! more field) and orders are merged as lists: an order changed only in their copy is
//! taken, new items go after their nearest neighbour.
//!
//! The merge itself works on [`Snapshot`]s and is pure; [`super::apply`] turns its result
//! into ordinary edits applied as one undoable step.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::model::snapshot::{BlockFields, BlockState, Details, SectionState, Snapshot};

/// Which side a conflict is settled for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Choice {
    Ours,
    Theirs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ConflictKind {
    /// The same field changed both ways.
    ChangedBothWays,
    /// Deleted in this copy, changed in theirs.
    DeletedHereChangedThere,
    /// Changed in this copy, deleted in theirs.
    ChangedHereDeletedThere,
}

/// A decision the merge leaves to the user, with both sides to show side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    pub id: u32,
    pub kind: ConflictKind,
    /// What it is about, e.g. `Block “Peers already do it” in “Proof”`.
    pub subject: String,
    /// The field, for a change both ways (e.g. "text"); `None` for a deletion.
    pub field: Option<String>,
    pub base: Option<String>,
    pub ours: String,
    pub theirs: String,
}

/// The merge before and after the user's choices.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub target: Snapshot,
    pub conflicts: Vec<Conflict>,
    /// Their changes taken without asking, in words.
    pub taken: Vec<String>,
}

/// Merges `theirs` into `ours` against `base`; `choose` settles each conflict by its id
/// (ids are given in a fixed order, so the same three snapshots give the same ids).
pub fn merge(
    base: &Snapshot,
    ours: &Snapshot,
    theirs: &Snapshot,
    choose: &dyn Fn(u32) -> Choice,
) -> Merged {
    let mut m = Merging {
        choose,
        conflicts: Vec::new(),
        taken: Vec::new(),
    };
    let details = m.details(base, ours, theirs);
    let sections = m.sections(base, ours, theirs);
    let section_titles: HashMap<&str, &str> = ours
        .sections
        .iter()
        .chain(&theirs.sections)
        .map(|s| (s.uid.as_str(), s.title.as_str()))
        .collect();
    let kept_sections: HashSet<&str> = sections.iter().map(|s| s.uid.as_str()).collect();
    let blocks = m.blocks(base, ours, theirs, &section_titles, &kept_sections);

    // Orders: sections, then each section's blocks and the library.
    let section_order = merge_order(
        &uids(&base.sections),
        &uids(&ours.sections),
        &uids(&theirs.sections),
        |u| kept_sections.contains(u),
    );
    let by_uid: HashMap<&str, &MergedSection> =
        sections.iter().map(|s| (s.uid.as_str(), s)).collect();
    let list_of = |snapshot: &Snapshot, section: Option<&str>| -> Vec<String> {
        match section {
            Some(uid) => snapshot
                .section(uid)
                .map(|s| s.blocks.clone())
                .unwrap_or_default(),
            None => snapshot.library.clone(),
        }
    };
    let mut placed: HashSet<String> = HashSet::new();
    let mut arrange = |section: Option<&str>| -> Vec<String> {
        let mut list = merge_order(
            &list_of(base, section),
            &list_of(ours, section),
            &list_of(theirs, section),
            |u| {
                blocks
                    .get(u)
                    .is_some_and(|b| b.section.as_deref() == section)
            },
        );
        // A block whose place no side's list gives (its section went) joins at the end.
        for (uid, block) in &blocks {
            if block.section.as_deref() == section && !list.contains(uid) {
                list.push(uid.clone());
            }
        }
        placed.extend(list.iter().cloned());
        list
    };
    let mut target_sections = Vec::new();
    for uid in &section_order {
        let section = by_uid[uid.as_str()];
        target_sections.push(SectionState {
            uid: uid.clone(),
            revision: 0,
            title: section.title.clone(),
            notes: section.notes.clone(),
            blocks: arrange(Some(uid)),
        });
    }
    let library = arrange(None);
    debug_assert!(blocks.keys().all(|u| placed.contains(u)));
    Merged {
        target: Snapshot {
            project_uid: ours.project_uid.clone(),
            details,
            sections: target_sections,
            library,
            blocks: blocks
                .into_iter()
                .map(|(uid, b)| {
                    (
                        uid,
                        BlockState {
                            revision: 0,
                            fields: b.fields,
                        },
                    )
                })
                .collect(),
        },
        conflicts: m.conflicts,
        taken: m.taken,
    }
}

struct MergedSection {
    uid: String,
    title: String,
    notes: String,
}

struct MergedBlock {
    section: Option<String>,
    fields: BlockFields,
}

struct Merging<'a> {
    choose: &'a dyn Fn(u32) -> Choice,
    conflicts: Vec<Conflict>,
    taken: Vec<String>,
}

/// One field's three values.
enum Outcome<T> {
    Same(T),
    /// Changed in their copy only.
    Theirs(T),
    Kept(T),
    Conflict,
}

fn three_way<T: PartialEq + Clone>(base: Option<&T>, ours: &T, theirs: &T) -> Outcome<T> {
    if ours == theirs {
        Outcome::Same(ours.clone())
    } else if base == Some(ours) {
        Outcome::Theirs(theirs.clone())
    } else if base == Some(theirs) {
        Outcome::Kept(ours.clone())
    } else {
        Outcome::Conflict
    }
}

impl Merging<'_> {
    fn conflict(&mut self, conflict: Conflict) -> Choice {
        let id = self.conflicts.len() as u32;
        self.conflicts.push(Conflict { id, ..conflict });
        (self.choose)(id)
    }

    /// A section or block deleted on one side and changed on the other.
    fn deletion(
        &mut self,
        kind: ConflictKind,
        subject: String,
        ours: String,
        theirs: String,
    ) -> Choice {
        self.conflict(Conflict {
            id: 0,
            kind,
            subject,
            field: None,
            base: None,
            ours,
            theirs,
        })
    }

    /// Merges one text-like field; `subject` and `label` name it in a conflict.
    fn field<T: PartialEq + Clone>(
        &mut self,
        subject: &str,
        label: &str,
        (base, ours, theirs): (Option<&T>, &T, &T),
        show: impl Fn(&T) -> String,
    ) -> T {
        match three_way(base, ours, theirs) {
            Outcome::Same(v) | Outcome::Kept(v) => v,
            Outcome::Theirs(v) => {
                self.taken
                    .push(format!("{subject}: {label} from their copy"));
                v
            }
            Outcome::Conflict => {
                let choice = self.conflict(Conflict {
                    id: 0,
                    kind: ConflictKind::ChangedBothWays,
                    subject: subject.to_string(),
                    field: Some(label.to_string()),
                    base: base.map(&show),
                    ours: show(ours),
                    theirs: show(theirs),
                });
                match choice {
                    Choice::Ours => ours.clone(),
                    Choice::Theirs => theirs.clone(),
                }
            }
        }
    }

    fn details(&mut self, base: &Snapshot, ours: &Snapshot, theirs: &Snapshot) -> Details {
        let (b, o, t) = (&base.details, &ours.details, &theirs.details);
        let mut merged = |label: &str, get: fn(&Details) -> &String| {
            self.field("Project", label, (Some(get(b)), get(o), get(t)), |s| {
                shown_text(s.as_str())
            })
        };
        Details {
            title: merged("title", |d| &d.title),
            author: merged("author", |d| &d.author),
            audience: merged("audience", |d| &d.audience),
            industry: merged("industry", |d| &d.industry),
        }
    }

    fn sections(
        &mut self,
        base: &Snapshot,
        ours: &Snapshot,
        theirs: &Snapshot,
    ) -> Vec<MergedSection> {
        let mut out = Vec::new();
        for uid in union(&uids(&ours.sections), &uids(&theirs.sections)) {
            let (b, o, t) = (base.section(&uid), ours.section(&uid), theirs.section(&uid));
            let text_of = |s: &SectionState| (s.title.clone(), s.notes.clone());
            let subject = |s: &SectionState| format!("Section “{}”", shown_title(&s.title));
            let keep = |s: &SectionState| MergedSection {
                uid: uid.clone(),
                title: s.title.clone(),
                notes: s.notes.clone(),
            };
            match (o, t) {
                (Some(o), Some(t)) => {
                    let subject = subject(o);
                    let text = |s: &String| shown_text(s.as_str());
                    let title = self.field(
                        &subject,
                        "title",
                        (b.map(|b| &b.title), &o.title, &t.title),
                        text,
                    );
                    let notes = self.field(
                        &subject,
                        "speaker notes",
                        (b.map(|b| &b.notes), &o.notes, &t.notes),
                        text,
                    );
                    out.push(MergedSection { uid, title, notes });
                }
                (Some(o), None) => match b {
                    None => out.push(keep(o)),
                    Some(b) if text_of(b) == text_of(o) => {
                        self.taken
                            .push(format!("{}: removed in their copy", subject(o)));
                    }
                    Some(_) => {
                        let choice = self.deletion(
                            ConflictKind::ChangedHereDeletedThere,
                            subject(o),
                            shown_section(o),
                            "Removed".into(),
                        );
                        if choice == Choice::Ours {
                            out.push(keep(o));
                        }
                    }
                },
                (None, Some(t)) => match b {
                    None => {
                        self.taken
                            .push(format!("{}: added in their copy", subject(t)));
                        out.push(keep(t));
                    }
                    Some(b) if text_of(b) == text_of(t) => {}
                    Some(_) => {
                        let choice = self.deletion(
                            ConflictKind::DeletedHereChangedThere,
                            subject(t),
                            "Removed".into(),
                            shown_section(t),
                        );
                        if choice == Choice::Theirs {
                            out.push(keep(t));
                        }
                    }
                },
                (None, None) => {}
            }
        }
        out
    }

    fn blocks(
        &mut self,
        base: &Snapshot,
        ours: &Snapshot,
        theirs: &Snapshot,
        section_titles: &HashMap<&str, &str>,
        kept_sections: &HashSet<&str>,
    ) -> BTreeMap<String, MergedBlock> {
        let (base_at, ours_at, theirs_at) =
            (base.placement(), ours.placement(), theirs.placement());
        let place_name = |section: &Option<String>| match section {
            Some(uid) => format!(
                "Section “{}”",
                shown_title(section_titles.get(uid.as_str()).copied().unwrap_or("?"))
            ),
            None => "Block library".to_string(),
        };
        let mut out = BTreeMap::new();
        for uid in union(&block_order(ours), &block_order(theirs)) {
            let state = |s: &Snapshot, at: &HashMap<&str, Option<&str>>| {
                s.blocks.get(&uid).map(|b| {
                    let section = at.get(uid.as_str()).copied().flatten().map(str::to_string);
                    (section, b.fields.clone())
                })
            };
            let (b, o, t) = (
                state(base, &base_at),
                state(ours, &ours_at),
                state(theirs, &theirs_at),
            );
            let subject = |(section, fields): &(Option<String>, BlockFields)| {
                format!(
                    "{} “{}” in {}",
                    kind_name(fields),
                    shown_title(&fields.title),
                    place_name(section).replacen("Section ", "", 1)
                )
            };
            let merged = match (&o, &t) {
                (Some(o), Some(t)) => {
                    let subject = subject(o);
                    let section = self.field(
                        &subject,
                        "place",
                        (b.as_ref().map(|b| &b.0), &o.0, &t.0),
                        place_name,
                    );
                    let fields = self.block_fields(&subject, b.as_ref().map(|b| &b.1), &o.1, &t.1);
                    Some(MergedBlock { section, fields })
                }
                (Some(o), None) => match &b {
                    None => Some(MergedBlock {
                        section: o.0.clone(),
                        fields: o.1.clone(),
                    }),
                    Some(b) if b == o => {
                        self.taken
                            .push(format!("{}: deleted in their copy", subject(o)));
                        None
                    }
                    Some(_) => {
                        let choice = self.deletion(
                            ConflictKind::ChangedHereDeletedThere,
                            subject(o),
                            shown_block(&o.1),
                            "Deleted".into(),
                        );
                        (choice == Choice::Ours).then(|| MergedBlock {
                            section: o.0.clone(),
                            fields: o.1.clone(),
                        })
                    }
                },
                (None, Some(t)) => match &b {
                    None => {
                        self.taken
                            .push(format!("{}: added in their copy", subject(t)));
                        Some(MergedBlock {
                            section: t.0.clone(),
                            fields: t.1.clone(),
                        })
                    }
                    Some(b) if b == t => None,
                    Some(_) => {
                        let choice = self.deletion(
                            ConflictKind::DeletedHereChangedThere,
                            subject(t),
                            "Deleted".into(),
                            shown_block(&t.1),
                        );
                        (choice == Choice::Theirs).then(|| MergedBlock {
                            section: t.0.clone(),
                            fields: t.1.clone(),
                        })
                    }
                },
                (None, None) => None,
            };
            if let Some(mut block) = merged {
                // A block whose section is gone waits in the library, as when a section
                // is removed by hand.
                if block
                    .section
                    .as_deref()
                    .is_some_and(|s| !kept_sections.contains(s))
                {
                    block.section = None;
                }
                out.insert(uid, block);
            }
        }
        out
    }

    /// Merges a block's fields one by one (as JSON values, so every field is covered).
    fn block_fields(
        &mut self,
        subject: &str,
        base: Option<&BlockFields>,
        ours: &BlockFields,
        theirs: &BlockFields,
    ) -> BlockFields {
        let as_map = |f: &BlockFields| match serde_json::to_value(f).expect("fields serialise") {
            Value::Object(map) => map,
            _ => unreachable!("a struct serialises as an object"),
        };
        let (b, o, t) = (base.map(as_map), as_map(ours), as_map(theirs));
        let mut merged = serde_json::Map::new();
        for (key, ours_value) in &o {
            let theirs_value = t.get(key).unwrap_or(&Value::Null);
            let base_value = b.as_ref().map(|b| b.get(key).unwrap_or(&Value::Null));
            let value = self.field(
                subject,
                field_label(key),
                (base_value, ours_value, theirs_value),
                shown_value,
            );
            merged.insert(key.clone(), value);
        }
        serde_json::from_value(Value::Object(merged)).expect("merged fields are fields")
    }
}

fn uids(sections: &[SectionState]) -> Vec<String> {
    sections.iter().map(|s| s.uid.clone()).collect()
}

/// Blocks in storyboard order, then the library.
fn block_order(snapshot: &Snapshot) -> Vec<String> {
    snapshot
        .sections
        .iter()
        .flat_map(|s| s.blocks.iter().cloned())
        .chain(snapshot.library.iter().cloned())
        .collect()
}

/// `first`, then what only `second` has, each in its order.
fn union(first: &[String], second: &[String]) -> Vec<String> {
    let seen: HashSet<&String> = first.iter().collect();
    first
        .iter()
        .chain(second.iter().filter(|u| !seen.contains(u)))
        .cloned()
        .collect()
}

/// Merges an order. Our order stands unless only their copy reordered what all three
/// share; items only they have go after their nearest predecessor in their order. Only
/// items for which `keep` holds are in the result.
pub fn merge_order(
    base: &[String],
    ours: &[String],
    theirs: &[String],
    keep: impl Fn(&str) -> bool,
) -> Vec<String> {
    let (in_base, in_ours, in_theirs): (HashSet<_>, HashSet<_>, HashSet<_>) = (
        base.iter().collect(),
        ours.iter().collect(),
        theirs.iter().collect(),
    );
    let shared = |list: &[String]| -> Vec<String> {
        list.iter()
            .filter(|u| in_base.contains(u) && in_ours.contains(u) && in_theirs.contains(u))
            .cloned()
            .collect()
    };
    let reordered_by_them_only = shared(ours) == shared(base) && shared(theirs) != shared(base);
    let mut result: Vec<String> = if reordered_by_them_only {
        // Their order for what we both have, our own items after their predecessor.
        let mut list: Vec<String> = theirs
            .iter()
            .filter(|u| in_ours.contains(u))
            .cloned()
            .collect();
        for (i, uid) in ours.iter().enumerate() {
            if !in_theirs.contains(uid) {
                insert_after_predecessor(&mut list, &ours[..i], uid);
            }
        }
        list
    } else {
        ours.to_vec()
    };
    result.retain(|u| keep(u));
    for (i, uid) in theirs.iter().enumerate() {
        if keep(uid) && !result.contains(uid) {
            insert_after_predecessor(&mut result, &theirs[..i], uid);
        }
    }
    result
}

fn insert_after_predecessor(list: &mut Vec<String>, before: &[String], uid: &str) {
    let at = before
        .iter()
        .rev()
        .find_map(|p| list.iter().position(|u| u == p))
        .map_or(0, |i| i + 1);
    list.insert(at, uid.to_string());
}

fn field_label(key: &str) -> &'static str {
    match key {
        "kind" => "kind",
        "title" => "title",
        "body" => "text",
        "number" => "value",
        "unit" => "unit",
        "source" => "source",
        "source_link" => "source link",
        "source_date" => "source date",
        "organisation" => "organisation",
        "relation" => "peer or competitor",
        "direction" => "direction",
        "baseline" => "baseline",
        "target" => "target",
        "tags" => "tags",
        "dismissed" => "dismissed advice",
        "photo" => "photo",
        "case" => "case study",
        _ => "field",
    }
}

fn kind_name(fields: &BlockFields) -> &'static str {
    match fields.kind {
        crate::model::BlockKind::Benefit => "Benefit",
        crate::model::BlockKind::Story => "Story",
        crate::model::BlockKind::Metric => "Metric",
    }
}

fn shown_text(text: &str) -> String {
    if text.is_empty() {
        "(empty)".into()
    } else {
        text.to_string()
    }
}

/// A title short enough for a subject line.
fn shown_title(title: &str) -> String {
    crate::limits::preview(title)
}

fn shown_value(value: &Value) -> String {
    match value {
        Value::Null => "(empty)".into(),
        Value::String(s) if s.is_empty() => "(empty)".into(),
        // A case's identity key: title and organisation.
        Value::String(s) => s.replace('\u{1f}', " — "),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Array(items) if items.is_empty() => "(none)".into(),
        Value::Array(items) => items.iter().map(shown_value).collect::<Vec<_>>().join(", "),
        Value::Object(map) => match (map.get("caption"), map.get("digest")) {
            (Some(Value::String(caption)), Some(_)) if !caption.is_empty() => {
                format!("a photo captioned “{caption}”")
            }
            (_, Some(Value::String(digest))) => {
                format!("a photo ({})", &digest[..digest.len().min(8)])
            }
            _ => Value::Object(map.clone()).to_string(),
        },
    }
}

fn shown_block(fields: &BlockFields) -> String {
    if fields.body.is_empty() {
        fields.title.clone()
    } else {
        format!("{}\n\n{}", fields.title, fields.body)
    }
}

fn shown_section(section: &SectionState) -> String {
    if section.notes.is_empty() {
        section.title.clone()
    } else {
        format!("{}\n\nNotes: {}", section.title, section.notes)
    }
}
