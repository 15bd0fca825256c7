//! The storyboard as the app and the CLI see it: a project with ordered sections, each
//! holding ordered blocks. Ids are the project file's row ids, so the UI can key on them.
//! These types cross into the UI; their TypeScript twins are generated (see `bindings`).
//! The bottom layer: `case` a case study, `case_story` a case as blocks, `pilot` a pilot's
//! plan, `snapshot` a project as a merge compares it. Nothing here reads a file.

pub mod case;
pub mod case_story;
pub mod pilot;
pub mod snapshot;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Project {
    pub title: String,
    pub author: String,
    /// Who the case is made to, e.g. "The Board of Directors".
    pub audience: String,
    /// The organisation's industry, lowercase (e.g. "manufacturing"): case studies from the
    /// same industry rank higher for this project.
    #[serde(default)]
    pub industry: String,
    pub sections: Vec<Section>,
    /// Blocks written but not (or no longer) placed in the storyboard.
    pub library: Vec<Block>,
    /// The organisation's logo, for the briefing's cover.
    #[serde(default)]
    pub logo: Option<ImageRef>,
    /// The organisation's colour as `#RRGGBB`, for the cover, headings and figures.
    #[serde(default)]
    pub accent: Option<String>,
    /// Small first steps, their success criteria and results.
    #[serde(default)]
    pub pilots: Vec<crate::model::pilot::Pilot>,
    /// Case studies used in this project (copied from the library), with how each
    /// organisation stands to ours.
    #[serde(default)]
    pub cases: Vec<ProjectCase>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProjectCase {
    pub case: crate::model::case::CaseStudy,
    pub relation: Option<Relation>,
}

/// A picture stored in the project file. Only the id matters when it is written back; the
/// size (upright, in pixels) is read from the file for the UI to lay out around.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImageRef {
    #[ts(type = "number")]
    pub id: i64,
    pub width: u32,
    pub height: u32,
}

/// A photo on a block, with the caption printed under it (also its description for
/// readers who cannot see it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Photo {
    pub image: ImageRef,
    pub caption: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Section {
    #[ts(type = "number")]
    pub id: i64,
    /// Stable across copies of the file (what a merge matches on); empty for a section
    /// not stored yet, which is given one when it is.
    #[serde(default)]
    pub uid: String,
    pub title: String,
    /// Speaker notes: what to say when presenting this section.
    pub notes: String,
    pub blocks: Vec<Block>,
}

/// A building block of the case. All kinds share one shape; each uses its own fields:
/// a benefit is a headline (`title`) and an explanation (`body`); a story adds the
/// organisation, its relation to us and a source; a metric is a label, a value with a
/// unit, a direction, an optional baseline and target, and a source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Block {
    #[ts(type = "number")]
    pub id: i64,
    /// Stable across copies of the file (what a merge matches on); empty for a block not
    /// stored yet. A block stored under a uid the project already holds (a duplicate) is
    /// given a new one.
    #[serde(default)]
    pub uid: String,
    pub kind: BlockKind,
    pub title: String,
    pub body: String,
    /// The figure a metric (or a story) stands on; `unit` qualifies it.
    pub number: Option<f64>,
    pub unit: Option<String>,
    /// The citation: a report's title, a publisher, a person.
    pub source: Option<String>,
    pub source_link: Option<String>,
    /// When the source was published or accessed, as written (e.g. "2025-03").
    pub source_date: Option<String>,
    pub organisation: Option<String>,
    pub relation: Option<Relation>,
    pub direction: Option<Direction>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub tags: Vec<String>,
    /// Coach rules the user dismissed for this block (rule ids); their findings are hidden.
    #[serde(default)]
    pub dismissed: Vec<String>,
    /// A picture printed with the block: the team at work, a peer's product, a chart.
    #[serde(default)]
    pub photo: Option<Photo>,
    /// The case study (in the project's `cases`) a story was made from.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub case_id: Option<i64>,
}

/// A block's free-text field, as the coach reads it and a fix rewrites it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Title,
    Body,
}

impl Field {
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Body => "body",
        }
    }
}

/// The three building blocks of a case: what we gain, who already did it, and by how much.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Benefit,
    Story,
    Metric,
}

/// How the organisation in a story stands to ours; boards weigh these most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    Peer,
    Competitor,
}

/// Which way a metric improves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Higher,
    Lower,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Peer => "peer",
            Relation::Competitor => "competitor",
        }
    }

    pub fn parse(name: &str) -> Option<Relation> {
        [Relation::Peer, Relation::Competitor]
            .into_iter()
            .find(|r| r.as_str() == name)
    }
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Higher => "higher",
            Direction::Lower => "lower",
        }
    }

    pub fn parse(name: &str) -> Option<Direction> {
        [Direction::Higher, Direction::Lower]
            .into_iter()
            .find(|d| d.as_str() == name)
    }
}

