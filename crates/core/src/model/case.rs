//! A case study: who did what, with what outcome, and how sure we are of it. The same
//! shape lives in the personal library and, once used, in a project.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CaseStudy {
    /// The row id where it is stored (0, and left out of JSON, before it is stored).
    #[serde(default, skip_serializing_if = "is_unsaved")]
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub organisation: String,
    /// Lowercase, e.g. "manufacturing".
    pub industry: String,
    pub size: Option<OrgSize>,
    pub region: String,
    pub year: Option<i32>,
    /// What was introduced, as what people did.
    pub initiative: String,
    pub outcomes: Vec<Outcome>,
    pub quote: Option<String>,
    pub source: CaseSource,
    pub evidence: Evidence,
    pub tags: Vec<String>,
    /// How the organisation stands to the user's: a peer or a competitor. The library keeps
    /// the user's usual view; a project keeps its own (see `model::ProjectCase`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub relation: Option<crate::model::Relation>,
}

fn is_unsaved(id: &i64) -> bool {
    *id == 0
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    pub kind: OutcomeKind,
    pub number: Option<f64>,
    pub unit: Option<String>,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CaseSource {
    pub title: String,
    pub publisher: String,
    pub link: Option<String>,
    /// When it was read, as written (e.g. "2025-03").
    pub accessed: Option<String>,
}

macro_rules! named {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(text: &str) -> Option<$name> {
                let text = text.trim().to_lowercase();
                Self::ALL.iter().copied().find(|v| v.as_str() == text)
            }

            /// The accepted names, for error messages.
            pub fn names() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }
    };
}

named!(
    /// Headcount band: small (<50), medium (50–249), large (250–4,999), enterprise (5,000+).
    OrgSize { Small = "small", Medium = "medium", Large = "large", Enterprise = "enterprise" }
);

named!(
    /// What kind of result an outcome is.
    OutcomeKind {
        Innovation = "innovation",
        Speed = "speed",
        Cost = "cost",
        Quality = "quality",
        Retention = "retention",
        Revenue = "revenue",
        Engagement = "engagement",
        Safety = "safety",
    }
);

impl OutcomeKind {
    /// This kind's bit in a case's `kinds` column.
    pub fn bit(self) -> i64 {
        1 << Self::ALL
            .iter()
            .position(|k| *k == self)
            .expect("every kind is listed")
    }
}

named!(
    /// How far a claim can be trusted, weakest first.
    Evidence {
        Anecdote = "anecdote",
        InternalReport = "internal-report",
        PublishedStudy = "published-study",
        AuditedFigure = "audited-figure",
    }
);

const MAX_LINE: usize = 1_000;
const MAX_TEXT: usize = 20_000;
const MAX_OUTCOMES: usize = 20;
const MAX_TAGS: usize = 30;

impl CaseStudy {
    /// Why this case cannot be stored, naming the field; `Ok` when it can.
    pub fn check(&self) -> Result<(), String> {
        if self.title.trim().is_empty() {
            return Err("the title is empty".into());
        }
        if self.organisation.trim().is_empty() {
            return Err("the organisation is empty".into());
        }
        for (what, text) in [
            ("title", self.title.as_str()),
            ("organisation", &self.organisation),
            ("industry", &self.industry),
            ("region", &self.region),
            ("source title", &self.source.title),
            ("publisher", &self.source.publisher),
            ("link", self.source.link.as_deref().unwrap_or("")),
            (
                "accessed date",
                self.source.accessed.as_deref().unwrap_or(""),
            ),
        ] {
            if text.chars().count() > MAX_LINE {
                return Err(format!("the {what} is longer than {MAX_LINE} characters"));
            }
        }
        for (what, text) in [
            ("initiative", self.initiative.as_str()),
            ("quote", self.quote.as_deref().unwrap_or("")),
        ] {
            if text.chars().count() > MAX_TEXT {
                return Err(format!("the {what} is longer than {MAX_TEXT} characters"));
            }
        }
        if let Some(year) = self.year {
            if !(1900..=2100).contains(&year) {
                return Err(format!(
                    "the year {year} is not a year between 1900 and 2100"
                ));
            }
        }
        if self.outcomes.len() > MAX_OUTCOMES {
            return Err(format!("a case can list at most {MAX_OUTCOMES} outcomes"));
        }
        for outcome in &self.outcomes {
            if outcome.number.is_some_and(|n| !n.is_finite()) {
                return Err("an outcome's number must be a number".into());
            }
            if outcome.description.chars().count() > MAX_LINE {
                return Err(format!(
                    "an outcome's description is longer than {MAX_LINE} characters"
                ));
            }
        }
        if self.tags.len() > MAX_TAGS || self.tags.iter().any(|t| t.chars().count() > 60) {
            return Err(format!(
                "a case can carry at most {MAX_TAGS} tags of up to 60 characters"
            ));
        }
        Ok(())
    }

    /// The key duplicates are found by: title and organisation, ignoring case and spacing.
    pub fn identity(&self) -> (String, String) {
        let norm = |s: &str| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        (norm(&self.title), norm(&self.organisation))
    }
}
