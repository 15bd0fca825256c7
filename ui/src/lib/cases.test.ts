import { describe, expect, it } from "vitest";
import { activeChips, cleanMapping, clearFacet, emptyQuery, facetCounts, facetLabel, importProblems, importSummaryText, mappingProblem, outcomeFigure, placeForCase, resultCount, toggleFacet } from "./cases";
import { block, opened, section } from "../test/fixtures";
import type { Facets } from "./bindings";

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
    expect(importProblems({ code: "invalid_csv", message: "line 3: no title\n\nline 7: year \"soon\" is not a year\n" })).toEqual(["line 3: no title", 'line 7: year "soon" is not a year']);
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
