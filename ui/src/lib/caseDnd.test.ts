import { describe, expect, it } from "vitest";
import type { CaseHit, Project } from "./bindings";
import { block, section } from "../test/fixtures";
import { caseAdded, caseNotAdded } from "./announce";
import {
  caseCardLabel,
  caseItem,
  caseItemId,
  caseListCount,
  caseListQuery,
  caseMeta,
  caseTargets,
  droppedCase,
  isCaseItem,
  placeForDroppedCase,
  withCopy,
} from "./caseDnd";
import { LIBRARY, sectionZone } from "./dnd";

const b = (id: number) => block({ id, kind: "benefit", title: `Block ${id}` });

function project(): Project {
  return {
    title: "P",
    author: "",
    audience: "",
    industry: "",
    sections: [
      section({ id: 10, title: "Opportunity", blocks: [b(1), b(2), b(3)] }),
      section({ id: 20, title: "Proof", blocks: [b(4)] }),
      section({ id: 30, title: "  " }),
    ],
    library: [b(5), b(6)],
    logo: null,
    accent: null,
    pilots: [],
    cases: [],
  };
}

function hit(id: number, fields: Partial<CaseHit["case"]> = {}, relation: CaseHit["relation"] = null): CaseHit {
  return {
    case: {
      id,
      title: `Case ${id}`,
      organisation: "Lakeside Bank",
      industry: "finance",
      size: null,
      region: "Europe",
      year: 2022,
      initiative: "Branch staff answered each other's questions.",
      outcomes: [{ kind: "cost", number: 1.2, unit: "M€", description: "saved a year" }],
      quote: null,
      source: { title: "Annual accounts", publisher: "Lakeside", link: null, accessed: null },
      evidence: "audited-figure",
      tags: [],
      ...fields,
    },
    relation,
    snippet: [],
  };
}

/** The zone's items after a drop: ids as shown, the case item where it was dropped. */
const shown = (...order: number[]) => order.map((id) => ({ id }));

describe("case items", () => {
  it("are the story the case becomes, with a negative id and the case to add", () => {
    const item = caseItem(hit(7, {}, "competitor"), -3, false);
    expect(item).toMatchObject({
      id: -3,
      kind: "story",
      title: "Case 7",
      organisation: "Lakeside Bank",
      relation: "competitor",
      body: "Branch staff answered each other's questions.",
      source: "Annual accounts",
      caseId: 7,
      caseDrop: { caseId: 7, title: "Case 7", relation: "competitor", metrics: false },
    });
    expect(isCaseItem(item)).toBe(true);
    expect(isCaseItem(b(1))).toBe(false);
    expect(isCaseItem(null)).toBe(false);
  });

  it("get fresh ids that are never a block's (always negative, never the same twice)", () => {
    const ids = Array.from({ length: 50 }, () => caseItemId());
    expect(new Set(ids).size).toBe(50);
    for (const id of ids) expect(id).toBeLessThan(0);
  });

  it("are recognised in a dropped list by the dragged id; a block is not a case", () => {
    const item = caseItem(hit(7), -9, true);
    const items = [b(1), item, b(2)];
    expect(droppedCase(items, -9)).toEqual({ caseId: 7, title: "Case 7", relation: null, metrics: true });
    expect(droppedCase(items, 1)).toBeNull();
    expect(droppedCase(items, -10)).toBeNull();
  });

  it("leave a copy under a fresh id in the list they were dragged from", () => {
    const list = [caseItem(hit(1), -1, true), caseItem(hit(2), -2, true)];
    const after = withCopy(list, -2, -77);
    expect(after.map((i) => i.id)).toEqual([-1, -77]);
    expect(after[1].caseDrop).toEqual(list[1].caseDrop);
    expect(list[1].id).toBe(-2); // the list shown before is not changed
  });
});

describe("placeForDroppedCase", () => {
  it("is the index among the section's blocks where the case was dropped", () => {
    const zone = sectionZone(10);
    expect(placeForDroppedCase(project(), zone, shown(-5, 1, 2, 3), -5)).toEqual({ in: "section", sectionId: 10, index: 0 });
    expect(placeForDroppedCase(project(), zone, shown(1, -5, 2, 3), -5)).toEqual({ in: "section", sectionId: 10, index: 1 });
    expect(placeForDroppedCase(project(), zone, shown(1, 2, 3, -5), -5)).toEqual({ in: "section", sectionId: 10, index: 3 });
  });

  it("is the start of an empty section", () => {
    expect(placeForDroppedCase(project(), sectionZone(30), shown(-5), -5)).toEqual({ in: "section", sectionId: 30, index: 0 });
  });

  it("is null in the block library, in a section that is gone, or when the case is not in the list", () => {
    expect(placeForDroppedCase(project(), LIBRARY, shown(5, -5, 6), -5)).toBeNull();
    expect(placeForDroppedCase(project(), sectionZone(99), shown(-5), -5)).toBeNull();
    expect(placeForDroppedCase(project(), sectionZone(10), shown(1, 2, 3), -5)).toBeNull();
  });
});

describe("the case list", () => {
  it("asks for the words typed, no filters, the most relevant to the project first, the first 20", () => {
    expect(caseListQuery("huddle")).toEqual({
      text: "huddle",
      industry: null,
      size: null,
      kind: null,
      year: null,
      evidence: null,
      relation: null,
      sort: "project",
      limit: 20,
    });
  });

  it("shows the industry and the year, and names a card with its relation", () => {
    expect(caseMeta(hit(1))).toBe("Finance · 2022");
    expect(caseMeta(hit(1, { year: null }))).toBe("Finance");
    expect(caseMeta(hit(1, { industry: "" }))).toBe("2022");
    expect(caseCardLabel(hit(1, {}, "peer"))).toBe("Case study: Case 1, Lakeside Bank, Finance · 2022, peer");
    expect(caseCardLabel(hit(1, { industry: "", year: null }))).toBe("Case study: Case 1, Lakeside Bank");
  });

  it("says how many it lists, and of how many, when it lists only some", () => {
    expect(caseListCount(5, 5, false)).toBe("5 case studies");
    expect(caseListCount(1, 1, false)).toBe("1 case study");
    expect(caseListCount(20, 37, false)).toBe("The first 20 of 37 case studies");
    expect(caseListCount(20, 1000, true)).toBe("The first 20 of 1,000+ case studies");
  });

  it("offers the end of every section to a card's Add to… menu", () => {
    expect(caseTargets(project())).toEqual([
      { label: "Opportunity", zone: "section:10", place: { in: "section", sectionId: 10, index: 3 } },
      { label: "Proof", zone: "section:20", place: { in: "section", sectionId: 20, index: 1 } },
      { label: "Section 3", zone: "section:30", place: { in: "section", sectionId: 30, index: 0 } },
    ]);
  });
});

describe("what adding a case says", () => {
  it("names the case, the section and the position, and the metric blocks that came with it", () => {
    expect(caseAdded("Branch answers", "Proof", 2, 4, 0)).toBe("Added case “Branch answers” to Proof, position 2 of 4. Ctrl+Z takes it back.");
    expect(caseAdded("Branch answers", "Proof", 2, 5, 1)).toBe(
      "Added case “Branch answers” to Proof, position 2 of 5, with 1 metric block. Ctrl+Z takes them back.",
    );
    expect(caseAdded("X", "Proof", 1, 4, 3)).toContain("with 3 metric blocks");
    expect(caseNotAdded("X")).toBe("Cancelled. Case “X” was not added.");
  });
});
