// TEST DOUBLE of crates/core/src/cases/ (search.rs, transfer.rs, library.rs, story.rs), for the
// fake core only. The real search is FTS5 with ranking and prefix matching; this one is a SIMPLE
// TEXT MATCH: every word of the query must appear (case-insensitively, as a substring) somewhere
// in the case, newest first, and the snippet marks where. Facets are counted over the fake's own
// matches. Saving checks a case as CaseStudy::check does (model.rs), in short; a test can give
// cases a relation (`relations`), which the real library never stores, to see that facet. Imports
// read nothing: a test says what the "file" holds (`importFile`) or how it is refused. Browser
// tests must compare the page with what this double returns, not with the core.
import type { AppError, Block, CaseHit, CaseQuery, CaseStudy, Facets, FacetCount, ImportPreview, ImportSummary, Relation, SearchResult, SnippetPart } from "../src/lib/bindings";
import { emptyBlock } from "../src/lib/dnd";

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const source = (title: string, publisher: string) => ({ title, publisher, link: null, accessed: "2025-03" });

/** A handful of small cases (the real starter set lives in assets/cases/starter.json). */
export function starterCases(): CaseStudy[] {
  return [
    {
      title: "Shop-floor idea board",
      organisation: "Northwind Metals (illustrative)",
      industry: "manufacturing",
      size: "large",
      region: "Europe",
      year: 2023,
      initiative: "Line teams posted improvement ideas on a shared board and voted weekly on which to try.",
      outcomes: [
        { kind: "speed", number: -23, unit: "%", description: "changeover time" },
        { kind: "engagement", number: null, unit: null, description: "more operators took part in reviews" },
      ],
      quote: "The best ideas came from the night shift.",
      source: source("Annual operations report", "Northwind Metals"),
      evidence: "internal-report",
      tags: ["ideas", "lean"],
    },
    {
      title: "Clinic huddles on one channel",
      organisation: "Harbour Health",
      industry: "healthcare",
      size: "medium",
      region: "North America",
      year: 2024,
      initiative: "Nurses replaced paging with a shared huddle channel for each ward.",
      outcomes: [{ kind: "quality", number: 18, unit: "%", description: "fewer handover errors" }],
      quote: null,
      source: source("Journal of Nursing Practice", "JNP"),
      evidence: "published-study",
      tags: ["handover"],
    },
    {
      title: "Branch staff answer each other",
      organisation: "Lakeside Bank",
      industry: "finance",
      size: "enterprise",
      region: "Europe",
      year: 2022,
      initiative: "A question-and-answer community let branch staff solve customer questions without calling head office.",
      outcomes: [{ kind: "cost", number: 1.2, unit: "M€", description: "saved on support calls a year" }],
      quote: "Head office stopped being the bottleneck.",
      source: source("Audited annual accounts", "Lakeside Bank"),
      evidence: "audited-figure",
      tags: ["community"],
    },
    {
      title: "Engineers share designs early",
      organisation: "Coastline Robotics",
      industry: "manufacturing",
      size: "small",
      region: "Asia",
      year: 2024,
      initiative: "Design reviews moved to open threads where any engineer could comment before a freeze.",
      outcomes: [{ kind: "innovation", number: 3, unit: "patents", description: "filed from thread ideas" }],
      quote: null,
      source: source("Interview with the CTO", "Trade weekly"),
      evidence: "anecdote",
      tags: ["design"],
    },
    {
      title: "Store managers swap what works",
      organisation: "Greenleaf Grocers",
      industry: "retail",
      size: "large",
      region: "Europe",
      year: 2023,
      initiative: "Store managers posted weekly wins and copied each other's displays.",
      outcomes: [{ kind: "revenue", number: 4, unit: "%", description: "like-for-like sales" }],
      quote: null,
      source: source("Retail insights study", "Retail Institute"),
      evidence: "published-study",
      tags: ["retail"],
    },
  ];
}

