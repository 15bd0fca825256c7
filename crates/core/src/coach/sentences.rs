//! Sentences of a field, for the context stage and the checklist: Unicode's sentence
//! boundaries (UAX #29, `unicode-segmentation`), a line break always ending one (bullets,
//! table rows), and no break after a common abbreviation ("e.g.", "Inc.", "Dr.").

use unicode_segmentation::UnicodeSegmentation;

/// Byte ranges of a text's sentences, in order, covering the whole text.
pub struct Sentences {
    bounds: Vec<(usize, usize)>,
}

const ABBREVIATIONS: [&str; 22] = [
    "e.g.", "i.e.", "etc.", "vs.", "inc.", "ltd.", "co.", "corp.", "dr.", "mr.", "mrs.", "ms.",
    "prof.", "st.", "no.", "approx.", "est.", "u.s.", "u.k.", "fig.", "jan.", "feb.",
];

fn ends_with_abbreviation(sentence: &str) -> bool {
    let last = sentence
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .to_lowercase();
    ABBREVIATIONS.contains(&last.as_str())
        || (last.len() == 2 && last.ends_with('.') && last.starts_with(char::is_alphabetic))
}

impl Sentences {
    pub fn new(text: &str) -> Sentences {
        let mut bounds: Vec<(usize, usize)> = Vec::new();
        let mut line_start = 0;
        for line in text.split_inclusive('\n') {
            let mut open: Option<usize> = None;
            for (at, piece) in line.split_sentence_bound_indices() {
                let start = line_start + at;
                let end = start + piece.len();
                let from = open.take().unwrap_or(start);
                if ends_with_abbreviation(piece) && end < line_start + line.len() {
                    open = Some(from);
                } else {
                    bounds.push((from, end));
                }
            }
            if let Some(from) = open {
                bounds.push((from, line_start + line.len()));
            }
            line_start += line.len();
        }
        if bounds.is_empty() {
            bounds.push((0, text.len()));
        }
        Sentences { bounds }
    }

    pub fn len(&self) -> usize {
        self.bounds.len()
    }

    pub fn get(&self, index: usize) -> (usize, usize) {
        self.bounds[index]
    }

    /// The sentence holding byte `at` (the last one when `at` is the text's end).
    pub fn index_of(&self, at: usize) -> usize {
        self.bounds
            .partition_point(|&(_, end)| end <= at)
            .min(self.bounds.len() - 1)
    }

    pub fn iter(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.bounds.iter().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Vec<&str> {
        Sentences::new(text)
            .iter()
            .map(|(s, e)| text[s..e].trim())
            .collect()
    }

    #[test]
    fn sentences_end_at_stops_and_lines_not_inside_numbers_or_abbreviations() {
        assert_eq!(
            parts("Web 2.0 costs $4.6 million, e.g. for licences. It works!\n• Next line"),
            [
                "Web 2.0 costs $4.6 million, e.g. for licences.",
                "It works!",
                "• Next line"
            ]
        );
        assert_eq!(
            parts("Acme Inc. cut costs. Dr. Ng agreed."),
            ["Acme Inc. cut costs.", "Dr. Ng agreed."]
        );
    }

    #[test]
    fn every_byte_belongs_to_one_sentence() {
        for text in [
            "",
            "no stop at all",
            "a. b. c.",
            "“Quoted.” Then more.",
            "😀. 😀",
        ] {
            let s = Sentences::new(text);
            let covered: usize = s.iter().map(|(a, b)| b - a).sum();
            assert_eq!(covered, text.len(), "{text:?}");
            assert!(s.index_of(text.len()) < s.len());
        }
    }
}
