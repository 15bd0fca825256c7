// Pure storyboard geometry for drag and drop and the "Move to…" menu: where a block is, and
// which Edit a drop or a menu choice means. No Svelte, no DOM, so it is unit-tested directly.
import type { Block, Edit, Place, Project, Section } from "./bindings";

export type MoveBlockEdit = Extract<Edit, { op: "moveBlock" }>;
export type MoveSectionEdit = Extract<Edit, { op: "moveSection" }>;

/** A container of blocks: the library or one section, as a stable string key. */
export type ZoneKey = "library" | `section:${number}`;

export const LIBRARY: ZoneKey = "library";

export function sectionZone(sectionId: number): ZoneKey {
  return `section:${sectionId}`;
}

/** The section id of a section zone; null for the library. */
export function zoneSectionId(zone: ZoneKey): number | null {
  return zone === LIBRARY ? null : Number(zone.slice("section:".length));
}

export function placeIn(zone: ZoneKey, index: number): Place {
  const sectionId = zoneSectionId(zone);
  return sectionId === null ? { in: "library", index } : { in: "section", sectionId, index };
}

/** The blocks a zone holds in the project, in order ([] for a section that does not exist). */
export function blocksIn(project: Project, zone: ZoneKey): Block[] {
  const sectionId = zoneSectionId(zone);
  if (sectionId === null) return project.library;
  return project.sections.find((s) => s.id === sectionId)?.blocks ?? [];
}

export type Location = { zone: ZoneKey; index: number; block: Block };

/** Where a block is: its zone and its index there; null when the project has no such block. */
export function locateBlock(project: Project, id: number): Location | null {
  const inLibrary = project.library.findIndex((b) => b.id === id);
  if (inLibrary >= 0) return { zone: LIBRARY, index: inLibrary, block: project.library[inLibrary] };
  for (const section of project.sections) {
    const index = section.blocks.findIndex((b) => b.id === id);
    if (index >= 0) return { zone: sectionZone(section.id), index, block: section.blocks[index] };
  }
  return null;
}

/** What a zone is called in announcements and menus: "Library" or the section's title. */
export function zoneName(project: Project, zone: ZoneKey): string {
  const sectionId = zoneSectionId(zone);
  if (sectionId === null) return "Library";
  const index = project.sections.findIndex((s) => s.id === sectionId);
  return index < 0 ? "a section" : sectionName(project.sections[index], index);
}

/** A section's title, or "Section 3" while it has none. */
export function sectionName(section: Pick<Section, "title">, index: number): string {
  return section.title.trim() || `Section ${index + 1}`;
}

/** A block's title for messages, or "Untitled metric" while it has none. */
export function blockName(block: Pick<Block, "title" | "kind">): string {
  return block.title.trim() || `Untitled ${block.kind}`;
}

/**
 * The index a block gets in `zone` when it is shown at its place in `shown`, the zone's items
 * as the person sees them after the drop. `shown` may be a filtered view (the library with a
 * filter on) and may still hold other blocks that are not in the zone: it is read only for the
 * neighbours of the block. The index counts the zone's blocks after the moved one is taken
 * out, as MoveBlock's `to` does, so it is the block's final index.
 */
export function finalIndex(project: Project, zone: ZoneKey, shown: readonly { id: unknown }[], id: number): number | null {
  const at = shown.findIndex((item) => item.id === id);
  if (at < 0) return null;
  const rest = blocksIn(project, zone).filter((b) => b.id !== id);
  const indexOf = (item: { id: unknown }) => rest.findIndex((b) => b.id === item.id);
  for (let i = at - 1; i >= 0; i--) {
    const index = indexOf(shown[i]);
    if (index >= 0) return index + 1;
  }
  for (let i = at + 1; i < shown.length; i++) {
    const index = indexOf(shown[i]);
    if (index >= 0) return index;
  }
  // Nothing else of the zone is shown: an empty section, or a library filtered down to this block.
  return rest.length;
}

/**
 * The MoveBlock edit for a block that a drop put at its place in `shown` (the items of `zone`
 * after the drop), or null when that is where it already was (or it is not there at all).
 */
