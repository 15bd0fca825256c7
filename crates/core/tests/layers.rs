//! The core's layers hold (ARCHITECTURE.md, "Layers"): a tidy test in the way
//! rust-analyzer keeps its architecture. It reads the layer table from ARCHITECTURE.md, so
//! the document is the rule, and checks every source file of `crates/core/src`:
//! - each file belongs to exactly one layer;
//! - no file names a module of a layer above its own (`use` or a path in code, `crate::`
//!   or `super::`; test modules may reach up, since they only check);
//! - SQL (rusqlite, or a statement prepared or run) appears only in the storage layer;
//! - the top-level modules import each other without a circle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use regex::Regex;

/// One layer's name and the files or folders (ending in `/`) it holds, lowest last.
type Table = Vec<(String, Vec<String>)>;

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The table under "## Layers" in ARCHITECTURE.md: `| layer | holds |`, top layer first.
fn layer_table(architecture: &str) -> Table {
    let section = architecture
        .split("\n## ")
        .find(|s| s.starts_with("Layers"))
        .expect("ARCHITECTURE.md has a '## Layers' section");
    let item = Regex::new(r"`([^`]+)`").unwrap();
    section
        .lines()
        .filter(|l| l.starts_with("| ") && l.contains('`'))
        .map(|row| {
            let mut cells = row.split('|').skip(1);
            let name = cells.next().unwrap().trim().to_string();
            let holds = item
                .captures_iter(cells.next().unwrap_or(""))
                .map(|c| c[1].to_string())
                .collect();
            (name, holds)
        })
        .collect()
}

/// The sources as (path relative to src, text), `lib.rs` included.
fn read_sources(dir: &Path) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                files.insert(rel, std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    files
}

struct Layers {
    /// (pattern, layer rank): higher ranks are higher layers.
    patterns: Vec<(String, usize)>,
    names: Vec<String>,
}

impl Layers {
    fn new(table: &Table) -> Layers {
        let count = table.len();
        let mut patterns = Vec::new();
        let mut names = Vec::new();
        for (i, (name, holds)) in table.iter().enumerate() {
            names.push(name.clone());
            for pattern in holds {
                patterns.push((pattern.clone(), count - i));
            }
        }
        names.reverse();
        Layers { patterns, names }
    }

    /// The rank of the layer holding `file`: its longest matching entry.
    fn rank(&self, file: &str) -> Option<usize> {
        self.patterns
            .iter()
            .filter(|(p, _)| file == p || (p.ends_with('/') && file.starts_with(p.as_str())))
            .max_by_key(|(p, _)| p.len())
            .map(|&(_, rank)| rank)
    }

    fn name(&self, rank: usize) -> &str {
        &self.names[rank - 1]
    }
}

