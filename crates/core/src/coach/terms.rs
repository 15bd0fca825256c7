//! Finding terms in text: whole words, any case, runs of spaces, and the plural of the
//! last word ("platform" finds "Platforms"). All terms of a rule set are compiled into one
//! regular expression, so a field is scanned once however many rules there are.

use std::collections::HashMap;

use regex::Regex;

/// A term found in a text, with byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit<T> {
    pub start: usize,
    pub end: usize,
    pub value: T,
}

/// Many terms, each carrying a value (which rule, which swap).
pub struct TermSet<T> {
    regex: Option<Regex>,
    values: HashMap<String, Vec<T>>,
}

/// The lookup key of a term or a matched text: lowercase, single spaces, singular.
fn key(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn singular_keys(matched: &str) -> impl Iterator<Item = String> {
    let k = key(matched);
    let mut keys = vec![k.clone()];
    for suffix in ["es", "s"] {
        if let Some(stem) = k.strip_suffix(suffix) {
            keys.push(stem.to_string());
        }
    }
    keys.into_iter()
}

fn pattern(term: &str) -> String {
    let words: Vec<String> = term.split_whitespace().map(regex::escape).collect();
    let body = words.join(r"\s+");
    // Word boundaries only where the term starts or ends with a word character.
    let starts_word = term.chars().next().is_some_and(char::is_alphanumeric);
    let ends_word = term.chars().last().is_some_and(char::is_alphanumeric);
    format!(
        "{}{}{}{}",
        if starts_word { r"\b" } else { "" },
        body,
        if ends_word { "(?:e?s)?" } else { "" },
        if ends_word { r"\b" } else { "" },
    )
}

impl<T: Clone> TermSet<T> {
    pub fn new(terms: impl IntoIterator<Item = (String, T)>) -> TermSet<T> {
        let mut values: HashMap<String, Vec<T>> = HashMap::new();
        for (term, value) in terms {
            let k = key(&term);
            if !k.is_empty() {
                values.entry(k).or_default().push(value);
            }
        }
        let mut keys: Vec<&String> = values.keys().collect();
        // Longest first, so "social media platform" wins over "social media".
        keys.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let regex = (!keys.is_empty()).then(|| {
            let alternation: Vec<String> = keys.iter().map(|k| pattern(k)).collect();
            Regex::new(&format!("(?i)(?:{})", alternation.join("|")))
                .expect("escaped terms compile")
        });
        TermSet { regex, values }
    }

    /// Every non-overlapping hit in `text`, left to right; each hit carries the values of
    /// its term.
    pub fn find<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Hit<&'a [T]>> + 'a {
        self.regex.iter().flat_map(move |regex| {
            regex.find_iter(text).filter_map(move |m| {
                let values = singular_keys(m.as_str()).find_map(|k| self.values.get(&k))?;
                Some(Hit {
                    start: m.start(),
                    end: m.end(),
                    value: values.as_slice(),
                })
            })
        })
    }

    pub fn contains_any(&self, text: &str) -> bool {
        self.find(text).next().is_some()
    }
}

/// Matches the case of `matched` in `replacement`: "Social media" → "Innovation",
/// "SOCIAL MEDIA" → "INNOVATION", otherwise as written.
pub fn match_case(matched: &str, replacement: &str) -> String {
    let letters: Vec<char> = matched.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return replacement.to_uppercase();
    }
    if letters.first().is_some_and(|c| c.is_uppercase()) {
        let mut chars = replacement.chars();
        return match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        };
    }
    replacement.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(terms: &[&str], text: &str) -> Vec<String> {
        let set = TermSet::new(terms.iter().map(|t| (t.to_string(), ())));
        set.find(text)
            .map(|h| text[h.start..h.end].to_string())
            .collect()
    }

    #[test]
    fn whole_words_in_any_case_with_plurals() {
        assert_eq!(
            hits(&["platform"], "Two Platforms, one platform."),
            ["Platforms", "platform"]
        );
        assert_eq!(
            hits(&["platform"], "platformer replatform"),
            Vec::<String>::new()
        );
        assert_eq!(
            hits(&["social media"], "SOCIAL\n  MEDIA rocks"),
            ["SOCIAL\n  MEDIA"]
        );
        assert_eq!(
            hits(&["business process"], "business processes"),
            ["business processes"]
        );
    }

    #[test]
    fn the_longest_overlapping_term_wins() {
        assert_eq!(
            hits(
                &["social media", "social media platform"],
                "our social media platform"
            ),
            ["social media platform"]
        );
    }

    #[test]
    fn terms_with_symbols_and_non_english_letters() {
        assert_eq!(hits(&["Web 2.0"], "Bring Web 2.0 to work"), ["Web 2.0"]);
        assert_eq!(
            hits(&["réseau social"], "Un Réseau social interne"),
            ["Réseau social"]
        );
        assert_eq!(hits(&["straße"], "die Straße"), ["Straße"]);
        assert_eq!(
            hits(&["e-learning"], "More e-learning modules"),
            ["e-learning"]
        );
    }

    #[test]
    fn replacements_follow_the_case_of_the_match() {
        assert_eq!(match_case("Social media", "innovation"), "Innovation");
        assert_eq!(match_case("SOCIAL MEDIA", "innovation"), "INNOVATION");
        assert_eq!(match_case("social media", "innovation"), "innovation");
    }
}
