//! Pictures kept in the project file: the logo and the blocks' photos. Each is checked and
//! sized for keeping when it is added ([`images::for_storage`]) and stored once however
//! many blocks use it; pictures nothing uses any more are dropped when the file closes.

use rusqlite::{params, OptionalExtension};
use sha2::{Digest, Sha256};

use super::{ProjectFile, ProjectFileError};
use crate::briefing::images;
use crate::model::ImageRef;

impl ProjectFile {
    /// Adds a picture (the bytes of a JPEG or PNG file) and returns its reference. Adding
    /// the same picture twice gives the same reference.
    pub fn add_image(&self, bytes: &[u8]) -> Result<ImageRef, ProjectFileError> {
        if let Some(holder) = self.read_only_holder() {
            return Err(ProjectFileError::ReadOnly(holder.clone()));
        }
        let stored = images::for_storage(bytes).map_err(ProjectFileError::Image)?;
        let digest = hex(&Sha256::digest(&stored.bytes));
        let sql = |e| ProjectFileError::from_sqlite_opt(self.path.as_deref(), e);
        self.conn
            .execute(
                "INSERT INTO image (digest, media_type, width, height, bytes)
                 VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (digest) DO NOTHING",
                params![
                    digest,
                    stored.media_type,
                    stored.width,
                    stored.height,
                    stored.bytes
                ],
            )
            .map_err(sql)?;
        let id = self
            .conn
            .query_row("SELECT id FROM image WHERE digest = ?1", [&digest], |r| {
                r.get(0)
            })
            .map_err(sql)?;
        Ok(ImageRef {
            id,
            width: stored.width,
            height: stored.height,
        })
    }

    /// The stored bytes of picture `id` (a JPEG or PNG file), or `None` if there is none.
    pub fn image_bytes(&self, id: i64) -> Result<Option<Vec<u8>>, ProjectFileError> {
        self.conn
            .query_row("SELECT bytes FROM image WHERE id = ?1", [id], |r| r.get(0))
            .optional()
            .map_err(|e| ProjectFileError::from_sqlite_opt(self.path.as_deref(), e))
    }

    /// Every stored picture by the digest of its bytes (what two copies agree on).
    pub fn images_by_digest(
        &self,
    ) -> Result<std::collections::HashMap<String, ImageRef>, ProjectFileError> {
        let sql = |e| ProjectFileError::from_sqlite_opt(self.path.as_deref(), e);
        let mut stmt = self
            .conn
            .prepare("SELECT digest, id, width, height FROM image")
            .map_err(sql)?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    super::rows::image_ref(r.get(1)?, r.get(2)?, r.get(3)?),
                ))
            })
            .map_err(sql)?;
        let mut out = std::collections::HashMap::new();
        for row in rows {
            if let (digest, Some(image)) = row.map_err(sql)? {
                out.insert(digest, image);
            }
        }
        Ok(out)
    }

    /// Drops pictures that neither the logo nor any block uses.
    pub(crate) fn drop_unused_images(&self) -> rusqlite::Result<usize> {
        self.conn.execute(
            "DELETE FROM image WHERE id NOT IN (
                 SELECT logo_image FROM project WHERE logo_image IS NOT NULL
                 UNION SELECT photo_image FROM block WHERE photo_image IS NOT NULL)",
            [],
        )
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