/// The code a layer rule applies to: comments blanked, a trailing `#[cfg(test)] mod` cut.
fn checked_code(text: &str) -> String {
    let test_module = Regex::new(r"#\[cfg\(test\)\]\s*(pub(\(crate\))? )?mod \w+\s*\{").unwrap();
    let text = match test_module.find(text) {
        Some(m) => &text[..m.start()],
        None => text,
    };
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every module path a file names: `crate::a::b::C` and `super::x`, `use` groups expanded,
/// each as its parts from the crate root.
fn named_paths(file: &str, code: &str) -> Vec<Vec<String>> {
    let mut own: Vec<String> = file
        .trim_end_matches(".rs")
        .split('/')
        .map(String::from)
        .collect();
    if own.last().is_some_and(|l| l == "mod") {
        own.pop();
    }
    let parent: Vec<String> = own[..own.len().saturating_sub(1)].to_vec();
    let path = Regex::new(r"\b(crate|super)::((?:\w+::)*)(\{[^}]*\}|\w+)").unwrap();
    let mut found = Vec::new();
    for c in path.captures_iter(code) {
        let base = if &c[1] == "crate" {
            Vec::new()
        } else {
            parent.clone()
        };
        let prefix: Vec<String> = c[2]
            .split("::")
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        let tails: Vec<Vec<String>> = match c[3].strip_prefix('{') {
            Some(group) => group
                .trim_end_matches('}')
                .split(',')
                .map(|item| {
                    let item = item.split(" as ").next().unwrap_or("");
                    item.split("::")
                        .map(|part| part.trim().trim_start_matches('{').to_string())
                        .filter(|part| !part.is_empty() && part != "self")
                        .collect()
                })
                .collect(),
            None => vec![vec![c[3].to_string()]],
        };
        found.push([base.clone(), prefix.clone()].concat());
        for tail in tails {
            found.push([base.clone(), prefix.clone(), tail].concat());
        }
    }
    found
}

/// The source file a module path lands in: its longest prefix that is a module file.
fn module_file(parts: &[String], files: &BTreeMap<String, String>) -> Option<String> {
    (1..=parts.len()).rev().find_map(|k| {
        let base = parts[..k].join("/");
        [format!("{base}.rs"), format!("{base}/mod.rs")]
            .into_iter()
            .find(|candidate| files.contains_key(candidate))
    })
}

fn is_test_file(file: &str) -> bool {
    file.ends_with("/tests.rs") || file == "tests.rs"
}

/// Each rule broken, as a sentence naming the file.
fn problems(files: &BTreeMap<String, String>, table: &Table) -> Vec<String> {
    let layers = Layers::new(table);
    let sql = Regex::new(
        r"\brusqlite\b|\.(execute|execute_batch|prepare|prepare_cached|query_row|query_map)\(",
    )
    .unwrap();
    let mut problems = Vec::new();
    let mut imports: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (file, text) in files {
        if file == "lib.rs" {
            continue;
        }
        let Some(rank) = layers.rank(file) else {
            problems.push(format!("{file} is in no layer of ARCHITECTURE.md's table"));
            continue;
        };
        if is_test_file(file) {
            continue;
        }
        let code = checked_code(text);
        if sql.is_match(&code) && layers.name(rank) != "storage" {
            problems.push(format!(
                "{file} ({}) holds SQL, which belongs to the storage layer",
                layers.name(rank)
            ));
        }
        let top = file
            .split('/')
            .next()
            .unwrap()
            .trim_end_matches(".rs")
            .to_string();
        for parts in named_paths(file, &code) {
            let Some(target) = module_file(&parts, files) else {
                continue;
            };
            let target_top = target.split('/').next().unwrap().trim_end_matches(".rs");
            if target_top != top && target != "lib.rs" {
                imports
                    .entry(top.clone())
                    .or_default()
                    .insert(target_top.to_string());
            }
            if let Some(target_rank) = layers.rank(&target) {
                if target_rank > rank {
                    problems.push(format!(
                        "{file} ({}) names {} in {target} ({}), a layer above",
                        layers.name(rank),
                        parts.join("::"),
                        layers.name(target_rank)
                    ));
                }
            }
        }
    }
    for circle in circles(&imports) {
        problems.push(format!(
            "the modules {} import each other in a circle",
            circle.join(", ")
        ));
    }
    problems.sort();
    problems.dedup();
    problems
}

/// The strongly connected groups of more than one module (Tarjan).
fn circles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Walk<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        found: Vec<Vec<String>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, v: &'a str) {
            let i = self.index.len();
            self.index.insert(v, i);
            self.low.insert(v, i);
            self.stack.push(v);
            for w in self.edges.get(v).into_iter().flatten() {
                let w = w.as_str();
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let low = self.low[v].min(self.low[w]);
                    self.low.insert(v, low);
                } else if self.stack.contains(&w) {
                    let low = self.low[v].min(self.index[w]);
                    self.low.insert(v, low);
                }
            }
            if self.low[v] == self.index[v] {
                let mut group = Vec::new();
                while let Some(w) = self.stack.pop() {
                    group.push(w.to_string());
                    if w == v {
                        break;
                    }
                }
                if group.len() > 1 {
                    group.sort();
                    self.found.push(group);
                }
            }
        }
    }
    let mut walk = Walk {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for v in edges.keys() {
        if !walk.index.contains_key(v.as_str()) {
            walk.visit(v);
        }
    }
    walk.found
}

#[test]
fn the_core_keeps_its_layers() {
    let architecture = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ARCHITECTURE.md"),
    )
    .unwrap();
    let table = layer_table(&architecture);
    let names: Vec<&str> = table.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["app", "copies", "editing", "storage", "features", "model"]
    );
    let problems = problems(&read_sources(&src_dir()), &table);
    assert!(
        problems.is_empty(),
        "the layers do not hold:\n{}",
        problems.join("\n")
    );
}

