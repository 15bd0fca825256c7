// Rendering a long list of cards a window at a time: a section (or the library) shows its first
// cards, and more as the person scrolls towards the end or asks for them. Pure, so it is
// unit-tested directly; BlockZone.svelte keeps the count and watches the scrolling.
//
// The window is a prefix of the list, never a slice from the middle: svelte-dnd-action reads
// the drop position from the cards that are there, and `finalIndex` (lib/dnd.ts) turns a
// position among the shown cards into an index in the whole list by its neighbours, so a
// drop lands where its indicator showed even while the cards after the window are not shown.

/**
 * How many cards a list shows at first, and how many more each step reveals. 8 fill a column
 * on a large screen (a card is 120 to 200 px high), and the next step loads before the end is
 * seen (WINDOW_MARGIN). It is what the first paint costs: in WebKitGTK (release build, under
 * Xvfb) 12 columns of 24 cards took 680 ms to lay out, where the board should open in 300 ms;
 * 2,000 cards took seconds.
 */
export const WINDOW_STEP = 8;

/** How far below the list's visible end the next step starts loading, so it is there before it is seen. */
export const WINDOW_MARGIN = "0px 0px 600px 0px";

/** The count after one more step ("Show 24 more", or the end of the list scrolled near). */
export function grown(count: number, total: number, step = WINDOW_STEP): number {
  return Math.min(Math.max(count, 0) + step, Math.max(total, count));
}

/**
 * The count that shows the card at `index` (a selected, moved or added card): at least `count`,
 * and rounded up to a whole step past the card, so the cards after it show too.
 */
export function countToShow(count: number, index: number, step = WINDOW_STEP): number {
  if (index < count) return count;
  return (Math.floor(index / step) + 1) * step;
}

/** How many of the list's `total` cards a window of `count` leaves out. */
export function hiddenCount(total: number, count: number): number {
  return Math.max(0, total - count);
}

/**
 * The items a zone renders: the first `count` of `all`, or, while a drag is on, the drag's
 * `preview` of them (what svelte-dnd-action last gave, with its placeholder) and, after it, the
 * cards the window has grown to since the drag began (any card of the first `count` the preview
 * does not hold, except the one being dragged, which is elsewhere now). When the window has not
 * grown, that is the preview itself (the same array, so the drag library sees no change).
 */
export function windowed<T extends { id: unknown }>(all: readonly T[], count: number, preview?: readonly T[], dragged?: unknown): T[] {
  if (!preview) return all.length <= count ? (all as T[]) : all.slice(0, count);
  const held = new Set(preview.map((item) => item.id));
  const tail = all.slice(0, count).filter((item) => !held.has(item.id) && item.id !== dragged);
  return tail.length === 0 ? (preview as T[]) : [...preview, ...tail];
}

/** How far beside the board's visible part a column counts as near: its cards are there before it is seen. */
export const COLUMN_MARGIN = "0px 600px 0px 600px";

/** How many rows a long list of checkboxes (Import Blocks From…) shows at first, and how many more each step reveals. */
export const ROWS_STEP = 120;

/**
 * How many rows of each group to render when `limit` rows in all are rendered, in order: the
 * first groups whole, then part of one, then none (a group with none is not shown).
 */
export function rowBudgets(groupSizes: readonly number[], limit: number): number[] {
  let left = Math.max(0, limit);
  return groupSizes.map((size) => {
    const rows = Math.min(size, left);
    left -= rows;
    return rows;
  });
}
