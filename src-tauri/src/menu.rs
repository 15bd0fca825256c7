//! The native menu. Choosing an item sends a `MenuAction` to the UI, which runs the same
//! code as its toolbar; the File accelerators live here, Undo/Redo keys in the UI (they
//! must leave text fields their own undo).

use casewright_core::ipc::{MenuAction, MENU_EVENT};
use tauri::menu::{Menu, MenuBuilder, MenuEvent, MenuItemBuilder, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Runtime};

const RECENT_PREFIX: &str = "recent:";

/// Builds the menu bar, with `recent` projects under File › Open Recent.
pub fn build<R: Runtime>(app: &AppHandle<R>, recent: &[String]) -> tauri::Result<Menu<R>> {
    let item = |id: &str, text: &str, accelerator: Option<&str>| {
        let builder = MenuItemBuilder::with_id(id, text);
        match accelerator {
            Some(keys) => builder.accelerator(keys).build(app),
            None => builder.build(app),
        }
    };
    let mut open_recent = SubmenuBuilder::new(app, "Open Recent");
    if recent.is_empty() {
        open_recent = open_recent.item(
            &MenuItemBuilder::with_id("recent-none", "No recent projects")
                .enabled(false)
                .build(app)?,
        );
    }
    for path in recent {
        let label = std::path::Path::new(path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.clone());
        open_recent = open_recent
            .item(&MenuItemBuilder::with_id(format!("{RECENT_PREFIX}{path}"), label).build(app)?);
    }
    let file = SubmenuBuilder::new(app, "File")
        .item(&item("new", "New Project…", Some("CmdOrCtrl+N"))?)
        .item(&item("open", "Open…", Some("CmdOrCtrl+O"))?)
        .item(&open_recent.build()?)
        .separator()
        .item(&item("save-as", "Save As…", Some("CmdOrCtrl+Shift+S"))?)
        .item(&item("share-copy", "Share a Copy…", None)?)
        .item(&item("merge-from", "Merge Changes From…", None)?)
        .item(&item("import-blocks", "Import Blocks From…", None)?)
        .item(&item(
            "export",
            "Export Briefing PDF…",
            Some("CmdOrCtrl+E"),
        )?)
        .separator()
        .quit()
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .item(&item("undo", "Undo (Ctrl+Z)", None)?)
        .item(&item("redo", "Redo (Ctrl+Shift+Z)", None)?)
        .build()?;
    MenuBuilder::new(app).items(&[&file, &edit]).build()
}

/// The action a menu item stands for.
pub fn action_for(id: &str) -> Option<MenuAction> {
    Some(match id {
        "new" => MenuAction::New,
        "open" => MenuAction::Open,
        "save-as" => MenuAction::SaveAs,
        "share-copy" => MenuAction::ShareCopy,
        "merge-from" => MenuAction::MergeFrom,
        "import-blocks" => MenuAction::ImportBlocks,
        "export" => MenuAction::Export,
        "undo" => MenuAction::Undo,
        "redo" => MenuAction::Redo,
        other => MenuAction::OpenRecent {
            path: other.strip_prefix(RECENT_PREFIX)?.to_string(),
        },
    })
}

pub fn on_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    if let Some(action) = action_for(event.id().as_ref()) {
        let _ = app.emit(MENU_EVENT, action);
    }
}

/// Rebuilds the menu after the recent list changed.
pub fn refresh<R: Runtime>(app: &AppHandle<R>, recent: &[String]) {
    if let Ok(menu) = build(app, recent) {
        let _ = app.set_menu(menu);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn menu_ids_map_to_actions() {
        assert_eq!(action_for("save-as"), Some(MenuAction::SaveAs));
        assert_eq!(
            action_for("recent:/home/a/b.casewright"),
            Some(MenuAction::OpenRecent {
                path: "/home/a/b.casewright".into()
            })
        );
        assert_eq!(action_for("recent-none"), None);
    }
}
