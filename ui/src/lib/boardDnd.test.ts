import { describe, expect, it, vi } from "vitest";
import { SHADOW_ITEM_MARKER_PROPERTY_NAME, SHADOW_PLACEHOLDER_ITEM_ID, SOURCES, TRIGGERS, type DndEvent } from "svelte-dnd-action";
import type { CaseHit, Edit, Place, Project } from "./bindings";
import { block, section } from "../test/fixtures";
import { BlockDrag, SectionDrag, type ZoneBlock, type ZoneSection } from "./boardDnd.svelte";
import { deferred } from "../test/backend";
import { caseItem, type CaseDrop, type CaseItem } from "./caseDnd";

const b = (id: number) => block({ id, kind: "benefit", title: `Block ${id}` });
const project: Project = {
  title: "P",
  author: "",
  audience: "",
  industry: "",
  sections: [section({ id: 10, title: "Opportunity", blocks: [b(1), b(2)] }), section({ id: 20, title: "Proof", blocks: [b(3)] })],
  library: [b(5)],
  logo: null,
  accent: null,
  pilots: [],
  cases: [],
};

function event<T>(items: T[], trigger: TRIGGERS, id: number, source: SOURCES): CustomEvent<DndEvent<T>> {
  return new CustomEvent("dnd", { detail: { items, info: { trigger, id: String(id), source } } });
}

function host() {
  const pending: ReturnType<typeof deferred<boolean>>[] = [];
  const commit = vi.fn((_edit: Edit) => {
    const reply = deferred<boolean>();
    pending.push(reply);
    return reply.promise;
  });
  const added: ReturnType<typeof deferred<number | null>>[] = [];
  const addCase = vi.fn((_drop: CaseDrop, _to: Place) => {
    const reply = deferred<number | null>();
    added.push(reply);
    return reply.promise;
  });
  const announce = vi.fn();
  return { commit, addCase, added, announce, pending, host: { project: () => project, commit, addCase, announce } };
}

describe("BlockDrag with the pointer", () => {
  it("shows the drag's lists until the core answers the one MoveBlock the drop means", async () => {
    const { host: h, commit, pending, announce } = host();
    const drag = new BlockDrag(h);
    const placeholder = { ...b(5), [SHADOW_ITEM_MARKER_PROPERTY_NAME]: true, id: SHADOW_PLACEHOLDER_ITEM_ID } as unknown as ZoneBlock;
    drag.consider("library", event<ZoneBlock>([placeholder], TRIGGERS.DRAG_STARTED, 5, SOURCES.POINTER));
    expect(drag.pointer).toBe(true);
    drag.consider("section:10", event<ZoneBlock>([b(1), placeholder, b(2)], TRIGGERS.DRAGGED_ENTERED, 5, SOURCES.POINTER));
    expect(drag.items("section:10", project.sections[0].blocks).map((x) => x.id)).toEqual([1, SHADOW_PLACEHOLDER_ITEM_ID, 2]);

    drag.finalize("section:10", event<ZoneBlock>([b(1), b(5), b(2)], TRIGGERS.DROPPED_INTO_ZONE, 5, SOURCES.POINTER));
    drag.finalize("library", event<ZoneBlock>([], TRIGGERS.DROPPED_INTO_ANOTHER, 5, SOURCES.POINTER));
    expect(commit).toHaveBeenCalledExactlyOnceWith({ op: "moveBlock", id: 5, to: { in: "section", sectionId: 10, index: 1 } });
    expect(announce).toHaveBeenLastCalledWith("Dropped “Block 5” in Opportunity, position 2 of 3.");
    expect(drag.items("library", project.library)).toEqual([]);

    pending[0].resolve(true);
    await Promise.resolve();
    await Promise.resolve();
    expect(drag.items("library", project.library)).toBe(project.library);
    expect(drag.pointer).toBe(false);
  });

  it("sends nothing for a drop where the block was, or outside any list", () => {
    const { host: h, commit } = host();
    const drag = new BlockDrag(h);
    drag.finalize("section:10", event<ZoneBlock>([b(1), b(2)], TRIGGERS.DROPPED_INTO_ZONE, 2, SOURCES.POINTER));
    drag.finalize("section:10", event<ZoneBlock>([b(1), b(2)], TRIGGERS.DROPPED_OUTSIDE_OF_ANY, 2, SOURCES.POINTER));
    expect(commit).not.toHaveBeenCalled();
    expect(drag.preview).toEqual({});
  });
});

