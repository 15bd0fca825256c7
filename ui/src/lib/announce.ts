// What screen readers hear while blocks and sections are moved, worded with the block titles
// and section names (the drag library's own live region is switched off, see BlockZone).

const q = (title: string) => `“${title}”`;

export const BLOCK_DRAG_HELP =
  "Press Space to pick up the block. Then use the arrow keys to move it, Tab to move it to the next section or the library, Space to drop it, or Escape to cancel. Enter opens the block in the inspector.";

export const SECTION_DRAG_HELP =
  "Press Space to pick up the section. Then use the left and right arrow keys to move it, Space to drop it, or Escape to cancel.";

export function pickedUp(item: string, zone: string, position: number, count: number): string {
  return `Picked up ${q(item)} in ${zone}, position ${position} of ${count}. Arrow keys move it, Tab goes to the next section, Space drops it, Escape cancels.`;
}

export function movedTo(item: string, zone: string, position: number, count: number): string {
  return `${q(item)}: ${zone}, position ${position} of ${count}.`;
}

export function dropped(item: string, zone: string, position: number, count: number): string {
  return `Dropped ${q(item)} in ${zone}, position ${position} of ${count}.`;
}

export function cancelled(item: string, zone: string, position: number): string {
  return `Move cancelled. ${q(item)} stays in ${zone}, position ${position}.`;
}

export function sectionPickedUp(section: string, position: number, count: number): string {
  return `Picked up section ${q(section)}, position ${position} of ${count}. Left and right arrow keys move it, Space drops it, Escape cancels.`;
}

export function sectionMovedTo(section: string, position: number, count: number): string {
  return `Section ${q(section)}: position ${position} of ${count}.`;
}

export function sectionDropped(section: string, position: number, count: number): string {
  return `Dropped section ${q(section)} at position ${position} of ${count}.`;
}

export function sectionCancelled(section: string, position: number): string {
  return `Move cancelled. Section ${q(section)} stays at position ${position}.`;
}
