// The case-study library view's own small decisions: where a case goes in the storyboard, the
// facet filters as chips, how counts and labels read, a quote shown once in quotation marks, and
// the case editor's form (text as typed, checked as crates/core/src/cases/model.rs checks a case).
// Searching, ranking, snippets and facets themselves are the core's (search_cases); this module
// only shapes what the view sends and shows.
import type { AppError, CaseQuery, CaseStudy, Evidence, Facets, OrgSize, OutcomeKind, Outcome, Place, Project, Relation, SearchResult } from "./bindings";
import { rowProblemList, type RowProblem } from "./errors";
import { locateBlock, zoneSectionId, type Selection } from "./dnd";
import { formatNumber } from "./format";
import { numberText, parseNumber } from "./forms";

/** The facets the view offers, in the order it shows them. */
export type FacetKey = "industry" | "kind" | "size" | "year" | "evidence" | "relation";

export const FACETS: readonly { key: FacetKey; label: string }[] = [
  { key: "industry", label: "Industry" },
  { key: "kind", label: "Outcome" },
  { key: "size", label: "Size" },
  { key: "year", label: "Year" },
  { key: "evidence", label: "Evidence" },
  { key: "relation", label: "Relation" },
];

const RELATIONS: readonly Relation[] = ["peer", "competitor"];

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
    case "relation":
      return RELATIONS.includes(value as Relation) ? { ...query, relation: value as Relation } : query;
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