// The checker itself, on small made-up crates: each rule is caught when broken.

fn made_up_table() -> Table {
    vec![
        ("app".into(), vec!["session/".into()]),
        ("storage".into(), vec!["store.rs".into()]),
        ("model".into(), vec!["model/".into()]),
    ]
}

fn crate_of(files: &[(&str, &str)]) -> BTreeMap<String, String> {
    files
        .iter()
        .map(|(f, t)| (f.to_string(), t.to_string()))
        .collect()
}

#[test]
fn downward_imports_pass() {
    let files = crate_of(&[
        ("lib.rs", "pub mod model; pub mod store; pub mod session;"),
        ("model/mod.rs", "pub struct Block;"),
        (
            "store.rs",
            "use crate::model::Block;\nfn save(c: &rusqlite::Connection) {}",
        ),
        ("session/mod.rs", "use crate::{model::Block, store};"),
    ]);
    assert_eq!(problems(&files, &made_up_table()), Vec::<String>::new());
}

#[test]
fn an_import_from_a_layer_above_is_caught() {
    let files = crate_of(&[
        ("model/mod.rs", "use crate::store::save;"),
        ("store.rs", "pub fn save() {}"),
    ]);
    let found = problems(&files, &made_up_table());
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("model/mod.rs (model) names store::save in store.rs (storage)")),
        "{found:?}"
    );
}

#[test]
fn a_path_in_code_and_a_use_group_are_read() {
    let inline = crate_of(&[
        ("model/mod.rs", "fn f() { crate::session::run(); }"),
        ("session/mod.rs", ""),
    ]);
    assert!(!problems(&inline, &made_up_table()).is_empty());
    let group = crate_of(&[
        ("model/mod.rs", "use crate::{model::X, store::Y};"),
        ("store.rs", ""),
    ]);
    assert!(problems(&group, &made_up_table())
        .iter()
        .any(|p| p.contains("store::Y")));
}

#[test]
fn super_paths_resolve_from_the_file() {
    // session/a.rs's `super::` is session; model/kind.rs's `super::super` would be the root.
    let files = crate_of(&[
        ("model/mod.rs", "pub mod kind;"),
        ("model/kind.rs", "use super::Block;"),
        ("session/mod.rs", "pub mod a;"),
        ("session/a.rs", "use super::helpers;"),
    ]);
    assert_eq!(problems(&files, &made_up_table()), Vec::<String>::new());
}

#[test]
fn test_modules_and_comments_may_reach_up() {
    let files = crate_of(&[
        ("model/mod.rs", "// see crate::session\nfn f() {}\n#[cfg(test)]\nmod tests {\n use crate::session::x;\n}"),
        ("session/mod.rs", ""),
    ]);
    assert_eq!(problems(&files, &made_up_table()), Vec::<String>::new());
}

#[test]
fn sql_outside_storage_is_caught() {
    let files = crate_of(&[(
        "session/mod.rs",
        "fn f(c: &C) { c.execute(\"DELETE FROM block\", []); }",
    )]);
    assert!(problems(&files, &made_up_table())
        .iter()
        .any(|p| p.contains("holds SQL")));
}

#[test]
fn a_file_in_no_layer_is_caught() {
    let files = crate_of(&[("extra.rs", "")]);
    assert_eq!(
        problems(&files, &made_up_table()),
        ["extra.rs is in no layer of ARCHITECTURE.md's table"]
    );
}

#[test]
fn a_circle_within_a_layer_is_caught() {
    let table: Table = vec![("model".into(), vec!["a.rs".into(), "b.rs".into()])];
    let files = crate_of(&[("a.rs", "use crate::b::X;"), ("b.rs", "use crate::a::Y;")]);
    assert_eq!(
        problems(&files, &table),
        ["the modules a, b import each other in a circle"]
    );
}

#[test]
fn the_table_is_read_from_its_section() {
    let doc = "# Title\n\n## Layers\n\n| layer | holds |\n|---|---|\n| app | `session/` |\n| model | `model/`, `edit.rs` |\n\n## Next\n| x | `y` |\n";
    assert_eq!(
        layer_table(doc),
        vec![
            ("app".to_string(), vec!["session/".to_string()]),
            (
                "model".to_string(),
                vec!["model/".to_string(), "edit.rs".to_string()]
            ),
        ]
    );
}
