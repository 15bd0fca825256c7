// What the native menu's choices and the window's keyboard shortcuts do, dispatched to the
// controllers that do it. An in-app dialog is modal: menu and shortcuts wait for it.
import type { MenuAction } from "../bindings";
import { CASES } from "../caseDnd";
import { shortcutFor } from "../shortcuts";
import type { BriefingController } from "./briefingController.svelte";
import type { DialogsController } from "./dialogsController.svelte";
import type { FileActions } from "./fileActions.svelte";
import type { Session } from "./session.svelte";
import type { StoryboardController } from "./storyboardController.svelte";

export type Controllers = {
  session: Session;
  files: FileActions;
  dialogs: DialogsController;
  briefing: BriefingController;
  board: StoryboardController;
};

/** The native menu's choices (they reach the UI as `menu-action` events). */
export function menuHandler({ session, files, dialogs, briefing }: Controllers): (action: MenuAction) => void {
  return (action) => {
    // An in-app dialog is modal: the native menu waits for it too.
    if (dialogs.dialog) return;
    switch (action.action) {
      case "new":
        return files.newProject();
      case "open":
        return files.openProject();
      case "saveAs":
        return void files.saveAs();
      case "shareCopy":
        return dialogs.openShare();
      case "mergeFrom":
        return dialogs.startMerge();
      case "importBlocks":
        return dialogs.startImport();
      case "export":
        return briefing.exportBriefing();
      case "undo":
        return session.undoLast();
      case "redo":
        return session.redoLast();
      case "openRecent":
        return files.openRecentProject(action.path);
    }
  };
}

/** The window's shortcuts: undo, redo, and Delete / Duplicate on the selected block; Escape stops an export. */
export function keydownHandler({ session, dialogs, briefing, board }: Controllers): (event: KeyboardEvent) => void {
  return (event) => {
    if (!session.opened || dialogs.dialog || board.blockDrag.keyboard || board.sectionDrag.keyboard || event.defaultPrevented) return;
    // Escape stops the export while its progress shows (unless a menu or a rename took it).
    if (event.key === "Escape" && briefing.exportRun.shown) {
      event.preventDefault();
      briefing.exportRun.cancel();
      return;
    }
    const shortcut = shortcutFor(event, event.target instanceof Element ? event.target : document.activeElement);
    if (!shortcut) return;
    if (shortcut === "undo" || shortcut === "redo") {
      event.preventDefault();
      if (shortcut === "undo") session.undoLast();
      else session.redoLast();
      return;
    }
    const selected = board.selection;
    // Delete and Duplicate act on the selected block, which the Pilots view does not show; a
    // project open read-only has nothing to delete or duplicate.
    if (selected?.type !== "block" || session.view !== "storyboard" || session.readOnly) return;
    event.preventDefault();
    if (event.repeat) return;
    if (shortcut === "delete") void board.deleteBlock(selected.id);
    else void board.duplicateBlock(selected.id);
  };
}

/** Keys that belong to a keyboard drag, seen (in the capture phase) before the drag library handles them. */
export function dragKeyHandler({ board }: Pick<Controllers, "board">): (event: KeyboardEvent) => void {
  return (event) => {
    const { blockDrag, sectionDrag } = board;
    if (blockDrag.keyboard) {
      if (event.key === "Escape") blockDrag.cancelKeyboardDrag();
      else if (event.key === "Tab" && blockDrag.focusNextZone(event.shiftKey)) event.preventDefault();
      else if (blockDrag.keyboard.zone === CASES && event.key.startsWith("Arrow")) {
        // A case picked up in the case list: an arrow key takes it into the first section (the
        // list itself is not reordered).
        event.preventDefault();
        event.stopPropagation();
        blockDrag.focusNextZone(false);
      }
    } else if (sectionDrag.keyboard && event.key === "Escape") {
      sectionDrag.cancelKeyboardDrag();
    }
  };
}
