// Keeping what did not change: each reply of the core is a whole new project (every block a new
// object), so a move would hand every card on the board a new `block` and re-run all of their
// bindings. `shareUnchanged` gives the next reply the previous reply's objects wherever they are
// equal, so Svelte sees the same block, section and list objects and leaves their DOM alone;
// only what the edit changed is new. The data is plain JSON (bindings.ts), so equality is deep.
import type { Block, MetricChart, OpenedProject, Project, Section } from "./bindings";

/** Whether two plain JSON values are equal (arrays in order, objects by their own keys). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameData(item, other[i]));
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  const rb = b as Record<string, unknown>;
  return keysA.every((key) => Object.hasOwn(rb, key) && sameData((a as Record<string, unknown>)[key], rb[key]));
}

/** `next`, or `previous` itself when every item is the same object in the same order. */
function sameList<T>(previous: readonly T[], next: T[]): T[] {
  return previous.length === next.length && next.every((item, i) => item === previous[i]) ? (previous as T[]) : next;
}

function shareBlocks(byId: Map<number, Block>, next: Block[], previous: readonly Block[] | undefined): Block[] {
  const shared = next.map((block) => {
    const before = byId.get(block.id);
    return before && sameData(before, block) ? before : block;
  });
  return previous ? sameList(previous, shared) : shared;
}

/** The next project, with the previous one's blocks, sections and lists wherever they are equal. */
export function shareProject(previous: Project | null | undefined, next: Project): Project {
  if (!previous) return next;
  const byId = new Map<number, Block>();
  for (const block of previous.library) byId.set(block.id, block);
  for (const section of previous.sections) for (const block of section.blocks) byId.set(block.id, block);
  const sectionsById = new Map(previous.sections.map((s) => [s.id, s]));
  const sections = next.sections.map((section): Section => {
    const before = sectionsById.get(section.id);
    const blocks = shareBlocks(byId, section.blocks, before?.blocks);
    if (before && blocks === before.blocks && before.title === section.title && before.notes === section.notes) return before;
    return { ...section, blocks };
  });
  return {
    ...next,
    sections: sameList(previous.sections, sections),
    library: shareBlocks(byId, next.library, previous.library),
  };
}

/** The next reply, sharing the previous reply's unchanged blocks, sections, lists, charts and lock holder. */
export function shareUnchanged(previous: OpenedProject | null, next: OpenedProject): OpenedProject {
  if (!previous) return next;
  const charts: Record<number, MetricChart> = {};
  let allSame = Object.keys(previous.charts).length === Object.keys(next.charts).length;
  for (const [key, chart] of Object.entries(next.charts)) {
    const before = previous.charts[Number(key)];
    const same = before !== undefined && sameData(before, chart);
    charts[Number(key)] = same ? before : chart;
    allSame &&= same;
  }
  const readOnly = previous.readOnly && sameData(previous.readOnly, next.readOnly) ? previous.readOnly : next.readOnly;
  return { ...next, project: shareProject(previous.project, next.project), charts: allSame ? previous.charts : charts, readOnly };
}