/** The bad rows of an "invalid_csv" refusal (one each, with the row's first cells), or the message alone. */
export function importProblems(error: AppError): RowProblem[] {
  return rowProblemList(error);
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

// ---- Quotes ------------------------------------------------------------------------------------

/** Marks that open a quotation (“Hello”, "Hello", ‘Hello,’ said…, „Hallo“, «Bonjour»). */
const OPENING = /^[“"‘'„«‹]/;
/** Pairs of double marks that may wrap a whole quote, as typed or pasted. */
const WRAPPERS: readonly [string, string][] = [
  ["“", "”"],
  ['"', '"'],
  ["”", "”"],
  ["„", "“"],
  ["«", "»"],
];

/**
 * A quote as the detail pane shows it, with its quotation marks once. Double marks wrapping the
 * whole of it are taken off and “ ” put back; a quote that already opens with its own marks (the
 * starter cases' ‘…,’ said a supervisor.) is left as written; any other is wrapped in “ ”, its
 * own double marks inside becoming single ones so that none end up doubled.
 */
export function quoteText(quote: string): string {
  let text = quote.trim();
  let wrapped = false;
  for (;;) {
    const pair = WRAPPERS.find(([open, close]) => text.length >= 2 && text.startsWith(open) && text.endsWith(close));
    // Only when the marks wrap the whole: "A" and "B" opens and closes twice.
    if (!pair || text.slice(1, -1).includes(pair[0]) || text.slice(1, -1).includes(pair[1])) break;
    text = text.slice(1, -1).trim();
    wrapped = true;
  }
  if (text === "") return "";
  if (!wrapped && OPENING.test(text)) return text;
  return `“${text.replace(/“/g, "‘").replace(/”/g, "’")}”`;
}

// ---- The case editor's form ----------------------------------------------------------------------

/** The core's limits on a case (CaseStudy::check in crates/core/src/cases/model.rs). */
export const CASE_LIMITS = {
  /** A one-line field: title, organisation, industry, region, source title, publisher, link, date. */
  line: 1_000,
  /** The initiative and the quote. */
  text: 20_000,
  outcomes: 20,
  tags: 30,
  tag: 60,
  firstYear: 1900,
  lastYear: 2100,
} as const;

export const SIZE_NAMES: Record<OrgSize, string> = {
  small: "Small (under 50 people)",
  medium: "Medium (50–249)",
  large: "Large (250–4,999)",
  enterprise: "Enterprise (5,000+)",
};

export const OUTCOME_KINDS: readonly OutcomeKind[] = ["innovation", "speed", "cost", "quality", "retention", "revenue", "engagement", "safety"];
export const EVIDENCE_ORDER: readonly Evidence[] = ["anecdote", "internal-report", "published-study", "audited-figure"];

/** One outcome as typed: its number stays text ("-2.", "1,200") until it is saved. */
export type OutcomeForm = { kind: OutcomeKind; number: string; unit: string; description: string };

/** A case as the editor holds it: every field as typed. */
export type CaseForm = {
  title: string;
  organisation: string;
  industry: string;
  size: OrgSize | "";
  region: string;
  year: string;
  initiative: string;
  outcomes: OutcomeForm[];
  quote: string;
  sourceTitle: string;
  publisher: string;
  link: string;
  accessed: string;
  evidence: Evidence;
  tags: string[];
  /** How the organisation stands to ours; "" when not said. */
  relation: Relation | "";
};

export type OutcomeErrors = { number?: string; description?: string };

/** What stops the form from being saved, by field, each in words to show beside it. */
export type CaseErrors = Partial<Record<Exclude<keyof CaseForm, "outcomes">, string>> & {
  /** One entry per outcome row of the form (empty when the row is fine). */
  outcomes: OutcomeErrors[];
  /** About the list as a whole (too many). */
  outcomeList?: string;
};

export function blankOutcome(kind: OutcomeKind = "quality"): OutcomeForm {
  return { kind, number: "", unit: "", description: "" };
}

/** The form of a new case: one outcome row to fill in, the weakest evidence until said otherwise. */
export function blankCaseForm(): CaseForm {
  return {
    title: "",
    organisation: "",
    industry: "",
    size: "",
    region: "",
    year: "",
    initiative: "",
    outcomes: [blankOutcome()],
    quote: "",
    sourceTitle: "",
    publisher: "",
    link: "",
    accessed: "",
    evidence: "anecdote",
    tags: [],
    relation: "",
  };
}

export function toCaseForm(study: CaseStudy): CaseForm {
  return {
    title: study.title,
    organisation: study.organisation,
    industry: study.industry,
    size: study.size ?? "",
    region: study.region,
    year: study.year === null ? "" : String(study.year),
    initiative: study.initiative,
    outcomes: study.outcomes.map((o) => ({ kind: o.kind, number: numberText(o.number), unit: o.unit ?? "", description: o.description })),
    quote: study.quote ?? "",
    sourceTitle: study.source.title,
    publisher: study.source.publisher,
    link: study.source.link ?? "",
    accessed: study.source.accessed ?? "",
    evidence: study.evidence,
    tags: [...study.tags],
    relation: study.relation ?? "",
  };
}

/** Whether two forms hold the same (the editor has unsaved changes when its form differs from the one it opened with). */
export function sameCaseForm(a: CaseForm, b: CaseForm): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Characters as the core counts them (Unicode scalar values, not UTF-16 units). */
export const charCount = (text: string): number => Array.from(text).length;

const thousands = (n: number) => n.toLocaleString("en-US");

function tooLong(what: string, text: string, limit: number): string | undefined {
  const count = charCount(text);
  return count > limit ? `${what} can be at most ${thousands(limit)} characters (this one has ${thousands(count)}).` : undefined;
}

export const CASE_MESSAGES = {
  title: "Enter a title: what happened, in a line.",
  organisation: "Enter the organisation that did it.",
  year: `Enter a year from ${CASE_LIMITS.firstYear} to ${CASE_LIMITS.lastYear}, such as 2023.`,
  number: "Enter a number, e.g. 18 or -2.5.",
  description: "Say what the number measures, e.g. fewer repeat breakdowns.",
  link: "Enter a web address that starts with https:// or http://.",
  outcomes: `A case can list at most ${CASE_LIMITS.outcomes} outcomes.`,
  tags: `A case can carry at most ${CASE_LIMITS.tags} tags of up to ${CASE_LIMITS.tag} characters.`,
} as const;

/** A year as typed: null when blank, the year, or not a year the core takes. */
export function parseYear(text: string): { ok: true; value: number | null } | { ok: false } {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, value: null };
  if (!/^\d{1,4}$/.test(trimmed)) return { ok: false };
  const year = Number(trimmed);
  return year >= CASE_LIMITS.firstYear && year <= CASE_LIMITS.lastYear ? { ok: true, value: year } : { ok: false };
}

/** Whether a link is a web address (http or https, with a host). */
export function isWebLink(text: string): boolean {
  if (/\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** A row with nothing typed in it (its kind aside): left out when the case is saved. */
export function isBlankOutcome(row: OutcomeForm): boolean {
  return row.number.trim() === "" && row.unit.trim() === "" && row.description.trim() === "";
}

const optional = (text: string): string | null => (text.trim() === "" ? null : text.trim());

/**
 * The case the form describes, with the id it is saved under (0 adds it), and what stops it
 * from being saved. Text is trimmed, the industry lower-cased (as the core groups it), blank
 * outcome rows left out. `errors` mirrors the core's check so that the form says what is wrong
 * beside the field, before the core would refuse it.
 */
export function fromCaseForm(form: CaseForm, id = 0): { study: CaseStudy; errors: CaseErrors; ok: boolean } {
  const errors: CaseErrors = { outcomes: form.outcomes.map(() => ({})) };
  const line = (field: Exclude<keyof CaseErrors, "outcomes" | "outcomeList">, what: string, text: string) => {
    const problem = tooLong(what, text.trim(), CASE_LIMITS.line);
    if (problem) errors[field] = problem;
  };

  if (form.title.trim() === "") errors.title = CASE_MESSAGES.title;
  else line("title", "The title", form.title);
  if (form.organisation.trim() === "") errors.organisation = CASE_MESSAGES.organisation;
  else line("organisation", "The organisation", form.organisation);
  line("industry", "The industry", form.industry);
  line("region", "The region", form.region);
  line("sourceTitle", "The source title", form.sourceTitle);
  line("publisher", "The publisher", form.publisher);
  line("accessed", "The date", form.accessed);
  const initiative = tooLong("What they did", form.initiative.trim(), CASE_LIMITS.text);
  if (initiative) errors.initiative = initiative;
  const quote = tooLong("The quote", form.quote.trim(), CASE_LIMITS.text);
  if (quote) errors.quote = quote;

  const year = parseYear(form.year);
  if (!year.ok) errors.year = CASE_MESSAGES.year;

  const link = form.link.trim();
  if (link !== "") {
    if (!isWebLink(link)) errors.link = CASE_MESSAGES.link;
    else line("link", "The link", link);
  }

  const outcomes: Outcome[] = [];
  form.outcomes.forEach((row, i) => {
    if (isBlankOutcome(row)) return;
    const rowErrors = errors.outcomes[i];
    const number = parseNumber(row.number);
    if (!number.ok) rowErrors.number = CASE_MESSAGES.number;
    const description = row.description.trim();
    if (description === "") rowErrors.description = CASE_MESSAGES.description;
    else {
      const long = tooLong("A description", description, CASE_LIMITS.line);
      if (long) rowErrors.description = long;
    }
    outcomes.push({ kind: row.kind, number: number.ok ? number.value : null, unit: optional(row.unit), description });
  });
  if (outcomes.length > CASE_LIMITS.outcomes) errors.outcomeList = CASE_MESSAGES.outcomes;

  const tags = form.tags.map((t) => t.trim()).filter((t) => t !== "");
  if (tags.length > CASE_LIMITS.tags || tags.some((t) => charCount(t) > CASE_LIMITS.tag)) errors.tags = CASE_MESSAGES.tags;

  const study: CaseStudy = {
    id,
    title: form.title.trim(),
    organisation: form.organisation.trim(),
    industry: form.industry.trim().toLowerCase(),
    size: form.size === "" ? null : form.size,
    region: form.region.trim(),
    year: year.ok ? year.value : null,
    initiative: form.initiative.trim(),
    outcomes,
    quote: optional(form.quote),
    source: { title: form.sourceTitle.trim(), publisher: form.publisher.trim(), link: optional(form.link), accessed: optional(form.accessed) },
    evidence: form.evidence,
    tags,
    ...(form.relation === "" ? {} : { relation: form.relation }),
  };
  return { study, errors, ok: caseErrorCount(errors) === 0 };
}

/** How many problems the form has (each field's and each outcome row's counted once). */
export function caseErrorCount(errors: CaseErrors): number {
  const { outcomes, ...fields } = errors;
  return Object.values(fields).filter((v) => v !== undefined).length + outcomes.reduce((n, row) => n + Object.keys(row).length, 0);
}
