import { describe, expect, it } from "vitest";
import { countToShow, rowBudgets, grown, hiddenCount, windowed, WINDOW_STEP } from "./window";

const list = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1 }));
const ids = (items: { id: unknown }[]) => items.map((item) => item.id);

describe("the window over a long list", () => {
  it("shows the first step of cards, and a short list whole (the same array)", () => {
    const long = list(167);
    expect(ids(windowed(long, WINDOW_STEP))).toEqual(ids(long.slice(0, WINDOW_STEP)));
    const short = list(5);
    expect(windowed(short, WINDOW_STEP)).toBe(short);
  });

  it("grows by a step, never past the list", () => {
    expect(grown(24, 167, 24)).toBe(48);
    expect(grown(144, 167, 24)).toBe(167);
    expect(grown(167, 167, 24)).toBe(167);
    expect(hiddenCount(167, 48)).toBe(119);
    expect(hiddenCount(5, 24)).toBe(0);
  });

  it("grows to show a card beyond it, with the rest of that step", () => {
    expect(countToShow(24, 3, 24)).toBe(24);
    expect(countToShow(24, 24, 24)).toBe(48);
    expect(countToShow(24, 166, 24)).toBe(168);
    expect(countToShow(96, 30, 24)).toBe(96);
  });

  it("during a drag: the drag's preview as it is, while the window has not grown", () => {
    const all = list(60);
    // Card 3 dragged out to another zone: the preview no longer holds it.
    const preview = all.slice(0, 24).filter((item) => item.id !== 3);
    expect(windowed(all, 24, preview, 3)).toBe(preview);
    // Card 70 from elsewhere, its placeholder at index 5.
    const incoming = [...all.slice(0, 5), { id: 70 }, ...all.slice(5, 24)];
    expect(windowed(all, 24, incoming, 70)).toBe(incoming);
  });

  it("during a drag: the cards the window grew to come after the preview, the dragged card not among them", () => {
    const all = list(60);
    // Card 2 moved to the end of what showed (a keyboard drag), then the window grew.
    const preview = [all[0], ...all.slice(2, 24), all[1]];
    expect(ids(windowed(all, 48, preview, 2))).toEqual([1, ...ids(all.slice(2, 24)), 2, ...ids(all.slice(24, 48))]);
    // Card 2 dragged out: it does not come back at its old place.
    const out = [all[0], ...all.slice(2, 24)];
    expect(ids(windowed(all, 48, out, 2))).toEqual([1, ...ids(all.slice(2, 48))]);
  });
});

describe("a drop on a window of a long list", () => {
  it("lands by its neighbours among the shown cards, before the cards not shown", async () => {
    const { finalIndex } = await import("./dnd");
    const { emptyBlock } = await import("./dnd");
    const blocks = Array.from({ length: 60 }, (_, i) => ({ ...emptyBlock("benefit", `b${i + 1}`), id: i + 1 }));
    const project = { title: "", author: "", audience: "", industry: "", sections: [{ id: 10, uid: "", title: "S", notes: "", blocks }], library: [{ ...emptyBlock("story", "x"), id: 99 }], logo: null, accent: null, pilots: [], cases: [] };
    const shown = windowed(blocks, 24);
    // After the last card shown (the 24th): index 24, though the list holds 60.
    expect(finalIndex(project, "section:10", [...shown, { id: 99 }], 99)).toBe(24);
    // In the middle of the window.
    expect(finalIndex(project, "section:10", [...shown.slice(0, 9), { id: 99 }, ...shown.slice(9)], 99)).toBe(9);
    // Its own 3rd card carried to the end of the window: its final index counts it out.
    const own = [...shown.slice(0, 2), ...shown.slice(3), blocks[2]];
    expect(finalIndex(project, "section:10", own, 3)).toBe(23);
  });
});

describe("rows of several groups rendered in order", () => {
  it("fills the first groups whole, then part of one, then none", () => {
    expect(rowBudgets([50, 50, 50], 120)).toEqual([50, 50, 20]);
    expect(rowBudgets([50, 50, 50], 50)).toEqual([50, 0, 0]);
    expect(rowBudgets([50, 50, 50], 1000)).toEqual([50, 50, 50]);
  });

  it("renders nothing for no limit, and skips empty groups", () => {
    expect(rowBudgets([3, 0, 4], 0)).toEqual([0, 0, 0]);
    expect(rowBudgets([3, 0, 4], 5)).toEqual([3, 0, 2]);
    expect(rowBudgets([], 10)).toEqual([]);
  });
});
