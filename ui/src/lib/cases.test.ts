import { beforeAll, describe, expect, it } from "vitest";
import {
  activeChips,
  blankCaseForm,
  CASE_MESSAGES,
  caseErrorCount,
  charCount,
  cleanMapping,
  clearFacet,
  emptyQuery,
  facetCounts,
  facetLabel,
  fromCaseForm,
  importProblems,
  importSummaryText,
  isWebLink,
  mappingProblem,
  outcomeFigure,
  parseYear,
  placeForCase,
  quoteText,
  resultCount,
  sameCaseForm,
  toCaseForm,
  toggleFacet,
  type CaseForm,
} from "./cases";
import { block, opened, section } from "../test/fixtures";
import type { CaseStudy, Facets } from "./bindings";
import { control, useRealCore } from "../test/backend";

// The case forms are checked against the real core's CaseStudy::check (save_library_case on the
// test server, crates/test-server).
useRealCore();
beforeAll(async () => {
  await control("/test/reset");
});

/** What the real core answers when asked to store `study` in the library: null when stored, else its refusal. */
async function coreRefusal(study: CaseStudy): Promise<unknown> {
  try {
    await control("/invoke/save_library_case", { case: study });
    return null;
  } catch (e) {
    return (e as { body: unknown }).body;
  }
}

const project = (sections = [section({ id: 1, title: "Opportunity", blocks: [block({ id: 10, kind: "story", title: "a" })] }), section({ id: 2, title: " proof ", blocks: [block({ id: 11, kind: "story", title: "b" }), block({ id: 12, kind: "metric", title: "c" })] }), section({ id: 3, title: "Results" })]) =>
  opened("/p.casewright", { title: "P", sections, library: [block({ id: 20, kind: "benefit", title: "d" })] }).project;

describe("placeForCase", () => {
  it("goes to the end of the selected section", () => {
    expect(placeForCase(project(), { type: "section", id: 3 })).toEqual({ in: "section", sectionId: 3, index: 0 });
  });

  it("goes to the end of the section holding the selected block", () => {
    expect(placeForCase(project(), { type: "block", id: 10 })).toEqual({ in: "section", sectionId: 1, index: 1 });
  });

  it("goes to the Proof section without a selection (or with a library block selected)", () => {
    expect(placeForCase(project(), null)).toEqual({ in: "section", sectionId: 2, index: 2 });
    expect(placeForCase(project(), { type: "block", id: 20 })).toEqual({ in: "section", sectionId: 2, index: 2 });
  });

  it("goes to the first section when none is called Proof, else to the library", () => {
    expect(placeForCase(project([section({ id: 5, title: "Why" }), section({ id: 6, title: "How" })]), null)).toEqual({ in: "section", sectionId: 5, index: 0 });
    expect(placeForCase(project([]), null)).toEqual({ in: "library", index: 1 });
  });

  it("ignores a selection that is gone", () => {
    expect(placeForCase(project(), { type: "section", id: 99 })).toEqual({ in: "section", sectionId: 2, index: 2 });
  });
});

describe("facet filters", () => {
  it("toggles a facet and shows it as a chip", () => {
    let q = toggleFacet(emptyQuery(), "year", "2024");
    expect(q.year).toBe(2024);
    q = toggleFacet(q, "evidence", "internal-report");
    expect(activeChips(q)).toEqual([
      { key: "year", value: "2024", label: "Year: 2024" },
      { key: "evidence", value: "internal-report", label: "Evidence: Internal report" },
    ]);
    expect(toggleFacet(q, "year", "2024").year).toBeNull();
    expect(activeChips(clearFacet(q, "evidence"))).toHaveLength(1);
  });

  it("switches to another value of the same facet", () => {
    const q = toggleFacet(toggleFacet(emptyQuery(), "industry", "retail"), "industry", "finance");
    expect(q.industry).toBe("finance");
  });

  it("keeps the active value in the counts even when the core no longer lists it", () => {
    const facets: Facets = { industry: [{ value: "retail", count: 3 }], size: [], kind: [], year: [], evidence: [], relation: [] };
    const q = toggleFacet(emptyQuery(), "industry", "finance");
    expect(facetCounts(facets, q, "industry")).toEqual([
      { value: "finance", count: 0, active: true },
      { value: "retail", count: 3, active: false },
    ]);
  });

  it("labels values for people", () => {
    expect(facetLabel("industry", "manufacturing")).toBe("Manufacturing");
    expect(facetLabel("evidence", "audited-figure")).toBe("Audited figure");
  });
});