impl BlockKind {
    pub const ALL: [BlockKind; 3] = [BlockKind::Benefit, BlockKind::Story, BlockKind::Metric];

    /// The name used in the project file and the JSON format.
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Benefit => "benefit",
            BlockKind::Story => "story",
            BlockKind::Metric => "metric",
        }
    }

    pub fn parse(name: &str) -> Option<BlockKind> {
        BlockKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The label a reader sees (PDF, CLI text output).
    pub fn label(self) -> &'static str {
        match self {
            BlockKind::Benefit => "Benefit",
            BlockKind::Story => "Story",
            BlockKind::Metric => "Metric",
        }
    }
}

impl Block {
    /// A block of `kind` with only a title; every optional field empty.
    pub fn new(kind: BlockKind, title: impl Into<String>) -> Block {
        Block {
            id: 0,
            uid: String::new(),
            kind,
            title: title.into(),
            body: String::new(),
            number: None,
            unit: None,
            source: None,
            source_link: None,
            source_date: None,
            organisation: None,
            relation: None,
            direction: None,
            baseline: None,
            target: None,
            tags: Vec::new(),
            dismissed: Vec::new(),
            photo: None,
            case_id: None,
        }
    }

    /// "34 %", "1,200 ideas", or `None` when the block carries no number.
    pub fn figure(&self) -> Option<String> {
        let number = self.number?;
        let value = format_number(number);
        Some(match self.unit.as_deref().map(str::trim) {
            None | Some("") => value,
            Some("%") => format!("{value}%"),
            Some(unit) => format!("{value} {unit}"),
        })
    }
}

impl Block {
    /// "Harbourline Foods · Peer": who a story is about, and how they stand to us.
    pub fn organisation_line(&self) -> Option<String> {
        let organisation = self
            .organisation
            .as_deref()
            .map(str::trim)
            .filter(|o| !o.is_empty());
        let relation = self.relation.map(|r| match r {
            Relation::Peer => "Peer",
            Relation::Competitor => "Competitor",
        });
        match (organisation, relation) {
            (Some(o), Some(r)) => Some(format!("{o} · {r}")),
            (Some(o), None) => Some(o.to_string()),
            (None, Some(r)) => Some(r.to_string()),
            (None, None) => None,
        }
    }

    /// "Baseline 19 → target 12 (lower is better)" for a metric with either end set.
    pub fn change_line(&self) -> Option<String> {
        let better = self.direction.map(|d| match d {
            Direction::Higher => " (higher is better)",
            Direction::Lower => " (lower is better)",
        });
        let line = match (self.baseline, self.target) {
            (Some(b), Some(t)) => format!(
                "Baseline {} → target {}",
                format_number(b),
                format_number(t)
            ),
            (Some(b), None) => format!("Baseline {}", format_number(b)),
            (None, Some(t)) => format!("Target {}", format_number(t)),
            (None, None) => return None,
        };
        Some(line + better.unwrap_or(""))
    }
}

/// Formats a figure for reading: thousands separators, at most two decimals, no trailing zeros.
pub fn format_number(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let rounded = (value * 100.0).round() / 100.0;
    let negative = rounded < 0.0;
    let text = format!("{:.2}", rounded.abs());
    let (int_part, frac_part) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, digit) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let frac = frac_part.trim_end_matches('0');
    let sign = if negative { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

impl Project {
    /// Every block, placed or in the library.
    pub fn all_blocks(&self) -> impl Iterator<Item = &Block> {
        self.sections
            .iter()
            .flat_map(|s| s.blocks.iter())
            .chain(self.library.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_like_a_person_wrote_them() {
        assert_eq!(format_number(1234567.0), "1,234,567");
        assert_eq!(format_number(12.5), "12.5");
        assert_eq!(format_number(-0.333), "-0.33");
        assert_eq!(format_number(999.999), "1,000");
        assert_eq!(format_number(0.0), "0");
    }

    #[test]
    fn figure_joins_number_and_unit() {
        let mut block = Block::new(BlockKind::Metric, "t");
        block.number = Some(34.0);
        block.unit = Some("%".into());
        assert_eq!(block.figure().as_deref(), Some("34%"));
        block.unit = Some("ideas per quarter".into());
        assert_eq!(block.figure().as_deref(), Some("34 ideas per quarter"));
        block.number = None;
        assert_eq!(block.figure(), None);
    }

    #[test]
    fn kinds_round_trip_through_their_names() {
        for kind in BlockKind::ALL {
            assert_eq!(BlockKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(BlockKind::parse("slide"), None);
    }
}
