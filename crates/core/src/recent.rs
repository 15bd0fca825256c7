//! The list of recently opened projects, kept as a small JSON file in the app's data
//! directory. A damaged list is treated as empty: it is a convenience, not data.

use std::path::{Path, PathBuf};

/// How many projects the list keeps.
pub const MAX_RECENT: usize = 10;

/// Recently opened projects, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecentProjects {
    file: PathBuf,
    paths: Vec<String>,
}

impl RecentProjects {
    /// Reads the list kept in `file` (missing or unreadable: empty).
    pub fn load(file: &Path) -> RecentProjects {
        let paths = std::fs::read_to_string(file)
            .ok()
            .and_then(|text| serde_json::from_str::<Vec<String>>(&text).ok())
            .unwrap_or_default()
            .into_iter()
            .take(MAX_RECENT)
            .collect();
        RecentProjects {
            file: file.to_path_buf(),
            paths,
        }
    }

    pub fn paths(&self) -> &[String] {
        &self.paths
    }

    /// Puts `path` first (once) and saves the list.
    pub fn push(&mut self, path: &Path) -> std::io::Result<()> {
        let path = path.display().to_string();
        self.paths.retain(|p| *p != path);
        self.paths.insert(0, path);
        self.paths.truncate(MAX_RECENT);
        self.save()
    }

    /// Drops `path` (e.g. a file that no longer opens) and saves the list.
    pub fn forget(&mut self, path: &Path) -> std::io::Result<()> {
        let path = path.display().to_string();
        self.paths.retain(|p| *p != path);
        self.save()
    }

    fn save(&self) -> std::io::Result<()> {
        if let Some(dir) = self.file.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let temp = self.file.with_extension("json.partial");
        let json = serde_json::to_string_pretty(&self.paths).expect("strings serialise");
        std::fs::write(&temp, json)?;
        std::fs::rename(&temp, &self.file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_without_duplicates_and_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("recent.json");
        let mut recent = RecentProjects::load(&file);
        assert!(recent.paths().is_empty());
        for i in 0..12 {
            recent
                .push(Path::new(&format!("/p/{i}.casewright")))
                .unwrap();
        }
        recent.push(Path::new("/p/5.casewright")).unwrap();
        let again = RecentProjects::load(&file);
        assert_eq!(again.paths().len(), MAX_RECENT);
        assert_eq!(again.paths()[0], "/p/5.casewright");
        assert_eq!(again.paths()[1], "/p/11.casewright");
        assert_eq!(
            again
                .paths()
                .iter()
                .filter(|p| p.ends_with("/5.casewright"))
                .count(),
            1
        );
    }

    #[test]
    fn a_damaged_list_reads_as_empty_and_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("recent.json");
        std::fs::write(&file, "{ not json").unwrap();
        let mut recent = RecentProjects::load(&file);
        assert!(recent.paths().is_empty());
        recent.push(Path::new("/a.casewright")).unwrap();
        recent.forget(Path::new("/missing.casewright")).unwrap();
        assert_eq!(RecentProjects::load(&file).paths(), ["/a.casewright"]);
    }
}