describe("wording", () => {
  it("counts results, with a plus when more match than were ranked", () => {
    expect(resultCount({ total: 37, more: false })).toBe("37 case studies");
    expect(resultCount({ total: 1, more: false })).toBe("1 case study");
    expect(resultCount({ total: 1000, more: true })).toBe("1,000+ case studies");
  });

  it("writes an outcome's figure", () => {
    expect(outcomeFigure({ kind: "speed", number: -23, unit: "%", description: "" })).toMatch(/23%$/);
    expect(outcomeFigure({ kind: "cost", number: 3, unit: "patents", description: "" })).toBe("3 patents");
    expect(outcomeFigure({ kind: "cost", number: null, unit: null, description: "" })).toBeNull();
  });

  it("lists every bad line of a refused import", () => {
    const problems = [
      { line: 3, column: null, message: "no title", row: [] },
      { line: 7, column: "year", message: '"soon" is not a year', row: ["Acme", "Onboarding pilot"] },
    ];
    expect(importProblems({ code: "invalid_csv", message: "not imported", details: { kind: "rows", problems } })).toEqual([
      { text: "line 3: no title", row: [] },
      { text: 'line 7, column year: "soon" is not a year', row: ["Acme", "Onboarding pilot"] },
    ]);
  });

  it("needs title and organisation mapped, and drops unmapped fields", () => {
    expect(mappingProblem({ title: 0 })).toBe("Choose the column for organisation.");
    expect(mappingProblem({ title: 0, organisation: 1 })).toBeNull();
    expect(cleanMapping({ title: 0, organisation: 1, year: -1 })).toEqual({ title: 0, organisation: 1 });
  });

  it("sums up an import", () => {
    expect(importSummaryText({ added: 3, updated: 0, skipped: 2 })).toBe("Imported: 3 added, 2 skipped.");
  });
});

describe("the relation facet", () => {
  it("filters on peer or competitor and shows as a chip", () => {
    const q = toggleFacet(emptyQuery(), "relation", "competitor");
    expect(q.relation).toBe("competitor");
    expect(activeChips(q)).toEqual([{ key: "relation", value: "competitor", label: "Relation: Competitor" }]);
    expect(toggleFacet(q, "relation", "competitor").relation).toBeNull();
    expect(toggleFacet(emptyQuery(), "relation", "friend").relation).toBeNull();
  });

  it("lists the core's relation counts", () => {
    const facets: Facets = { industry: [], size: [], kind: [], year: [], evidence: [], relation: [{ value: "peer", count: 2 }] };
    expect(facetCounts(facets, emptyQuery(), "relation")).toEqual([{ value: "peer", count: 2, active: false }]);
    expect(facetLabel("relation", "peer")).toBe("Peer");
  });
});

describe("quoteText", () => {
  it("wraps a bare quote in quotation marks", () => {
    expect(quoteText("The best ideas came from the night shift.")).toBe("“The best ideas came from the night shift.”");
  });

  it("never doubles marks already wrapping the quote", () => {
    expect(quoteText("“Head office stopped being the bottleneck.”")).toBe("“Head office stopped being the bottleneck.”");
    expect(quoteText('"Head office stopped being the bottleneck."')).toBe("“Head office stopped being the bottleneck.”");
    expect(quoteText('  “"Twice wrapped"”  ')).toBe("“Twice wrapped”");
    expect(quoteText("„Gut gemacht“")).toBe("“Gut gemacht”");
  });

  it("leaves a quote with its own marks and who said it as written (the starter cases)", () => {
    const starter = "‘The night shift stopped inheriting the day shift’s mysteries,’ said a maintenance supervisor.";
    expect(quoteText(starter)).toBe(starter);
    expect(quoteText("“We did it,” said the owner.")).toBe("“We did it,” said the owner.");
    expect(quoteText("“Yes” and “no” were both heard.")).toBe("“Yes” and “no” were both heard.");
  });

  it("turns double marks inside a wrapped quote into single ones", () => {
    expect(quoteText("He called it “the board” every day")).toBe("“He called it ‘the board’ every day”");
  });

  it("shows nothing for marks alone", () => {
    expect(quoteText("“ ”")).toBe("");
    expect(quoteText("  ")).toBe("");
  });
});