/** Why the core would not store `c` (CaseStudy::check in model.rs, the same limits), or null. */
export function checkCase(c: CaseStudy): string | null {
  const chars = (text: string | null) => Array.from(text ?? "").length;
  if (c.title.trim() === "") return "the title is empty";
  if (c.organisation.trim() === "") return "the organisation is empty";
  const lines: [string, string | null][] = [
    ["title", c.title],
    ["organisation", c.organisation],
    ["industry", c.industry],
    ["region", c.region],
    ["source title", c.source.title],
    ["publisher", c.source.publisher],
    ["link", c.source.link],
    ["accessed date", c.source.accessed],
  ];
  for (const [what, text] of lines) if (chars(text) > 1000) return `the ${what} is longer than 1000 characters`;
  for (const [what, text] of [["initiative", c.initiative], ["quote", c.quote]] as const) {
    if (chars(text) > 20000) return `the ${what} is longer than 20000 characters`;
  }
  if (c.year !== null && !(Number.isInteger(c.year) && c.year >= 1900 && c.year <= 2100)) return `the year ${c.year} is not a year between 1900 and 2100`;
  if (c.outcomes.length > 20) return "a case can list at most 20 outcomes";
  for (const o of c.outcomes) {
    if (o.number !== null && !Number.isFinite(o.number)) return "an outcome's number must be a number";
    if (chars(o.description) > 1000) return "an outcome's description is longer than 1000 characters";
  }
  if (c.tags.length > 30 || c.tags.some((t) => chars(t) > 60)) return "a case can carry at most 30 tags of up to 60 characters";
  return null;
}

/** What the next preview_case_import and import_cases see (`harness.importFile`). */
export type ImportFile = {
  preview: ImportPreview;
  /** The cases the file holds, or the refusal reading it gives (e.g. invalid_csv listing lines). */
  content: CaseStudy[] | AppError;
};

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== "");

function haystack(c: CaseStudy): string {
  return [c.title, c.organisation, c.industry, c.initiative, c.quote ?? "", ...c.outcomes.map((o) => o.description), ...c.tags].join(" \n ").toLowerCase();
}

/** The initiative with every occurrence of a query word marked (the test double's snippet). */
function snippet(text: string, terms: string[]): SnippetPart[] {
  if (terms.length === 0) return [];
  const lower = text.toLowerCase();
  const parts: SnippetPart[] = [];
  let at = 0;
  while (at < text.length) {
    let best: { start: number; end: number } | null = null;
    for (const term of terms) {
      const start = lower.indexOf(term, at);
      if (start >= 0 && (!best || start < best.start)) best = { start, end: start + term.length };
    }
    if (!best) break;
    if (best.start > at) parts.push({ text: text.slice(at, best.start), hit: false });
    parts.push({ text: text.slice(best.start, best.end), hit: true });
    at = best.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false });
  return parts;
}

/** The first of the initiative, the outcomes and the quote that holds a query word (else the initiative). */
function snippetField(c: CaseStudy, terms: string[]): string {
  const fields = [c.initiative, c.outcomes.map((o) => o.description).join("; "), c.quote ?? ""];
  return fields.find((f) => terms.some((t) => f.toLowerCase().includes(t))) ?? c.initiative;
}

