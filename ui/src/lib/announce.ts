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

// Case studies added from the library pane's case list (lib/caseDnd.ts).

export const CASE_DRAG_HELP =
  "Press Space to pick up the case study. Then use the arrow keys or Tab to move it into a section, the arrow keys to choose its place there, Tab for the next section, Space to add it, or Escape to cancel. Add to… lists the sections too.";

export function casePickedUp(title: string): string {
  return `Picked up case ${q(title)}. Arrow keys or Tab move it into a section, Space adds it there, Escape cancels.`;
}

export function caseNotAdded(title: string): string {
  return `Cancelled. Case ${q(title)} was not added.`;
}

/**
 * What adding a case says once the core has it: "Added case “X” to Proof, position 2 of 4, with
 * 1 metric block. Ctrl+Z takes it back." `metricBlocks` counts the metric blocks added with it.
 */
export function caseAdded(title: string, section: string, position: number, count: number, metricBlocks: number): string {
  const metrics = metricBlocks === 0 ? "" : `, with ${metricBlocks === 1 ? "1 metric block" : `${metricBlocks} metric blocks`}`;
  return `Added case ${q(title)} to ${section}, position ${position} of ${count}${metrics}. Ctrl+Z takes ${metricBlocks === 0 ? "it" : "them"} back.`;
}
