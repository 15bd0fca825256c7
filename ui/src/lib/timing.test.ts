import { afterEach, describe, expect, it } from "vitest";
import { EDIT, markShown, markStart, OPEN } from "./timing";

const entries = (name: string, type: "mark" | "measure") => performance.getEntriesByName(name, type);

afterEach(() => {
  performance.clearMarks();
  performance.clearMeasures();
});

describe("timing marks", () => {
  it("measures from the request to after the next frame", async () => {
    const start = markStart(OPEN);
    expect(entries(OPEN.start, "mark")).toHaveLength(1);
    let framed = false;
    requestAnimationFrame(() => (framed = true));
    await markShown(OPEN, start);
    expect(framed).toBe(true);
    const [measure] = entries(OPEN.measure, "measure");
    expect(measure.startTime).toBe(start);
    expect(measure.startTime + measure.duration).toBe(entries(OPEN.end, "mark")[0].startTime);
  });

  it("keeps only the latest entry of each name, each measured from its own start", async () => {
    const first = markStart(EDIT);
    const second = markStart(EDIT);
    expect(entries(EDIT.start, "mark")).toHaveLength(1);
    await markShown(EDIT, first);
    await markShown(EDIT, second);
    expect(entries(EDIT.end, "mark")).toHaveLength(1);
    const measures = entries(EDIT.measure, "measure");
    expect(measures).toHaveLength(1);
    expect(measures[0].startTime).toBe(second);
  });
});
