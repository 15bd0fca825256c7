import { describe, expect, it } from "vitest";
import type { OpenedProject, Project } from "./bindings";
import { emptyBlock } from "./dnd";
import { sameData, shareProject, shareUnchanged } from "./share";

function project(): Project {
  const block = (id: number, title: string) => ({ ...emptyBlock("benefit", title), id, tags: ["a"] });
  return {
    title: "P",
    author: "",
    audience: "",
    industry: "",
    sections: [
      { id: 10, uid: "", title: "One", notes: "", blocks: [block(1, "a"), block(2, "b"), block(3, "c")] },
      { id: 11, uid: "", title: "Two", notes: "", blocks: [block(4, "d")] },
      { id: 12, uid: "", title: "Three", notes: "", blocks: [block(5, "e")] },
    ],
    library: [block(6, "f")],
    logo: null,
    accent: null,
    pilots: [],
    cases: [],
  };
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe("sharing what a reply did not change", () => {
  it("compares plain data deeply", () => {
    expect(sameData({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(sameData({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData([], {})).toBe(false);
    expect(sameData(null, {})).toBe(false);
  });

  it("keeps every object of an unchanged reply", () => {
    const before = project();
    const after = shareProject(before, copy(before));
    expect(after.sections).toBe(before.sections);
    expect(after.library).toBe(before.library);
  });

  it("a move: the blocks keep their objects, only the two sections' lists are new", () => {
    const before = project();
    const next = copy(before);
    next.sections[2].blocks.push(next.sections[0].blocks.shift()!);
    const after = shareProject(before, next);
    expect(after.sections).not.toBe(before.sections);
    expect(after.sections[1]).toBe(before.sections[1]);
    expect(after.sections[0]).not.toBe(before.sections[0]);
    expect(after.sections[0].blocks[0]).toBe(before.sections[0].blocks[1]);
    expect(after.sections[2].blocks[1]).toBe(before.sections[0].blocks[0]);
    expect(after.sections.map((s) => s.blocks.map((b) => b.id))).toEqual([[2, 3], [4], [5, 1]]);
    expect(after.library).toBe(before.library);
  });

  it("a changed block, section title or notes is the new object", () => {
    const before = project();
    const next = copy(before);
    next.sections[0].blocks[1].tags.push("b");
    next.sections[1].title = "Deux";
    const after = shareProject(before, next);
    expect(after.sections[0].blocks[0]).toBe(before.sections[0].blocks[0]);
    expect(after.sections[0].blocks[1]).toBe(next.sections[0].blocks[1]);
    expect(after.sections[1]).not.toBe(before.sections[1]);
    expect(after.sections[1].title).toBe("Deux");
    expect(after.sections[1].blocks).toBe(before.sections[1].blocks);
    expect(after).toEqual(next);
  });

  it("charts are shared by block id", () => {
    const chart = { bars: [{ label: "Now", value: 3 }] } as unknown as OpenedProject["charts"][number];
    const before: OpenedProject = { path: "p", fileName: "p", project: project(), canUndo: false, canRedo: false, charts: { 1: chart }, readOnly: null };
    const same = shareUnchanged(before, copy(before));
    expect(same.charts).toBe(before.charts);
    const more = shareUnchanged(before, { ...copy(before), charts: { ...copy(before.charts), 2: copy(chart) } });
    expect(more.charts).not.toBe(before.charts);
    expect(more.charts[1]).toBe(chart);
    expect(shareUnchanged(null, before)).toBe(before);
  });

  it("the lock holder of a project open read-only is shared while it is the same", () => {
    const holder = { user: "ana", host: "ana-laptop", pid: 4242, since: 1790000000 };
    const before: OpenedProject = { path: "p", fileName: "p", project: project(), canUndo: false, canRedo: false, charts: {}, readOnly: holder };
    expect(shareUnchanged(before, copy(before)).readOnly).toBe(holder);
    const other = shareUnchanged(before, { ...copy(before), readOnly: { ...holder, user: "ben" } });
    expect(other.readOnly).toEqual({ ...holder, user: "ben" });
    expect(shareUnchanged(before, { ...copy(before), readOnly: null }).readOnly).toBeNull();
  });
});
