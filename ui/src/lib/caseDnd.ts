// Pure logic of adding a case study from the library pane's case list to the storyboard, by a
// drag or by its "Add to…" menu: the list's items, how a dropped case is recognised among a
// section's blocks, where it lands, and what is said. No Svelte, no DOM: unit-tested directly.
//
// The case list is a drag zone of the same type as the sections ("block"), so its cards can be
// dropped between their blocks. A card's item is shaped like the story block the case becomes
// (so a section shows the right placeholder and preview), with a negative id (the core's block
// ids are positive, so the two never meet) and the case it stands for under `caseDrop`. Dragging
// copies: the list keeps a copy of the card under a fresh id while the original travels.
import type { Block, CaseHit, CaseQuery, Place, Project, Relation } from "./bindings";
import { emptyBlock, finalIndex, sectionName, sectionZone, zoneSectionId, type ZoneKey } from "./dnd";
import { facetLabel } from "./cases";

/** The case list as a drag zone, beside the library's and the sections' ZoneKeys. */
export const CASES = "cases";
export type CasesZone = typeof CASES;

/** How many hits the pane lists; the Cases view browses the rest. */
export const CASE_LIST_LIMIT = 20;

/** What adding a case needs: which case, as what relation, with its numbers as metrics or not. */
export type CaseDrop = {
  caseId: number;
  /** The case's title, for announcements. */
  title: string;
  relation: Relation | null;
  /** Whether each numbered outcome also becomes a metric block. */
  metrics: boolean;
};

/** A card of the case list, as a drag library item: the story it becomes, and the case. */
export type CaseItem = Block & { caseDrop: CaseDrop };

let lastId = 0;

/** A fresh id for a case-list item: negative, so never one of the core's block ids. */
export function caseItemId(): number {
  lastId -= 1;
  return lastId;
}

/** The item for a hit: the story block the case becomes (title, organisation, relation, text, source). */
export function caseItem(hit: CaseHit, id: number, metrics: boolean): CaseItem {
  const study = hit.case;
  const story = emptyBlock("story", study.title);
  return {
    ...story,
    id,
    body: study.initiative,
    organisation: study.organisation,
    relation: hit.relation,
    source: study.source.title || null,
    caseId: study.id ?? null,
    caseDrop: { caseId: study.id ?? 0, title: study.title, relation: hit.relation, metrics },
  };
}

export function isCaseItem(item: unknown): item is CaseItem {
  if (typeof item !== "object" || item === null || !("caseDrop" in item)) return false;
  const drop = (item as { caseDrop: unknown }).caseDrop;
  return typeof drop === "object" && drop !== null && typeof (drop as CaseDrop).caseId === "number";
}

/** The case the item `id` of a dropped list stands for; null when it is a block (or not there). */
export function droppedCase(items: readonly unknown[], id: number): CaseDrop | null {
  const item = items.find((i) => isCaseItem(i) && i.id === id);
  return isCaseItem(item) ? item.caseDrop : null;
}

/**
 * Where a case dropped into `zone` goes: the index among the section's blocks that its place in
 * `shown` (the zone's items after the drop) means. Null for the block library (a case goes into
 * a section or nowhere), for a section that is gone, and when the case is not in `shown`.
 */
export function placeForDroppedCase(project: Project, zone: ZoneKey, shown: readonly { id: unknown }[], id: number): Place | null {
  const sectionId = zoneSectionId(zone);
  if (sectionId === null || !project.sections.some((s) => s.id === sectionId)) return null;
  const index = finalIndex(project, zone, shown, id);
  return index === null ? null : { in: "section", sectionId, index };
}

/** The end of each section, for a case card's "Add to…" menu, in storyboard order. */
export function caseTargets(project: Project): { label: string; zone: ZoneKey; place: Place }[] {
  return project.sections.map((s, i) => ({
    label: sectionName(s, i),
    zone: sectionZone(s.id),
    place: { in: "section", sectionId: s.id, index: s.blocks.length },
  }));
}

/**
 * The list with the item `id` under a fresh id: what the case list shows once that card is
 * dragged away, so it does not shrink (a case is copied, not moved) and no id is in two lists.
 */
export function withCopy<T extends { id: number }>(list: readonly T[], id: number, freshId: number): T[] {
  return list.map((item) => (item.id === id ? { ...item, id: freshId } : item));
}

/** The query the pane sends: the words typed, no filters, the cases most relevant to the open project first, the first few hits. */
export function caseListQuery(text: string): CaseQuery {
  return { text, industry: null, size: null, kind: null, year: null, evidence: null, relation: null, sort: "project", limit: CASE_LIST_LIMIT };
}

/** "Manufacturing · 2023" (either may be missing). */
export function caseMeta(hit: CaseHit): string {
  const industry = hit.case.industry.trim() ? facetLabel("industry", hit.case.industry.trim()) : "";
  return [industry, hit.case.year === null ? "" : String(hit.case.year)].filter((x) => x !== "").join(" · ");
}

export function relationName(relation: Relation): string {
  return relation === "peer" ? "Peer" : "Competitor";
}

/** A case card's accessible name: "Case study: Title, Organisation, Manufacturing · 2023, peer". */
export function caseCardLabel(hit: CaseHit): string {
  const parts = [`Case study: ${hit.case.title}`, hit.case.organisation, caseMeta(hit)];
  if (hit.relation) parts.push(hit.relation);
  return parts.filter((p) => p.trim() !== "").join(", ");
}

/** "5 case studies", or "The first 20 of 37 case studies" when the list shows only some. */
export function caseListCount(shown: number, total: number, more: boolean): string {
  const all = `${total.toLocaleString("en-US")}${more ? "+" : ""}`;
  if (shown < total || more) return `The first ${shown} of ${all} case studies`;
  return total === 1 ? "1 case study" : `${all} case studies`;
}