describe("BlockDrag with the keyboard", () => {
  it("moves only the preview with each key and sends one edit on the drop", () => {
    const { host: h, commit, announce } = host();
    const drag = new BlockDrag(h);
    drag.consider("section:10", event<ZoneBlock>([b(1), b(2)], TRIGGERS.DRAG_STARTED, 1, SOURCES.KEYBOARD));
    expect(drag.keyboard).toEqual({ id: 1, zone: "section:10" });
    expect(announce).toHaveBeenLastCalledWith(expect.stringContaining("Picked up “Block 1” in Opportunity, position 1 of 2"));

    drag.finalize("section:10", event<ZoneBlock>([b(2), b(1)], TRIGGERS.DROPPED_INTO_ZONE, 1, SOURCES.KEYBOARD));
    drag.finalize("section:10", event<ZoneBlock>([b(2)], TRIGGERS.DROPPED_INTO_ANOTHER, 1, SOURCES.KEYBOARD));
    drag.finalize("section:20", event<ZoneBlock>([b(1), b(3)], TRIGGERS.DROPPED_INTO_ZONE, 1, SOURCES.KEYBOARD));
    expect(announce).toHaveBeenLastCalledWith("“Block 1”: Proof, position 1 of 2.");
    expect(drag.keyboard).toEqual({ id: 1, zone: "section:20" });
    expect(commit).not.toHaveBeenCalled();

    drag.consider("section:20", event<ZoneBlock>([b(1), b(3)], TRIGGERS.DRAG_STOPPED, 1, SOURCES.KEYBOARD));
    expect(commit).toHaveBeenCalledExactlyOnceWith({ op: "moveBlock", id: 1, to: { in: "section", sectionId: 20, index: 0 } });
    expect(drag.keyboard).toBeNull();
  });

  it("puts the block back without an edit when cancelled (Escape)", () => {
    const { host: h, commit, announce } = host();
    const drag = new BlockDrag(h);
    drag.consider("section:10", event<ZoneBlock>([b(1), b(2)], TRIGGERS.DRAG_STARTED, 2, SOURCES.KEYBOARD));
    drag.finalize("section:10", event<ZoneBlock>([b(2), b(1)], TRIGGERS.DROPPED_INTO_ZONE, 2, SOURCES.KEYBOARD));
    drag.cancelKeyboardDrag();
    drag.consider("section:10", event<ZoneBlock>([b(2), b(1)], TRIGGERS.DRAG_STOPPED, 2, SOURCES.KEYBOARD));
    expect(commit).not.toHaveBeenCalled();
    expect(drag.preview).toEqual({});
    expect(announce).toHaveBeenLastCalledWith("Move cancelled. “Block 2” stays in Opportunity, position 2.");
  });

  it("moves focus to the next zone on Tab, round again at the end", () => {
    const { host: h } = host();
    const drag = new BlockDrag(h);
    document.body.innerHTML = ["library", "section:10", "section:20"].map((z) => `<ol data-zone="${z}" tabindex="-1"></ol>`).join("");
    expect(drag.focusNextZone(false)).toBe(false); // no drag on
    drag.consider("section:20", event<ZoneBlock>([b(3)], TRIGGERS.DRAG_STARTED, 3, SOURCES.KEYBOARD));
    expect(drag.focusNextZone(false)).toBe(true);
    expect((document.activeElement as HTMLElement).dataset.zone).toBe("library");
    expect(drag.focusNextZone(true)).toBe(true);
    expect((document.activeElement as HTMLElement).dataset.zone).toBe("section:10");
    document.body.innerHTML = "";
  });
});