export function moveEditForDrop(project: Project, zone: ZoneKey, shown: readonly { id: unknown }[], id: number): MoveBlockEdit | null {
  const from = locateBlock(project, id);
  if (!from) return null;
  const index = finalIndex(project, zone, shown, id);
  if (index === null) return null;
  if (from.zone === zone && from.index === index) return null;
  return { op: "moveBlock", id, to: placeIn(zone, index) };
}

/** The MoveSection edit for a section now at its place in `shown`, or null when it did not move. */
export function sectionMoveForDrop(sections: readonly Section[], shown: readonly { id: unknown }[], id: number): MoveSectionEdit | null {
  const from = sections.findIndex((s) => s.id === id);
  const to = shown.filter((item) => sections.some((s) => s.id === item.id)).findIndex((item) => item.id === id);
  if (from < 0 || to < 0 || from === to) return null;
  return { op: "moveSection", id, index: to };
}

export type MoveTarget = {
  /** What the menu item says, e.g. "Move up", "Proof", "Library". */
  label: string;
  group: "order" | "section" | "library";
  /** The edit choosing it sends. */
  edit: MoveBlockEdit;
  /** Where the block ends up, for the announcement: the zone and its final index. */
  zone: ZoneKey;
  index: number;
};

/**
 * The choices of a block's "Move to…" menu: up and down within its container, the end of each
 * other section, and the end of the library. Each index is the block's final index.
 */
export function moveTargets(project: Project, id: number): MoveTarget[] {
  const from = locateBlock(project, id);
  if (!from) return [];
  const targets: MoveTarget[] = [];
  const here = blocksIn(project, from.zone).length;
  const move = (zone: ZoneKey, index: number): MoveBlockEdit => ({ op: "moveBlock", id, to: placeIn(zone, index) });
  if (from.index > 0) {
    targets.push({ label: "Move up", group: "order", edit: move(from.zone, from.index - 1), zone: from.zone, index: from.index - 1 });
  }
  if (from.index < here - 1) {
    targets.push({ label: "Move down", group: "order", edit: move(from.zone, from.index + 1), zone: from.zone, index: from.index + 1 });
  }
  project.sections.forEach((section, position) => {
    const zone = sectionZone(section.id);
    if (zone === from.zone) return;
    const index = section.blocks.length;
    targets.push({ label: sectionName(section, position), group: "section", edit: move(zone, index), zone, index });
  });
  if (from.zone !== LIBRARY) {
    const index = project.library.length;
    targets.push({ label: "Library", group: "library", edit: move(LIBRARY, index), zone: LIBRARY, index });
  }
  return targets;
}

export type Selection = { type: "block"; id: number } | { type: "section"; id: number } | null;

/**
 * Where a new block goes: right after the selected block when that block is in a section, at
 * the end of the selected section, and otherwise at the end of the library.
 */
export function placeForNewBlock(project: Project, selection: Selection): Place {
  if (selection?.type === "section") {
    const section = project.sections.find((s) => s.id === selection.id);
    if (section) return { in: "section", sectionId: section.id, index: section.blocks.length };
  }
  if (selection?.type === "block") {
    const at = locateBlock(project, selection.id);
    if (at && at.zone !== LIBRARY) return placeIn(at.zone, at.index + 1);
  }
  return { in: "library", index: project.library.length };
}

/** The block at a place, e.g. the one an AddBlock or DuplicateBlock just created. */
export function blockAt(project: Project, place: Place): Block | null {
  const zone = place.in === "library" ? LIBRARY : sectionZone(place.sectionId);
  return blocksIn(project, zone)[place.index] ?? null;
}

/** A block with only a kind and a title, every other field empty (the core's `Block::new`). */
export function emptyBlock(kind: Block["kind"], title: string): Block {
  return {
    id: 0,
    uid: "",
    kind,
    title,
    body: "",
    number: null,
    unit: null,
    source: null,
    sourceLink: null,
    sourceDate: null,
    organisation: null,
    relation: null,
    direction: null,
    baseline: null,
    target: null,
    tags: [],
    dismissed: [],
    photo: null,
    caseId: null,
  };
}

/** A new, empty block of a kind, as AddBlock takes it (the core gives it its id). */
export function blankBlock(kind: Block["kind"]): Block {
  const titles = { benefit: "New benefit", story: "New story", metric: "New metric" } as const;
  return { ...emptyBlock(kind, titles[kind]), direction: kind === "metric" ? "higher" : null };
}
