//! The storyboard a new project starts from: the persuasive arc of the method
//! (see `shared/product/VISION.md`): the opportunity, the outcomes, the proof, a small
//! first step, and the results with a clear ask.

use crate::model::{Project, Section};

pub const ARC: [&str; 5] = [
    "Opportunity",
    "What we gain",
    "Proof",
    "Start small",
    "Results and the ask",
];

/// A new, empty project whose sections follow the arc.
pub fn new_project(title: &str) -> Project {
    Project {
        title: title.to_string(),
        author: String::new(),
        audience: String::new(),
        industry: String::new(),
        sections: ARC
            .iter()
            .map(|title| Section {
                id: 0,
                uid: String::new(),
                title: (*title).to_string(),
                notes: String::new(),
                blocks: Vec::new(),
            })
            .collect(),
        library: Vec::new(),
        logo: None,
        accent: None,
        pilots: Vec::new(),
        cases: Vec::new(),
    }
}