function count(values: string[]): FacetCount[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([value, n]) => ({ value, count: n })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

export class FakeLibrary {
  cases: CaseStudy[] = [];
  /** What the next import "reads"; null: the file dialog is cancelled. */
  importFile: ImportFile | null = null;
  /** Every search asked for, in order. */
  queries: CaseQuery[] = [];
  /** Every case save_library_case (or harness.addCase) was given, in order (refused ones too). */
  saves: CaseStudy[] = [];
  /** The next save_library_case is refused with this error. */
  failSaveNext: AppError | null = null;
  /** A relation for some cases, by id (the real library stores none; see the file's comment). */
  relations = new Map<number, Relation>();
  #nextId = 1;

  constructor(cases: CaseStudy[] = starterCases()) {
    for (const c of cases) this.store(c);
  }

  /** As library.rs's save: checked, then added (id 0, or an id no longer there: a new id) or replaced. */
  store(study: CaseStudy): number {
    const c = clone(study);
    const why = checkCase(c);
    if (why) throw { code: "invalid_case", message: `case 1 (${JSON.stringify(c.title)}) cannot be stored: ${why}` };
    c.industry = c.industry.trim().toLowerCase();
    const at = c.id ? this.cases.findIndex((x) => x.id === c.id) : -1;
    if (at < 0) {
      c.id = this.#nextId++;
      this.cases.push(c);
    } else {
      this.cases[at] = c;
    }
    return c.id as number;
  }

  /** save_library_case: as `store`, unless the test asked for a refusal (failSaveNext). */
  save(study: CaseStudy): number {
    this.saves.push(clone(study));
    if (this.failSaveNext) {
      const error = this.failSaveNext;
      this.failSaveNext = null;
      throw clone(error);
    }
    return this.store(study);
  }

  remove(id: number): CaseStudy {
    const at = this.cases.findIndex((c) => c.id === id);
    if (at < 0) throw { code: "not_found", message: "That case is no longer in your library." };
    return this.cases.splice(at, 1)[0];
  }

  get(id: number): CaseStudy {
    const c = this.cases.find((x) => x.id === id);
    if (!c) throw { code: "not_found", message: "That case is no longer in your library." };
    return clone(c);
  }

  search(query: CaseQuery): SearchResult {
    this.queries.push(clone(query));
    const terms = words(query.text);
    const matched = this.cases.filter((c) => {
      const text = haystack(c);
      return terms.every((t) => text.includes(t));
    });
    const filtered = matched.filter(
      (c) =>
        (query.industry === null || c.industry === query.industry) &&
        (query.size === null || c.size === query.size) &&
        (query.kind === null || c.outcomes.some((o) => o.kind === query.kind)) &&
        (query.year === null || c.year === query.year) &&
        (query.evidence === null || c.evidence === query.evidence) &&
        (query.relation === null || this.relations.get(c.id ?? 0) === query.relation),
    );
    const sorted = [...filtered];
    if (query.sort === "title") sorted.sort((a, b) => a.title.localeCompare(b.title));
    else sorted.sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || (b.id ?? 0) - (a.id ?? 0));
    const facets: Facets = {
      industry: count(filtered.map((c) => c.industry)),
      size: count(filtered.flatMap((c) => (c.size ? [c.size] : []))),
      kind: count(filtered.flatMap((c) => [...new Set(c.outcomes.map((o) => o.kind))])),
      year: count(filtered.flatMap((c) => (c.year === null ? [] : [String(c.year)]))),
      evidence: count(filtered.map((c) => c.evidence)),
      relation: count(filtered.flatMap((c) => (this.relations.has(c.id ?? 0) ? [this.relations.get(c.id ?? 0) as string] : []))),
    };
    const hits: CaseHit[] = sorted
      .slice(0, query.limit ?? 50)
      .map((c) => ({ case: clone(c), relation: this.relations.get(c.id ?? 0) ?? null, snippet: snippet(snippetField(c, terms), terms) }));
    return { hits, total: filtered.length, more: false, facets };
  }

  preview(): ImportPreview | null {
    return this.importFile ? clone(this.importFile.preview) : null;
  }

  import(mapping: Record<string, number>, onDuplicate: "skip" | "update" | null): ImportSummary {
    const file = this.importFile;
    if (!file) throw { code: "no_import", message: "Choose a file to import first." };
    if (typeof mapping.title !== "number" || typeof mapping.organisation !== "number") {
      throw { code: "invalid_mapping", message: "Title and organisation need a column." };
    }
    if (!Array.isArray(file.content)) throw clone(file.content);
    const same = (a: CaseStudy, b: CaseStudy) => a.title === b.title && a.organisation === b.organisation;
    const duplicates = file.content.filter((c) => this.cases.some((x) => same(x, c)));
    if (duplicates.length > 0 && onDuplicate === null) {
      throw { code: "duplicates", message: `${duplicates.length} of these ${file.content.length} cases are already in your library.` };
    }
    const summary: ImportSummary = { added: 0, updated: 0, skipped: 0 };
    for (const c of file.content) {
      const existing = this.cases.find((x) => same(x, c));
      if (!existing) {
        this.store({ ...c, id: 0 });
        summary.added++;
      } else if (onDuplicate === "update") {
        this.store({ ...c, id: existing.id });
        summary.updated++;
      } else summary.skipped++;
    }
    return summary;
  }
}

/** A case as blocks (story.rs, simplified): the story, then a metric per numbered outcome when asked. */
export function caseBlocks(c: CaseStudy, relation: Relation | null, metrics: boolean): Block[] {
  const story = emptyBlock("story", c.title);
  story.body = [c.initiative, ...c.outcomes.map((o) => o.description)].join(" ");
  story.organisation = c.organisation;
  story.relation = relation;
  story.source = c.source.title;
  story.sourceLink = c.source.link;
  story.caseId = c.id ?? null;
  const blocks = [story];
  if (metrics) {
    for (const o of c.outcomes) {
      if (o.number === null) continue;
      const metric = emptyBlock("metric", `${o.description} at ${c.organisation}`);
      metric.number = o.number;
      metric.unit = o.unit;
      metric.source = c.source.title;
      metric.organisation = c.organisation;
      metric.relation = relation;
      metric.caseId = c.id ?? null;
      blocks.push(metric);
    }
  }
  return blocks;
}
