import { describe, expect, it } from "vitest";
import type { Project } from "./bindings";
import { block, section } from "../test/fixtures";
import {
  blankBlock,
  blockAt,
  finalIndex,
  LIBRARY,
  locateBlock,
  moveEditForDrop,
  moveTargets,
  placeForNewBlock,
  sectionMoveForDrop,
  sectionZone,
  zoneName,
} from "./dnd";

const b = (id: number, title = `Block ${id}`) => block({ id, kind: "benefit", title });

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
    library: [b(5), b(6), b(7)],
    logo: null,
    accent: null,
    pilots: [],
    cases: [],
  };
}

/** The zone's items after a drop: `order` lists ids as shown. */
const shown = (...order: number[]) => order.map((id) => ({ id }));

describe("moveEditForDrop", () => {
  it("counts the target's blocks after the moved one is taken out (the final index)", () => {
    // Within a section, down: 1 ends up after 3 → index 2 among [2, 3, 1].
    expect(moveEditForDrop(project(), sectionZone(10), shown(2, 3, 1), 1)).toEqual({
      op: "moveBlock",
      id: 1,
      to: { in: "section", sectionId: 10, index: 2 },
    });
    // Within a section, up: 3 to the top.
    expect(moveEditForDrop(project(), sectionZone(10), shown(3, 1, 2), 3)).toEqual({
      op: "moveBlock",
      id: 3,
      to: { in: "section", sectionId: 10, index: 0 },
    });
  });

  it("places a block from the library into the middle of a section", () => {
    expect(moveEditForDrop(project(), sectionZone(10), shown(1, 6, 2, 3), 6)).toEqual({
      op: "moveBlock",
      id: 6,
      to: { in: "section", sectionId: 10, index: 1 },
    });
  });

  it("moves between sections, into an empty section, and back to the library", () => {
    expect(moveEditForDrop(project(), sectionZone(20), shown(4, 2), 2)?.to).toEqual({ in: "section", sectionId: 20, index: 1 });
    expect(moveEditForDrop(project(), sectionZone(30), shown(2), 2)?.to).toEqual({ in: "section", sectionId: 30, index: 0 });
    expect(moveEditForDrop(project(), LIBRARY, shown(5, 6, 7, 4), 4)?.to).toEqual({ in: "library", index: 3 });
  });

  it("is null when the block ends where it was, or is not in the list", () => {
    expect(moveEditForDrop(project(), sectionZone(10), shown(1, 2, 3), 2)).toBeNull();
    expect(moveEditForDrop(project(), sectionZone(10), shown(1, 3), 2)).toBeNull();
    expect(moveEditForDrop(project(), sectionZone(10), shown(1, 99, 3), 99)).toBeNull();
  });

  it("maps a drop in a filtered library to the full library's index", () => {
    // The library shows only 5 and 7 (a filter hides 6); the block lands between them.
    expect(moveEditForDrop(project(), LIBRARY, shown(5, 2, 7), 2)?.to).toEqual({ in: "library", index: 1 });
    // Before the first shown block: before it in the full list.
    expect(moveEditForDrop(project(), LIBRARY, shown(2, 7), 2)?.to).toEqual({ in: "library", index: 2 });
    // Nothing else shown: at the end.
    expect(moveEditForDrop(project(), LIBRARY, shown(2), 2)?.to).toEqual({ in: "library", index: 3 });
    // Reordering inside the filtered view: 7 shown before 5.
    expect(moveEditForDrop(project(), LIBRARY, shown(7, 5), 7)?.to).toEqual({ in: "library", index: 0 });
  });

  it("reads past the drag's placeholder and items that are not in the zone", () => {
    expect(finalIndex(project(), sectionZone(20), [{ id: "id:dnd-shadow-placeholder-0000" }, { id: 1 }, { id: 4 }], 1)).toBe(0);
  });
});

describe("sectionMoveForDrop", () => {
  const sections = project().sections;

  it("gives the section's new index", () => {
    expect(sectionMoveForDrop(sections, shown(20, 10, 30), 10)).toEqual({ op: "moveSection", id: 10, index: 1 });
    expect(sectionMoveForDrop(sections, shown(30, 10, 20), 30)).toEqual({ op: "moveSection", id: 30, index: 0 });
  });

  it("is null when the order did not change", () => {
    expect(sectionMoveForDrop(sections, shown(10, 20, 30), 20)).toBeNull();
  });
});

describe("moveTargets", () => {
  it("offers up, down, the end of every other section and the library, each with its final index", () => {
    const targets = moveTargets(project(), 2);
    expect(targets.map((t) => [t.label, t.edit])).toEqual([
      ["Move up", { op: "moveBlock", id: 2, to: { in: "section", sectionId: 10, index: 0 } }],
      ["Move down", { op: "moveBlock", id: 2, to: { in: "section", sectionId: 10, index: 2 } }],
      ["Proof", { op: "moveBlock", id: 2, to: { in: "section", sectionId: 20, index: 1 } }],
      ["Section 3", { op: "moveBlock", id: 2, to: { in: "section", sectionId: 30, index: 0 } }],
      ["Library", { op: "moveBlock", id: 2, to: { in: "library", index: 3 } }],
    ]);
  });

  it("leaves out what does not apply: no up for the first, no library for a library block", () => {
    expect(moveTargets(project(), 5).map((t) => t.label)).toEqual(["Move down", "Opportunity", "Proof", "Section 3"]);
    expect(moveTargets(project(), 4).map((t) => t.label)).toEqual(["Opportunity", "Section 3", "Library"]);
    expect(moveTargets(project(), 404)).toEqual([]);
  });
});

describe("placeForNewBlock", () => {
  it("goes after the selected block in a section, at the end of a selected section, else to the library", () => {
    expect(placeForNewBlock(project(), { type: "block", id: 2 })).toEqual({ in: "section", sectionId: 10, index: 2 });
    expect(placeForNewBlock(project(), { type: "section", id: 20 })).toEqual({ in: "section", sectionId: 20, index: 1 });
    expect(placeForNewBlock(project(), { type: "block", id: 6 })).toEqual({ in: "library", index: 3 });
    expect(placeForNewBlock(project(), null)).toEqual({ in: "library", index: 3 });
    expect(placeForNewBlock(project(), { type: "section", id: 404 })).toEqual({ in: "library", index: 3 });
  });
});

describe("helpers", () => {
  it("locate blocks and name zones", () => {
    expect(locateBlock(project(), 3)).toMatchObject({ zone: "section:10", index: 2 });
    expect(locateBlock(project(), 7)).toMatchObject({ zone: "library", index: 2 });
    expect(locateBlock(project(), 404)).toBeNull();
    expect(zoneName(project(), LIBRARY)).toBe("Library");
    expect(zoneName(project(), sectionZone(20))).toBe("Proof");
    expect(zoneName(project(), sectionZone(30))).toBe("Section 3");
    expect(blockAt(project(), { in: "section", sectionId: 10, index: 1 })?.id).toBe(2);
    expect(blockAt(project(), { in: "library", index: 9 })).toBeNull();
  });

  it("make blank blocks of each kind", () => {
    expect(blankBlock("metric")).toMatchObject({ id: 0, kind: "metric", title: "New metric", direction: "higher", tags: [] });
    expect(blankBlock("story")).toMatchObject({ kind: "story", title: "New story", direction: null, relation: null });
  });
});