const study = (over: Partial<CaseStudy> = {}): CaseStudy => ({
  id: 7,
  title: "Shop-floor idea board",
  organisation: "Northwind Metals",
  industry: "manufacturing",
  size: "large",
  region: "Europe",
  year: 2023,
  initiative: "Line teams posted ideas.",
  outcomes: [
    { kind: "speed", number: -23, unit: "%", description: "changeover time" },
    { kind: "engagement", number: null, unit: null, description: "more operators took part" },
  ],
  quote: "The best ideas came from the night shift.",
  source: { title: "Annual report", publisher: "Northwind", link: "https://example.org/report", accessed: "2025-03" },
  evidence: "internal-report",
  tags: ["ideas", "lean"],
  ...over,
});

const form = (over: Partial<CaseForm> = {}): CaseForm => ({ ...toCaseForm(study()), ...over });

describe("the case form", () => {
  it("turns a case into a form and back unchanged", () => {
    expect(fromCaseForm(toCaseForm(study()), 7)).toEqual({ study: study(), errors: { outcomes: [{}, {}] }, ok: true });
    const bare = study({ size: null, year: null, quote: null, outcomes: [], tags: [], source: { title: "", publisher: "", link: null, accessed: null } });
    expect(fromCaseForm(toCaseForm(bare), 7).study).toEqual(bare);
  });

  it("keeps numbers as typed text in the form", () => {
    const f = toCaseForm(study());
    expect(f.year).toBe("2023");
    expect(f.outcomes[0]).toEqual({ kind: "speed", number: "-23", unit: "%", description: "changeover time" });
    expect(f.outcomes[1].number).toBe("");
    expect(f.size).toBe("large");
  });

  it("trims text, lower-cases the industry, and leaves blank optional fields out", () => {
    const { study: s, ok } = fromCaseForm(form({ title: "  Idea board ", industry: " Manufacturing ", quote: "  ", link: " ", accessed: "", size: "" }), 0);
    expect(ok).toBe(true);
    expect(s).toMatchObject({ id: 0, title: "Idea board", industry: "manufacturing", quote: null, size: null, source: { link: null, accessed: null } });
  });

  it("reads numbers as people write them, and leaves blank outcome rows out", () => {
    const f = form({ outcomes: [{ kind: "cost", number: "1,200", unit: " € ", description: " saved " }, { kind: "quality", number: "", unit: "", description: "  " }] });
    const { study: s, errors, ok } = fromCaseForm(f, 7);
    expect(ok).toBe(true);
    expect(s.outcomes).toEqual([{ kind: "cost", number: 1200, unit: "€", description: "saved" }]);
    expect(errors.outcomes).toEqual([{}, {}]);
  });

  it("needs a title and an organisation", () => {
    const { errors, ok } = fromCaseForm(form({ title: " ", organisation: "" }), 7);
    expect(ok).toBe(false);
    expect(errors.title).toBe(CASE_MESSAGES.title);
    expect(errors.organisation).toBe(CASE_MESSAGES.organisation);
    expect(caseErrorCount(errors)).toBe(2);
  });

  it("takes a year from 1900 to 2100 only", () => {
    for (const year of ["1899", "2101", "20x3", "2023.5", "-2023", "99999"]) {
      expect(fromCaseForm(form({ year }), 7).errors.year, year).toBe(CASE_MESSAGES.year);
    }
    expect(parseYear(" 1900 ")).toEqual({ ok: true, value: 1900 });
    expect(parseYear("2100")).toEqual({ ok: true, value: 2100 });
    expect(parseYear("")).toEqual({ ok: true, value: null });
  });

  it("says which outcome's number is not a number", () => {
    const f = form();
    f.outcomes[1] = { ...f.outcomes[1], number: "about 20" };
    const { errors, ok } = fromCaseForm(f, 7);
    expect(ok).toBe(false);
    expect(errors.outcomes).toEqual([{}, { number: CASE_MESSAGES.number }]);
    for (const bad of ["Infinity", "NaN", "1e999", "12..5"]) {
      f.outcomes[1] = { ...f.outcomes[1], number: bad };
      expect(fromCaseForm(f, 7).errors.outcomes[1].number, bad).toBe(CASE_MESSAGES.number);
    }
  });

  it("asks what a number measures", () => {
    const { errors } = fromCaseForm(form({ outcomes: [{ kind: "speed", number: "18", unit: "%", description: "" }] }), 7);
    expect(errors.outcomes[0]).toEqual({ description: CASE_MESSAGES.description });
  });

  it("takes only web links", () => {
    for (const link of ["example.org", "javascript:alert(1)", "ftp://example.org/x", "https://", "http://exa mple.org"]) {
      expect(fromCaseForm(form({ link }), 7).errors.link, link).toBe(CASE_MESSAGES.link);
    }
    expect(isWebLink("http://example.org/a?b=c")).toBe(true);
    expect(fromCaseForm(form({ link: " https://example.org " }), 7).study.source.link).toBe("https://example.org");
  });

  it("keeps to the core's lengths, counted in characters as the core counts them", () => {
    const emoji = "🙂".repeat(1000);
    expect(emoji.length).toBe(2000);
    expect(charCount(emoji)).toBe(1000);
    expect(fromCaseForm(form({ title: emoji }), 7).errors.title).toBeUndefined();
    expect(fromCaseForm(form({ title: emoji + "x" }), 7).errors.title).toBe("The title can be at most 1,000 characters (this one has 1,001).");
    expect(fromCaseForm(form({ region: "r".repeat(1001) }), 7).errors.region).toMatch(/^The region can be at most 1,000 characters/);
    expect(fromCaseForm(form({ initiative: "i".repeat(20001) }), 7).errors.initiative).toMatch(/at most 20,000 characters/);
    expect(fromCaseForm(form({ quote: "q".repeat(20000) }), 7).errors.quote).toBeUndefined();
    const many = Array.from({ length: 21 }, (_, i) => ({ kind: "cost" as const, number: String(i), unit: "", description: `outcome ${i}` }));
    expect(fromCaseForm(form({ outcomes: many }), 7).errors.outcomeList).toBe(CASE_MESSAGES.outcomes);
    expect(fromCaseForm(form({ tags: ["t".repeat(61)] }), 7).errors.tags).toBe(CASE_MESSAGES.tags);
  });

  it("stops before sending what the real core refuses, and sends what it stores", async () => {
    const emoji = "🙂".repeat(1000);
    const many = Array.from({ length: 21 }, (_, i) => ({ kind: "cost" as const, number: String(i), unit: "", description: `outcome ${i}` }));
    const refused: Partial<CaseForm>[] = [
      { title: "" },
      { organisation: " " },
      { title: emoji + "x" },
      { region: "r".repeat(1001) },
      { publisher: "p".repeat(1001) },
      { initiative: "i".repeat(20001) },
      { tags: Array.from({ length: 31 }, (_, i) => `t${i}`) },
      { tags: ["t".repeat(61)] },
      { outcomes: many },
    ];
    for (const over of refused) {
      const { study: s, ok } = fromCaseForm(form(over), 0);
      const what = JSON.stringify(over).slice(0, 40);
      expect(ok, what).toBe(false);
      expect(await coreRefusal(s), what).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
    // What the form takes, the core stores: at the limits, counted in characters as the core counts them.
    const taken: Partial<CaseForm>[] = [{}, { title: emoji }, { quote: "q".repeat(20000) }, { link: " https://example.org " }];
    for (const over of taken) {
      const { study: s, ok } = fromCaseForm(form({ ...over, title: over.title ?? `Case ${JSON.stringify(over).length}` }), 0);
      const what = JSON.stringify(over).slice(0, 40);
      expect(ok, what).toBe(true);
      expect(await coreRefusal(s), what).toBeNull();
    }
  });

  it("starts a new case with one empty outcome row, which is left out when saved", () => {
    const f = blankCaseForm();
    expect(f.outcomes).toHaveLength(1);
    const { study: s, errors } = fromCaseForm({ ...f, title: "T", organisation: "O" });
    expect(s.outcomes).toEqual([]);
    expect(s.id).toBe(0);
    expect(s.evidence).toBe("anecdote");
    expect(caseErrorCount(errors)).toBe(0);
    expect(caseErrorCount(fromCaseForm(f).errors)).toBe(2);
  });

  it("tells an unchanged form from a changed one", () => {
    expect(sameCaseForm(form(), form())).toBe(true);
    expect(sameCaseForm(form(), form({ title: "Other" }))).toBe(false);
    const f = form();
    f.outcomes[0].unit = "days";
    expect(sameCaseForm(form(), f)).toBe(false);
  });
});
