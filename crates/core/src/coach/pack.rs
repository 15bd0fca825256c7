//! Rule packs: TOML files of rules, parsed and then checked. A mistake is reported with the
//! file, line and column, and only that pack is left out.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::rule::{
    compile_pattern, Audience, Check, ContextKind, Element, Field, Level, Position, Rule, Swap,
    TextScope,
};
use crate::model::BlockKind;

/// The packs bundled with Casewright (`assets/rules/`).
pub const BUNDLED: [(&str, &str); 1] = [(
    "assets/rules/outcomes.toml",
    include_str!("../../../../assets/rules/outcomes.toml"),
)];

/// A mistake in a pack, pointing at where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct PackError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Example texts a text rule must flag and must leave alone; they are its tests.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    #[serde(default)]
    pub flag: Vec<String>,
    #[serde(default)]
    pub pass: Vec<String>,
}

/// A parsed pack: its rules and their examples (index-aligned).
#[derive(Debug, Clone, PartialEq)]
pub struct Pack {
    pub name: String,
    pub rules: Vec<Rule>,
    pub examples: Vec<Examples>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPack {
    pack: RawHeader,
    #[serde(default)]
    rule: Vec<Spanned<RawRule>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    name: Spanned<String>,
    #[serde(default)]
    #[allow(dead_code)]
    description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Spanned<String>,
    kind: Spanned<String>,
    level: Spanned<String>,
    message: String,
    explanation: Option<String>,
    link: Option<String>,
    kinds: Option<Spanned<Vec<String>>>,
    fields: Option<Spanned<Vec<String>>>,
    audiences: Option<Spanned<Vec<String>>>,
    swap: Option<Spanned<BTreeMap<String, Vec<String>>>>,
    terms: Option<Spanned<Vec<String>>>,
    /// Existence: regular expressions flagged besides `terms`.
    patterns: Option<Spanned<Vec<String>>>,
    /// Substitution: regular expressions and their rewrites, besides `swap`.
    swap_patterns: Option<Spanned<BTreeMap<String, Vec<String>>>>,
    min: Option<u32>,
    max: Option<u32>,
    first: Option<Vec<String>>,
    then: Option<Vec<String>>,
    max_words: Option<f64>,
    element: Option<Spanned<String>>,
    position: Option<Spanned<String>>,
    loss: Option<Vec<String>>,
    gain: Option<Vec<String>>,
    max_share: Option<f64>,
    #[serde(default)]
    quiet_near_figures: bool,
    /// How matches are read in context: "tool", "buzzword", "deployment", "vague", "return",
    /// "citation", "claim" or "none"
    /// (default from the id).
    context: Option<Spanned<String>>,
    #[serde(default)]
    examples: Examples,
}

/// Parses and checks one pack. `file` names it in errors.
pub fn parse_pack(file: &str, text: &str) -> Result<Pack, PackError> {
    let error = |span: Option<Range<usize>>, message: String| {
        let (line, column) = line_and_column(text, span.map_or(0, |s| s.start));
        PackError {
            file: file.to_string(),
            line,
            column,
            message,
        }
    };
    let raw: RawPack =
        toml::from_str(text).map_err(|e| error(e.span(), e.message().to_string()))?;
    let pack_name = raw.pack.name.get_ref().trim().to_string();
    if !is_id(&pack_name) {
        return Err(error(
            Some(raw.pack.name.span()),
            format!("the pack name {pack_name:?} must be lowercase letters, digits and dashes"),
        ));
    }
    let mut rules = Vec::new();
    let mut examples = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for spanned in raw.rule {
        let span = spanned.span();
        let raw = spanned.into_inner();
        let id = raw.id.get_ref().trim().to_string();
        if !is_id(&id) {
            return Err(error(
                Some(raw.id.span()),
                format!("the rule id {id:?} must be lowercase letters, digits, dots and dashes"),
            ));
        }
        if !seen.insert(id.clone()) {
            return Err(error(
                Some(raw.id.span()),
                format!("the rule id {id:?} is used twice"),
            ));
        }
        let rule = build_rule(&pack_name, id, raw, span.clone()).map_err(|(s, m)| error(s, m))?;
        rules.push(rule.0);
        examples.push(rule.1);
    }
    Ok(Pack {
        name: pack_name,
        rules,
        examples,
    })
}

type Problem = (Option<Range<usize>>, String);

fn build_rule(
    pack: &str,
    id: String,
    raw: RawRule,
    span: Range<usize>,
) -> Result<(Rule, Examples), Problem> {
    let at = |s: Range<usize>, m: String| (Some(s), m);
    let level = match raw.level.get_ref().as_str() {
        "suggestion" => Level::Suggestion,
        "warning" => Level::Warning,
        "error" => Level::Error,
        other => {
            return Err(at(
                raw.level.span(),
                format!("unknown level {other:?}; use suggestion, warning or error"),
            ))
        }
    };
    let kinds = match &raw.kinds {
        None => BlockKind::ALL.to_vec(),
        Some(list) => list
            .get_ref()
            .iter()
            .map(|k| {
                BlockKind::parse(k).ok_or_else(|| {
                    at(
                        list.span(),
                        format!("unknown block kind {k:?}; use benefit, story or metric"),
                    )
                })
            })
            .collect::<Result<_, _>>()?,
    };
    let fields = match &raw.fields {
        None => vec![Field::Title, Field::Body],
        Some(list) => list
            .get_ref()
            .iter()
            .map(|f| match f.as_str() {
                "title" => Ok(Field::Title),
                "body" => Ok(Field::Body),
                other => Err(at(
                    list.span(),
                    format!("unknown field {other:?}; use title or body"),
                )),
            })
            .collect::<Result<_, _>>()?,
    };
    let audiences = match &raw.audiences {
        None => Vec::new(),
        Some(list) => list
            .get_ref()
            .iter()
            .map(|a| {
                Audience::parse(a).ok_or_else(|| {
                    at(
                        list.span(),
                        format!("unknown audience {a:?}; use board, ceo, cfo, coo, chro or cio"),
                    )
                })
            })
            .collect::<Result<_, _>>()?,
    };
    let missing = |field: &str| {
        (
            Some(span.clone()),
            format!("a {} rule needs `{field}`", raw.kind.get_ref()),
        )
    };
    let terms = |terms: Option<Spanned<Vec<String>>>| -> Result<Vec<String>, Problem> {
        let terms = terms.ok_or_else(|| missing("terms"))?;
        let list = clean(terms.get_ref());
        if list.is_empty() {
            return Err(at(terms.span(), "`terms` is empty".into()));
        }
        Ok(list)
    };
    let element = |element: Option<Spanned<String>>| -> Result<Element, Problem> {
        let element = element.ok_or_else(|| missing("element"))?;
        Element::parse(element.get_ref()).ok_or_else(|| {
            at(
                element.span(),
                format!(
                    "unknown element {:?}; use one of {}",
                    element.get_ref(),
                    Element::ALL.map(Element::id).join(", ")
                ),
            )
        })
    };
    // Patterns: checked here, so a broken one names its file, line and column.
    let mut patterns = Vec::new();
    let kind = raw.kind.get_ref().as_str();
    let pattern_lists = [
        (
            raw.patterns.as_ref().map(|p| p.span()),
            "patterns",
            "existence",
        ),
        (
            raw.swap_patterns.as_ref().map(|p| p.span()),
            "swap_patterns",
            "substitution",
        ),
    ];
    for (span, key, for_kind) in pattern_lists {
        if let Some(span) = span.filter(|_| kind != for_kind) {
            return Err(at(
                span,
                format!("`{key}` belongs to {for_kind} rules, not {kind}"),
            ));
        }
    }
    if let Some(list) = &raw.patterns {
        for source in clean(list.get_ref()) {
            compile_pattern(&source).map_err(|e| at(list.span(), e))?;
            patterns.push(Swap {
                term: source,
                rewrites: Vec::new(),
            });
        }
    }
    if let Some(map) = &raw.swap_patterns {
        for (source, rewrites) in map.get_ref() {
            compile_pattern(source).map_err(|e| at(map.span(), e))?;
            let rewrites = clean(rewrites);
            if rewrites.is_empty() {
                return Err(at(
                    map.span(),
                    format!("the pattern {source:?} in `swap_patterns` needs at least one rewrite"),
                ));
            }
            patterns.push(Swap {
                term: source.clone(),
                rewrites,
            });
        }
    }
    let check = match raw.kind.get_ref().as_str() {
        "substitution" if raw.swap.is_none() && !patterns.is_empty() => {
            Check::Substitution { swaps: Vec::new() }
        }
        "existence" if raw.terms.is_none() && !patterns.is_empty() => {
            Check::Existence { terms: Vec::new() }
        }
        "substitution" => {
            let swap = raw.swap.ok_or_else(|| missing("swap"))?;
            let swaps: Vec<Swap> = swap
                .get_ref()
                .iter()
                .map(|(term, rewrites)| Swap {
                    term: term.trim().to_string(),
                    rewrites: clean(rewrites),
                })
                .collect();
            if swaps.is_empty()
                || swaps
                    .iter()
                    .any(|s| s.term.is_empty() || s.rewrites.is_empty())
            {
                return Err(at(
                    swap.span(),
                    "every term in `swap` needs at least one rewrite".into(),
                ));
            }
            Check::Substitution { swaps }
        }
        "existence" => Check::Existence {
            terms: terms(raw.terms)?,
        },
        "occurrence" => {
            if raw.min.is_none() && raw.max.is_none() {
                return Err(missing("min` or `max"));
            }
            Check::Occurrence {
                terms: terms(raw.terms)?,
                min: raw.min,
                max: raw.max,
            }
        }
        "conditional" => Check::Conditional {
            first: clean(&raw.first.ok_or_else(|| missing("first"))?),
            then: clean(&raw.then.ok_or_else(|| missing("then"))?),
        },
        "words-per-sentence" => Check::WordsPerSentence {
            max_words: raw.max_words.ok_or_else(|| missing("max_words"))?,
        },
        "required" => Check::Required {
            element: element(raw.element)?,
        },
        "linkage" => Check::Linkage,
        "concreteness" => Check::Concreteness,
        "order" => {
            let position = raw.position.ok_or_else(|| missing("position"))?;
            let position_value = match position.get_ref().as_str() {
                "first" => Position::FirstSection,
                "last" => Position::LastSection,
                other => {
                    return Err(at(
                        position.span(),
                        format!("unknown position {other:?}; use first or last"),
                    ))
                }
            };
            Check::Order {
                element: element(raw.element)?,
                position: position_value,
            }
        }
        "balance" => Check::Balance {
            loss: clean(&raw.loss.ok_or_else(|| missing("loss"))?),
            gain: clean(&raw.gain.ok_or_else(|| missing("gain"))?),
            max_share: raw.max_share.unwrap_or(0.75),
        },
        other => {
            return Err(at(
                raw.kind.span(),
                format!(
                    "unknown kind {other:?}; use substitution, existence, occurrence, conditional, \
                     words-per-sentence, required, linkage, concreteness, order or balance"
                ),
            ))
        }
    };
    let id = format!("{pack}.{id}");
    let context = match &raw.context {
        None => ContextKind::for_rule_id(&id),
        Some(name) => ContextKind::parse(name.get_ref()).ok_or_else(|| {
            at(
                name.span(),
                format!(
                    "unknown context {:?}; use tool, buzzword, deployment, vague, return, citation, claim or none",
                    name.get_ref()
                ),
            )
        })?,
    };
    let rule = Rule {
        id,
        level,
        message: raw.message,
        explanation: raw.explanation,
        link: raw.link,
        audiences,
        scope: TextScope { kinds, fields },
        check,
        quiet_near_figures: raw.quiet_near_figures,
        patterns,
        context,
    };
    Ok((rule, raw.examples))
}

fn clean(list: &[String]) -> Vec<String> {
    list.iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
}

/// 1-based line and column (in characters) of a byte offset.
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Loads packs, keeping the good ones and reporting each broken one.
pub fn load_packs<'a>(
    sources: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> (Vec<Pack>, Vec<PackError>) {
    let mut packs = Vec::new();
    let mut errors = Vec::new();
    for (file, text) in sources {
        match parse_pack(file, text) {
            Ok(pack) => packs.push(pack),
            Err(e) => errors.push(e),
        }
    }
    (packs, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[pack]
name = "mine"

[[rule]]
id = "no-synergy"
kind = "existence"
level = "warning"
message = "Say what the synergy is."
terms = ["synergy"]
"#;

    fn err(text: &str) -> PackError {
        parse_pack("packs/mine.toml", text).unwrap_err()
    }

    #[test]
    fn a_good_pack_parses_with_prefixed_ids() {
        let pack = parse_pack("mine.toml", GOOD).unwrap();
        assert_eq!(pack.rules[0].id, "mine.no-synergy");
        assert_eq!(pack.rules[0].level, Level::Warning);
    }

    #[test]
    fn a_broken_pattern_is_named_with_its_line() {
        let pack = |key: &str, kind: &str, value: &str| {
            format!(
                "[pack]\nname = \"x\"\n[[rule]]\nid = \"a\"\nkind = \"{kind}\"\nlevel = \"warning\"\n\
                 message = \"m\"\n{key} = {value}\n"
            )
        };
        let e = err(&pack("patterns", "existence", "['(unclosed']"));
        assert_eq!(e.line, 8, "{e}");
        assert!(e.message.contains("not a valid regular expression"), "{e}");
        let e = err(&pack("patterns", "existence", "['x*']"));
        assert!(e.message.contains("matches empty text"), "{e}");
        let e = err(&pack("swap_patterns", "substitution", "{ 'x+' = [] }"));
        assert!(e.message.contains("needs at least one rewrite"), "{e}");
        let e = err(&pack("patterns", "occurrence", "['x']"));
        assert!(e.message.contains("belongs to existence rules"), "{e}");
        // A pattern alone is enough for either kind.
        assert!(parse_pack("x.toml", &pack("patterns", "existence", "['x+']")).is_ok());
        assert!(parse_pack(
            "x.toml",
            &pack("swap_patterns", "substitution", "{ 'x+' = ['y'] }")
        )
        .is_ok());
    }

    #[test]
    fn a_syntax_error_points_at_its_line_and_column() {
        let e = err("[pack]\nname = \"x\"\n[[rule]]\nid = \"a\nkind = 1\n");
        assert_eq!((e.file.as_str(), e.line), ("packs/mine.toml", 4), "{e}");
        assert!(e.to_string().starts_with("packs/mine.toml:4:"), "{e}");
    }

    #[test]
    fn semantic_mistakes_point_at_the_value() {
        let e = err(&GOOD.replace("\"warning\"", "\"loud\""));
        assert_eq!((e.line, e.column), (8, 9), "{e}");
        assert!(e.message.contains("unknown level \"loud\""), "{e}");
        let e = err(&GOOD.replace("kind = \"existence\"", "kind = \"vibes\""));
        assert_eq!(e.line, 7, "{e}");
        let e = err(&GOOD.replace("terms = [\"synergy\"]", "tems = [\"synergy\"]"));
        assert!(e.message.contains("tems"), "{e}");
        let e = err(&GOOD.replace("terms = [\"synergy\"]", ""));
        assert!(e.message.contains("needs `terms`"), "{e}");
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let twice = format!("{GOOD}{}", &GOOD[GOOD.find("[[rule]]").unwrap()..]);
        assert!(err(&twice).message.contains("used twice"));
    }

    #[test]
    fn a_broken_pack_does_not_stop_the_others() {
        let (packs, errors) = load_packs([("a.toml", GOOD), ("b.toml", "[pack]\nname = 3\n")]);
        assert_eq!(packs.len(), 1);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].file, "b.toml");
        assert_eq!(errors[0].line, 2);
    }

    #[test]
    fn the_bundled_packs_load() {
        let (packs, errors) = load_packs(BUNDLED);
        assert!(errors.is_empty(), "{errors:?}");
        assert!(packs.iter().map(|p| p.rules.len()).sum::<usize>() >= 40);
    }
}
