// The case-study library view's own small decisions: where a case goes in the storyboard, the
// facet filters as chips, how counts and labels read. Searching, ranking, snippets and facets
// themselves are the core's (search_cases); this module only shapes what the view sends and shows.
import type { AppError, CaseQuery, Evidence, Facets, OrgSize, OutcomeKind, Outcome, Place, Project, SearchResult } from "./bindings";
import { locateBlock, zoneSectionId, type Selection } from "./dnd";
import { formatNumber } from "./format";

/** The facets the view offers, in the order it shows them. */
export type FacetKey = "industry" | "kind" | "size" | "year" | "evidence";

export const FACETS: readonly { key: FacetKey; label: string }[] = [
  { key: "industry", label: "Industry" },
  { key: "kind", label: "Outcome" },
  { key: "size", label: "Size" },
  { key: "year", label: "Year" },
  { key: "evidence", label: "Evidence" },
];

export const EVIDENCE_NAMES: Record<Evidence, string> = {
  anecdote: "Anecdote",
  "internal-report": "Internal report",
  "published-study": "Published study",
  "audited-figure": "Audited figure",
};

const capital = (text: string) => (text === "" ? text : text[0].toUpperCase() + text.slice(1));

/** How a facet value reads ("internal-report" → "Internal report", "manufacturing" → "Manufacturing"). */
export function facetLabel(key: FacetKey, value: string): string {
  if (key === "evidence") return EVIDENCE_NAMES[value as Evidence] ?? value;
  if (key === "year") return value;
  return capital(value);
}

/** A query with no words and no filters, newest first would hide relevance; relevance it is. */
export function emptyQuery(): CaseQuery {
  return { text: "", industry: null, size: null, kind: null, year: null, evidence: null, relation: null, sort: "relevance", limit: null };
}

/** The value a facet is filtered on in `query`, as the facet lists it (a string); null when not. */
export function facetValue(query: CaseQuery, key: FacetKey): string | null {
  const value = query[key];
  return value === null ? null : String(value);
}

/** The query with the facet set to `value`, or cleared when it already was (a toggle). */
export function toggleFacet(query: CaseQuery, key: FacetKey, value: string): CaseQuery {
  if (facetValue(query, key) === value) return clearFacet(query, key);
  switch (key) {
    case "year": {
      const year = Number(value);
      return Number.isInteger(year) ? { ...query, year } : query;
    }
    case "industry":
      return { ...query, industry: value };
    case "size":
      return { ...query, size: value as OrgSize };
    case "kind":
      return { ...query, kind: value as OutcomeKind };
    case "evidence":
      return { ...query, evidence: value as Evidence };
  }
}

export function clearFacet(query: CaseQuery, key: FacetKey): CaseQuery {
  return { ...query, [key]: null };
}

/** The active filters as removable chips, in facet order. */
export function activeChips(query: CaseQuery): { key: FacetKey; value: string; label: string }[] {
  const chips: { key: FacetKey; value: string; label: string }[] = [];
  for (const { key, label } of FACETS) {
    const value = facetValue(query, key);
    if (value !== null) chips.push({ key, value, label: `${label}: ${facetLabel(key, value)}` });
  }
  return chips;
}

/** The counts of one facet, the active value kept even when the core no longer counts it. */
export function facetCounts(facets: Facets, query: CaseQuery, key: FacetKey): { value: string; count: number; active: boolean }[] {
  const active = facetValue(query, key);
  const counts = facets[key].map((f) => ({ value: f.value, count: f.count, active: f.value === active }));
  if (active !== null && !counts.some((c) => c.active)) counts.unshift({ value: active, count: 0, active: true });
  return counts;
}

/** "37 case studies", "1 case study", or "1,000+ case studies" when more match than were ranked. */
export function resultCount(result: Pick<SearchResult, "total" | "more">): string {
  const n = result.total.toLocaleString("en-US");
  if (result.more) return `${n}+ case studies`;
  return result.total === 1 ? "1 case study" : `${n} case studies`;
}

/** An outcome's figure as it reads ("−23 %", "4.5 days"), or null without a number. */
export function outcomeFigure(outcome: Outcome): string | null {
  if (outcome.number === null) return null;
  const number = formatNumber(outcome.number);
  return outcome.unit ? (outcome.unit === "%" ? `${number}%` : `${number} ${outcome.unit}`) : number;
}

/**
 * Where "Add to storyboard" puts a case: at the end of the selected section (or of the section
 * holding the selected block), else of the section titled "Proof", else of the first section,
 * else at the end of the library.
 */
export function placeForCase(project: Project, selection: Selection): Place {
  let sectionId: number | null = null;
  if (selection?.type === "section") sectionId = selection.id;
  if (selection?.type === "block") {
    const found = locateBlock(project, selection.id);
    if (found) sectionId = zoneSectionId(found.zone);
  }
  const chosen =
    project.sections.find((s) => s.id === sectionId) ??
    project.sections.find((s) => s.title.trim().toLowerCase() === "proof") ??
    project.sections[0];
  if (chosen) return { in: "section", sectionId: chosen.id, index: chosen.blocks.length };
  return { in: "library", index: project.library.length };
}

/** The bad lines of an "invalid_csv"/"invalid_json" refusal (one a line), or the message alone. */
export function importProblems(error: AppError): string[] {
  const lines = error.message
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  return lines.length > 0 ? lines : [error.message];
}

/** The fields an import cannot do without. */
export const REQUIRED_FIELDS: readonly string[] = ["title", "organisation"];

/** Why the mapping cannot be imported yet (a required field without a column), or null. */
export function mappingProblem(mapping: Record<string, number>): string | null {
  const missing = REQUIRED_FIELDS.filter((f) => !(typeof mapping[f] === "number" && mapping[f] >= 0));
  if (missing.length === 0) return null;
  return `Choose the column for ${missing.join(" and ")}.`;
}

/** The mapping to send: fields left without a column dropped. */
export function cleanMapping(mapping: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(mapping).filter(([, column]) => typeof column === "number" && column >= 0));
}

/** "Imported: 3 added, 1 updated, 2 skipped." (the zero parts after "added" left out). */
export function importSummaryText(summary: { added: number; updated: number; skipped: number }): string {
  const parts = [`${summary.added} added`];
  if (summary.updated > 0) parts.push(`${summary.updated} updated`);
  if (summary.skipped > 0) parts.push(`${summary.skipped} skipped`);
  return `Imported: ${parts.join(", ")}.`;
}