describe("BlockDrag with a case study from the case list", () => {
  const hit = (id: number, title: string): CaseHit => ({
    case: {
      id,
      title,
      organisation: "Harbour Health",
      industry: "healthcare",
      size: null,
      region: "",
      year: 2024,
      initiative: "Nurses replaced paging with a huddle channel.",
      outcomes: [],
      quote: null,
      source: { title: "Journal", publisher: "JNP", link: null, accessed: null },
      evidence: "published-study",
      tags: [],
    },
    relation: "peer",
    snippet: [],
  });
  const list: CaseItem[] = [caseItem(hit(7, "Clinic huddles"), -101, true), caseItem(hit(8, "Branch answers"), -102, false)];
  const shadowOf = (item: CaseItem) => ({ ...item, [SHADOW_ITEM_MARKER_PROPERTY_NAME]: true, id: SHADOW_PLACEHOLDER_ITEM_ID }) as unknown as ZoneBlock;
  const settle = async () => {
    for (let i = 0; i < 4; i++) await Promise.resolve();
  };

  it("mouse: keeps a copy in the list, and a drop between two blocks adds the case at that index, once", async () => {
    const { host: h, addCase, added, commit } = host();
    const drag = new BlockDrag(h);
    drag.considerCase(list, event<CaseItem>([shadowOf(list[0]) as unknown as CaseItem, list[1]], TRIGGERS.DRAG_STARTED, -101, SOURCES.POINTER));
    expect(drag.pointer).toBe(true);
    const shown = drag.caseItems(list);
    expect(shown.map((i) => i.caseDrop.caseId)).toEqual([7, 8]);
    expect(shown[0].id).not.toBe(-101); // the copy has an id of its own; the original travels
    expect(shown[0].id).toBeLessThan(0);
    expect(shown[1]).toBe(list[1]);

    drag.consider("section:10", event<ZoneBlock>([b(1), shadowOf(list[0]), b(2)], TRIGGERS.DRAGGED_ENTERED, -101, SOURCES.POINTER));
    drag.finalize("section:10", event<ZoneBlock>([b(1), list[0], b(2)], TRIGGERS.DROPPED_INTO_ZONE, -101, SOURCES.POINTER));
    drag.finalizeCase(list, event<CaseItem>(shown, TRIGGERS.DROPPED_INTO_ANOTHER, -101, SOURCES.POINTER));
    expect(addCase).toHaveBeenCalledExactlyOnceWith(
      { caseId: 7, title: "Clinic huddles", relation: "peer", metrics: true },
      { in: "section", sectionId: 10, index: 1 },
    );
    expect(commit).not.toHaveBeenCalled();
    // Until the core answers, the section shows the case where it was dropped.
    expect(drag.items("section:10", project.sections[0].blocks).map((x) => x.id)).toEqual([1, -101, 2]);

    added[0].resolve(42);
    await settle();
    expect(drag.items("section:10", project.sections[0].blocks)).toBe(project.sections[0].blocks);
    expect(drag.caseItems(list)).toBe(list);
    expect(drag.pointer).toBe(false);
  });

  it("mouse: nothing is added when the case falls outside, back on the list, or in the block library", () => {
    const { host: h, addCase, commit } = host();
    const drag = new BlockDrag(h);
    for (const trigger of [TRIGGERS.DROPPED_OUTSIDE_OF_ANY, TRIGGERS.DROPPED_INTO_ZONE]) {
      drag.considerCase(list, event<CaseItem>([shadowOf(list[0]) as unknown as CaseItem, list[1]], TRIGGERS.DRAG_STARTED, -101, SOURCES.POINTER));
      drag.finalizeCase(list, event<CaseItem>(drag.caseItems(list), trigger, -101, SOURCES.POINTER));
      expect(drag.caseItems(list)).toBe(list);
      expect(drag.pointer).toBe(false);
    }
    drag.considerCase(list, event<CaseItem>([shadowOf(list[0]) as unknown as CaseItem, list[1]], TRIGGERS.DRAG_STARTED, -101, SOURCES.POINTER));
    drag.finalize("library", event<ZoneBlock>([b(5), list[0]], TRIGGERS.DROPPED_INTO_ZONE, -101, SOURCES.POINTER));
    drag.finalizeCase(list, event<CaseItem>(drag.caseItems(list), TRIGGERS.DROPPED_INTO_ANOTHER, -101, SOURCES.POINTER));
    expect(addCase).not.toHaveBeenCalled();
    expect(commit).not.toHaveBeenCalled();
    expect(drag.preview).toEqual({});
    expect(drag.caseItems(list)).toBe(list);
  });

  it("keyboard: picked up in the list, moved into a section and along it, added where Space drops it", () => {
    const { host: h, addCase, announce, commit } = host();
    const drag = new BlockDrag(h);
    document.body.innerHTML = ["library", "section:10", "section:20"].map((z) => `<ol data-zone="${z}" tabindex="-1"></ol>`).join("");
    drag.considerCase(list, event<CaseItem>(list, TRIGGERS.DRAG_STARTED, -101, SOURCES.KEYBOARD));
    expect(drag.keyboard).toEqual({ id: -101, zone: "cases" });
    expect(announce).toHaveBeenLastCalledWith(expect.stringContaining("Picked up case “Clinic huddles”"));
    // An arrow key or Tab goes to the first section (a case never goes to the block library).
    expect(drag.focusNextZone(false)).toBe(true);
    expect((document.activeElement as HTMLElement).dataset.zone).toBe("section:10");

    // What the drag library then sends: the case leaves the list (a copy stays) for the section.
    drag.finalizeCase(list, event<CaseItem>([list[1]], TRIGGERS.DROPPED_INTO_ANOTHER, -101, SOURCES.KEYBOARD));
    expect(drag.caseItems(list).map((i) => i.caseDrop.caseId)).toEqual([7, 8]);
    expect(drag.caseItems(list).some((i) => i.id === -101)).toBe(false);
    drag.finalize("section:10", event<ZoneBlock>([list[0], b(1), b(2)], TRIGGERS.DROPPED_INTO_ZONE, -101, SOURCES.KEYBOARD));
    expect(announce).toHaveBeenLastCalledWith("“Clinic huddles”: Opportunity, position 1 of 3.");
    expect(drag.focusNextZone(false)).toBe(true);
    expect((document.activeElement as HTMLElement).dataset.zone).toBe("section:20");
    drag.finalize("section:10", event<ZoneBlock>([b(1), b(2)], TRIGGERS.DROPPED_INTO_ANOTHER, -101, SOURCES.KEYBOARD));
    drag.finalize("section:20", event<ZoneBlock>([list[0], b(3)], TRIGGERS.DROPPED_INTO_ZONE, -101, SOURCES.KEYBOARD));
    drag.finalize("section:20", event<ZoneBlock>([b(3), list[0]], TRIGGERS.DROPPED_INTO_ZONE, -101, SOURCES.KEYBOARD));
    expect(announce).toHaveBeenLastCalledWith("“Clinic huddles”: Proof, position 2 of 2.");
    expect(addCase).not.toHaveBeenCalled();

    drag.consider("section:20", event<ZoneBlock>([b(3), list[0]], TRIGGERS.DRAG_STOPPED, -101, SOURCES.KEYBOARD));
    expect(addCase).toHaveBeenCalledExactlyOnceWith(list[0].caseDrop, { in: "section", sectionId: 20, index: 1 });
    expect(commit).not.toHaveBeenCalled();
    expect(drag.keyboard).toBeNull();
    document.body.innerHTML = "";
  });

  it("keyboard: Escape in a section, or Space before it left the list, adds nothing", () => {
    const { host: h, addCase, announce } = host();
    const drag = new BlockDrag(h);
    drag.considerCase(list, event<CaseItem>(list, TRIGGERS.DRAG_STARTED, -102, SOURCES.KEYBOARD));
    drag.finalizeCase(list, event<CaseItem>([list[0]], TRIGGERS.DROPPED_INTO_ANOTHER, -102, SOURCES.KEYBOARD));
    drag.finalize("section:20", event<ZoneBlock>([list[1], b(3)], TRIGGERS.DROPPED_INTO_ZONE, -102, SOURCES.KEYBOARD));
    drag.cancelKeyboardDrag();
    drag.consider("section:20", event<ZoneBlock>([list[1], b(3)], TRIGGERS.DRAG_STOPPED, -102, SOURCES.KEYBOARD));
    expect(announce).toHaveBeenLastCalledWith("Cancelled. Case “Branch answers” was not added.");
    expect(drag.preview).toEqual({});
    expect(drag.caseItems(list)).toBe(list);

    drag.considerCase(list, event<CaseItem>(list, TRIGGERS.DRAG_STARTED, -101, SOURCES.KEYBOARD));
    drag.considerCase(list, event<CaseItem>(list, TRIGGERS.DRAG_STOPPED, -101, SOURCES.KEYBOARD));
    expect(announce).toHaveBeenLastCalledWith("Cancelled. Case “Clinic huddles” was not added.");
    expect(drag.keyboard).toBeNull();
    expect(addCase).not.toHaveBeenCalled();
  });
});

