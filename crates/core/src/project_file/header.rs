//! Recognising a project from the first 100 bytes of the file, the SQLite database header,
//! without opening it with SQLite (so nothing can be written to a file we refuse).

use std::io::Read;
use std::path::Path;

use super::{schema::SCHEMA_VERSION, ProjectFileError};

/// `PRAGMA application_id` of every Casewright project: "CWRT".
pub const APPLICATION_ID: i32 = 0x4357_5254;

const MAGIC: &[u8; 16] = b"SQLite format 3\0";
const HEADER_LEN: usize = 100;

/// What the database header says about a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileHeader {
    pub application_id: i32,
    pub user_version: i32,
}

impl FileHeader {
    pub fn read(path: &Path) -> Result<FileHeader, ProjectFileError> {
        let io = |source: std::io::Error| match source.kind() {
            std::io::ErrorKind::NotFound => ProjectFileError::NotFound(path.to_path_buf()),
            _ => ProjectFileError::Io {
                path: path.to_path_buf(),
                source,
            },
        };
        let meta = std::fs::metadata(path).map_err(io)?;
        if !meta.is_file() {
            return Err(ProjectFileError::NotSqlite {
                path: path.to_path_buf(),
                detail: "it is not a regular file".into(),
            });
        }
        let mut bytes = Vec::with_capacity(HEADER_LEN);
        std::fs::File::open(path)
            .map_err(io)?
            .take(HEADER_LEN as u64)
            .read_to_end(&mut bytes)
            .map_err(io)?;
        FileHeader::parse(&bytes).map_err(|detail| ProjectFileError::NotSqlite {
            path: path.to_path_buf(),
            detail,
        })
    }

    pub fn parse(bytes: &[u8]) -> Result<FileHeader, String> {
        if bytes.is_empty() {
            return Err("the file is empty".into());
        }
        if bytes.len() < HEADER_LEN || &bytes[..16] != MAGIC {
            return Err("it does not start with the SQLite database header".into());
        }
        let be_i32 = |at: usize| i32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
        Ok(FileHeader {
            user_version: be_i32(60),
            application_id: be_i32(68),
        })
    }

    /// Refuses files that are not projects, or are projects from a newer Casewright.
    pub fn check(&self, path: &Path) -> Result<(), ProjectFileError> {
        if self.application_id != APPLICATION_ID {
            return Err(ProjectFileError::NotAProject {
                path: path.to_path_buf(),
                application_id: self.application_id,
            });
        }
        if self.user_version > SCHEMA_VERSION {
            return Err(ProjectFileError::TooNew {
                path: path.to_path_buf(),
                found: self.user_version,
                supported: SCHEMA_VERSION,
            });
        }
        if self.user_version < 0 {
            return Err(ProjectFileError::Corrupt {
                path: path.to_path_buf(),
                detail: format!("its schema version {} is negative", self.user_version),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(user_version: i32, application_id: i32) -> Vec<u8> {
        let mut bytes = vec![0u8; HEADER_LEN];
        bytes[..16].copy_from_slice(MAGIC);
        bytes[60..64].copy_from_slice(&user_version.to_be_bytes());
        bytes[68..72].copy_from_slice(&application_id.to_be_bytes());
        bytes
    }

    #[test]
    fn reads_the_ids_sqlite_stores_big_endian() {
        let parsed = FileHeader::parse(&header(3, APPLICATION_ID)).unwrap();
        assert_eq!(parsed.user_version, 3);
        assert_eq!(parsed.application_id, APPLICATION_ID);
    }

    #[test]
    fn short_or_foreign_bytes_are_not_sqlite() {
        assert!(FileHeader::parse(b"").unwrap_err().contains("empty"));
        assert!(FileHeader::parse(b"%PDF-1.7").is_err());
        let mut bytes = header(1, APPLICATION_ID);
        bytes[0] = b's';
        assert!(FileHeader::parse(&bytes).is_err());
    }
}
