import { describe, expect, it } from "vitest";
import type { Conflict, MergePlan } from "./bindings";
import {
  chooseAll,
  chosenUids,
  conflictKindText,
  decideText,
  destinations,
  importButtonText,
  importedMessage,
  importGroups,
  importMatches,
  leftToDecide,
  mergedMessage,
  nothingToMerge,
  partedText,
  resolutionsFor,
  sideDeleted,
} from "./merging";
import { openSince } from "./sharing";
import { block, section } from "../test/fixtures";

const conflict = (id: number, kind: Conflict["kind"] = "changedBothWays"): Conflict => ({
  id,
  kind,
  subject: `Benefit “B${id}” in “Proof”`,
  field: kind === "changedBothWays" ? "text" : null,
  base: null,
  ours: "mine",
  theirs: "theirs",
});

const plan = (taken: string[], conflicts: Conflict[]): MergePlan => ({
  fileName: "Ben.casewright",
  baseMadeAt: 1795000000,
  taken,
  conflicts,
  pilotsDiffer: false,
  fingerprint: "f",
});

describe("the merge's words", () => {
  it("says when the copies parted in local time, or that it is not recorded", () => {
    expect(partedText(1795000000, "en-GB")).toBe(`Your copies parted on ${openSince(1795000000, "en-GB")}.`);
    expect(partedText(0)).toBe("When your copies parted is not recorded.");
  });

  it("names each kind of conflict plainly", () => {
    expect(conflictKindText({ kind: "changedBothWays", field: "text" })).toBe("Changed in both copies: text");
    expect(conflictKindText({ kind: "changedBothWays", field: null })).toBe("Changed in both copies");
    expect(conflictKindText({ kind: "deletedHereChangedThere", field: null })).toBe("You deleted it; they changed it");
    expect(conflictKindText({ kind: "changedHereDeletedThere", field: null })).toBe("You changed it; they deleted it");
    expect(sideDeleted({ kind: "deletedHereChangedThere" }, "ours")).toBe(true);
    expect(sideDeleted({ kind: "deletedHereChangedThere" }, "theirs")).toBe(false);
    expect(sideDeleted({ kind: "changedHereDeletedThere" }, "theirs")).toBe(true);
    expect(sideDeleted({ kind: "changedBothWays" }, "ours")).toBe(false);
  });

  it("reports the merge: their changes, and the conflicts decided when there were any", () => {
    expect(mergedMessage(plan(["a", "b", "c"], []), 0)).toBe("Merged Ben.casewright: 3 of their changes. Undo with Ctrl+Z.");
    expect(mergedMessage(plan(["a", "b", "c", "d", "e"], []), 2)).toBe("Merged Ben.casewright: 5 of their changes, 2 conflicts decided. Undo with Ctrl+Z.");
    expect(mergedMessage(plan(["a"], []), 1)).toBe("Merged Ben.casewright: 1 of their changes, 1 conflict decided. Undo with Ctrl+Z.");
    expect(mergedMessage(plan([], []), 1)).toBe("Merged Ben.casewright: 1 conflict decided. Undo with Ctrl+Z.");
  });
});

describe("the merge's choices", () => {
  const twoConflicts = plan(["x"], [conflict(0), conflict(3, "deletedHereChangedThere")]);

  it("counts what is left to decide and gives no resolutions until every conflict is decided", () => {
    expect(leftToDecide(twoConflicts, {})).toBe(2);
    expect(leftToDecide(twoConflicts, { 3: "theirs" })).toBe(1);
    expect(resolutionsFor(twoConflicts, { 3: "theirs" })).toBeNull();
    expect(decideText(2, 2)).toBe("2 left to decide");
    expect(decideText(0, 2)).toBe("All 2 decided");
    expect(decideText(0, 1)).toBe("Decided");
    expect(decideText(0, 0)).toBe("");
  });

  it("sends one resolution per conflict, in the plan's order, by the conflict's id", () => {
    expect(resolutionsFor(twoConflicts, { 3: "theirs", 0: "ours" })).toEqual([
      { conflict: 0, choice: "ours" },
      { conflict: 3, choice: "theirs" },
    ]);
    expect(resolutionsFor(twoConflicts, chooseAll(twoConflicts, "theirs"))).toEqual([
      { conflict: 0, choice: "theirs" },
      { conflict: 3, choice: "theirs" },
    ]);
    expect(resolutionsFor(plan(["x"], []), {})).toEqual([]);
  });

  it("knows a plan with nothing in it", () => {
    expect(nothingToMerge(plan([], []))).toBe(true);
    expect(nothingToMerge(plan(["x"], []))).toBe(false);
    expect(nothingToMerge(plan([], [conflict(0)]))).toBe(false);
  });
});

describe("importing blocks", () => {
  const source = {
    sections: [
      section({ id: 1, title: "Why now", blocks: [block({ id: 11, uid: "u11", kind: "benefit", title: "Fewer stops" }), block({ id: 12, uid: "u12", kind: "metric", title: "310 hours", body: "Lost to stops" })] }),
      section({ id: 2, title: "", blocks: [block({ id: 21, uid: "u21", kind: "story", title: "Hamburg" })] }),
      section({ id: 3, title: "Empty" }),
    ],
    library: [block({ id: 31, uid: "u31", kind: "benefit", title: "Safety walks" })],
  };

  it("groups the other project's blocks by section in order, then its library, leaving out empty groups", () => {
    const groups = importGroups(source);
    expect(groups.map((g) => [g.name, g.blocks.map((b) => b.uid)])).toEqual([
      ["Why now", ["u11", "u12"]],
      ["Section 2", ["u21"]],
      ["Library", ["u31"]],
    ]);
  });

  it("sends the chosen uids in the other project's order, whatever order they were ticked in", () => {
    const groups = importGroups(source);
    expect(chosenUids(groups, new Set(["u31", "u12", "u11"]))).toEqual(["u11", "u12", "u31"]);
    expect(chosenUids(groups, new Set())).toEqual([]);
  });

  it("filters by the words of a block's title and text", () => {
    const [first] = importGroups(source);
    expect(first.blocks.filter((b) => importMatches(b, "stops"))).toHaveLength(2);
    expect(first.blocks.filter((b) => importMatches(b, "lost"))).toHaveLength(1);
    expect(first.blocks.filter((b) => importMatches(b, ""))).toHaveLength(2);
  });

  it("offers the end of the library or of each section of the open project, with the index the core needs", () => {
    const open = {
      sections: [section({ id: 7, title: "Proof", blocks: [block({ id: 1, kind: "story", title: "a" }), block({ id: 2, kind: "story", title: "b" })] }), section({ id: 8, title: "" })],
      library: [block({ id: 3, kind: "benefit", title: "c" })],
    };
    expect(destinations(open)).toEqual([
      { key: "library", label: "Block library", name: "the block library", place: { in: "library", index: 1 } },
      { key: "section:7", label: "End of section “Proof”", name: "“Proof”", place: { in: "section", sectionId: 7, index: 2 } },
      { key: "section:8", label: "End of section “Section 2”", name: "“Section 2”", place: { in: "section", sectionId: 8, index: 0 } },
    ]);
  });

  it("words the button and the status line", () => {
    expect(importButtonText(0)).toBe("Import 0 blocks");
    expect(importButtonText(1)).toBe("Import 1 block");
    expect(importedMessage(3, "Plant.casewright", "“Proof”")).toBe("Imported 3 blocks from Plant.casewright into “Proof”. Undo with Ctrl+Z.");
  });
});