describe("SectionDrag", () => {
  const sections = project.sections as ZoneSection[];

  it("sends MoveSection for a pointer drop, and one for a keyboard drag on drop", () => {
    const { host: h, commit } = host();
    const drag = new SectionDrag(h);
    drag.finalize(event<ZoneSection>([sections[1], sections[0]], TRIGGERS.DROPPED_INTO_ZONE, 10, SOURCES.POINTER));
    expect(commit).toHaveBeenLastCalledWith({ op: "moveSection", id: 10, index: 1 });

    drag.consider(event<ZoneSection>(sections, TRIGGERS.DRAG_STARTED, 20, SOURCES.KEYBOARD));
    drag.finalize(event<ZoneSection>([sections[1], sections[0]], TRIGGERS.DROPPED_INTO_ZONE, 20, SOURCES.KEYBOARD));
    expect(commit).toHaveBeenCalledTimes(1);
    drag.consider(event<ZoneSection>([sections[1], sections[0]], TRIGGERS.DRAG_STOPPED, 20, SOURCES.KEYBOARD));
    expect(commit).toHaveBeenLastCalledWith({ op: "moveSection", id: 20, index: 0 });
  });

  it("sends nothing when a keyboard drag is cancelled", () => {
    const { host: h, commit } = host();
    const drag = new SectionDrag(h);
    drag.consider(event<ZoneSection>(sections, TRIGGERS.DRAG_STARTED, 20, SOURCES.KEYBOARD));
    drag.finalize(event<ZoneSection>([sections[1], sections[0]], TRIGGERS.DROPPED_INTO_ZONE, 20, SOURCES.KEYBOARD));
    drag.cancelKeyboardDrag();
    drag.consider(event<ZoneSection>([sections[1], sections[0]], TRIGGERS.DRAG_STOPPED, 20, SOURCES.KEYBOARD));
    expect(commit).not.toHaveBeenCalled();
    expect(drag.items(project.sections)).toBe(project.sections);
  });
});
