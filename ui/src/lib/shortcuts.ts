// The editor's own keyboard shortcuts. File shortcuts (Ctrl+N, Ctrl+O, Ctrl+Shift+S, Ctrl+E)
// are accelerators of the native menu and deliberately absent here, so one key press never
// opens two dialogs.

export type Shortcut = "undo" | "redo" | "delete" | "duplicate";

/** Whether an element takes typing, so its own keys (text undo, Delete) must be left alone. */
export function isTextField(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (element instanceof HTMLInputElement) {
    return !["button", "checkbox", "radio", "range", "color", "file", "image", "reset", "submit"].includes(element.type);
  }
  return element instanceof HTMLElement && element.isContentEditable === true;
}

/**
 * The shortcut a key press means, or null. Undo and redo (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y) and
 * Delete are null while focus is in a text field, where the browser's own editing applies.
 * Ctrl+D (duplicate) works anywhere: no text field uses it.
 */
export function shortcutFor(event: KeyboardEvent, focused: Element | null): Shortcut | null {
  const command = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (event.altKey) return null;
  if (command && key === "d" && !event.shiftKey) return "duplicate";
  if (isTextField(focused)) return null;
  if (command && key === "z") return event.shiftKey ? "redo" : "undo";
  if (command && key === "y" && !event.shiftKey) return "redo";
  if (!command && !event.shiftKey && event.key === "Delete") return "delete";
  return null;
}
